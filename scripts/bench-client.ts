/**
 * Client benchmark (issue #9, DESIGN §6 "Client"): the real server serving the built client,
 * system Chromium (playwright-core) on a 360×640 phone profile, Slow 4G and 4× CPU throttling
 * through the DevTools protocol, the browser cache disabled (every run is a cold first visit).
 *
 * Per run it measures
 * - bytes: what crossed the network (compressed, headers included) for the join screen (every
 *   request made before "join" is pressed) and for everything up to the village drawn;
 * - joinUsableMs: navigation start → the join screen usable (main.ts has attached its handlers,
 *   `performance.mark("join-ready")`, and the page has painted);
 * - joinToVillageMs: the press on "Latihan sendiri" → the village's first frame
 *   (`performance.mark("village-drawn")` in VillageScene); linkToVillageMs: the two added (a student
 *   who presses "join" the moment it is usable; the automated press itself lags under throttling);
 * - frames over `--frame-seconds` in the village scene: main-thread busy time per animation frame
 *   (from a Chromium trace: every task on the page's main thread, clipped to each frame interval),
 *   the same without the GPU readback that only exists without a GPU (see busyPerFrame), and the
 *   frame interval (requestAnimationFrame deltas). Two windows: the village as it is (`frame*`,
 *   `fps`; Phaser draws only when something changed or moves, `framesDrawn` counts those frames),
 *   then the same with Phaser drawing every frame (`drawnFrame*`, `drawnFps`: the cost of a moving
 *   village, walking avatars or rain, and what every frame cost before render on demand).
 * - prefetchKB: the game's chunks that arrived before the press (prefetched by the join screen once
 *   usable); they are counted in firstLoadKB, not in joinScreenKB.
 *
 * Prints one JSON object (medians over `--runs`, each run's numbers under `runs`).
 *   npm run bench:client -- [--runs 3] [--no-throttle] [--cpu 4] [--frame-seconds 5] [--build] [--json]
 *                           [--renderer webgl|canvas]   (force Phaser's renderer; default: the game's choice)
 *                           [--trace-dir DIR]           (keep each frame window's Chromium trace)
 *                           [--trace-detail]            (those traces with JS calls, timers, layouts, GC and
 *                                                        a CPU profile: for diagnosis, it slows the page)
 * The client is built first only when client/dist is missing or with --build.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import type { Browser, CDPSession, Page } from "playwright-core";
import { type GameServer, launchBrowser, phonePage, ROOT, startServer } from "../tests/browser/support.ts";

/** DESIGN §6. */
export const TARGETS = {
  firstLoadKB: 600,
  joinToVillageMs: 6000,
  frameMainThreadP95Ms: 12,
  drawnFrameMainThreadP95Ms: 12,
} as const;

/** Chrome DevTools' "Slow 4G" preset. */
const SLOW_4G = { downloadKbps: 1440, uploadKbps: 675, latencyMs: 562.5 };

export interface BenchOptions {
  runs: number;
  throttle: boolean;
  cpuRate: number;
  frameSeconds: number;
  build: boolean;
  /** Only the JSON on stdout (otherwise a short summary goes to stderr as well). */
  json: boolean;
  /** Force Phaser's renderer (`?renderer=`); by default the game chooses (client/src/game/rendererChoice.ts). */
  renderer: "webgl" | "canvas" | null;
  /** Write each frame window's Chromium trace here (open it in DevTools' Performance panel). */
  traceDir: string | null;
  /**
   * Record the JavaScript calls, timers, layouts, GCs and a CPU profile in the traces too (to find
   * where long frames go; the extra recording costs time itself, so numbers measured with it are
   * not comparable with those without).
   */
  traceDetail: boolean;
}

export interface RunResult {
  joinScreenKB: number;
  firstLoadKB: number;
  requests: number;
  uncompressedTextResponses: number;
  joinReadyMs: number;
  firstPaintMs: number;
  joinUsableMs: number;
  joinToVillageMs: number;
  linkToVillageMs: number;
  frames: number;
  frameMainThreadP50Ms: number;
  frameMainThreadP95Ms: number;
  frameMainThreadNoReadbackP50Ms: number;
  frameMainThreadNoReadbackP95Ms: number;
  frameIntervalP50Ms: number;
  frameIntervalP95Ms: number;
  fps: number;
  /** Frames Phaser drew in the idle window (render on demand: only when the map changed). */
  framesDrawn: number;
  drawnFrames: number;
  drawnFrameMainThreadP50Ms: number;
  drawnFrameMainThreadP95Ms: number;
  drawnFrameMainThreadNoReadbackP50Ms: number;
  drawnFrameMainThreadNoReadbackP95Ms: number;
  drawnFps: number;
  prefetchKB: number;
}

