/**
 * A teacher's class through a real server: creating it over HTTP, host authority (every host
 * message refused to students), the lobby (names, filter, kick, rename, moves, automatic split),
 * starting the villages, late joiners, returning students, and the teacher's controls.
 */
import {
  CLOSE_KICKED,
  ERROR_CODES,
  HOST_MESSAGES,
  HOST_SECRET_BYTES,
  PROTOCOL_VERSION,
} from "@bangun-desa/shared";
import { afterEach, describe, expect, it } from "vitest";
import type { ClassRoom } from "../../server/src/rooms/ClassRoom.ts";
import {
  type ClassClient,
  createClass,
  HTTP,
  refusal,
  type Student,
  student,
  studentKey,
  type Teacher,
  takeSeat,
  teacher,
} from "./classHelpers.ts";
import { hello, rawSocket, until, useServer, type Village, type VillageRoom } from "./helpers.ts";

const server = useServer({ cleanEach: true });
afterEach(() => {
  delete process.env.TEACHER_PASSWORD;
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function villageRoom(cls: ClassRoom, index: number): VillageRoom {
  return server.colyseus.getRoomById<VillageRoom>(cls.villageRoomIds[index]!);
}

/** Students named S1…Sn join the class. */
async function students(t: Teacher, n: number): Promise<Student[]> {
  const out: Student[] = [];
  for (let i = 1; i <= n; i++) out.push(await student(server.colyseus, t.created.roomId, `Siswa ${i}`));
  await until(`${n} students in the class`, () => t.client.state.students.size === n);
  return out;
}

function villageSizes(client: ClassClient): number[] {
  const sizes = Array.from({ length: client.state.villageCount }, () => 0);
  for (const s of client.state.students.values()) sizes[s.village] = (sizes[s.village] ?? 0) + 1;
  return sizes;
}

describe("creating a class", () => {
  it("returns a 6-character code, the room and a host secret of at least 128 bits; the code resolves", async () => {
    const created = await createClass();
    expect(created.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(Buffer.from(created.hostSecret, "base64url").length).toBe(HOST_SECRET_BYTES);
    expect(HOST_SECRET_BYTES * 8).toBeGreaterThanOrEqual(128);
    const lookup = await (await fetch(`${HTTP}/api/kode/${created.code.toLowerCase()}`)).json();
    expect(lookup).toEqual({ kind: "kelas", roomId: created.roomId });
    // The room id is not the code: the short code is only reachable through the rate-limited lookup.
    expect(created.roomId).not.toBe(created.code);
  });

  it("with TEACHER_PASSWORD set, needs the password", async () => {
    process.env.TEACHER_PASSWORD = "guru-rahasia";
    const info = await (await fetch(`${HTTP}/api/kelas`)).json();
    expect(info.passwordRequired).toBe(true);
    const wrong = await fetch(`${HTTP}/api/kelas`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password: "tebakan" }),
    });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error).toBe(ERROR_CODES.badPassword);
    const none = await fetch(`${HTTP}/api/kelas`, { method: "POST" });
    expect(none.status).toBe(403);
    const created = await createClass("guru-rahasia");
    expect(created.code).toHaveLength(6);
  });

  it("cannot be done through the matchmaker by a browser, nor can a class village", async () => {
    const error = await refusal(
      server.colyseus.sdk.create("kelas", { code: "AAAAAA", hostSecretHash: "0".repeat(64) }),
    );
    expect(error).toMatch(/not open/);
    const fake = await refusal(
      server.colyseus.sdk.create("village", {
        protocolVersion: PROTOCOL_VERSION,
        classInfo: { classRoomId: "x", classKey: "k".repeat(16), index: 0, seats: 4, seasons: 3 },
      }),
    );
    expect(fake).toMatch(/not open/);
    // Nor a room "restored" from a snapshot of the browser's making (crash recovery is the server's).
    const forged = await refusal(
      server.colyseus.sdk.create("village", {
        protocolVersion: PROTOCOL_VERSION,
        restore: { roomId: "x", kind: "village", data: "{}" },
      }),
    );
    expect(forged).toMatch(/not open/);
    // Nor can anyone wander into a random village.
    expect(await refusal(server.colyseus.sdk.join("village", { protocolVersion: PROTOCOL_VERSION }))).toMatch(
      /not open/,
    );
  });

  it("limits wrong join codes per address", async () => {
    let last = 0;
    for (let i = 0; i < 200 && last !== 429; i++) {
      last = (await fetch(`${HTTP}/api/kode/QQQQQ${"ACDEFGHJKMNPQRTUVWXY34679"[i % 25]}`)).status;
    }
    expect(last).toBe(429);
    const body = await (await fetch(`${HTTP}/api/kode/QQQQQQ`)).json();
    expect(body.error).toBe(ERROR_CODES.tooManyTries);
  });
});

