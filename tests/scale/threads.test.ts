/**
 * The event loop first (server/src/threads.ts): a real server process lowers every helper thread
 * (V8's GC and compiler workers, libuv's pool) to nice 19 and keeps its main thread as it started;
 * `HELPER_THREADS_NICE=0` leaves every thread alone. Read from /proc, as the kernel sees them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { getPriority } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { type GameServer, startServer } from "../browser/support.ts";
import { until } from "../support/until.ts";

/** Each thread's nice value (field 19 of /proc/<pid>/task/<tid>/stat), by thread id. */
function niceByThread(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(tid), Number(fields[16]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

async function serverPid(server: GameServer): Promise<number> {
  const res = await fetch(`${server.url}/bench/stats`);
  return ((await res.json()) as { pid: number }).pid;
}

describe.runIf(process.platform === "linux")("helper threads", () => {
  // A server inherits this process's priority (a CI machine may run the tests niced).
  const base = getPriority();
  let server: GameServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  it("run at nice 19 while the event loop's thread keeps its priority", async () => {
    server = await startServer({ env: { BENCH_STATS: "1" } });
    const pid = await serverPid(server);
    // Some helpers start late (libuv's pool on first use): the server checks again every 10 s.
    await until(
      "every helper thread at nice 19",
      () => [...niceByThread(pid)].every(([tid, nice]) => tid === pid || nice === 19),
      15_000,
    );
    const threads = niceByThread(pid);
    expect(threads.get(pid)).toBe(base);
    expect(threads.size).toBeGreaterThan(2);
    // The server still answers (a request runs on the main thread).
    expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
  });

  it("are left alone with HELPER_THREADS_NICE=0", async () => {
    server = await startServer({ env: { BENCH_STATS: "1", HELPER_THREADS_NICE: "0" } });
    const pid = await serverPid(server);
    const threads = niceByThread(pid);
    expect(threads.size).toBeGreaterThan(2);
    expect([...threads.values()].every((nice) => nice === base)).toBe(true);
  });
});
