import { expect, it } from "vitest";
import {
  createVillage,
  handOf,
  hello,
  joinVillage,
  rawSocket,
  seen,
  settle,
  until,
  useServer,
  type Village,
} from "./helpers.ts";

const server = useServer({ cleanEach: true });

/** Cut the socket as a dead network would (close code 1006), with no automatic retry by the SDK. */
function dropConnection(client: Village): void {
  client.reconnection.enabled = false;
  rawSocket(client).terminate();
}

it("a dropped student comes back to the same seat and hand; meanwhile the seat shows as disconnected", async () => {
  const { room, client: ani } = await createVillage(server.colyseus, { name: "Ani", bots: 2 });
  const budi = await joinVillage(server.colyseus, ani.roomId, { name: "Budi" });
  const aniSeat = (await hello(ani)).seatId;
  const aniBefore = seen(ani, aniSeat);
  const handBefore = handOf(aniBefore);
  const roleBefore = aniBefore.role;
  for (const value of Object.values(handBefore)) expect(value).toEqual(expect.any(Number));

  dropConnection(ani);
  await until("Ani shown as disconnected at Budi's end", () => seen(budi, aniSeat).connected === false);
  // The seat is held for her: it did not go to a bot.
  expect(seen(budi, aniSeat).isBot).toBe(false);
  expect(seen(budi, aniSeat).name).toBe("Ani");
  expect(room.gameState.players[aniSeat]!.isBot).toBe(false);

  const again: Village = await server.colyseus.sdk.reconnect(ani.reconnectionToken);
  await again.waitForInitialState();
  expect(again.sessionId).toBe(ani.sessionId);
  expect((await hello(again)).seatId).toBe(aniSeat);
  const me = seen(again, aniSeat);
  expect(me.name).toBe("Ani");
  expect(me.role).toBe(roleBefore);
  expect(handOf(me)).toEqual(handBefore);
  expect(me.connected).toBe(true);
  await until("Ani shown as connected again at Budi's end", () => seen(budi, aniSeat).connected);
});

it("a held seat is not given to a newcomer, and its owner can come back into a full village", async () => {
  const { client: ani } = await createVillage(server.colyseus, { name: "Ani", bots: 2 });
  await joinVillage(server.colyseus, ani.roomId, { name: "Budi" });
  const aniSeat = (await hello(ani)).seatId;

  dropConnection(ani);
  const citra = await joinVillage(server.colyseus, ani.roomId, { name: "Citra" });
  expect((await hello(citra)).seatId).not.toBe(aniSeat);
  await until("Ani's seat held while she is away", () => seen(citra, aniSeat).connected === false);
  expect(seen(citra, aniSeat).name).toBe("Ani");

  const again: Village = await server.colyseus.sdk.reconnect(ani.reconnectionToken);
  await again.waitForInitialState();
  expect((await hello(again)).seatId).toBe(aniSeat);
  await until("Ani back at Citra's end", () => seen(citra, aniSeat).connected);
});

it("a student who leaves on purpose hands the seat back to a bot", async () => {
  const { room, client: ani } = await createVillage(server.colyseus, { name: "Ani", bots: 2 });
  const budi = await joinVillage(server.colyseus, ani.roomId, { name: "Budi" });
  const budiSeat = (await hello(budi)).seatId;
  await settle(room, ani);
  expect(seen(ani, budiSeat).isBot).toBe(false);

  await budi.leave();
  await until("Budi's seat back to a bot", () => seen(ani, budiSeat).isBot);
  expect(seen(ani, budiSeat).connected).toBe(false);
  expect(room.gameState.players[budiSeat]!.isBot).toBe(true);
  expect(room.clients).toHaveLength(1);

  // The seat is not held: his token no longer opens it.
  const error = await server.colyseus.sdk.reconnect(budi.reconnectionToken).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
});
