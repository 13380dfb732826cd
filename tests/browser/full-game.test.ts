import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type GameServer,
  launchBrowser,
  phonePage,
  screenshot,
  seriousA11yViolations,
  startServer,
  type TestBrowser,
} from "./support.ts";

/**
 * A whole solo game, as a student plays it quickly: every season the student reads the card, does
 * some work and presses Selesai; the game reaches the result screen. Short phases keep it fast.
 */
const QUICK = "?actionSeconds=10&warningSeconds=2&nightSeconds=2&seed=4&bots=4";

let server: GameServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a whole solo game", () => {
  it("plays from the join screen to the result screen", async () => {
    const page = await phonePage(browser.browser);
    await page.goto(`${server.url}/${QUICK}`);
    await page.fill("#name-input", "Sari");
    await page.click("#solo-button");
    await page.locator("#loading-screen").waitFor({ state: "hidden", timeout: 30_000 });

    const result = page.locator("dialog.result");
    const seasonsSeen = new Set<string>();
    const deadline = Date.now() + 150_000;
    while (!(await result.isVisible()) && Date.now() < deadline) {
      // Close any card (forecast, new idea) that opens with a season.
      const ok = page.locator("[data-key=card-ok]");
      if (await ok.isVisible()) await ok.click();
      const done = page.locator("[data-act=done]");
      if ((await page.locator(".phase-action").count()) > 0 && (await done.isEnabled())) {
        seasonsSeen.add((await page.locator(".season").first().textContent()) ?? "");
        // Do a little work first: gather at the sawah, as a student would.
        await page.click("[data-act=gather]");
        await page.click("[data-key=gather-sawah]");
        await page.click("[data-key=close]");
        await done.click();
      }
      await page.waitForTimeout(250);
    }
    await result.waitFor({ state: "visible", timeout: 5_000 });
    const text = (await result.textContent()) ?? "";
    expect(text).toMatch(/Desa (berhasil|belum berhasil)/);
    expect(text).toMatch(/dari 3 bintang/);
    expect(text).toContain("Main lagi");
    expect(seasonsSeen.size).toBeGreaterThanOrEqual(5);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "full-game-result");
  });
});