describe("host authority", () => {
  it("refuses every host message from a student, with or without a guessed secret, and keeps them connected", async () => {
    const t = await teacher(server.colyseus);
    const [ani] = await students(t, 1);
    const payloads: Record<string, Record<string, unknown>> = {
      settings: { settings: { seasons: 3 } },
      kick: { studentId: "k1" },
      allowStudent: { studentId: "k1" },
      rename: { studentId: "k1", name: "Bukan Ani" },
      allowName: { name: "anjing" },
      moveStudent: { studentId: "k1", village: 1 },
      resplit: {},
      start: {},
      pause: {},
      resume: {},
      extend: { seconds: 60 },
      end: {},
      broadcast: { text: "libur!" },
    };
    expect(Object.keys(payloads).sort()).toEqual([...HOST_MESSAGES].sort());
    for (const name of HOST_MESSAGES) {
      for (const secret of [undefined, "", "tebak", `${t.created.hostSecret}x`]) {
        const payload = secret === undefined ? payloads[name] : { hostSecret: secret, ...payloads[name] };
        const reply = await ani!.client.request(name, payload);
        expect(reply, `${name} with ${secret}`).toEqual({ ok: false, error: ERROR_CODES.notHost });
        await sleep(55);
      }
    }
    // Even the right secret from a student's connection is refused: host rights come from the host join.
    const stolen = await ani!.client.request("start", { hostSecret: t.created.hostSecret });
    expect(stolen).toEqual({ ok: false, error: ERROR_CODES.notHost });
    expect(t.client.state.phase).toBe("lobby");
    expect(t.client.state.students.get("k1")?.name).toBe("Siswa 1");
    expect(t.room.clients.length).toBe(2);
    expect(await ani!.client.request("me", {})).toEqual({ studentId: "k1" });
  });

  it("refuses a teacher join with a wrong secret", async () => {
    const created = await createClass();
    const error = await refusal(
      server.colyseus.sdk.joinById(created.roomId, {
        role: "host",
        protocolVersion: PROTOCOL_VERSION,
        hostSecret: "bukan-rahasianya",
      }),
    );
    expect(error).toBe(ERROR_CODES.notHost);
  });

  it("shows the host-only lists to the teacher only", async () => {
    const t = await teacher(server.colyseus);
    const [ani] = await students(t, 1);
    expect(await refusal(student(server.colyseus, t.created.roomId, "Bangsat"))).toBe(ERROR_CODES.nameRude);
    await until("the refused name on the teacher's list", () => t.client.state.host?.refused.length === 1);
    await sleep(100);
    expect(ani!.client.state.host?.refused?.length ?? 0).toBe(0);
  });
});

