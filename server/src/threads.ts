/**
 * The event loop first: V8's helper threads run at a lower priority than the event loop's thread.
 *
 * V8 marks the heap for a full garbage collection on its helper threads while JavaScript runs. On a
 * server with a core to spare that is free; on a server with one core (a small VPS, or the load
 * test's pinned server) the markers take the core from the event loop for the 150–300 ms a marking
 * of the school's heap lasts, and the moves in that stretch wait: measured at 2,000 clients, almost
 * every full collection was followed by a cluster of moves at 100–800 ms. At nice 19 the helpers
 * mark mostly in the event loop's idle time (it is idle most of the time), and V8 finishes any
 * marking left on the main thread as it always can. Measured (docs/performance.md, fourth pass):
 * 14 of 33 full collections followed by a cluster instead of 19 of 21; fewer, not none.
 *
 * Linux only (elsewhere this does nothing): each thread's priority is set through its id from
 * /proc/self/task. Helpers start late (libuv's pool on first use), so the check repeats.
 */
import { readdirSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** Lower every thread but the main one to `nice`. */
function lowerHelperThreads(nice: number): void {
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return;
  }
  for (const tid of tids) {
    const id = Number(tid);
    if (id === process.pid) continue;
    try {
      if (getPriority(id) < nice) setPriority(id, nice);
    } catch {
      // The thread ended meanwhile, or the system refuses: it keeps its priority.
    }
  }
}

/** Lower the helpers now and again every `everyMs` (new ones appear), for the process's life. */
export function keepHelperThreadsLow(nice: number, everyMs = 10_000): void {
  if (process.platform !== "linux" || nice <= 0) return;
  lowerHelperThreads(nice);
  setInterval(() => lowerHelperThreads(nice), everyMs).unref();
}
