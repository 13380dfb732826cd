import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Express } from "express";

/**
 * Opt-in numbers for the load test (`scripts/loadtest.ts`), only when the server runs with
 * `BENCH_STATS=1`; a normal server has no such route.
 *
 * `GET /bench/stats` answers the event-loop delay since the last reset (percentiles in ms, from
 * `perf_hooks.monitorEventLoopDelay` sampling every 10 ms), the process id (so a load test on the
 * same machine can read /proc), its CPU time and memory. `GET /bench/stats?reset=1` answers and
 * then starts a fresh measurement window.
 */
export function installBenchStats(app: Express): void {
  if (process.env.BENCH_STATS !== "1") return;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let since = Date.now();
  app.get("/bench/stats", (req, res) => {
    const ms = (ns: number): number => Math.round((ns / 1e6) * 100) / 100;
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    res.json({
      pid: process.pid,
      sinceMs: Date.now() - since,
      eventLoop: {
        count: delay.count,
        meanMs: ms(delay.mean || 0),
        p50Ms: ms(delay.percentile(50)),
        p99Ms: ms(delay.percentile(99)),
        maxMs: ms(delay.max),
      },
      cpuUserUs: cpu.user,
      cpuSystemUs: cpu.system,
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
    });
    if (req.query.reset === "1") {
      delay.reset();
      since = Date.now();
    }
  });
}
