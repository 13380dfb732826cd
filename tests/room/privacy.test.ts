/**
 * A household's hand is private: only its owner receives beras, kayu, batu and uang. Checked on the
 * decoded state of another client over many patches, and on the raw frames its socket receives.
 */
import { ROLES, SITE_IDS, SITES } from "@bangun-desa/shared";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  act,
  createVillage,
  framesContain,
  HAND_FIELDS,
  handOf,
  hello,
  indexOf,
  joinVillage,
  recordFrames,
  seen,
  settle,
  startServer,
  until,
  untilPhase,
  type Village,
  type VillageRoom,
} from "./helpers.ts";

let colyseus: ColyseusTestServer;
let room: VillageRoom;
let ani: Village;
let budi: Village;
let aniSeat: string;
let budiSeat: string;
let aniFrames: Uint8Array[];
let budiFrames: Uint8Array[];

const HIDDEN = { beras: undefined, kayu: undefined, batu: undefined, uang: undefined };

beforeAll(async () => {
  colyseus = await startServer();
  ({ room, client: ani } = await createVillage(colyseus, { name: "Ani", bots: 2, actionSeconds: 60 }));
  budi = await joinVillage(colyseus, ani.roomId, { name: "Budi" });
  aniSeat = (await hello(ani)).seatId;
  budiSeat = (await hello(budi)).seatId;
  aniFrames = recordFrames(ani);
  budiFrames = recordFrames(budi);
  await Promise.all([untilPhase(ani, "action"), untilPhase(budi, "action")]);
});
afterAll(async () => {
  await colyseus.shutdown();
});

function specialtySite(client: Village, seatId: string) {
  const role = ROLES[seen(client, seatId).role as keyof typeof ROLES];
  return SITE_IDS.find((s) => SITES[s].resource === role.specialty) ?? "hutan";
}

it("another student's decoded state never holds my hand, while I see mine", async () => {
  const seenByBudi: unknown[] = [];
  budi.onStateChange(() => {
    const aniThere = budi.state.players.get(aniSeat);
    if (aniThere) seenByBudi.push(handOf(aniThere));
  });

  const aniMe = seen(ani, aniSeat);
  const tenaga = aniMe.tenaga;
  const site = specialtySite(ani, aniSeat);
  for (let i = 0; i < 3; i++) expect(await act(ani, "gather", { site, tenaga: 1 })).toEqual({ ok: true });
  expect(await act(budi, "gather", { site: specialtySite(budi, budiSeat), tenaga: 1 })).toEqual({ ok: true });
  await until("Ani's three gathers", () => aniMe.tenaga === tenaga - 3);
  await settle(room, ani, budi);

  expect(seenByBudi.length).toBeGreaterThanOrEqual(3);
  for (const hand of seenByBudi) expect(hand).toEqual(HIDDEN);

  // Budi sees Ani's public side: her name, her tenaga, where she went.
  const aniAtBudi = seen(budi, aniSeat);
  expect(aniAtBudi.name).toBe("Ani");
  expect(aniAtBudi.tenaga).toBe(tenaga - 3);
  expect(aniAtBudi.location).toBe(site);
  expect(Object.keys(budi.state.toJSON().players[aniSeat] ?? {})).not.toContain("beras");

  // Each sees exactly their own hand, as the rules hold it.
  expect(handOf(aniMe)).toEqual(room.gameState.players[aniSeat]!.hand);
  expect(handOf(seen(budi, budiSeat))).toEqual(room.gameState.players[budiSeat]!.hand);
  expect(handOf(seen(ani, budiSeat))).toEqual(HIDDEN);
});

it("my hand's values never appear in the frames another student's socket receives", async () => {
  // Gathering gives small numbers (< 40) whose bytes turn up anywhere by chance; values above 40 000
  // make a byte pattern that cannot. Set them in the rules state, then a real gather syncs them.
  const hand = room.gameState.players[aniSeat]!.hand;
  Object.assign(hand, { beras: 0xa7c3, kayu: 0xcafe, batu: 0xbeef, uang: 0xdead });
  const aniMe = seen(ani, aniSeat);
  const tenaga = aniMe.tenaga;
  expect(await act(ani, "gather", { site: specialtySite(ani, aniSeat), tenaga: 1 })).toEqual({ ok: true });
  await until(
    "Ani's distinctive hand at Ani's end",
    () => aniMe.tenaga === tenaga - 1 && aniMe.batu === hand.batu,
  );
  await settle(room, ani, budi);
  expect(handOf(aniMe)).toEqual(hand);
  expect(handOf(seen(budi, aniSeat))).toEqual(HIDDEN);

  for (const field of HAND_FIELDS) {
    const value = hand[field];
    const bytes = [value & 0xff, value >> 8];
    // Positive control: Ani's own socket got the value; take the byte before it (the field's tag)
    // so the pattern is 3 bytes long and cannot match Budi's frames by accident.
    const frame = aniFrames.find((f) => indexOf(f, bytes) > 0);
    expect(frame, `${field}=${value} in Ani's frames`).toBeDefined();
    const at = indexOf(frame!, bytes);
    const pattern = [frame![at - 1]!, ...bytes];
    expect(framesContain(aniFrames, pattern)).toBe(true);
    expect(framesContain(budiFrames, pattern), `${field}=${value} in Budi's frames`).toBe(false);
  }
  expect(budiFrames.length).toBeGreaterThan(0);

  // A student who joins now gets the full state, still without Ani's hand.
  const citra = await joinVillage(colyseus, ani.roomId, { name: "Citra" });
  expect(handOf(seen(citra, aniSeat))).toEqual(HIDDEN);
  const aniAtCitra = citra.state.toJSON().players[aniSeat] ?? {};
  expect(aniAtCitra).toMatchObject({ name: "Ani" });
  for (const field of HAND_FIELDS) expect(Object.keys(aniAtCitra)).not.toContain(field);
});
