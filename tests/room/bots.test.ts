/**
 * Bots keep the empty households going: in a solo village they act through the same rules as people
 * once the action window opens, and they never keep the window open for the student.
 */
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  act,
  createVillage,
  hello,
  seen,
  startServer,
  until,
  untilPhase,
  type Village,
  type VillageRoom,
} from "./helpers.ts";

let colyseus: ColyseusTestServer;
let room: VillageRoom;
let sari: Village;
let sariSeat: string;
let botSeats: string[];
/** Anything a bot did while the warning phase was showing (there should be nothing). */
const actedInWarning: string[] = [];

beforeAll(async () => {
  colyseus = await startServer();
  ({ room, client: sari } = await createVillage(colyseus, { name: "Sari", actionSeconds: 60, seed: 7 }));
  sariSeat = (await hello(sari)).seatId;
  botSeats = [...sari.state.players.keys()].filter((id) => id !== sariSeat);
  sari.onStateChange((state) => {
    if (state.phase !== "warning") return;
    for (const id of botSeats) {
      const bot = state.players.get(id);
      if (bot && (bot.contributed > 0 || bot.location !== "home")) actedInWarning.push(id);
    }
  });
  await untilPhase(sari, "action");
});
afterAll(async () => {
  await colyseus.shutdown();
});

/** Units given to projects so far: labour plus resources, as every client sees them. */
function projectUnits(client: Village): number {
  let total = 0;
  for (const p of client.state.projects.values()) total += p.labour + p.beras + p.kayu + p.batu + p.uang;
  return total;
}

it("has four bots beside the student, idle until the action window opens", () => {
  expect(botSeats).toHaveLength(4);
  for (const id of botSeats) expect(seen(sari, id).isBot).toBe(true);
  expect(actedInWarning).toEqual([]);
});

it("bots act through the rules within a few seconds of the action window", async () => {
  await until(
    "a bot's contribution",
    () => botSeats.some((id) => seen(sari, id).contributed > 0) && projectUnits(sari) > 0,
    6_000,
  );
  // Everything they gave is accounted for by the rules: a log entry per act, and the units given
  // to projects plus aid equal what the village credits them with.
  let credited = 0;
  for (const id of botSeats) {
    const bot = seen(sari, id);
    expect(bot.tenaga).toBeLessThanOrEqual(6);
    credited += bot.contributed;
    if (bot.contributed > 0) {
      expect([...sari.state.log].some((e) => e.form === "gotongRoyong" && e.actors.includes(id))).toBe(true);
    }
  }
  expect(seen(sari, sariSeat).contributed).toBe(0);
  const aid = [...sari.state.log]
    .filter((e) => e.key === "coop.aid")
    .reduce((sum, e) => sum + (JSON.parse(e.params) as { units: number }).units, 0);
  expect(projectUnits(sari) + aid).toBe(credited);
  // The rules' own state agrees with what the client decoded.
  for (const id of botSeats)
    expect(room.gameState.players[id]!.contributed).toBeGreaterThanOrEqual(seen(sari, id).contributed);
});

it("bots never hold the window open: the student's Selesai ends it although no bot pressed it", async () => {
  for (const id of botSeats) expect(seen(sari, id).done).toBe(false);
  const actionEndsAt = sari.state.phaseEndsAt;
  expect(await act(sari, "done", {})).toEqual({ ok: true });
  await untilPhase(sari, "night", 2_000);
  expect(sari.state.phaseEndsAt).toBeLessThan(actionEndsAt);
  for (const id of botSeats) expect(seen(sari, id).done).toBe(false);
});
