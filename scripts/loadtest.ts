// The server load test (issue #9): real WebSocket clients join practice villages at a given rate
// and play them with bot-like moves while the server's latency, event loop, CPU, memory and
// bandwidth are measured. Prints one JSON object with --json (a short summary otherwise).
// Usage:
//   npm run loadtest -- --clients 2000 --rooms 334 --duration 120 --json
//   npm run loadtest -- --clients 1000 --rooms 167 --join-rate 100 --duration 10   (a join storm)
//   npm run loadtest -- --url http://host:2567 ...   (target a running server instead of starting one)
// What each field means, and the measured results: docs/performance.md.
//
// The main thread starts the server (tests/browser/support.ts `startServer`, with BENCH_STATS=1 for
// the event-loop numbers), samples the server process in /proc, and hands the villages to worker
// threads (the clients), so one busy generator event loop does not hold up every client.
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { Session } from "node:inspector/promises";
import { cpus, hostname, loadavg, setPriority, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import { isMainThread, parentPort, threadId, Worker, workerData } from "node:worker_threads";
import {
  type Action,
  type ActionReply,
  chooseBotAction,
  type HelloReply,
  NO_HOLD,
  PROTOCOL_VERSION,
} from "@bangun-desa/shared";
import { VillageState } from "@bangun-desa/shared/schema";
import type { Room } from "@colyseus/sdk";
import { gameView } from "../client/src/game/gameView.ts";

/** The design's targets (DESIGN.md §6, issue #9). */
export const TARGETS = {
  actionToPatchP99Ms: 100,
  eventLoopP99Ms: 20,
  serverCpuPercent: 60,
  disconnects: 0,
  bytesPerClientPerSec: 2048,
  joinP99Ms: 1000,
} as const;

interface Options {
  clients: number;
  rooms: number;
  /** Seconds of measurement once every client has joined and the warm-up is over. */
  duration: number;
  /** Joins started per second (the join storm). */
  joinRate: number;
  warmup: number;
  workers: number;
  /** A bot-like client waits this long (uniform, ms) between moves. */
  thinkMinMs: number;
  thinkMaxMs: number;
  actionSeconds: number;
  warningSeconds: number;
  nightSeconds: number;
  url: string;
  json: boolean;
  seed: number;
  /**
   * Give the server a core of its own (`taskset`) and the load generator the lowest priority: on a
   * 2-core machine the generator otherwise takes the server's CPU, as it would not from another
   * machine.
   */
  pin: boolean;
  /** Clients that flood their own village with messages through the measured window (issue #8). */
  flooders: number;
  /**
   * Villages whose clients run in a worker of their own, the probe worker, which measures the
   * latencies (-1: about 5 % of the villages; 0: no probe worker, every client measures). The
   * clients are the same as all others; their worker is lightly loaded, so a stall of the big
   * workers (a major GC of a heap holding hundreds of clients' states) does not land in the
   * latencies, as it would not on a student's own phone. The latencies of all clients are
   * reported too (`actionToPatchAll*`).
   */
  probes: number;
  /** Node flags for the server process this script starts (space-separated). */
  serverNodeArgs: string;
  /**
   * A folder for CPU profiles: the server's whole run (`--cpu-prof`) and each worker's measured
   * window (`worker-N.cpuprofile`, through the inspector). For finding where time goes.
   */
  profile: string;
  /** A file for the server's own output (stdout and stderr), e.g. with `--server-node-args --trace-gc`. */
  serverLog: string;
}

const DEFAULTS: Options = {
  clients: 2000,
  rooms: 334,
  duration: 120,
  joinRate: 100,
  warmup: 5,
  workers: 2,
  thinkMinMs: 1500,
  thinkMaxMs: 4000,
  actionSeconds: 60,
  warningSeconds: 10,
  nightSeconds: 15,
  url: "",
  json: false,
  seed: 1,
  pin: false,
  flooders: 0,
  probes: -1,
  serverNodeArgs: "",
  profile: "",
  serverLog: "",
};

/** One client's part in the run: which village, and whether it creates it. */
interface ClientSpec {
  index: number;
  room: number;
  creator: boolean;
  /** Seats in its village (the creator asks for this many minus one bots). */
  roomSize: number;
  /** When its join starts, ms after the common start. */
  startOffsetMs: number;
}

type ToWorker =
  | { type: "start"; startAt: number }
  | { type: "measure" }
  | { type: "stop" }
  | { type: "leave" };

interface WorkerResult {
  actionLatencies: number[];
  replyLatencies: number[];
  actionsSent: number;
  rejected: number;
  unmatched: number;
  bytesIn: number;
  bytesOut: number;
  /** Clients whose connection closed or dropped without their asking (whole run). */
  disconnected: number;
  closeCodes: Record<string, number>;
  loopP99Ms: number;
  loopMaxMs: number;
  /** The worker's JavaScript heap in use at the end of the window. */
  heapMb: number;
  errors: string[];
  /** Moves whose action→patch took over SLOW_ACTION_MS: when (s into the window), how long, what. */
  slowActions: SlowAction[];
  /** Set by the main thread: the result is the probe worker's. */
  probe?: boolean;
}

interface SlowAction {
  atS: number;
  ms: number;
  type: string;
}

/** An action→patch over this is listed in the report's `slowActions` (probes only). */
const SLOW_ACTION_MS = 100;

type FromWorker =
  | { type: "ready" }
  | { type: "joined"; index: number; ms: number }
  | { type: "joinFailed"; index: number; error: string }
  | ({ type: "result" } & WorkerResult)
  | { type: "left" };

interface WorkerInput {
  /** The probe worker (see `Options.probes`). */
  probe: boolean;
  url: string;
  specs: ClientSpec[];
  options: Options;
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): Options {
  const o: Options = { ...DEFAULTS };
  const numeric: Record<string, keyof Options> = {
    "--clients": "clients",
    "--rooms": "rooms",
    "--duration": "duration",
    "--join-rate": "joinRate",
    "--warmup": "warmup",
    "--workers": "workers",
    "--think-min-ms": "thinkMinMs",
    "--think-max-ms": "thinkMaxMs",
    "--action-seconds": "actionSeconds",
    "--warning-seconds": "warningSeconds",
    "--night-seconds": "nightSeconds",
    "--seed": "seed",
    "--flooders": "flooders",
    "--probes": "probes",
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") o.json = true;
    else if (a === "--pin") o.pin = true;
    else if (a === "--url") o.url = argv[++i] ?? "";
    else if (a === "--server-node-args") o.serverNodeArgs = argv[++i] ?? "";
    else if (a === "--profile") o.profile = argv[++i] ?? "";
    else if (a === "--server-log") o.serverLog = argv[++i] ?? "";
    else if (a === "--help" || a === "-h") {
      console.log(
        "npm run loadtest -- [--clients 2000] [--rooms 334] [--duration 120] [--join-rate 100] [--warmup 5]\n" +
          "  [--workers 2] [--think-min-ms 1500] [--think-max-ms 4000] [--action-seconds 60]\n" +
          "  [--warning-seconds 10] [--night-seconds 15] [--seed 1] [--url http://host:port] [--json]\n" +
          "  [--pin] (server on core 0, generator on core 1)  [--flooders 0] (clients flooding their village)\n" +
          "  [--probes N] (villages measured by the probe worker; default ~5 %, 0 = every client measures)\n" +
          '  [--server-node-args "--flag …"]  [--profile DIR] (CPU profiles of the server and the workers)\n' +
          "  [--server-log FILE] (the server's own output, written when it stops)",
      );
      process.exit(0);
    } else if (numeric[a]) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < (a === "--probes" ? -1 : 0)) fail(`${a} needs a number ≥ 0`);
      (o as unknown as Record<string, number>)[numeric[a]] = value;
    } else fail(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.clients) || o.clients < 1) fail("--clients must be a whole number ≥ 1");
  if (!Number.isInteger(o.rooms) || o.rooms < 1 || o.rooms > o.clients) fail("--rooms must be 1 … clients");
  if (Math.ceil(o.clients / o.rooms) > 6) fail("a village has at most 6 seats: use more --rooms");
  if (o.joinRate <= 0) fail("--join-rate must be > 0");
  if (o.duration <= 0) fail("--duration must be > 0");
  if (o.thinkMaxMs < o.thinkMinMs) fail("--think-max-ms must be ≥ --think-min-ms");
  o.workers = Math.max(1, Math.min(Math.floor(o.workers) || 1, o.rooms));
  o.probes = o.probes < 0 ? Math.max(1, Math.round(o.rooms * 0.05)) : Math.floor(o.probes);
  // The load workers need villages of their own.
  if (o.probes >= o.rooms) o.probes = 0;
  return o;
}

