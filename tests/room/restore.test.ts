/**
 * Snapshots and restore in one process (the real-process SIGKILL/SIGTERM test is
 * tests/browser/crash-recovery.test.ts): what a village and a class write to the store, and that a
 * room created from it is the same game, gives each student their own seat back by their key, and
 * keeps the class's students, code and villages.
 */
import { randomBytes } from "node:crypto";
import { type GameState, PROTOCOL_VERSION } from "@bangun-desa/shared";
import { matchMaker } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import type { ClassRoom } from "../../server/src/rooms/ClassRoom.ts";
import { store } from "../../server/src/storage/index.ts";
import { HTTP, student, takeSeat, teacher } from "./classHelpers.ts";
import { createVillage, hello, joinVillage, until, useServer, type VillageRoom } from "./helpers.ts";

const server = useServer({ cleanEach: true });

const seatKey = () => randomBytes(16).toString("base64url");

/** The room's last snapshot, parsed. */
function snapshotOf(roomId: string): { kind: string; data: Record<string, unknown> } {
  const found = store()
    .snapshots()
    .find((s) => s.roomId === roomId);
  if (!found) throw new Error(`no snapshot for ${roomId}`);
  return { kind: found.kind, data: JSON.parse(found.data) };
}

/** Create a room from a stored snapshot under a new id, as the server does at start. */
async function restoreAs(roomId: string, newId: string): Promise<void> {
  const snapshot = store()
    .snapshots()
    .find((s) => s.roomId === roomId)!;
  await matchMaker.handleCreateRoom(snapshot.kind, { restore: snapshot }, undefined, newId);
}

/** The game without what a restore changes on purpose (who is connected, the phase's deadline). */
function comparable(game: GameState): unknown {
  const copy = structuredClone(game) as GameState;
  copy.phaseEndsAt = 0;
  for (const p of Object.values(copy.players)) p.connected = false;
  return copy;
}

