import { expect, it } from "vitest";
import { student, takeSeat, teacher } from "./classHelpers.ts";
import { framesContain, recordFrames, until, useServer, type Village } from "./helpers.ts";

const server = useServer({ cleanEach: false });

const bytes = (text: string) => [...new TextEncoder().encode(text)];

it("a student's frames never carry the host secret, the class key, other students' keys or host-only data", async () => {
  const t = await teacher(server.colyseus);
  const ani = await student(server.colyseus, t.created.roomId, "Ani");
  const budi = await student(server.colyseus, t.created.roomId, "Budi");
  const aniLobbyFrames = recordFrames(ani.client as unknown as Village);
  // A refused name lands on the teacher's host-only list.
  await student(server.colyseus, t.created.roomId, "Bangsat").catch(() => undefined);
  await until("refused name listed for the teacher", () => t.client.state.host.refused.length === 1);
  expect(await t.host("start")).toEqual({ ok: true });
  const village = await takeSeat(server.colyseus, ani);
  const aniVillageFrames = recordFrames(village);
  await takeSeat(server.colyseus, budi);
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
