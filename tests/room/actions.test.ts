/**
 * Actions through the real server: a request changes only the sender's own seat, bad input is
 * refused with `badMessage` while the student stays connected, rule refusals carry their codes,
 * and Selesai ends the action window early.
 *
 * The warning phase lasts 10 s, so the villages are created once and the tests below run in order
 * on them (each test leaves enough tenaga for the next).
 */
import {
  DEFAULT_CONFIG,
  ERROR_CODES,
  GATHER_YIELD,
  type Resource,
  ROLES,
  SITE_IDS,
  SITES,
  type SiteId,
} from "@bangun-desa/shared";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ActionName,
  act,
  createVillage,
  handOf,
  hello,
  joinVillage,
  seen,
  settle,
  startServer,
  until,
  untilPhase,
  type Village,
  type VillageRoom,
} from "./helpers.ts";

let colyseus: ColyseusTestServer;
/** Ani and Budi share a village with one bot. */
let shared: VillageRoom;
let ani: Village;
let budi: Village;
let aniSeat: string;
let budiSeat: string;
/** Sari plays alone with four bots. */
let solo: Village;

beforeAll(async () => {
  colyseus = await startServer();
  ({ room: shared, client: ani } = await createVillage(colyseus, {
    name: "Ani",
    bots: 2,
    actionSeconds: 60,
  }));
  budi = await joinVillage(colyseus, ani.roomId, { name: "Budi" });
  ({ client: solo } = await createVillage(colyseus, { name: "Sari", actionSeconds: 60 }));
  aniSeat = (await hello(ani)).seatId;
  budiSeat = (await hello(budi)).seatId;
});
afterAll(async () => {
  await colyseus.shutdown();
});

/** A site where this seat's role gathers, and how many units one tenaga yields there. */
function siteFor(client: Village, seatId: string): { site: SiteId; resource: Resource; perTenaga: number } {
  const role = ROLES[seen(client, seatId).role as keyof typeof ROLES];
  const site = SITE_IDS.find((s) => SITES[s].resource === role.specialty) ?? "hutan";
  const resource = SITES[site].resource;
  const perTenaga = role.specialty === resource ? GATHER_YIELD.specialty : GATHER_YIELD.other;
  return { site, resource, perTenaga };
}

function openProject(client: Village, kind: string): string {
  const project = [...client.state.projects.values()].find((p) => p.kind === kind && p.status === "open");
  if (!project) throw new Error(`no open ${kind}`);
  return project.id;
}

it("refuses actions during the warning phase with wrongPhase", async () => {
  expect(ani.state.phase).toBe("warning");
  const tenaga = seen(ani, aniSeat).tenaga;
  const reply = await act(ani, "gather", { site: "sawah", tenaga: 1 });
  expect(reply).toEqual({ ok: false, error: ERROR_CODES.wrongPhase, params: { phase: "warning" } });
  expect(seen(ani, aniSeat).tenaga).toBe(tenaga);
});