/** Nice 10 for the calling thread only (Linux: setpriority on its thread id); elsewhere nothing. */
function lowerThisThreadsPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: the probes share the core as equals.
  }
}

/** Whether village `room`'s clients are in the probe worker: `probes` villages spread evenly. */
export function isProbeVillage(room: number, o: Pick<Options, "rooms" | "probes">): boolean {
  return o.probes > 0 && (room * o.probes) % o.rooms < o.probes;
}

/** Where a worker writes its CPU profile (--profile). */
function profilePath(dir: string, thread: number): string {
  return join(dir, `worker-${thread}.cpuprofile`);
}

function fail(message: string): never {
  console.error(`loadtest: ${message}`);
  process.exit(2);
}

const log = (message: string): void => {
  console.error(`[loadtest] ${message}`);
};

/** Nearest-rank percentile of an ascending list (null when empty). */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

const round = (n: number | null, digits = 1): number | null =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A small seeded generator (mulberry32) for think times, so runs are repeatable in shape. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Which client goes to which village: round-robin, so the first `rooms` clients create them. */
export function planClients(o: Pick<Options, "clients" | "rooms" | "joinRate">): ClientSpec[] {
  const sizes = Array.from(
    { length: o.rooms },
    (_, r) => Math.floor(o.clients / o.rooms) + (r < o.clients % o.rooms ? 1 : 0),
  );
  return Array.from({ length: o.clients }, (_, i) => ({
    index: i,
    room: i % o.rooms,
    creator: i < o.rooms,
    roomSize: sizes[i % o.rooms]!,
    startOffsetMs: (i * 1000) / o.joinRate,
  }));
}

// ---------------------------------------------------------------------------------------------
// The server process, seen from outside: /proc when it runs here, else the opt-in stats route
// ---------------------------------------------------------------------------------------------

interface BenchStats {
  pid: number;
  sinceMs: number;
  eventLoop: { count: number; meanMs: number; p50Ms: number; p99Ms: number; maxMs: number };
  cpuUserUs: number;
  cpuSystemUs: number;
  rssBytes: number;
  /** Garbage-collector pauses of the main thread in the window (servers before 2026-11-29 lack it). */
  gc?: {
    count: number;
    totalMs: number;
    maxMs: number;
    byKind: Record<string, { count: number; totalMs: number }>;
    long: { atMs: number; ms: number; kind: string }[];
  };
}

async function benchStats(url: string, reset = false): Promise<BenchStats | null> {
  try {
    const res = await fetch(`${url}/bench/stats${reset ? "?reset=1" : ""}`);
    if (!res.ok) return null;
    return (await res.json()) as BenchStats;
  } catch {
    return null;
  }
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) the process has used, from /proc/<pid>/stat. */
function procCpuSeconds(pid: number): number | null {
  try {
    return statCpuSeconds(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return null;
  }
}

/** User + system CPU seconds in a /proc `stat` line (of a process or one of its threads). */
function statCpuSeconds(stat: string): number {
  // Fields after the command name (which may hold spaces) start at field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/**
 * CPU seconds per thread, from /proc: "main" is the event loop's thread, the others by their name
 * (Node 22 names V8's and libuv's helper threads "node" too, so they are summed as "node").
 */
function procThreadCpuSeconds(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const name =
          tid === String(pid) ? "main" : stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).trim();
        out[name] = (out[name] ?? 0) + statCpuSeconds(stat);
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    // not on Linux, or the process is gone
  }
  return out;
}

