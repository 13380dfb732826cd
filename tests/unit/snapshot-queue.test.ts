/**
 * The snapshot queue (server/src/storage/snapshotQueue.ts): one write per turn of the event loop,
 * a newer request of a room replaces its waiting one, and a cancelled request is never written.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { expect, it } from "vitest";
import { cancelSnapshot, queuedSnapshots, queueSnapshot } from "../../server/src/storage/snapshotQueue.ts";

it("writes one snapshot per turn, the newest request of each room, and none that was cancelled", async () => {
  const written: string[] = [];
  queueSnapshot("a", () => written.push("a1"));
  queueSnapshot("b", () => written.push("b1"));
  queueSnapshot("a", () => written.push("a2"));
  queueSnapshot("c", () => written.push("c1"));
  cancelSnapshot("c");
  // Nothing is written in the task that asked.
  expect(written).toEqual([]);
  expect(queuedSnapshots()).toBe(2);

  await nextTurn();
  expect(written).toEqual(["a2"]);
  await nextTurn();
  expect(written).toEqual(["a2", "b1"]);
  await nextTurn();
  await nextTurn();
  expect(written).toEqual(["a2", "b1"]);
  expect(queuedSnapshots()).toBe(0);

  // The queue starts again for a later request.
  queueSnapshot("a", () => written.push("a3"));
  await nextTurn();
  await nextTurn();
  expect(written).toEqual(["a2", "b1", "a3"]);
});