describe("in the action window", () => {
  beforeAll(async () => {
    await Promise.all([untilPhase(ani, "action"), untilPhase(budi, "action"), untilPhase(solo, "action")]);
  });

  it("gathering adds to my hand in my synced state and costs tenaga", async () => {
    const { site, resource, perTenaga } = siteFor(ani, aniSeat);
    const me = seen(ani, aniSeat);
    const hand = handOf(me);
    const tenaga = me.tenaga;
    expect(tenaga).toBe(DEFAULT_CONFIG.tenagaPerSeason);

    expect(await act(ani, "gather", { site, tenaga: 1 })).toEqual({ ok: true });
    await until("the gathered units in Ani's hand", () => me.tenaga === tenaga - 1);
    expect(handOf(me)).toEqual({ ...hand, [resource]: hand[resource]! + perTenaga });
    expect(me.location).toBe(site);
  });

  it("answers bad input with badMessage, changes nothing and keeps the student connected", async () => {
    const selokan = openProject(ani, "selokan");
    const bad: [ActionName, unknown, string][] = [
      ["gather", "sawah", "a string instead of an object"],
      ["gather", [1, 2], "an array"],
      ["gather", {}, "a missing site"],
      ["gather", { site: "laut", tenaga: 1 }, "an unknown site"],
      ["gather", { site: "sawah", tenaga: -1 }, "negative tenaga"],
      ["gather", { site: "sawah", tenaga: 1.5 }, "fractional tenaga"],
      ["gather", { site: "sawah", tenaga: "1" }, "tenaga as text"],
      ["gather", { site: "sawah", tenaga: 1, bonus: 5 }, "an extra field"],
      ["gather", { site: "x".repeat(3_000), tenaga: 1 }, "a 3 KB string"],
      ["contribute", { projectId: selokan, give: { kayu: -1 } }, "a negative amount"],
      ["contribute", { projectId: selokan, give: { kayu: 0.5 } }, "a fractional amount"],
      ["contribute", { projectId: selokan, give: { emas: 1 } }, "an unknown resource"],
      ["contribute", { projectId: "x".repeat(3_000), tenaga: 1 }, "a 3 KB project id"],
      ["giveAid", { to: budiSeat, give: { beras: 1e9 } }, "a huge amount"],
      ["done", { early: true }, "done with a field"],
    ];
    const me = seen(ani, aniSeat);
    const before = { ...handOf(me), tenaga: me.tenaga, contributed: me.contributed };
    for (const [name, payload, what] of bad) {
      const reply = await act(ani, name, payload);
      expect(reply, what).toMatchObject({ ok: false, error: ERROR_CODES.badMessage });
      expect(ani.connection.isOpen, what).toBe(true);
    }
    await settle(shared, ani);
    expect({ ...handOf(me), tenaga: me.tenaga, contributed: me.contributed }).toEqual(before);
    expect(me.done).toBe(false);

    const { site } = siteFor(ani, aniSeat);
    expect(await act(ani, "gather", { site, tenaga: 1 })).toEqual({ ok: true });
    await until("the valid gather after bad input", () => me.tenaga === before.tenaga - 1);
  });

  it("names the wrong field in a badMessage reply", async () => {
    const reply = await act(ani, "gather", { site: "sawah", tenaga: -3 });
    expect(reply).toEqual({ ok: false, error: ERROR_CODES.badMessage, params: { field: "tenaga" } });
  });

  it("refuses a project that does not exist with unknownProject", async () => {
    const reply = await act(ani, "contribute", { projectId: "menara-99", tenaga: 1 });
    expect(reply).toEqual({ ok: false, error: ERROR_CODES.unknownProject });
  });

  it("has no way to act for someone else: an actor field is a badMessage, effects land on the sender", async () => {
    const { site } = siteFor(ani, aniSeat);
    for (const payload of [
      { site, tenaga: 1, actor: budiSeat },
      { site, tenaga: 1, playerId: budiSeat },
      { site, tenaga: 1, seatId: budiSeat },
    ]) {
      expect(await act(ani, "gather", payload)).toMatchObject({ ok: false, error: ERROR_CODES.badMessage });
    }

    const aniMe = seen(ani, aniSeat);
    const budiMe = seen(budi, budiSeat);
    const budiBefore = { ...handOf(budiMe), tenaga: budiMe.tenaga };
    const aniTenaga = aniMe.tenaga;
    expect(await act(ani, "gather", { site, tenaga: 1 })).toEqual({ ok: true });
    await until("Ani's own tenaga spent", () => aniMe.tenaga === aniTenaga - 1);
    await settle(shared, ani, budi);
    expect({ ...handOf(budiMe), tenaga: budiMe.tenaga }).toEqual(budiBefore);
    expect(seen(ani, budiSeat).tenaga).toBe(budiBefore.tenaga);
    expect(shared.gameState.players[budiSeat]!.tenaga).toBe(budiBefore.tenaga);

    // And the other way round: Budi's gather touches Budi only.
    const budiSite = siteFor(budi, budiSeat).site;
    const aniHand = handOf(aniMe);
    expect(await act(budi, "gather", { site: budiSite, tenaga: 1 })).toEqual({ ok: true });
    await until("Budi's own tenaga spent", () => budiMe.tenaga === budiBefore.tenaga - 1);
    await settle(shared, ani);
    expect(handOf(aniMe)).toEqual(aniHand);
    expect(aniMe.tenaga).toBe(aniTenaga - 1);
  });

  it("writes a gotong royong entry to the village log when I work on the selokan", async () => {
    const selokan = openProject(ani, "selokan");
    const me = seen(ani, aniSeat);
    const labourPerTenaga = ROLES[me.role as keyof typeof ROLES].labourPerTenaga;
    const contributedBefore = me.contributed;

    expect(await act(ani, "contribute", { projectId: selokan, tenaga: 1 })).toEqual({ ok: true });
    const entry = await until("Ani's selokan entry in state.log", () =>
      [...ani.state.log].find((e) => e.key === "coop.contribute.selokan" && e.actors.includes(aniSeat)),
    );
    expect(entry.form).toBe("gotongRoyong");
    expect(entry.season).toBe(1);
    expect([...entry.actors]).toEqual([aniSeat]);
    expect(JSON.parse(entry.params)).toEqual({ name: "Ani", labour: labourPerTenaga, units: 0 });
    await until("Ani's contribution counted", () => me.contributed === contributedBefore + labourPerTenaga);
    expect(ani.state.projects.get(selokan)!.helpers).toContain(aniSeat);
    // Budi, in the same village, reads the same entry.
    await until("the entry at Budi's end", () => [...budi.state.log].some((e) => e.seq === entry.seq));
  });

  it("refuses with notEnoughTenaga once all my tenaga is spent", async () => {
    const me = seen(ani, aniSeat);
    const left = me.tenaga;
    expect(left).toBeGreaterThan(0);
    const { site } = siteFor(ani, aniSeat);
    expect(await act(ani, "gather", { site, tenaga: left + 1 })).toEqual({
      ok: false,
      error: ERROR_CODES.notEnoughTenaga,
      params: { have: left },
    });
    expect(await act(ani, "gather", { site, tenaga: left })).toEqual({ ok: true });
    await until("tenaga at zero", () => me.tenaga === 0);
    expect(await act(ani, "gather", { site, tenaga: 1 })).toEqual({
      ok: false,
      error: ERROR_CODES.notEnoughTenaga,
      params: { have: 0 },
    });
  });

  it("ends the action window at once when the only person presses Selesai", async () => {
    const actionEndsAt = solo.state.phaseEndsAt;
    expect(actionEndsAt - Date.now()).toBeGreaterThan(30_000);
    const pressedAt = Date.now();
    expect(await act(solo, "done", {})).toEqual({ ok: true });
    await untilPhase(solo, "night", 2_000);
    expect(Date.now() - pressedAt).toBeLessThan(2_000);
    // The night is measured from the press, not from the old deadline.
    expect(solo.state.phaseEndsAt).toBeLessThan(actionEndsAt);
  });

  it("waits for every person in the village before ending the window early", async () => {
    expect(await act(budi, "done", {})).toEqual({ ok: true });
    await until("Budi marked done", () => seen(ani, budiSeat).done);
    // Two clock steps (250 ms each) later the window is still open: Ani has not pressed Selesai.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await settle(shared, ani);
    expect(ani.state.phase).toBe("action");
    expect(await act(ani, "done", {})).toEqual({ ok: true });
    await untilPhase(ani, "night", 2_000);
  });
});
