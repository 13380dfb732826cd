import { expect, it } from "vitest";
import { createVillage, hello, joinVillage, until, untilPhase, useServer } from "./helpers.ts";

const server = useServer({ cleanEach: false });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

it("a flood in one village cuts the flooder off; a student in another village is answered meanwhile", async () => {
  const a = await createVillage(server.colyseus, { name: "Ani", bots: 3, actionSeconds: 120 });
  const flooder = await joinVillage(server.colyseus, a.client.roomId, { name: "Banjir" });
  const flooderSeat = (await hello(flooder)).seatId;
  const b = await createVillage(server.colyseus, { name: "Citra", bots: 3, actionSeconds: 120 });
  await untilPhase(b.client, "action");

  flooder.reconnection.enabled = false;
  let closedWith = 0;
  flooder.onLeave((code) => {
    closedWith = code;
  });
  // 500 messages at once: far over the 20-a-second limit.
  for (let i = 0; i < 500; i++) flooder.send("hello", {});

  const latencies: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const reply = await b.client.request("hello", {});
    latencies.push(performance.now() - started);
    expect(reply).toHaveProperty("seatId");
    await sleep(60);
  }
  await until("the flooder was cut off", () => closedWith !== 0, 5_000);
  expect(closedWith).toBe(4002);
  await until("no seat held for the flooder", () => a.room.gameState.players[flooderSeat]!.isBot, 5_000);
  expect(a.room.clients.length).toBe(1);
  // Ani, in the flooded village, is still there and answered.
  expect(await a.client.request("hello", {})).toHaveProperty("seatId");
  latencies.sort((x, y) => x - y);
  expect(latencies[Math.floor(latencies.length / 2)]!).toBeLessThan(250);
});
