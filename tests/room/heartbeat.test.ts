/**
 * The spread heartbeat (server/src/transport.ts) on the real server: every client is pinged once
 * every 3 s as before, but the pings of different clients go out at different moments instead of in
 * one burst, and a client that stops answering is still cut off after two unanswered pings while
 * the others stay.
 */
import { expect, it } from "vitest";
import type WebSocket from "ws";
import { PING_SLOT_MS } from "../../server/src/transport.ts";
import { createVillage, joinVillage, rawSocket, until, useServer, type Village } from "./helpers.ts";

const server = useServer({ cleanEach: true });

/** ws-transport's default ping interval, which app.ts keeps. */
const PING_MS = 3_000;

function socketOf(client: Village): WebSocket {
  return rawSocket(client) as unknown as WebSocket;
}

it("pings each client every 3 s, the clients at different moments, and cuts off one that stops answering", async () => {
  const { client: ani } = await createVillage(server.colyseus, { name: "Ani", bots: 2 });
  const others = [
    await joinVillage(server.colyseus, ani.roomId, { name: "Budi" }),
    await joinVillage(server.colyseus, ani.roomId, { name: "Citra" }),
  ];
  const everyone = [ani, ...others];
  const pings = everyone.map(() => [] as number[]);
  for (const [i, client] of everyone.entries()) {
    socketOf(client).on("ping", () => {
      pings[i]!.push(Date.now());
    });
  }

  await until("three pings at every client", () => pings.every((p) => p.length >= 3), 12_000);
  for (const [i, times] of pings.entries()) {
    for (let k = 1; k < times.length; k++) {
      const gap = times[k]! - times[k - 1]!;
      expect(gap, `client ${i}, ping ${k}`).toBeGreaterThan(PING_MS - 700);
      expect(gap, `client ${i}, ping ${k}`).toBeLessThan(PING_MS + 700);
    }
  }
  // Three clients that joined together have three consecutive slots: their first pings are about
  // 2 slots (200 ms) apart or more, not one burst (the old heartbeat: the same millisecond). Half a
  // slot of slack for the timers' jitter.
  const firsts = pings.map((p) => p[0]!);
  expect(Math.max(...firsts) - Math.min(...firsts)).toBeGreaterThanOrEqual(1.5 * PING_SLOT_MS);

  // Ani's phone stops answering pings (a dead network that the socket does not know about yet).
  ani.reconnection.enabled = false;
  let aniClosedWith: number | null = null;
  ani.onDrop((code) => {
    aniClosedWith = code;
  });
  ani.onLeave((code) => {
    aniClosedWith ??= code;
  });
  const silentSince = Date.now();
  socketOf(ani).pong = () => {};
  await until("Ani cut off", () => aniClosedWith !== null, 15_000);
  const silentMs = Date.now() - silentSince;
  // Two pings unanswered, cut off at the third: between 2 and 3 intervals after she went silent.
  expect(silentMs).toBeGreaterThan(2 * PING_MS - 500);
  expect(silentMs).toBeLessThan(3 * PING_MS + 1_000);
  expect(aniClosedWith).toBe(1006);
  // The others answered and are still there.
  for (const client of others) expect(socketOf(client).readyState).toBe(1);
});
