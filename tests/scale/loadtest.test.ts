/**
 * The load test's small version (issue #9): `scripts/loadtest.ts` run as `npm run loadtest` runs
 * it — its own server process, worker threads of real WebSocket clients — with 30 clients in 5
 * villages for 6 s. It checks that the benchmark works and reports sane numbers, not that the
 * machine meets the targets (that is the full run's job: docs/performance.md).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isProbeVillage } from "../../scripts/loadtest.ts";
import { ROOT } from "../browser/support.ts";

const FIELDS = [
  "clients",
  "rooms",
  "joinP99Ms",
  "actionToPatchP50Ms",
  "actionToPatchP99Ms",
  "eventLoopP99Ms",
  "serverCpuPercent",
  "serverRssMb",
  "bytesPerClientPerSec",
  "disconnects",
] as const;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runLoadTest(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(ROOT, "node_modules/.bin/node"),
      ["--no-experimental-websocket", "--import", "tsx", "scripts/loadtest.ts", ...args],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("load test (small)", () => {
  it("joins every client, plays, and reports every field", async () => {
    const { code, stdout, stderr } = await runLoadTest([
      ...["--clients", "30", "--rooms", "5", "--duration", "6", "--warmup", "2"],
      // A quick practice game, so the action window opens within the measured seconds.
      ...["--join-rate", "50", "--warning-seconds", "2", "--think-min-ms", "500", "--think-max-ms", "1500"],
      "--json",
    ]);
    expect(code, stderr).toBe(0);
    // One JSON object, alone on stdout.
    const lines = stdout.trim().split("\n");
    expect(lines, stdout).toHaveLength(1);
    const report = JSON.parse(lines[0]!) as Record<string, unknown> & {
      machine: { cores: number; node: string };
      targets: Record<string, { target: number; met: boolean }>;
    };

    for (const field of FIELDS) {
      expect(typeof report[field], `${field} is a number`).toBe("number");
      expect(Number.isFinite(report[field]), `${field} is finite`).toBe(true);
    }
    expect(report.clients).toBe(30);
    expect(report.rooms).toBe(5);
    expect(report.clientsJoined).toBe(30);
    expect(report.joinFailures).toBe(0);
    expect(report.disconnects).toBe(0);
    expect(report.actionsMeasured as number).toBeGreaterThan(0);
    expect(report.actionsWithoutPatch).toBe(0);
    // One village of five (about 5 %, at least one) is measured by the probe worker; every
    // client's latencies are reported too.
    expect(report.latenciesFrom).toBe("probes");
    expect(report.probeVillages).toBe(1);
    expect(report.probeClients).toBe(6);
    expect(report.actionsMeasuredAll as number).toBeGreaterThan(report.actionsMeasured as number);
    expect(typeof report.actionToPatchAllP99Ms).toBe("number");
    expect(typeof report.probeEventLoopMaxMs).toBe("number");
    // Where the server's time went: its threads (the event loop's own is "main") and its GC pauses.
    const threads = report.serverThreadCpuPercent as Record<string, number>;
    expect(threads.main).toBeGreaterThan(0);
    expect(Object.values(threads).reduce((a, b) => a + b, 0)).toBeCloseTo(
      report.serverCpuPercent as number,
      -1,
    );
    const gc = report.serverGc as {
      count: number;
      totalMs: number;
      maxMs: number;
      byKind: object;
      long: unknown[];
    };
    expect(gc.count).toBeGreaterThanOrEqual(0);
    // Every pause is counted once, under its kind.
    const byKind = Object.values(gc.byKind as Record<string, { count: number }>);
    expect(byKind.reduce((a, k) => a + k.count, 0)).toBe(gc.count);
    expect(gc.maxMs).toBeLessThanOrEqual(gc.totalMs);
    expect(Array.isArray(gc.long)).toBe(true);

    const n = (field: string): number => report[field] as number;
    expect(n("joinP99Ms")).toBeGreaterThan(0);
    expect(n("joinP99Ms")).toBeLessThan(30_000);
    expect(n("actionToPatchP50Ms")).toBeGreaterThan(0);
    expect(n("actionToPatchP99Ms")).toBeGreaterThanOrEqual(n("actionToPatchP50Ms"));
    expect(n("actionToPatchP99Ms")).toBeLessThan(10_000);
    expect(n("eventLoopP99Ms")).toBeGreaterThanOrEqual(0);
    expect(n("serverCpuPercent")).toBeGreaterThan(0);
    expect(n("serverCpuPercent")).toBeLessThan(100 * report.machine.cores);
    expect(n("serverRssMb")).toBeGreaterThan(20);
    expect(n("serverRssMb")).toBeLessThan(4096);
    // Patches flow to every client (the state changes as villagers act) but stay small.
    expect(n("bytesPerClientPerSec")).toBeGreaterThan(0);
    expect(n("bytesPerClientPerSec")).toBeLessThan(100_000);

    expect(typeof report.date).toBe("string");
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.node).toMatch(/^v\d+/);
    for (const t of Object.values(report.targets)) expect(typeof t.met).toBe("boolean");
  });

  it("spreads the probe villages evenly, exactly as many as asked", () => {
    for (const [rooms, probes] of [
      [334, 17],
      [5, 1],
      [12, 4],
      [100, 0],
    ] as const) {
      const chosen = Array.from({ length: rooms }, (_, r) => r).filter((r) =>
        isProbeVillage(r, { rooms, probes }),
      );
      expect(chosen, `${probes} of ${rooms}`).toHaveLength(probes);
      // No two probe villages next to each other when there are few of them.
      if (probes > 1 && probes * 2 <= rooms) {
        for (let i = 1; i < chosen.length; i++) expect(chosen[i]! - chosen[i - 1]!).toBeGreaterThan(1);
      }
    }
  });
});
