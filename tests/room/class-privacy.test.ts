/**
 * Secrets of a class never reach a student: the raw frames a student's sockets receive (the class
 * lobby, then the village) contain neither the host secret, nor the class key the villages share,
 * nor another student's device key, nor the host-only lists.
 */
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resetRateLimits } from "../../server/src/http/api.ts";
import { student, takeSeat, teacher } from "./classHelpers.ts";
import { framesContain, recordFrames, startServer, until, type Village } from "./helpers.ts";

let colyseus: ColyseusTestServer;

beforeAll(async () => {
  colyseus = await startServer();
  resetRateLimits();
});
afterAll(async () => {
  await colyseus.shutdown();
});

const bytes = (text: string) => [...new TextEncoder().encode(text)];

it("a student's frames never carry the host secret, the class key, other students' keys or host-only data", async () => {
  const t = await teacher(colyseus);
  const ani = await student(colyseus, t.created.roomId, "Ani");
  const budi = await student(colyseus, t.created.roomId, "Budi");
  const aniLobbyFrames = recordFrames(ani.client as unknown as Village);
  // A refused name lands on the teacher's host-only list.
  await student(colyseus, t.created.roomId, "Bangsat").catch(() => undefined);
  await until("refused name listed for the teacher", () => t.client.state.host.refused.length === 1);
  expect(await t.host("start")).toEqual({ ok: true });
  const village = await takeSeat(colyseus, ani);
  const aniVillageFrames = recordFrames(village);
  await takeSeat(colyseus, budi);
  expect(await t.host("broadcast", { text: "Halo semua" })).toEqual({ ok: true });
  await until("the broadcast reached Ani's village", () => village.state.broadcast === "Halo semua");
  expect(await t.host("pause")).toEqual({ ok: true });
  await until("paused", () => village.state.paused === true);

  const classKey = (t.room as unknown as { classKey: string }).classKey;
  expect(classKey.length).toBeGreaterThanOrEqual(16);
  const frames = [...aniLobbyFrames, ...aniVillageFrames];
  expect(frames.length).toBeGreaterThan(3);
  expect(framesContain(frames, bytes(t.created.hostSecret))).toBe(false);
  expect(framesContain(frames, bytes(classKey))).toBe(false);
  expect(framesContain(frames, bytes(budi.key))).toBe(false);
  expect(framesContain(frames, bytes(ani.key))).toBe(false);
  expect(framesContain(frames, bytes("Bangsat"))).toBe(false);
  // The frames are real: the broadcast text did arrive through them.
  expect(framesContain(aniVillageFrames, bytes("Halo semua"))).toBe(true);
});