/** Resident memory in MB, from /proc/<pid>/status. */
function procRssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds the whole machine spent busy so far (all cores, from /proc/stat), or null. */
function machineBusySeconds(): number | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    // cpu user nice system idle iowait irq softirq steal …
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!;
    return busy / 100; // USER_HZ
  } catch {
    return null;
  }
}

/** CPU time and memory of the server over the measured window. */
class ServerSampler {
  private timer: NodeJS.Timeout | null = null;
  private startCpu = 0;
  private startWall = 0;
  private lastCpu = 0;
  private lastWall = 0;
  private peakRss = 0;
  private peakSecond = 0;
  private startStats: BenchStats | null = null;
  private startThreads: Record<string, number> = {};
  /** The server's CPU in each second of the window (%). */
  readonly timeline: number[] = [];

  constructor(
    private readonly url: string,
    private readonly pid: number | null,
  ) {}

  get usesProc(): boolean {
    return this.pid !== null;
  }

  async start(): Promise<void> {
    this.startWall = performance.now();
    this.lastWall = this.startWall;
    if (this.pid !== null) {
      this.startCpu = procCpuSeconds(this.pid) ?? 0;
      this.startThreads = procThreadCpuSeconds(this.pid);
      this.lastCpu = this.startCpu;
      this.peakRss = procRssMb(this.pid) ?? 0;
      this.timer = setInterval(() => this.sample(), 1000);
    } else {
      this.startStats = await benchStats(this.url);
    }
  }

  private sample(): void {
    if (this.pid === null) return;
    const cpu = procCpuSeconds(this.pid);
    const rss = procRssMb(this.pid);
    const now = performance.now();
    if (cpu !== null) {
      const percent = ((cpu - this.lastCpu) / ((now - this.lastWall) / 1000)) * 100;
      this.peakSecond = Math.max(this.peakSecond, percent);
      this.timeline.push(Math.round(percent));
      this.lastCpu = cpu;
      this.lastWall = now;
    }
    if (rss !== null) this.peakRss = Math.max(this.peakRss, rss);
  }