describe("snapshots and restore", () => {
  it("a practice village: the snapshot at a season's close is the game, and the seat's key finds the seat again", async () => {
    const aniKey = seatKey();
    const { room, client: ani } = await createVillage(server.colyseus, {
      name: "Ani",
      bots: 2,
      seed: 3,
      seatKey: aniKey,
      actionSeconds: 10,
      warningSeconds: 2,
      nightSeconds: 2,
    });
    const budi = await joinVillage(server.colyseus, ani.roomId, { name: "Budi", seatKey: seatKey() });
    const aniSeat = (await hello(ani)).seatId;
    const budiSeat = (await hello(budi)).seatId;
    // Everyone presses Selesai: season 1 closes and the snapshot is written.
    await until("season 1 action", () => room.gameState.phase === "action");
    expect(await ani.request("done", {})).toEqual({ ok: true });
    expect(await budi.request("done", {})).toEqual({ ok: true });
    await until("season 1 closed", () => room.gameState.phase !== "action");
    await until(
      "the season's snapshot",
      () => (snapshotOf(ani.roomId).data.game as GameState).phase === "night",
    );
    const snap = snapshotOf(ani.roomId);
    expect(snap.kind).toBe("village");
    const saved = snap.data.game as GameState;
    expect(saved.season).toBe(1);

    // Restored under another id (the old room still runs here): the same game, nobody connected.
    await restoreAs(ani.roomId, "restored-village-1");
    const copy = matchMaker.getLocalRoomById("restored-village-1") as VillageRoom;
    expect(comparable(copy.gameState as GameState)).toEqual(comparable(saved));
    expect(copy.gameState.players[aniSeat]!.connected).toBe(false);
    expect(copy.gameState.players[aniSeat]!.isBot).toBe(false);

    // Ani returns with her key to her own seat; a stranger without it gets another.
    const aniAgain = await joinVillage(server.colyseus, "restored-village-1", {
      name: "Ani",
      seatKey: aniKey,
    });
    expect((await hello(aniAgain)).seatId).toBe(aniSeat);
    const stranger = await joinVillage(server.colyseus, "restored-village-1", { name: "Citra" });
    const strangerSeat = (await hello(stranger)).seatId;
    expect([aniSeat, budiSeat]).not.toContain(strangerSeat);
    expect(copy.gameState.players[aniSeat]!.hand).toEqual(saved.players[aniSeat]!.hand);
  });

  it("a graceful stop writes the village as it stands, mid-season", async () => {
    const { room, client: ani } = await createVillage(server.colyseus, {
      name: "Ani",
      bots: 2,
      seed: 4,
      seatKey: seatKey(),
      actionSeconds: 60,
      warningSeconds: 2,
    });
    const aniSeat = (await hello(ani)).seatId;
    await until("season 1 action", () => room.gameState.phase === "action");
    expect(await ani.request("gather", { site: "sawah", tenaga: 1 })).toEqual({ ok: true });
    await until(
      "Ani's move",
      () => room.gameState.players[aniSeat]!.tenaga < room.gameState.config.tenagaPerSeason,
    );
    const now = structuredClone(room.gameState) as GameState;
    room.onBeforeShutdown();
    const saved = snapshotOf(ani.roomId).data.game as GameState;
    expect(saved.phase).toBe("action");
    expect(comparable(saved)).toEqual(comparable(now));
  });

  it("a class: students, code, phase and villages come back, and a student's key finds their seat", async () => {
    const t = await teacher(server.colyseus);
    const ayu = await student(server.colyseus, t.created.roomId, "Ayu");
    expect(await t.host("start")).toEqual({ ok: true });
    const village = await takeSeat(server.colyseus, ayu);
    const ayuSeat = (await hello(village)).seatId;
    await until("the class's snapshot", () => snapshotOf(t.created.roomId).data.phase === "playing", 5_000);
    const snap = snapshotOf(t.created.roomId);
    expect(snap.kind).toBe("kelas");
    // The snapshot keeps what the class needs, never a session.
    expect(snap.data.code).toBe(t.created.code);
    expect(JSON.stringify(snap.data)).not.toContain(t.created.hostSecret);

    await restoreAs(t.created.roomId, "restored-class-1");
    const copy = matchMaker.getLocalRoomById("restored-class-1") as ClassRoom;
    expect(copy.state.phase).toBe("playing");
    expect(copy.state.code).toBe(t.created.code);
    expect([...copy.state.students.values()].map((s) => [s.name, s.status])).toEqual([["Ayu", "away"]]);
    expect(copy.villageRoomIds).toEqual(t.room.villageRoomIds);
    // The code now leads to the restored class.
    const lookup = await fetch(`${HTTP}/api/kode/${t.created.code}`);
    expect(((await lookup.json()) as { roomId: string }).roomId).toBe("restored-class-1");

    // Ayu's device key: the same student, and her own seat in her village.
    village.reconnection.enabled = false;
    await village.leave();
    const again = await student(server.colyseus, "restored-class-1", "Ayu", ayu.key);
    const back = await takeSeat(server.colyseus, again);
    expect((await hello(back)).seatId).toBe(ayuSeat);
    // The teacher's secret still opens the restored class.
    const host = await server.colyseus.sdk.joinById("restored-class-1", {
      role: "host",
      protocolVersion: PROTOCOL_VERSION,
      hostSecret: t.created.hostSecret,
    });
    expect(host.roomId).toBe("restored-class-1");
  });

  it("a class whose village is gone without an end (a failed room) ends instead of playing for ever", async () => {
    const t = await teacher(server.colyseus);
    await student(server.colyseus, t.created.roomId, "Ayu");
    expect(await t.host("start")).toEqual({ ok: true });
    const villageId = t.room.villageRoomIds[0]!;
    await until("the village on the board", () => t.room.state.villages[0]?.phase);
    await (matchMaker.getLocalRoomById(villageId) as VillageRoom).disconnect();
    // What the class's housekeeping (every 30 s) runs.
    await (t.room as unknown as { checkVillages(): Promise<void> }).checkVillages();
    expect(t.room.state.villages[0]!.phase).toBe("ended");
    expect(t.room.state.phase).toBe("ended");
  });
});