describe("names", () => {
  it("refuses rude names in Indonesian and English, disguised too, and the teacher can allow one", async () => {
    const t = await teacher(server.colyseus);
    for (const name of ["anjing", "B4NGS4T", "t o l o l", "fuck", "sh1t", "Bitch"]) {
      expect(await refusal(student(server.colyseus, t.created.roomId, name)), name).toBe(
        ERROR_CODES.nameRude,
      );
      await sleep(30);
    }
    expect([...t.client.state.host.refused].map((r) => r.name)).toContain("B4NGS4T");
    // Ordinary names that contain something short and rude-looking are fine.
    await student(server.colyseus, t.created.roomId, "Basuki");
    await student(server.colyseus, t.created.roomId, "Dickson");
    // The teacher knows better about one name: it is allowed from now on.
    await until("refused names listed", () => t.client.state.host.refused.length >= 1);
    expect(await t.host("allowName", { name: "anjing" })).toEqual({ ok: true });
    await student(server.colyseus, t.created.roomId, "Anjing");
    await until("three students", () => t.client.state.students.size === 3);
    expect([...t.client.state.students.values()].map((s) => s.name).sort()).toEqual([
      "Anjing",
      "Basuki",
      "Dickson",
    ]);
  });

  it("checks length, characters and uniqueness with clear codes", async () => {
    const t = await teacher(server.colyseus);
    await student(server.colyseus, t.created.roomId, "Sari");
    const id = t.created.roomId;
    expect(await refusal(student(server.colyseus, id, " sari "))).toBe(ERROR_CODES.nameTaken);
    expect(await refusal(student(server.colyseus, id, "S"))).toBe(ERROR_CODES.nameTooShort);
    expect(await refusal(student(server.colyseus, id, "Sari Dewi Lestari Putri"))).toBe(
      ERROR_CODES.nameTooLong,
    );
    expect(await refusal(student(server.colyseus, id, "<b>Sari</b>"))).toBe(ERROR_CODES.nameBadCharacters);
    expect(await refusal(student(server.colyseus, id, "<img src=x onerror=alert(1)>"))).toBe(
      ERROR_CODES.nameTooLong,
    );
  });
});

describe("the lobby", () => {
  it("kick removes the student and keeps the same device out until the teacher allows it", async () => {
    const t = await teacher(server.colyseus);
    const [ani] = await students(t, 1);
    let closedWith = 0;
    ani!.client.onLeave((code) => {
      closedWith = code;
    });
    expect(await t.host("kick", { studentId: "k1" })).toEqual({ ok: true });
    await until("Ani's connection closed", () => closedWith !== 0);
    expect(closedWith).toBe(CLOSE_KICKED);
    await until("Ani gone from the list", () => t.client.state.students.size === 0);
    expect(t.client.state.host.kicked.map((k) => k.name)).toEqual(["Siswa 1"]);
    // The same browser (same device key) cannot come back, whatever name it types.
    expect(await refusal(student(server.colyseus, t.created.roomId, "Siswa Lain", ani!.key))).toBe(
      ERROR_CODES.kicked,
    );
    expect(await t.host("allowStudent", { studentId: "k1" })).toEqual({ ok: true });
    await student(server.colyseus, t.created.roomId, "Siswa 1", ani!.key);
    await until("back in the class", () => t.client.state.students.size === 1);
  });

  it("rename changes the name everyone sees, within the name rules", async () => {
    const t = await teacher(server.colyseus);
    const [ani] = await students(t, 2);
    expect(await t.host("rename", { studentId: "k1", name: "Ani" })).toEqual({ ok: true });
    await until("renamed at the student's end", () => ani!.client.state.students.get("k1")?.name === "Ani");
    expect(await t.host("rename", { studentId: "k1", name: "siswa 2" })).toEqual({
      ok: false,
      error: ERROR_CODES.nameTaken,
    });
    expect(await t.host("rename", { studentId: "k9", name: "Budi" })).toEqual({
      ok: false,
      error: ERROR_CODES.unknownStudent,
    });
  });

  it.each([
    [1, [1]],
    [4, [4]],
    [7, [4, 3]],
    [36, [6, 6, 6, 6, 6, 6]],
  ])("splits %i students into villages of 4–6 automatically", async (n, expected) => {
    const t = await teacher(server.colyseus);
    expect(await t.host("settings", { settings: { villageSize: 6 } })).toEqual({ ok: true });
    await students(t, n);
    await until("the split", () => villageSizes(t.client).join() === expected.join(), 10_000);
    expect(villageSizes(t.client)).toEqual(expected);
  });

  it("the teacher moves a student, and a new student then fills the smallest village", async () => {
    const t = await teacher(server.colyseus);
    await t.host("settings", { settings: { villageSize: 4 } });
    await students(t, 8);
    await until("two villages of 4", () => villageSizes(t.client).join() === "4,4");
    expect(await t.host("moveStudent", { studentId: "k1", village: 1 })).toEqual({ ok: true });
    await until("moved", () => villageSizes(t.client).join() === "3,5");
    expect(t.client.state.manualSplit).toBe(true);
    await student(server.colyseus, t.created.roomId, "Baru");
    await until("the newcomer in the smaller village", () => villageSizes(t.client).join() === "4,5");
    expect(await t.host("moveStudent", { studentId: "k1", village: 7 })).toEqual({
      ok: false,
      error: ERROR_CODES.unknownVillage,
    });
    expect(await t.host("resplit")).toEqual({ ok: true });
    // Nine students in villages of at most 4: three villages of 3.
    await until("split again", () => villageSizes(t.client).join() === "3,3,3");
  });
});

