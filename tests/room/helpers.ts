/**
 * Helpers for room tests: a real server (`boot`), real SDK clients, and small waits that poll the
 * decoded state instead of sleeping a fixed time. Every client joins with the current protocol version.
 */
import { type ActionReply, type JoinOptions, PROTOCOL_VERSION } from "@bangun-desa/shared";
import type { Room as SDKRoom } from "@colyseus/sdk";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { server } from "../../server/src/app.ts";
import { resetRateLimits } from "../../server/src/http/api.ts";
import type { VillageRoom } from "../../server/src/rooms/VillageRoom.ts";
import type { HelloReply } from "../../shared/src/index.ts";
import { until } from "../support/until.ts";

export type { VillageRoom };
export { until };
/** A student's SDK connection to a village. */
export type Village = SDKRoom<VillageRoom>;
/** A player as one client decoded it (hand fields are undefined unless the player is this client). */
export type SeenPlayer = NonNullable<ReturnType<Village["state"]["players"]["get"]>>;

/** Action messages; payloads stay `unknown` because tests send bad input on purpose. */
export type ActionName = "gather" | "contribute" | "giveAid" | "done";

export const HAND_FIELDS = ["beras", "kayu", "batu", "uang"] as const;

/** Start the real server (@colyseus/testing listens on port 2568). */
export function startServer(): Promise<ColyseusTestServer> {
  return boot(server);
}

/**
 * A test file's real server: started before its tests and shut down after; with `cleanEach`, its
 * rooms are disposed and the HTTP rate limits reset before each test (files whose tests run
 * concurrently on one server leave it off).
 */
export function useServer(options: { cleanEach: boolean }): { readonly colyseus: ColyseusTestServer } {
  let colyseus: ColyseusTestServer | undefined;
  beforeAll(async () => {
    colyseus = await startServer();
    resetRateLimits();
  });
  afterAll(async () => {
    await colyseus?.shutdown();
  });
  if (options.cleanEach) {
    beforeEach(async () => {
      await colyseus!.cleanup();
      resetRateLimits();
    });
  }
  return {
    get colyseus() {
      if (!colyseus) throw new Error("the server starts in beforeAll");
      return colyseus;
    },
  };
}

/** Join options with the current protocol version. */
export function joinOptions(extra: Partial<JoinOptions> = {}): JoinOptions {
  return { protocolVersion: PROTOCOL_VERSION, ...extra };
}

/** Create a village through the matchmaker as a student would; returns both ends. */
export async function createVillage(
  colyseus: ColyseusTestServer,
  extra: Partial<JoinOptions> = {},
): Promise<{ room: VillageRoom; client: Village }> {
  const client: Village = await colyseus.sdk.create("village", joinOptions(extra));
  await client.waitForInitialState();
  const room = colyseus.getRoomById<VillageRoom>(client.roomId);
  return { room, client };
}

/** Join an existing village by its code. */
export async function joinVillage(
  colyseus: ColyseusTestServer,
  code: string,
  extra: Partial<JoinOptions> = {},
): Promise<Village> {
  const client: Village = await colyseus.sdk.joinById(code, joinOptions(extra));
  await client.waitForInitialState();
  return client;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Send one action request and wait for the reply. Pauses a little afterwards: the room cuts off a
 * client that sends more than 20 messages a second, and tests fire requests back to back.
 */
export async function act(client: Village, name: ActionName, payload?: unknown): Promise<ActionReply> {
  const reply: ActionReply = await client.request(name, payload);
  await sleep(60);
  return reply;
}

/** Ask the room which seat is mine. */
export async function hello(client: Village): Promise<HelloReply> {
  const reply = await client.request("hello");
  if (!("seatId" in reply)) throw new Error(`hello refused: ${JSON.stringify(reply)}`);
  return reply;
}

/**
 * Wait until every change the room has made so far reached these clients: the room sends its next
 * patch, then a request round trip per client (frames arrive in order, so the patch is decoded first).
 * Use it before asserting that something did *not* change.
 */
export async function settle(room: VillageRoom, ...clients: Village[]): Promise<void> {
  await room.waitForNextPatch();
  await Promise.all(clients.map((client) => client.request("hello")));
}

/** Wait until this client's decoded state is in `phase` (the warning phase lasts 10 s). */
export function untilPhase(client: Village, phase: string, timeoutMs = 15_000): Promise<true> {
  return until(`phase ${phase}`, () => client.state.phase === phase, timeoutMs);
}

/** A player as this client decoded it; fails when the seat is missing. */
export function seen(client: Village, seatId: string): SeenPlayer {
  const player = client.state.players.get(seatId);
  if (!player) throw new Error(`seat ${seatId} missing from ${client.sessionId}'s state`);
  return player;
}

/** The hand fields of a decoded player (undefined where this client may not see them). */
export function handOf(player: SeenPlayer): Record<(typeof HAND_FIELDS)[number], number | undefined> {
  return { beras: player.beras, kayu: player.kayu, batu: player.batu, uang: player.uang };
}

/** The `ws` socket under an SDK room (tests run the SDK on the `ws` package, see ws-global.ts). */
export interface RawSocket {
  on(event: "message", listener: (data: ArrayBuffer | Buffer | Buffer[]) => void): void;
  terminate(): void;
}

export function rawSocket(client: Village): RawSocket {
  return (client.connection as unknown as { transport: { ws: RawSocket } }).transport.ws;
}

/** Record every binary frame this client receives from now on. */
export function recordFrames(client: Village): Uint8Array[] {
  const frames: Uint8Array[] = [];
  rawSocket(client).on("message", (data) => {
    if (Array.isArray(data)) frames.push(new Uint8Array(Buffer.concat(data)));
    else frames.push(new Uint8Array(data));
  });
  return frames;
}

/** True when `needle` occurs in any of `frames`. */
export function framesContain(frames: Uint8Array[], needle: number[]): boolean {
  return frames.some((frame) => indexOf(frame, needle) >= 0);
}

export function indexOf(frame: Uint8Array, needle: number[], from = 0): number {
  outer: for (let i = from; i + needle.length <= frame.length; i++) {
    for (let j = 0; j < needle.length; j++) if (frame[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
