/**
 * Joining a village through the real server: the join code, `hello`, seats that start as bots and
 * are taken over by students, the protocol check and a full village.
 */
import { ERROR_CODES, PROTOCOL_VERSION } from "@bangun-desa/shared";
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, CODE_LENGTH } from "../../shared/src/index.ts";
import {
  createVillage,
  HAND_FIELDS,
  handOf,
  hello,
  joinOptions,
  joinVillage,
  seen,
  until,
  useServer,
  type VillageRoom,
} from "./helpers.ts";

const server = useServer({ cleanEach: true });

describe("creating a village", () => {
  it("gives a 6-character join code from the no-look-alike alphabet that resolves to the room", async () => {
    const { client } = await createVillage(server.colyseus, { name: "Ani" });
    const code = client.state.code;
    expect(code).toHaveLength(CODE_LENGTH);
    expect(CODE_LENGTH).toBe(6);
    for (const ch of code) expect(CODE_ALPHABET).toContain(ch);
    // The room id is long and random; the short code only resolves through the rate-limited lookup.
    expect(client.roomId).not.toBe(code);
    const lookup = await (await fetch(`http://localhost:2568/api/kode/${code}`)).json();
    expect(lookup).toEqual({ kind: "desa", roomId: client.roomId });
  });

  it("answers hello with my seat and the server time", async () => {
    const { client } = await createVillage(server.colyseus, { name: "Ani" });
    const before = Date.now();
    const reply = await hello(client);
    expect(reply.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(client.state.players.has(reply.seatId)).toBe(true);
    expect(Math.abs(reply.serverNow - before)).toBeLessThan(2_000);
  });

  it("seats me as a human named Ani and fills every other seat with a bot", async () => {
    const { client } = await createVillage(server.colyseus, { name: "Ani", bots: 4 });
    const { seatId } = await hello(client);
    expect(client.state.players.size).toBe(5);
    const me = seen(client, seatId);
    expect(me.name).toBe("Ani");
    expect(me.isBot).toBe(false);
    expect(me.connected).toBe(true);
    for (const [id, player] of client.state.players) {
      if (id === seatId) continue;
      expect(player.isBot, `seat ${id}`).toBe(true);
      expect(player.name).not.toBe("Ani");
    }
  });

  it("starts the game (season 1, warning) when the first person joins, not before", async () => {
    const room = await server.colyseus.createRoom<VillageRoom>("village", joinOptions());
    expect(room.state.phase).toBe("lobby");
    expect(room.state.season).toBe(0);
    const client = await server.colyseus.connectTo(room, joinOptions({ name: "Ani" }));
    expect(client.state.phase).toBe("warning");
    expect(client.state.season).toBe(1);
    expect(client.state.phaseEndsAt).toBeGreaterThan(Date.now());
  });
});

describe("the protocol version is checked at join", () => {
  it("refuses to create a village for a client of another version", async () => {
    const error = await server.colyseus.sdk
      .create("village", { protocolVersion: PROTOCOL_VERSION + 1, name: "Ani" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(ERROR_CODES.protocolMismatch);
  });

  it("refuses to seat a client of another version in an existing village", async () => {
    const { client, room } = await createVillage(server.colyseus, { name: "Ani" });
    const error = await server.colyseus.sdk
      .joinById(client.roomId, { protocolVersion: PROTOCOL_VERSION + 1, name: "Budi" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(ERROR_CODES.protocolMismatch);
    const humans = [...room.state.players.values()].filter((p) => !p.isBot);
    expect(humans).toHaveLength(1);
  });

  it("refuses a join without a protocol version", async () => {
    const { client } = await createVillage(server.colyseus, { name: "Ani" });
    const error = await server.colyseus.sdk.joinById(client.roomId, { name: "Budi" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(ERROR_CODES.badMessage);
  });
});

describe("a second student", () => {
  it("takes over a bot's seat, keeping the bot's role and hand", async () => {
    const { client: ani, room } = await createVillage(server.colyseus, { name: "Ani", bots: 4 });
    const aniSeat = (await hello(ani)).seatId;
    const botsBefore = new Map(
      [...room.state.players.entries()]
        .filter(([, p]) => p.isBot)
        .map(([id, p]) => [
          id,
          { role: p.role, hand: { beras: p.beras, kayu: p.kayu, batu: p.batu, uang: p.uang } },
        ]),
    );
    expect(botsBefore.size).toBe(4);

    const budi = await joinVillage(server.colyseus, ani.roomId, { name: "Budi" });
    const budiSeat = (await hello(budi)).seatId;
    expect(budiSeat).not.toBe(aniSeat);
    const was = botsBefore.get(budiSeat);
    expect(was, "Budi's seat was a bot's").toBeDefined();

    const me = seen(budi, budiSeat);
    expect(me.isBot).toBe(false);
    expect(me.name).toBe("Budi");
    expect(me.role).toBe(was!.role);
    expect(handOf(me)).toEqual(was!.hand);
    for (const field of HAND_FIELDS) expect(me[field]).toEqual(expect.any(Number));
    expect(budi.state.players.size).toBe(5);
  });

  it("is refused when every seat is a person, and nobody loses a seat", async () => {
    const { client, room } = await createVillage(server.colyseus, { name: "Ani", bots: 2 });
    expect(client.state.players.size).toBe(3);
    await joinVillage(server.colyseus, client.roomId, { name: "Budi" });
    const citra = await joinVillage(server.colyseus, client.roomId, { name: "Citra" });
    await until("every seat taken by a person", () =>
      [...citra.state.players.values()].every((p) => !p.isBot),
    );

    const error = await server.colyseus.sdk.joinById(client.roomId, joinOptions({ name: "Dedi" })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("roomFull");
    expect(room.clients).toHaveLength(3);
    expect([...room.state.players.values()].map((p) => p.name).sort()).toEqual(["Ani", "Budi", "Citra"]);
  });
});

describe("HTTP answers", () => {
  it("carry the security headers: only the project's own scripts, no framing, no sniffing", async () => {
    const res = await fetch("http://localhost:2568/healthz");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});
