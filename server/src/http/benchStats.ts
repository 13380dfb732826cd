import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import type { Application } from "express";

/**
 * Opt-in numbers for the load test (`scripts/loadtest.ts`), only when the server runs with
 * `BENCH_STATS=1`; a normal server has no such route.
 *
 * `GET /bench/stats` answers the event-loop delay since the last reset (percentiles in ms, from
 * `perf_hooks.monitorEventLoopDelay` sampling every 10 ms; the histogram records the whole
 * interval between samples, so the 10 ms are taken off: 0 means on time), the process id (so a load test on the
 * same machine can read /proc), its CPU time and memory. `GET /bench/stats?reset=1` answers and
 * then starts a fresh measurement window. `gc` counts the garbage collector's pauses of the main
 * thread in the window (by kind) and lists every mark-compact pause and the scavenges of ≥ 20 ms
 * (the first 100, each with its time since the window began), so a load test can set the collector's
 * work beside its slow moves.
 */
export function installBenchStats(app: Application): void {
  if (process.env.BENCH_STATS !== "1") return;
  const resolutionMs = 10;
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  delay.enable();
  let since = Date.now();
  const gcKinds: Record<number, string> = { 1: "minor", 2: "major", 4: "incremental", 8: "weakcb" };
  let gc = freshGc();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as { detail?: { kind?: number } }).detail;
      const kind = gcKinds[detail?.kind ?? 0] ?? "other";
      const ms = entry.duration;
      gc.count++;
      gc.totalMs += ms;
      gc.maxMs = Math.max(gc.maxMs, ms);
      const k = gc.byKind[kind] ?? { count: 0, totalMs: 0 };
      gc.byKind[kind] = k;
      k.count++;
      k.totalMs += ms;
      if ((ms >= 20 || kind !== "minor") && gc.long.length < 100)
        gc.long.push({
          atMs: Math.round(performance.timeOrigin + entry.startTime - since),
          ms: round2(ms),
          kind,
        });
    }
  });
  observer.observe({ entryTypes: ["gc"] });
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
      gc: {
        ...gc,
        totalMs: round2(gc.totalMs),
        maxMs: round2(gc.maxMs),
        byKind: Object.fromEntries(
          Object.entries(gc.byKind).map(([k, v]) => [k, { count: v.count, totalMs: round2(v.totalMs) }]),
        ),
      },
    });
    if (req.query.reset === "1") {
      delay.reset();
      gc = freshGc();
      since = Date.now();
    }
  });
}

interface GcWindow {
  count: number;
  totalMs: number;
  maxMs: number;
  byKind: Record<string, { count: number; totalMs: number }>;
  long: { atMs: number; ms: number; kind: string }[];
}

function freshGc(): GcWindow {
  return { count: 0, totalMs: 0, maxMs: 0, byKind: {}, long: [] };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