  async stop(): Promise<{
    cpuPercent: number | null;
    cpuPercentMax1s: number | null;
    rssMb: number | null;
    threads: Record<string, number>;
  }> {
    if (this.timer) clearInterval(this.timer);
    const seconds = (performance.now() - this.startWall) / 1000;
    if (this.pid !== null) {
      this.sample();
      const cpu = procCpuSeconds(this.pid);
      const end = procThreadCpuSeconds(this.pid);
      const threads: Record<string, number> = {};
      for (const [name, s] of Object.entries(end)) {
        const percent = ((s - (this.startThreads[name] ?? 0)) / seconds) * 100;
        if (percent >= 0.05) threads[name] = round(percent) ?? 0;
      }
      return {
        cpuPercent: cpu === null ? null : ((cpu - this.startCpu) / seconds) * 100,
        cpuPercentMax1s: this.peakSecond,
        rssMb: this.peakRss || null,
        threads,
      };
    }
    const end = await benchStats(this.url);
    if (!end || !this.startStats)
      return { cpuPercent: null, cpuPercentMax1s: null, rssMb: null, threads: {} };
    const us = end.cpuUserUs + end.cpuSystemUs - this.startStats.cpuUserUs - this.startStats.cpuSystemUs;
    return {
      cpuPercent: (us / 1e6 / seconds) * 100,
      cpuPercentMax1s: null,
      rssMb: end.rssBytes / 2 ** 20,
      threads: {},
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Main thread: start the server, run the workers, put the numbers together
// ---------------------------------------------------------------------------------------------

export interface LoadTestReport {
  date: string;
  machine: {
    cpuModel: string;
    cores: number;
    memoryGb: number;
    node: string;
    hostname: string;
    loadAvg1m: number;
  };
  parameters: Omit<Options, "json" | "url"> & { url: string; serverStarted: boolean };
  clients: number;
  rooms: number;
  clientsJoined: number;
  joinFailures: number;
  joinP50Ms: number | null;
  joinP99Ms: number | null;
  joinMaxMs: number | null;
  measuredSeconds: number;
  actionsMeasured: number;
  actionsPerSec: number;
  actionsRejected: number;
  actionsWithoutPatch: number;
  actionToPatchP50Ms: number | null;
  actionToPatchP99Ms: number | null;
  actionToPatchMaxMs: number | null;
  replyP50Ms: number | null;
  replyP99Ms: number | null;
  /** Whose latencies the fields above are: the probe worker's clients, or every client's. */
  latenciesFrom: "probes" | "all";
  probeVillages: number;
  probeClients: number;
  /** The probe worker's worst event-loop stall (read it before the probes' latencies). */
  probeEventLoopMaxMs: number | null;
  /** The same latencies over every client (each worker's stalls included). */
  actionsMeasuredAll: number;
  actionToPatchAllP50Ms: number | null;
  actionToPatchAllP99Ms: number | null;
  replyAllP99Ms: number | null;
  /** Measured moves (the probes') slower than SLOW_ACTION_MS, the first 50 by time. */
  slowActions: SlowAction[];
  eventLoopP50Ms: number | null;
  eventLoopP99Ms: number | null;
  eventLoopMaxMs: number | null;
  serverCpuPercent: number | null;
  serverCpuPercentMax1s: number | null;
  serverRssMb: number | null;
  bytesPerClientPerSec: number | null;
  bytesSentPerClientPerSec: number | null;
  disconnects: number;
  closeCodes: Record<string, number>;
  /** Faulty clients flooding their own villages (issue #8), how many messages, how often cut off. */
  flooders: number;
  floodMessagesSent: number;
  floodersCutOff: number;
  generatorCpuPercent: number;
  /** The server's CPU in each second of the window (%; with `--pin` or a local server). */
  serverCpuPerSecond: number[];
  /** The server's CPU in the window by thread (% of one core): "main" (the event loop), the helpers by name. */
  serverThreadCpuPercent: Record<string, number>;
  /** The server's garbage-collector pauses in the window (main thread): count, total, by kind, the mark-compacts and long scavenges. */
  serverGc: {
    count: number;
    totalMs: number;
    maxMs: number;
    byKind: Record<string, { count: number; totalMs: number }>;
    long: { atS: number; ms: number; kind: string }[];
  } | null;
  /** CPU used on this machine in the window by anything but the server and the generator (100 = one core). */
  otherCpuPercent: number | null;
  generatorEventLoopP99Ms: number | null;
  generatorEventLoopMaxMs: number | null;
  generatorHeapMb: number | null;
  targets: Record<keyof typeof TARGETS, { target: number; measured: number | null; met: boolean }>;
  allTargetsMet: boolean;
  errors: string[];
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const started = new Date();
  let stopServer: (() => Promise<void>) | null = null;
  let serverOutput: () => string = () => "";
  let dataDir = "";
  let url = o.url.replace(/\/$/, "");
  if (!url) {
    const { startServer } = await import("../tests/browser/support.ts");
    dataDir = mkdtempSync(join(tmpdir(), "bangun-desa-loadtest-"));
    log("starting the server…");
    const server = await startServer({
      dataDir,
      env: { BENCH_STATS: "1", NODE_ENV: "production" },
      nodeArgs: [
        ...o.serverNodeArgs.split(" ").filter(Boolean),
        ...(o.profile ? ["--cpu-prof", `--cpu-prof-dir=${join(o.profile, "server")}`] : []),
      ],
    });
    url = server.url;
    stopServer = () => server.stop();
    serverOutput = () => server.output();
  }
  const cleanup = async (): Promise<void> => {
    await stopServer?.();
    if (o.serverLog && stopServer) writeFileSync(o.serverLog, serverOutput());
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const report = await run(o, url, stopServer !== null, started);
    if (o.json) console.log(JSON.stringify(report));
    else printSummary(report);
    // Nobody joined (a worker failed to start, the server refused everyone): not a result.
    if (report.clientsJoined === 0) process.exitCode = 1;
  } catch (error) {
    console.error(serverOutput().split("\n").slice(-30).join("\n"));
    throw error;
  } finally {
    await cleanup();
  }
}

async function run(o: Options, url: string, serverStarted: boolean, started: Date): Promise<LoadTestReport> {
  const first = await benchStats(url);
  // /proc only when the server is this machine's (we started it, or the stats route says which pid).
  const local = serverStarted || /^https?:\/\/(127\.0\.0\.1|localhost)(:|\/|$)/.test(url);
  const pid = first && local && existsSync(`/proc/${first.pid}/stat`) ? first.pid : null;
  if (!first) log("no /bench/stats on the server (start it with BENCH_STATS=1): no event-loop numbers");
  if (o.pin) {
    if (!pid) fail("--pin needs the server on this machine");
    if (cpus().length < 2) fail("--pin needs two cores");
    // The server on core 0, the generator on core 1 (every thread of each; threads made later,
    // the workers and GC helpers among them, inherit it): as two machines would, neither takes
    // the other's CPU. (With the generator merely at the lowest priority on any core, the
    // server's event-loop p99 at 2,000 clients was twice as long: 25 ms against 12.6.)
    execFileSync("taskset", ["-a", "-p", "-c", "0", String(pid)], { stdio: "ignore" });
    execFileSync("taskset", ["-a", "-p", "-c", "1", String(process.pid)], { stdio: "ignore" });
    log("pinned: the server on core 0, the load generator on core 1");
  }

  const specs = planClients(o);
  let ready = 0;
  let onReady: () => void = () => {};
  const joinLatencies: number[] = [];
  const errors: string[] = [];
  let joined = 0;
  let failed = 0;
  let onJoinProgress: () => void = () => {};
  const results: WorkerResult[] = [];
  let onResult: () => void = () => {};
  let leftCount = 0;
  let onLeft: () => void = () => {};

  const workers: Worker[] = [];
  const probeWorker = o.probes > 0 ? o.workers : -1;
  for (let w = 0; w < o.workers + (o.probes > 0 ? 1 : 0); w++) {
    const probe = w === probeWorker;
    const input: WorkerInput = {
      probe,
      url,
      specs: specs.filter((s) => (isProbeVillage(s.room, o) ? probe : !probe && s.room % o.workers === w)),
      options: o,
    };
    // A larger young generation: far fewer scavenges of the many short-lived decode and view
    // objects (on 2 busy cores a scavenge waiting for its helper threads took up to 0.7 s).
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: input,
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    worker.on("message", (m: FromWorker) => {
      if (m.type === "ready") {
        ready++;
        onReady();
      } else if (m.type === "joined") {
        joined++;
        joinLatencies.push(m.ms);
        onJoinProgress();
      } else if (m.type === "joinFailed") {
        failed++;
        if (errors.length < 20) errors.push(`client ${m.index}: ${m.error}`);
        onJoinProgress();
      } else if (m.type === "result") {
        results.push({ ...m, probe });
        onResult();
      } else if (m.type === "left") {
        leftCount++;
        onLeft();
      }
    });
    worker.on("error", (error) => {
      errors.push(`worker ${w}: ${error.message}`);
      log(`worker ${w} failed: ${error.stack ?? error.message}`);
    });
    workers.push(worker);
  }
  const waitFor = (
    condition: () => boolean,
    set: (f: () => void) => void,
    timeoutMs: number,
  ): Promise<boolean> =>
    new Promise((resolve) => {
      if (condition()) return resolve(true);
      const timer = setTimeout(() => resolve(false), timeoutMs);
      set(() => {
        if (condition()) {
          clearTimeout(timer);
          resolve(true);
        }
      });
    });
  const tell = (message: ToWorker): void => {
    for (const worker of workers) worker.postMessage(message);
  };

  // 1. The join storm, once every worker has loaded its code (on a busy core that takes seconds,
  // and a storm begun meanwhile would measure the loading).
  if (
    !(await waitFor(
      () => ready >= workers.length,
      (f) => (onReady = f),
      60_000,
    ))
  )
    throw new Error(`only ${ready} of ${workers.length} load workers started`);
  tell({ type: "start", startAt: Date.now() + 200 });
  log(`${o.clients} clients join ${o.rooms} villages at ${o.joinRate}/s…`);
  const progress = setInterval(
    () => log(`joined ${joined}/${o.clients}${failed ? `, ${failed} failed` : ""}`),
    5000,
  );
  const joinWindowMs = (o.clients / o.joinRate) * 1000 + 60_000;
  await waitFor(
    () => joined + failed >= o.clients,
    (f) => (onJoinProgress = f),
    joinWindowMs,
  );
  clearInterval(progress);
  log(`joined ${joined}/${o.clients} (${failed} failed); warming up ${o.warmup} s`);
  await sleep(o.warmup * 1000);

  // 2. The measured window.
  const sampler = new ServerSampler(url, pid);
  await benchStats(url, true);
  const genCpuStart = process.cpuUsage();
  const machineStart = machineBusySeconds();
  const genWallStart = performance.now();
  await sampler.start();
  tell({ type: "measure" });
  log(`measuring for ${o.duration} s…`);
  const floodStats = { cutOff: 0, sent: 0, errors: 0 };
  const stopFloodAt = Date.now() + o.duration * 1000;
  const floods = Array.from({ length: o.flooders }, () => flood(url, stopFloodAt, floodStats));
  await sleep(o.duration * 1000);
  await Promise.all(floods);
  tell({ type: "stop" });
  const loop = await benchStats(url);
  const server = await sampler.stop();
  const genCpu = process.cpuUsage(genCpuStart);
  const machineEnd = machineBusySeconds();
  const measuredSeconds = (performance.now() - genWallStart) / 1000;
  await waitFor(
    () => results.length >= workers.length,
    (f) => (onResult = f),
    30_000,
  );

  // 3. Everyone leaves (consented), then the workers end.
  tell({ type: "leave" });
  await waitFor(
    () => leftCount >= workers.length,
    (f) => (onLeft = f),
    30_000,
  );
  await Promise.all(workers.map((w) => w.terminate()));

  const all = <K extends keyof WorkerResult>(key: K): WorkerResult[K][] => results.map((r) => r[key]);
  const sorted = (xs: number[][]): number[] => xs.flat().sort((a, b) => a - b);
  // The latencies come from the probe worker when there is one (see `Options.probes`).
  const probes = results.filter((r) => r.probe);
  const measuring = probes.length > 0 ? probes : results;
  const actionLatencies = sorted(measuring.map((r) => r.actionLatencies));
  const replyLatencies = sorted(measuring.map((r) => r.replyLatencies));
  const allActionLatencies = sorted(all("actionLatencies"));
  const allReplyLatencies = sorted(all("replyLatencies"));
  const loadWorkers = results.filter((r) => !r.probe);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  joinLatencies.sort((a, b) => a - b);
  const closeCodes: Record<string, number> = {};
  for (const r of results)
    for (const [code, n] of Object.entries(r.closeCodes)) closeCodes[code] = (closeCodes[code] ?? 0) + n;
  for (const r of results) errors.push(...r.errors.slice(0, 10));

  const measured = {
    actionToPatchP99Ms: round(percentile(actionLatencies, 99)),
    eventLoopP99Ms: loop ? loop.eventLoop.p99Ms : null,
    serverCpuPercent: round(server.cpuPercent),
    disconnects: sum(all("disconnected")),
    bytesPerClientPerSec: joined > 0 ? round(sum(all("bytesIn")) / joined / measuredSeconds, 0) : null,
    joinP99Ms: round(percentile(joinLatencies, 99)),
  };
  const targets = Object.fromEntries(
    (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((key) => {
      const value = measured[key];
      return [key, { target: TARGETS[key], measured: value, met: value !== null && value <= TARGETS[key] }];
    }),
  ) as LoadTestReport["targets"];

  const cpu = cpus();
  const { json: _json, url: _url, ...parameters } = o;
  return {
    date: started.toISOString(),
    machine: {
      cpuModel: cpu[0]?.model ?? "unknown",
      cores: cpu.length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      hostname: hostname(),
      loadAvg1m: round(loadavg()[0] ?? 0, 2) ?? 0,
    },
    parameters: { ...parameters, url, serverStarted },
    clients: o.clients,
    rooms: o.rooms,
    clientsJoined: joined,
    joinFailures: failed,
    joinP50Ms: round(percentile(joinLatencies, 50)),
    joinP99Ms: measured.joinP99Ms,
    joinMaxMs: round(joinLatencies.at(-1) ?? null),
    measuredSeconds: round(measuredSeconds) ?? 0,
    actionsMeasured: actionLatencies.length,
    actionsPerSec: round(actionLatencies.length / measuredSeconds) ?? 0,
    actionsRejected: sum(all("rejected")),
    actionsWithoutPatch: sum(all("unmatched")),
    actionToPatchP50Ms: round(percentile(actionLatencies, 50)),
    actionToPatchP99Ms: measured.actionToPatchP99Ms,
    actionToPatchMaxMs: round(actionLatencies.at(-1) ?? null),
    replyP50Ms: round(percentile(replyLatencies, 50)),
    replyP99Ms: round(percentile(replyLatencies, 99)),
    latenciesFrom: probes.length > 0 ? "probes" : "all",
    probeVillages: o.probes,
    probeClients: specs.filter((s) => isProbeVillage(s.room, o)).length,
    probeEventLoopMaxMs: probes.length > 0 ? round(Math.max(0, ...probes.map((r) => r.loopMaxMs))) : null,
    actionsMeasuredAll: allActionLatencies.length,
    actionToPatchAllP50Ms: round(percentile(allActionLatencies, 50)),
    actionToPatchAllP99Ms: round(percentile(allActionLatencies, 99)),
    replyAllP99Ms: round(percentile(allReplyLatencies, 99)),
    slowActions: measuring
      .flatMap((r) => r.slowActions)
      .sort((a, b) => a.atS - b.atS)
      .slice(0, 50),
    eventLoopP50Ms: loop ? loop.eventLoop.p50Ms : null,
    eventLoopP99Ms: measured.eventLoopP99Ms,
    eventLoopMaxMs: loop ? loop.eventLoop.maxMs : null,
    serverCpuPercent: measured.serverCpuPercent,
    serverCpuPercentMax1s: round(server.cpuPercentMax1s),
    serverCpuPerSecond: sampler.timeline,
    serverThreadCpuPercent: server.threads,
    serverGc: loop?.gc
      ? {
          ...loop.gc,
          long: loop.gc.long.map((g) => ({ atS: round(g.atMs / 1000) ?? 0, ms: g.ms, kind: g.kind })),
        }
      : null,
    serverRssMb: round(server.rssMb),
    bytesPerClientPerSec: measured.bytesPerClientPerSec,
    bytesSentPerClientPerSec: joined > 0 ? round(sum(all("bytesOut")) / joined / measuredSeconds, 0) : null,
    disconnects: measured.disconnects,
    closeCodes,
    flooders: o.flooders,
    floodMessagesSent: floodStats.sent,
    floodersCutOff: floodStats.cutOff,
    generatorCpuPercent: round(((genCpu.user + genCpu.system) / 1e6 / measuredSeconds) * 100) ?? 0,
    // What else ran on this machine in the window (other people's work spoils every number here).
    otherCpuPercent:
      machineStart !== null && machineEnd !== null && pid !== null && server.cpuPercent !== null
        ? round(
            Math.max(
              0,
              ((machineEnd - machineStart - (genCpu.user + genCpu.system) / 1e6) / measuredSeconds) * 100 -
                server.cpuPercent,
            ),
          )
        : null,
    generatorEventLoopP99Ms: round(Math.max(0, ...loadWorkers.map((r) => r.loopP99Ms))),
    generatorEventLoopMaxMs: round(Math.max(0, ...loadWorkers.map((r) => r.loopMaxMs))),
    generatorHeapMb: round(sum(all("heapMb")), 0),
    targets,
    allTargetsMet: Object.values(targets).every((t) => t.met),
    errors: errors.slice(0, 30),
  };
}

/**
 * A faulty client (issue #8): it creates a village of its own and sends about 500 messages a
 * second until the server cuts it off, then, a second later, does it again, until `stopAt`. The other villages'
 * latency is what the run measures meanwhile.
 */
async function flood(
  url: string,
  stopAt: number,
  stats: { cutOff: number; sent: number; errors: number },
): Promise<void> {
  const { WebSocket } = await import("ws");
  (globalThis as unknown as { WebSocket: unknown }).WebSocket = WebSocket;
  const { Client } = await import("@colyseus/sdk");
  const client = new Client(url);
  while (Date.now() < stopAt) {
    try {
      const room = await client.create("village", {
        protocolVersion: PROTOCOL_VERSION,
        name: "Banjir",
        bots: 4,
      });
      room.reconnection.enabled = false;
      const closed = new Promise<boolean>((resolve) => room.onLeave(() => resolve(true)));
      const timer = setInterval(() => {
        for (let i = 0; i < 5; i++) room.send("gather", { site: "sawah", tenaga: -1 });
        stats.sent += 5;
      }, 10);
      const cut = await Promise.race([closed, sleep(Math.max(0, stopAt - Date.now())).then(() => false)]);
      clearInterval(timer);
      if (cut) stats.cutOff++;
      else await room.leave().catch(() => undefined);
      // Back a second later, as a client that reconnects on its own would be.
      await sleep(Math.min(1_000, Math.max(0, stopAt - Date.now())));
    } catch {
      stats.errors++;
      await sleep(500);
    }
  }
}

function printSummary(r: LoadTestReport): void {
  const line = (label: string, value: unknown, unit = ""): void => {
    console.log(`  ${label.padEnd(28)} ${value === null ? "–" : `${value}${unit}`}`);
  };
  console.log(`\nLoad test ${r.date} on ${r.machine.cpuModel} × ${r.machine.cores}, Node ${r.machine.node}`);
  line("clients joined / rooms", `${r.clientsJoined}/${r.clients} in ${r.rooms} villages`);
  line("join p50 / p99", `${r.joinP50Ms} / ${r.joinP99Ms}`, " ms");
  line("measured", r.measuredSeconds, " s");
  line("actions measured", `${r.actionsMeasured} (${r.actionsPerSec}/s, ${r.actionsRejected} refused)`);
  line(
    `action→patch p50 / p99 (${r.latenciesFrom === "probes" ? `${r.probeClients} probe clients` : "all"})`,
    `${r.actionToPatchP50Ms} / ${r.actionToPatchP99Ms}`,
    " ms",
  );
  if (r.latenciesFrom === "probes") line("action→patch p99, all clients", r.actionToPatchAllP99Ms, " ms");
  line("server event loop p99", r.eventLoopP99Ms, " ms");
  line("server CPU (one core)", r.serverCpuPercent, " %");
  line("server RSS", r.serverRssMb, " MB");
  line("received per client", r.bytesPerClientPerSec, " B/s");
  line("disconnects", r.disconnects);
  if (r.flooders > 0) line("flooders cut off", `${r.floodersCutOff} (${r.floodMessagesSent} messages sent)`);
  line("generator CPU", r.generatorCpuPercent, " %");
  console.log("\n  targets:");
  for (const [key, t] of Object.entries(r.targets)) {
    console.log(`    ${t.met ? "met " : "MISS"}  ${key} = ${t.measured ?? "–"} (≤ ${t.target})`);
  }
  if (r.errors.length) console.log(`\n  errors:\n    ${r.errors.join("\n    ")}`);
}

// ---------------------------------------------------------------------------------------------
// Worker thread: the clients of some villages
// ---------------------------------------------------------------------------------------------

/** The 5-bit protocol code of a Colyseus frame (its first byte; higher bits are modifiers). */
const CODE_MASK = 0x1f;
const ROOM_STATE_PATCH = 15;
const ROOM_RESPONSE = 22;
const CONSENTED = 4000;

interface PendingAction {
  sentAt: number;
  /** The move's message name (for the slow-move list). */
  type: string;
  /** The reply frame arrived (seen on the socket, before the SDK resolves the request). */
  replySeen: boolean;
  ok: boolean | null;
  /** The first patch after the reply (it carries the change: the reply was sent after applying it). */
  patchAt: number;
}

interface LoadClient {
  spec: ClientSpec;
  room: Room<unknown, VillageState> | null;
  seatId: string;
  pending: PendingAction | null;
  leaving: boolean;
  disconnected: boolean;
  timer: NodeJS.Timeout | null;
  rng: { rng: number };
}

async function runWorker(input: WorkerInput): Promise<void> {
  // The SDK takes the global WebSocket if there is one; the `ws` package closes and reconnects
  // properly (stack-facts: Node 22's built-in one does not), whatever flags this thread inherited.
  const { WebSocket } = await import("ws");
  (globalThis as unknown as { WebSocket: unknown }).WebSocket = WebSocket;
  const { Client } = await import("@colyseus/sdk");
  // Keep stdout for the report: the SDK's notes go to stderr.
  console.log = console.error;
  console.info = console.error;

  const { url, specs, options: o } = input;
  let startAt = 0;
  let measureStartedAt = 0;
  const port = parentPort!;
  const random = seeded(o.seed * 7919 + (specs[0]?.room ?? 0));
  const think = (): number => o.thinkMinMs + random() * (o.thinkMaxMs - o.thinkMinMs);
  const post = (m: FromWorker): void => port.postMessage(m);

  let measuring = false;
  let acting = true;
  const result: WorkerResult = {
    actionLatencies: [],
    replyLatencies: [],
    actionsSent: 0,
    rejected: 0,
    unmatched: 0,
    bytesIn: 0,
    bytesOut: 0,
    disconnected: 0,
    closeCodes: {},
    loopP99Ms: 0,
    loopMaxMs: 0,
    heapMb: 0,
    errors: [],
    slowActions: [],
  };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const clients: LoadClient[] = [];
  /** Each village's join code, once its creator is in. */
  const codes = new Map<number, Promise<string>>();
  const codeResolvers = new Map<number, { resolve: (code: string) => void; reject: (e: Error) => void }>();
  for (const s of specs) {
    if (!s.creator) continue;
    codes.set(
      s.room,
      new Promise<string>((resolve, reject) => codeResolvers.set(s.room, { resolve, reject })),
    );
    codes.get(s.room)!.catch(() => undefined);
  }

  const noteError = (message: string): void => {
    if (result.errors.length < 10) result.errors.push(message);
  };

  const watch = (c: LoadClient, room: Room<unknown, VillageState>): void => {
    const connection = room.connection as unknown as {
      events: { onmessage?: (event: { data: ArrayBuffer }) => void };
      send(data: Uint8Array): void;
    };
    const onmessage = connection.events.onmessage;
    connection.events.onmessage = (event) => {
      const data = event.data;
      if (measuring) result.bytesIn += data.byteLength;
      const code = new Uint8Array(data, 0, 1)[0]! & CODE_MASK;
      const p = c.pending;
      if (p) {
        if (code === ROOM_RESPONSE) p.replySeen = true;
        else if (code === ROOM_STATE_PATCH && p.replySeen && p.patchAt === 0) p.patchAt = performance.now();
      }
      onmessage?.(event);
      if (p && p.patchAt > 0) settle(c);
    };
    const send = connection.send.bind(connection);
    connection.send = (data) => {
      if (measuring) result.bytesOut += data.byteLength;
      send(data);
    };
  };

  const lost = (c: LoadClient, code: number): void => {
    if (c.leaving) return;
    result.closeCodes[code] = (result.closeCodes[code] ?? 0) + 1;
    if (!c.disconnected) {
      c.disconnected = true;
      result.disconnected++;
      noteError(
        `client ${c.spec.index} lost its connection (code ${code}) ${((Date.now() - startAt) / 1000).toFixed(1)} s after the start`,
      );
    }
  };

  /** Record the action's latency once both its ok reply and the patch after it are in. */
  const settle = (c: LoadClient): void => {
    const p = c.pending;
    if (!p || p.ok === null) return;
    if (p.ok === false) {
      c.pending = null;
      return;
    }
    if (p.patchAt > 0) {
      if (measuring) {
        const ms = p.patchAt - p.sentAt;
        result.actionLatencies.push(ms);
        if (ms > SLOW_ACTION_MS && result.slowActions.length < 100)
          result.slowActions.push({
            atS: round((Date.now() - measureStartedAt) / 1000) ?? 0,
            ms: round(ms) ?? 0,
            type: p.type,
          });
      }
      c.pending = null;
    }
  };

  const act = async (c: LoadClient): Promise<void> => {
    const room = c.room;
    if (!acting || !room || c.disconnected) return;
    schedule(c);
    const state = room.state;
    if (c.pending) {
      // Nothing came back in 10 s: give up on this one.
      if (performance.now() - c.pending.sentAt > 10_000) {
        if (measuring) result.unmatched++;
        c.pending = null;
      }
      return;
    }
    if (!state?.players || state.phase !== "action" || state.paused || !c.seatId) return;
    const view = gameView(state, c.seatId);
    const action = chooseBotAction(view, c.seatId, "kooperatif", c.rng, 0.8, NO_HOLD);
    // Like the server's bots, a client with nothing useful left waits for the next window.
    if (!action || action.type === "done") return;
    const { type, ...fields } = action as Action & Record<string, unknown>;
    const payload = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const pending: PendingAction = {
      sentAt: performance.now(),
      type,
      replySeen: false,
      ok: null,
      patchAt: 0,
    };
    c.pending = pending;
    if (measuring) result.actionsSent++;
    try {
      const reply = (await room.request(type, payload)) as ActionReply;
      if (measuring) result.replyLatencies.push(performance.now() - pending.sentAt);
      pending.ok = reply.ok;
      if (!reply.ok && measuring) result.rejected++;
    } catch (error) {
      pending.ok = false;
      noteError(`client ${c.spec.index}: ${type} failed: ${(error as Error).message}`);
    }
    if (c.pending === pending) settle(c);
  };

  const schedule = (c: LoadClient): void => {
    if (c.timer) clearTimeout(c.timer);
    if (!acting) return;
    c.timer = setTimeout(() => void act(c), think());
  };

  const join = async (spec: ClientSpec): Promise<void> => {
    const client = new Client(url);
    const c: LoadClient = {
      spec,
      room: null,
      seatId: "",
      pending: null,
      leaving: false,
      disconnected: false,
      timer: null,
      rng: { rng: (o.seed * 1_000_003 + spec.index) >>> 0 },
    };
    clients.push(c);
    const name = `Siswa ${spec.index}`;
    let begun = performance.now();
    try {
      let room: Room<unknown, VillageState>;
      if (spec.creator) {
        room = await client.create(
          "village",
          {
            protocolVersion: PROTOCOL_VERSION,
            name,
            lang: "id",
            bots: Math.max(2, Math.min(5, spec.roomSize - 1)),
            seed: o.seed * 10_007 + spec.room,
            actionSeconds: o.actionSeconds,
            warningSeconds: o.warningSeconds,
            nightSeconds: o.nightSeconds,
            openAllForms: true,
          },
          VillageState,
        );
      } else {
        // A student types the village's code: the code lookup, then the join by room id.
        const code = await codes.get(spec.room)!;
        begun = performance.now();
        // A browser retries an idempotent GET whose reused keep-alive connection was just closed
        // by the server; `fetch` in Node does not, so the lookup is tried twice.
        const lookup = (): Promise<Response> => fetch(`${url}/api/kode/${code}`);
        const res = await lookup().catch(() => lookup());
        if (!res.ok) throw new Error(`code lookup ${res.status}`);
        const { roomId } = (await res.json()) as { roomId: string };
        room = await client.joinById(
          roomId,
          { protocolVersion: PROTOCOL_VERSION, name, lang: "id" },
          VillageState,
        );
      }
      c.room = room;
      room.reconnection.enabled = false;
      watch(c, room);
      room.onDrop((code) => lost(c, code));
      room.onLeave((code) => {
        if (code !== CONSENTED) lost(c, code);
      });
      // Joined = the village's full state is here (what a student needs to see the village).
      if (!(room.state?.players?.size > 0)) {
        await new Promise<void>((resolve) => {
          const first = (): void => {
            if (!(room.state.players?.size > 0)) return;
            // Removed after this round of callbacks (removing during it could skip another).
            queueMicrotask(() => room.onStateChange.remove(first));
            resolve();
          };
          room.onStateChange(first);
        });
      }
      post({ type: "joined", index: spec.index, ms: performance.now() - begun });
      if (spec.creator) codeResolvers.get(spec.room)?.resolve(room.state.code);
      const hello = (await room.request("hello", {})) as HelloReply;
      c.seatId = hello.seatId;
      schedule(c);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const message = `${(error as Error).message || String(error)}${cause ? ` (${cause.code ?? cause.message})` : ""}`;
      if (spec.creator)
        codeResolvers.get(spec.room)?.reject(new Error(`village ${spec.room} was not created`));
      post({ type: "joinFailed", index: spec.index, error: message });
    }
  };

  // A load worker's thread yields to the probe worker's (Linux: a thread's own niceness), so a
  // busy load worker delays the probes' clients less on the core they share.
  if (!input.probe && o.probes > 0) lowerThisThreadsPriority();
  // --profile: this worker's CPU profile over the measured window.
  const profiler = o.profile ? new Session() : null;
  port.on("message", async (m: ToWorker) => {
    if (m.type === "start") {
      // The join storm: each client starts at its own moment.
      startAt = m.startAt;
      for (const spec of specs) {
        const wait = startAt + spec.startOffsetMs - Date.now();
        setTimeout(() => void join(spec), Math.max(0, wait));
      }
    } else if (m.type === "measure") {
      measuring = true;
      measureStartedAt = Date.now();
      result.actionLatencies = [];
      result.replyLatencies = [];
      loop.reset();
      loop.enable();
      if (profiler) {
        profiler.connect();
        await profiler.post("Profiler.enable");
        await profiler.post("Profiler.start");
      }
    } else if (m.type === "stop") {
      measuring = false;
      acting = false;
      loop.disable();
      result.loopP99Ms = Math.max(0, loop.percentile(99) / 1e6 - 10);
      result.loopMaxMs = Math.max(0, loop.max / 1e6 - 10);
      result.heapMb = getHeapStatistics().used_heap_size / 2 ** 20;
      for (const c of clients) if (c.timer) clearTimeout(c.timer);
      if (profiler) {
        const { profile } = await profiler.post("Profiler.stop");
        mkdirSync(o.profile, { recursive: true });
        writeFileSync(profilePath(o.profile, threadId), JSON.stringify(profile));
        profiler.disconnect();
      }
      post({ type: "result", ...result });
    } else if (m.type === "leave") {
      void Promise.all(
        clients.map(async (c) => {
          c.leaving = true;
          await c.room?.leave(true).catch(() => undefined);
        }),
      ).then(() => post({ type: "left" }));
    }
  });

  post({ type: "ready" });
}

if (isMainThread) {
  // Run only as the script itself (tests import the helpers above).
  if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    main().catch((error) => {
      console.error(error);
      process.exit(1);
    });
  }
} else {
  void runWorker(workerData as WorkerInput);
}