interface Resource {
  path: string;
  kB: number;
  encoding: string;
  phase: "join" | "game";
}

function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    runs: 3,
    throttle: true,
    cpuRate: 4,
    frameSeconds: 5,
    build: false,
    json: false,
    renderer: null,
    traceDir: null,
    traceDetail: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${arg} needs a positive number`);
      return v;
    };
    if (arg === "--runs") options.runs = Math.round(value());
    else if (arg === "--cpu") options.cpuRate = value();
    else if (arg === "--frame-seconds") options.frameSeconds = value();
    else if (arg === "--no-throttle") options.throttle = false;
    else if (arg === "--build") options.build = true;
    else if (arg === "--json") options.json = true;
    else if (arg === "--renderer") {
      const name = argv[++i];
      if (name !== "webgl" && name !== "canvas") throw new Error("--renderer needs webgl or canvas");
      options.renderer = name;
    } else if (arg === "--trace-dir") {
      const dir = argv[++i];
      if (!dir) throw new Error("--trace-dir needs a folder");
      options.traceDir = dir;
    } else if (arg === "--trace-detail") options.traceDetail = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Network bytes per request (encodedDataLength: compressed body + headers), by phase. */
class NetworkLog {
  phase: "join" | "game" = "join";
  private readonly phaseOf = new Map<string, "join" | "game">();
  private readonly urlOf = new Map<string, string>();
  private readonly encodingOf = new Map<string, string>();
  private readonly textual = new Set<string>();
  readonly resources: Resource[] = [];

  constructor(cdp: CDPSession) {
    cdp.on("Network.requestWillBeSent", (e) => {
      // blob: and data: URLs (the art made from the game's code) never touch the network.
      if (!/^https?:/.test(e.request.url)) return;
      this.phaseOf.set(e.requestId, this.phase);
      this.urlOf.set(e.requestId, e.request.url);
    });
    cdp.on("Network.responseReceived", (e) => {
      const headers = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      this.encodingOf.set(e.requestId, headers["content-encoding"] ?? "identity");
      if (/text|javascript|json|svg|xml/.test(headers["content-type"] ?? "")) this.textual.add(e.requestId);
    });
    cdp.on("Network.loadingFinished", (e) => {
      const url = this.urlOf.get(e.requestId);
      if (!url) return;
      this.resources.push({
        path: new URL(url).pathname,
        kB: e.encodedDataLength / 1024,
        encoding: this.encodingOf.get(e.requestId) ?? "identity",
        phase: this.phaseOf.get(e.requestId) ?? "game",
      });
    });
  }

  /**
   * The game's chunks that the join screen prefetches once usable (client/src/game/prefetch.ts):
   * they count as the game's bytes even when requested before "join" is pressed.
   */
  readonly gameFiles = new Set<string>();

  private isJoin(r: Resource): boolean {
    return r.phase === "join" && !this.gameFiles.has(r.path);
  }

  kB(phase?: "join"): number {
    return this.resources.filter((r) => !phase || this.isJoin(r)).reduce((sum, r) => sum + r.kB, 0);
  }

  /** Game chunks that were requested before "join" was pressed (prefetched). */
  prefetchedKB(): number {
    return this.resources
      .filter((r) => r.phase === "join" && this.gameFiles.has(r.path))
      .reduce((sum, r) => sum + r.kB, 0);
  }

  /** Text responses over 1 KB that came without Content-Encoding. */
  uncompressedText(): number {
    return this.resources.filter(
      (r) => r.encoding === "identity" && r.kB > 1 && /\.(js|css|html|svg)$|\/$/.test(r.path),
    ).length;
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: unknown };
}

/**
 * Main-thread busy time per frame: every top-level task on the page's main thread (`RunTask`),
 * clipped to the interval between two consecutive animation frames; and the same without the
 * compositor `Commit`, where (headless, no GPU) the main thread waits for SwiftShader to draw the
 * WebGL canvas and reads it back, work a phone's GPU does off the main thread. The page's clock is
 * tied to the trace's by one user-timing mark seen in both.
 */
function busyPerFrame(
  events: TraceEvent[],
  frames: number[],
  markName: string,
  markTime: number,
): { busy: number[]; withoutCommit: number[] } {
  const mark = events.find((e) => e.name === markName && (e.ph === "R" || e.ph === "I" || e.ph === "n"));
  if (!mark) throw new Error("the trace has no benchmark mark");
  const main = events.find(
    (e) =>
      e.ph === "M" && e.name === "thread_name" && e.pid === mark.pid && e.args?.name === "CrRendererMain",
  );
  const tid = main?.tid ?? mark.tid;
  // Trace microseconds → page milliseconds.
  const offset = mark.ts / 1000 - markTime;
  const spans = (name: string): { start: number; end: number }[] =>
    events
      .filter((e) => e.pid === mark.pid && e.tid === tid && e.ph === "X" && e.name === name && e.dur)
      .map((e) => ({ start: e.ts / 1000 - offset, end: (e.ts + (e.dur ?? 0)) / 1000 - offset }))
      .sort((a, b) => a.start - b.start);
  const perFrame = (list: { start: number; end: number }[]): number[] => {
    const out: number[] = [];
    let first = 0;
    for (let i = 1; i < frames.length; i++) {
      const from = frames[i - 1]!;
      const to = frames[i]!;
      while (first < list.length && list[first]!.end <= from) first++;
      let sum = 0;
      for (let j = first; j < list.length && list[j]!.start < to; j++) {
        sum += Math.max(0, Math.min(to, list[j]!.end) - Math.max(from, list[j]!.start));
      }
      out.push(sum);
    }
    return out;
  };
  const busy = perFrame(spans("RunTask"));
  const commit = perFrame(spans("Commit"));
  return { busy, withoutCommit: busy.map((b, i) => Math.max(0, b - (commit[i] ?? 0))) };
}

interface FrameWindow {
  /** Main-thread busy time per animation frame, with and without the readback (busyPerFrame). */
  busy: number[];
  withoutCommit: number[];
  /** requestAnimationFrame deltas. */
  intervals: number[];
  fps: number;
  /** Frames Phaser drew in the window (RenderGate's counter). */
  drawn: number;
}

/**
 * `seconds` of animation frames: a requestAnimationFrame loop beside Phaser's own records every
 * frame's timestamp while a Chromium trace records the main thread's tasks.
 */
async function measureFrames(
  page: Page,
  browser: Browser,
  seconds: number,
  tracePath: string | null,
  detail = false,
): Promise<FrameWindow> {
  const categories = ["disabled-by-default-devtools.timeline", "blink.user_timing"];
  if (detail)
    categories.push(
      "devtools.timeline",
      "v8.execute",
      "disabled-by-default-v8.cpu_profiler",
      "v8",
      "blink.console",
    );
  await browser.startTracing(page, { categories });
  // Passed as text: tsx would wrap a named inner function in a helper the page does not have.
  const markTime = (await page.evaluate(`(() => {
    const frames = [];
    window.__benchFrames = frames;
    window.__benchDrawnAtStart = window.__renderGate ? window.__renderGate.drawn : 0;
    const tick = (t) => {
      if (window.__benchFrames !== frames) return;
      frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return performance.mark("bench-frames").startTime;
  })()`)) as number;
  await page.waitForTimeout(seconds * 1000);
  const { frames, drawn } = (await page.evaluate(`(() => {
    const frames = window.__benchFrames || [];
    window.__benchFrames = undefined;
    const drawn = window.__renderGate ? window.__renderGate.drawn - window.__benchDrawnAtStart : 0;
    return { frames, drawn };
  })()`)) as { frames: number[]; drawn: number };
  const traceText = (await browser.stopTracing()).toString("utf8");
  if (tracePath) writeFileSync(tracePath, traceText);
  const trace = JSON.parse(traceText) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const { busy, withoutCommit } = busyPerFrame(events, frames, "bench-frames", markTime);
  // Beside the trace: each frame's time and main-thread busy time (to find the longest frames in it).
  if (tracePath)
    writeFileSync(tracePath.replace(/\.json$/, ".frames.json"), JSON.stringify({ markTime, frames, busy }));
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
  const windowMs = (frames.at(-1) ?? 0) - (frames[0] ?? 0);
  return {
    busy,
    withoutCommit,
    intervals,
    fps: windowMs > 0 ? (intervals.length * 1000) / windowMs : 0,
    drawn,
  };
}

async function oneRun(
  browser: Browser,
  server: GameServer,
  options: BenchOptions,
  runIndex: number,
): Promise<{
  result: RunResult;
  resources: Resource[];
  renderer: string;
}> {
  const page: Page = await phonePage(browser);
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (options.throttle) {
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: SLOW_4G.latencyMs,
        downloadThroughput: (SLOW_4G.downloadKbps * 1000) / 8,
        uploadThroughput: (SLOW_4G.uploadKbps * 1000) / 8,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: options.cpuRate });
    }
    const net = new NetworkLog(cdp);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(String(error.stack ?? error)));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });

    const force = options.renderer ? `&renderer=${options.renderer}` : "";
    await page.goto(`${server.url}/?seed=7&actionSeconds=120${force}`, { waitUntil: "commit" });
    await page.waitForSelector("html[data-join-ready]", { state: "attached", timeout: 60_000 });
    const solo = page.locator("#solo-button");
    if (!(await solo.isVisible()) || !(await solo.isEnabled())) throw new Error("join screen not usable");
    for (const file of await page.evaluate(() =>
      (document.querySelector<HTMLMetaElement>('meta[name="bangun-desa-prefetch"]')?.content ?? "")
        .split(/\s+/)
        .filter(Boolean)
        .map((f) => new URL(f, document.baseURI).pathname),
    ))
      net.gameFiles.add(file);
    const { joinReadyMs, firstPaintMs } = await page.evaluate(() => {
      const ready = performance.getEntriesByName("join-ready")[0]?.startTime ?? Number.NaN;
      const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
      document.addEventListener("click", () => performance.mark("join-click"), { capture: true, once: true });
      return { joinReadyMs: ready, firstPaintMs: paint };
    });
    net.phase = "game";
    await solo.click();
    await page
      .waitForSelector("html[data-village-drawn]", { state: "attached", timeout: 90_000 })
      .catch((error: unknown) => {
        throw new Error(`the village was not drawn; the page said:\n${pageErrors.join("\n")}`, {
          cause: error,
        });
      });
    const marks = await page.evaluate(() => ({
      click: performance.getEntriesByName("join-click")[0]?.startTime ?? Number.NaN,
      drawn: performance.getEntriesByName("village-drawn")[0]?.startTime ?? Number.NaN,
    }));
    const renderer = await page.evaluate(() => document.documentElement.dataset.renderer ?? "unknown");
    // Everything the village asked for has arrived once the network is quiet.
    await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => undefined);

    // Frames in the village scene: one second to settle, then the measured window as the village
    // is (render on demand: drawn only when something changed or moves); then the same window
    // with every frame drawn, the cost of a moving village (walking avatars, rain).
    await page.waitForTimeout(1000);
    const tracePath = (name: string): string | null => {
      if (!options.traceDir) return null;
      mkdirSync(options.traceDir, { recursive: true });
      return join(options.traceDir, `run${runIndex + 1}-${name}.json`);
    };
    const idle = await measureFrames(
      page,
      browser,
      options.frameSeconds,
      tracePath("still"),
      options.traceDetail,
    );
    await page.evaluate(`window.__renderGate.setDrawEveryFrame(true)`);
    await page.waitForTimeout(300);
    const drawing = await measureFrames(
      page,
      browser,
      options.frameSeconds,
      tracePath("drawn"),
      options.traceDetail,
    );
    await page.evaluate(`window.__renderGate.setDrawEveryFrame(false)`);

    const joinUsableMs = Math.max(joinReadyMs, firstPaintMs);
    return {
      resources: net.resources,
      renderer,
      result: {
        joinScreenKB: round(net.kB("join")),
        firstLoadKB: round(net.kB()),
        requests: net.resources.length,
        uncompressedTextResponses: net.uncompressedText(),
        joinReadyMs: round(joinReadyMs, 0),
        firstPaintMs: round(firstPaintMs, 0),
        joinUsableMs: round(joinUsableMs, 0),
        joinToVillageMs: round(marks.drawn - marks.click, 0),
        linkToVillageMs: round(joinUsableMs + marks.drawn - marks.click, 0),
        frames: idle.busy.length,
        frameMainThreadP50Ms: round(quantile(idle.busy, 0.5), 2),
        frameMainThreadP95Ms: round(quantile(idle.busy, 0.95), 2),
        frameMainThreadNoReadbackP50Ms: round(quantile(idle.withoutCommit, 0.5), 2),
        frameMainThreadNoReadbackP95Ms: round(quantile(idle.withoutCommit, 0.95), 2),
        frameIntervalP50Ms: round(quantile(idle.intervals, 0.5), 2),
        frameIntervalP95Ms: round(quantile(idle.intervals, 0.95), 2),
        fps: round(idle.fps),
        framesDrawn: idle.drawn,
        drawnFrames: drawing.busy.length,
        drawnFrameMainThreadP50Ms: round(quantile(drawing.busy, 0.5), 2),
        drawnFrameMainThreadP95Ms: round(quantile(drawing.busy, 0.95), 2),
        drawnFrameMainThreadNoReadbackP50Ms: round(quantile(drawing.withoutCommit, 0.5), 2),
        drawnFrameMainThreadNoReadbackP95Ms: round(quantile(drawing.withoutCommit, 0.95), 2),
        drawnFps: round(drawing.fps),
        prefetchKB: round(net.prefetchedKB()),
      },
    };
  } finally {
    await page.context().close();
  }
}

/** Run the benchmark and return the report (also used by tests/scale/bench-client.test.ts). */
export async function benchClient(options: BenchOptions): Promise<Record<string, unknown>> {
  const dist = join(ROOT, "client/dist");
  const built = options.build || !existsSync(join(dist, "index.html"));
  if (built) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const server = await startServer();
  const tb = await launchBrowser();
  const version = tb.browser.version();
  const runs: RunResult[] = [];
  let resources: Resource[] = [];
  const renderers: string[] = [];
  try {
    for (let i = 0; i < options.runs; i++) {
      const run = await oneRun(tb.browser, server, options, i);
      runs.push(run.result);
      renderers.push(run.renderer);
      if (i === 0) resources = run.resources;
      if (!options.json)
        process.stderr.write(`run ${i + 1}/${options.runs}: ${JSON.stringify(run.result)}\n`);
    }
  } finally {
    await tb.close();
    await server.stop();
  }
  resources.sort((a, b) => b.kB - a.kB);
  const keys = Object.keys(runs[0]!) as (keyof RunResult)[];
  const medians = Object.fromEntries(keys.map((k) => [k, round(median(runs.map((r) => r[k])), 2)])) as Record<
    keyof RunResult,
    number
  >;
  const met = (key: keyof typeof TARGETS) => ({ target: TARGETS[key], met: medians[key] <= TARGETS[key] });
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryGB: round(totalmem() / 2 ** 30),
      node: process.version,
    },
    chromium: version,
    params: {
      runs: options.runs,
      network: options.throttle ? { preset: "Slow 4G", ...SLOW_4G } : "none",
      cpuThrottling: options.throttle ? options.cpuRate : 1,
      viewport: "360x640 @2x, touch",
      cache: "disabled (cold)",
      frameSeconds: options.frameSeconds,
      clientBuild: built ? "built by this run" : "existing client/dist",
      renderer: options.renderer ?? "chosen by the game",
    },
    /** The renderer that drew each run (`<html data-renderer>`, set by startGame). */
    renderers,
    median: medians,
    targets: {
      firstLoadKB: met("firstLoadKB"),
      joinToVillageMs: met("joinToVillageMs"),
      frameMainThreadP95Ms: met("frameMainThreadP95Ms"),
      drawnFrameMainThreadP95Ms: met("drawnFrameMainThreadP95Ms"),
    },
    largest: resources.slice(0, 8).map((r) => ({ ...r, kB: round(r.kB) })),
    runs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = parseArgs(process.argv.slice(2));
  const report = await benchClient(options);
  process.stdout.write(`${JSON.stringify(report, null, options.json ? 0 : 2)}\n`);
}