describe("playing", () => {
  async function startedClass(n: number, settings: Record<string, unknown> = {}) {
    const t = await teacher(server.colyseus);
    await t.host("settings", { settings: { villageSize: 5, ...settings } });
    const list = await students(t, n);
    expect(await t.host("start")).toEqual({ ok: true });
    const villages: Village[] = [];
    for (const s of list) villages.push(await takeSeat(server.colyseus, s));
    return { t, list, villages };
  }

  it("start opens the villages, seats every student and shows them on the live board", async () => {
    const { t, villages } = await startedClass(7);
    expect(t.client.state.phase).toBe("playing");
    expect(t.room.villageRoomIds).toHaveLength(2);
    // 7 students in villages of up to 5 → 4 + 3, with a bot filling each village to 5 seats.
    const rooms = [villageRoom(t.room, 0), villageRoom(t.room, 1)];
    expect(rooms.map((r) => r.state.players.size)).toEqual([5, 5]);
    expect(rooms.map((r) => [...r.state.players.values()].filter((p) => !p.isBot).length)).toEqual([4, 3]);
    expect(villages[0]!.state.villageNumber).toBe(1);
    expect(villages[1]!.state.villageNumber).toBe(2);
    // Class villages have no join code of their own.
    expect(villages[0]!.state.code).toBe("");
    await until("the board shows both villages with their households", () =>
      t.client.state.villages.every((v) => v.players.length === 5 && v.season >= 1),
    );
    const board = t.client.state.villages[0]!;
    expect(board.welfare).toBeGreaterThan(0);
    expect(board.projects.length).toBeGreaterThan(0);
    expect(board.players.filter((p) => p.studentId !== "").length).toBe(4);
    await until("students shown as in their village", () =>
      [...t.client.state.students.values()].every((s) => s.status === "village"),
    );
    // A direct join to a class village (without the class's reservation) is refused.
    expect(
      await refusal(
        server.colyseus.sdk.joinById(t.room.villageRoomIds[0]!, { protocolVersion: PROTOCOL_VERSION }),
      ),
    ).toBe(ERROR_CODES.villageUnavailable);
  });

  it("a late joiner takes a bot's seat", async () => {
    const { t, villages } = await startedClass(4);
    const room = villageRoom(t.room, 0);
    const botSeat = [...room.state.players.values()].find((p) => p.isBot)!;
    const botRole = botSeat.role;
    const late = await student(server.colyseus, t.created.roomId, "Telat");
    const village = await takeSeat(server.colyseus, late);
    const { seatId } = await hello(village);
    expect(seatId).toBe(botSeat.id);
    expect(room.state.players.get(seatId)!.isBot).toBe(false);
    expect(room.state.players.get(seatId)!.role).toBe(botRole);
    expect(room.state.players.get(seatId)!.name).toBe("Telat");
    expect(villages).toHaveLength(4);
    // A sixth student finds every seat taken: a new village opens for late joiners.
    const later = await student(server.colyseus, t.created.roomId, "Lebih Telat");
    const second = await takeSeat(server.colyseus, later);
    expect(second.state.villageNumber).toBe(2);
  });

  it("a reload returns the same seat and hand, through the token or through the class", async () => {
    const { t, list, villages } = await startedClass(4);
    const ani = villages[0]!;
    const { seatId } = await hello(ani);
    const room = villageRoom(t.room, 0);
    const handBefore = { ...room.gameState.players[seatId]!.hand };

    // A dropped connection: the reconnection token brings the same session back.
    ani.reconnection.enabled = false;
    rawSocket(ani).terminate();
    await until("shown as away", () => room.gameState.players[seatId]!.connected === false);
    const again: Village = await server.colyseus.sdk.reconnect(ani.reconnectionToken);
    expect((await hello(again)).seatId).toBe(seatId);

    // The tab closed for good (the seat went to a bot): back through the class with the same key.
    await again.leave(true);
    await until("the seat kept by a bot", () => room.gameState.players[seatId]!.isBot);
    const back = await student(server.colyseus, t.created.roomId, "Siswa 1", list[0]!.key);
    const village = await takeSeat(server.colyseus, back);
    expect((await hello(village)).seatId).toBe(seatId);
    expect(room.gameState.players[seatId]!.isBot).toBe(false);
    expect(room.gameState.players[seatId]!.hand).toEqual(handBefore);
    expect(room.gameState.players[seatId]!.name).toBe("Siswa 1");
  });

  it("pause, resume, extend, broadcast and end, for one village or all", async () => {
    const { t, villages } = await startedClass(6, { actionSeconds: 30 });
    const [a, b] = [villageRoom(t.room, 0), villageRoom(t.room, 1)];

    expect(await t.host("pause", { village: 1 })).toEqual({ ok: true });
    expect(b.gameState.paused).toBe(true);
    expect(a.gameState.paused).toBe(false);
    await until("the paused village's students see it", () => villages[1]!.state.paused === true);
    const reply = await villages[1]!.request("gather", { site: "sawah", tenaga: 1 });
    expect(reply).toEqual({ ok: false, error: ERROR_CODES.paused });
    await until("the board shows the pause", () => t.client.state.villages[1]?.paused === true);

    const endsAt = b.gameState.pausedRemainingMs;
    expect(await t.host("extend", { village: 1, seconds: 60 })).toEqual({ ok: true });
    expect(b.gameState.pausedRemainingMs).toBe(endsAt + 60_000);
    expect(await t.host("resume")).toEqual({ ok: true });
    expect(b.gameState.paused).toBe(false);

    expect(await t.host("broadcast", { text: "  Waktu tinggal 5 menit!  " })).toEqual({ ok: true });
    await until("every village shows the message", () =>
      villages.every((v) => v.state.broadcast === "Waktu tinggal 5 menit!"),
    );
    expect(await t.host("broadcast", { text: "   " })).toMatchObject({
      ok: false,
      error: ERROR_CODES.badMessage,
    });

    expect(await t.host("end", { village: 0 })).toEqual({ ok: true });
    expect(a.gameState.phase).toBe("ended");
    expect(a.gameState.result?.endedEarly).toBe(true);
    expect(t.client.state.phase).toBe("playing");
    expect(await t.host("end")).toEqual({ ok: true });
    expect(b.gameState.phase).toBe("ended");
    await until("every student's screen shows the end", () =>
      villages.every((v) => v.state.phase === "ended"),
    );
    expect(t.client.state.phase).toBe("ended");
    // The code has expired with the class.
    expect((await fetch(`${HTTP}/api/kode/${t.created.code}`)).status).toBe(404);
    expect(await refusal(student(server.colyseus, t.created.roomId, "Terlambat", studentKey()))).toBe(
      ERROR_CODES.classEnded,
    );
  });

  it("kicking during play removes the student from the village; a bot keeps the household", async () => {
    const { t, villages } = await startedClass(4);
    const room = villageRoom(t.room, 0);
    const { seatId } = await hello(villages[0]!);
    let closedWith = 0;
    villages[0]!.onLeave((code) => {
      closedWith = code;
    });
    expect(await t.host("kick", { studentId: "k1" })).toEqual({ ok: true });
    await until("the village closed the connection", () => closedWith === CLOSE_KICKED);
    await until("a bot keeps the household", () => room.gameState.players[seatId]!.isBot);
    expect(await t.host("rename", { studentId: "k2", name: "Budi" })).toEqual({ ok: true });
    const { seatId: budiSeat } = await hello(villages[1]!);
    await until("renamed in the village", () => room.gameState.players[budiSeat]!.name === "Budi");
  });
});
