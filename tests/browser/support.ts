/**
 * Browser-test support: start the real game server (which serves the built client) as a child
 * process on a free port, and launch the system Chromium through playwright-core.
 * `npm test` builds the client first; these helpers build nothing.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const RESULTS_DIR = join(ROOT, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-unsafe-swiftshader",
];

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface GameServer {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM (graceful: Colyseus disposes the rooms), SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** SIGKILL at once: a crash, nothing runs on the way out. */
  kill(): Promise<void>;
}

export interface ServerOptions {
  /** Where the server keeps its SQLite file (a fresh temporary folder unless given). */
  dataDir?: string;
  port?: number;
  /** Extra environment for the server process (e.g. REDIS_URL). */
  env?: Record<string, string>;
  /** Extra Node flags for the server process (e.g. GC settings in a benchmark). */
  nodeArgs?: string[];
}

/** Start `node --import tsx server/src/main.ts` in its own process group and wait for /healthz. */
export async function startServer(options: ServerOptions = {}): Promise<GameServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "bangun-desa-browser-"));
  const child: ChildProcess = spawn(
    join(ROOT, "node_modules/.bin/node"),
    [...(options.nodeArgs ?? []), "--import", "tsx", "server/src/main.ts"],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, ...options.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  const signalGroup = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // The whole process group, so no grandchild is orphaned.
    process.kill(-child.pid, signal);
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    url,
    port,
    dataDir,
    output: () => output,
    stop: () => signalGroup("SIGTERM"),
    kill: () => signalGroup("SIGKILL"),
  };
}

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Launch the system Chromium headless (no browser download). */
export async function launchBrowser(): Promise<TestBrowser> {
  // playwright-core gives every launch a fresh temporary profile of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** A phone-sized page (360×640 portrait, DPR 2, touch). */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
  });
  return context.newPage();
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core in the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (own scripts only)
  // rightly refuses an injected <script> tag.
  if (!hasAxe) await page.evaluate(readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async (context) => {
    const axe = (
      window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(context ?? document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, include ?? null);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A file's server and browser: started before its tests, stopped after (a test may swap the server). */
export interface Harness {
  server: GameServer;
  tb: TestBrowser;
}

export function harness(): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.server = await startServer();
    h.tb = await launchBrowser();
  });
  afterAll(async () => {
    await h.tb?.close();
    await h.server?.stop();
  });
  return h;
}

/**
 * The teacher's page on a laptop-sized page: open /guru, press "Buat kelas" and wait for the
 * class code. `onPage` runs before the page loads (e.g. to record its dialogs).
 */
export async function createClassOnPage(
  browser: Browser,
  url: string,
  options: { height?: number; onPage?: (page: Page) => void } = {},
): Promise<{ guru: Page; code: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: options.height ?? 800 } });
  const guru = await context.newPage();
  options.onPage?.(guru);
  await guru.goto(`${url}/guru`);
  await guru.click("#create-class");
  const codeEl = guru.locator("#class-code");
  for (let i = 0; i < 150; i++) {
    const code = ((await codeEl.textContent()) ?? "").trim();
    if (/^[A-Z0-9]{6}$/.test(code)) return { guru, code };
    await guru.waitForTimeout(100);
  }
  throw new Error("no class code on the teacher's page");
}
