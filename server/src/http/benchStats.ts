import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Application } from "express";

/**
 * Opt-in numbers for the load test (`scripts/loadtest.ts`), only when the server runs with
 * `BENCH_STATS=1`; a normal server has no such route.
 *
 * `GET /bench/stats` answers the event-loop delay since the last reset (percentiles in ms, from
 * `perf_hooks.monitorEventLoopDelay` sampling every 10 ms; the histogram records the whole
 * interval between samples, so the 10 ms are taken off: 0 means on time), the process id (so a load test on the
 * same machine can read /proc), its CPU time and memory. `GET /bench/stats?reset=1` answers and
 * then starts a fresh measurement window.
 */
export function installBenchStats(app: Application): void {
  if (process.env.BENCH_STATS !== "1") return;
  const resolutionMs = 10;
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  delay.enable();
  let since = Date.now();
  app.get("/bench/stats", (req, res) => {
    const ms = (ns: number): number => Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 100) / 100);
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    res.json({
      pid: process.pid,
      sinceMs: Date.now() - since,
      eventLoop: {
        count: delay.count,
        resolutionMs,
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
