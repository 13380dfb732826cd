/**
 * Small version of `npm run bench:client` (scripts/bench-client.ts): one cold run, Slow 4G but
 * only 2× CPU throttling and 1 s of frames per window. The timings are only checked to be real numbers (the
 * machine is shared); the compressed size of the first load is deterministic, so it is held to
 * DESIGN §6's 600 KB.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../browser/support.ts";

const NUMBERS = [
  "joinScreenKB",
  "firstLoadKB",
  "requests",
  "uncompressedTextResponses",
  "joinReadyMs",
  "firstPaintMs",
  "joinUsableMs",
  "joinToVillageMs",
  "linkToVillageMs",
  "frames",
  "frameMainThreadP50Ms",
  "frameMainThreadP95Ms",
  "frameMainThreadNoReadbackP50Ms",
  "frameMainThreadNoReadbackP95Ms",
  "frameIntervalP50Ms",
  "frameIntervalP95Ms",
  "fps",
  "drawnFrames",
  "drawnFrameMainThreadP50Ms",
  "drawnFrameMainThreadP95Ms",
  "drawnFps",
];

function runBench(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      join(ROOT, "node_modules/.bin/node"),
      ["--import", "tsx", "scripts/bench-client.ts", ...args],
      { cwd: ROOT, timeout: 110_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

describe("client benchmark (small)", () => {
  it("prints one JSON report with every number, and the first load fits in 600 KB", async () => {
    const out = await runBench(["--runs", "1", "--cpu", "2", "--frame-seconds", "1", "--json"]);
    const report = JSON.parse(out.trim()) as {
      date: string;
      chromium: string;
      params: { runs: number; cpuThrottling: number };
      median: Record<string, number>;
      targets: Record<string, { target: number; met: boolean }>;
      runs: Record<string, number>[];
      renderers: string[];
    };
    expect(Number.isNaN(Date.parse(report.date))).toBe(false);
    expect(report.chromium).toMatch(/^\d+\./);
    expect(report.params).toMatchObject({ runs: 1, cpuThrottling: 2 });
    expect(report.runs).toHaveLength(1);
    // The renderer that drew the run is named (the game chooses; headless without a GPU: canvas).
    expect(report.renderers).toHaveLength(1);
    expect(["webgl", "canvas"]).toContain(report.renderers[0]);
    for (const key of NUMBERS) {
      expect(Number.isFinite(report.median[key]), key).toBe(true);
    }
    const m = report.median;
    expect(m.frames).toBeGreaterThan(0);
    expect(m.joinUsableMs).toBeGreaterThan(0);
    expect(m.joinToVillageMs).toBeGreaterThan(0);
    expect(m.linkToVillageMs).toBeGreaterThan(m.joinToVillageMs!);
    // Bytes do not depend on the machine: everything up to the village drawn, compressed.
    expect(m.joinScreenKB).toBeLessThan(60);
    expect(m.firstLoadKB).toBeLessThanOrEqual(600);
    expect(report.targets.firstLoadKB).toEqual({ target: 600, met: true });
    // Every script, style and page came compressed.
    expect(m.uncompressedTextResponses).toBe(0);
  });
});
