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
const QUICK = "?actionSeconds=10&warningSeconds=2&nightSeconds=2&seed=4&bots=4&difficulty=mudah";

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
    const ok = page.locator("[data-key=card-ok]:visible");
    const done = page.locator("[data-act=done]:enabled:visible");
    const seasonsSeen = new Set<string>();
    // The window may end while the student is still working: such a step is simply skipped.
    const quick = { timeout: 3_000 };
    const skip = () => undefined;
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      // Wait for the next thing to do: a card to read, a window to work in, or the result.
      await page.locator("dialog.result[open]").or(ok).or(done).first().waitFor({ timeout: 30_000 });
      if (await result.isVisible()) break;
      if (await ok.isVisible()) {
        await ok.click(quick).catch(skip);
        continue;
      }
      seasonsSeen.add((await page.locator(".season").first().textContent()) ?? "");
      // Do a little work first: gather at the sawah, as a student would.
      await page.click("[data-act=gather]", quick).catch(skip);
      await page.click("[data-key=gather-sawah]", quick).catch(skip);
      await page.click("[data-key=close]", quick).catch(skip);
      await done.click(quick).catch(skip);
      // Selesai pressed (or the window over): wait until the button is disabled again.
      await done.waitFor({ state: "detached", timeout: 15_000 }).catch(skip);
    }
    await result.waitFor({ state: "visible", timeout: 5_000 });
    const text = (await result.textContent()) ?? "";
    expect(text).toMatch(/Desa (berhasil|belum berhasil)/);
    expect(text).toMatch(/dari 3 bintang/);
    expect(text).toContain("Main lagi");
    // A village that only gathers may fall apart before the last season (harmony 0 ends the game):
    // the student still plays several seasons and reaches the result.
    expect(seasonsSeen.size).toBeGreaterThanOrEqual(3);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "full-game-result");

    // Solo practice gets the same debrief and quiz as a class, and keeps the result in this browser.
    await page.locator("#debrief-timeline li.debrief-form").first().waitFor({ timeout: 15_000 });
    expect(await page.locator("#debrief-timeline li.debrief-form").count()).toBe(5);
    await page.locator("#quiz-start").click();
    for (let i = 0; i < 10; i++) {
      await page.locator('[data-option="1"]').click();
      await page.locator("#quiz-feedback .quiz-verdict").waitFor();
      await page.locator("#quiz-next").click();
    }
    await expect
      .poll(() => page.locator("#quiz-score").textContent(), { timeout: 10_000 })
      .toMatch(/dari 10/);
    const history = await page.evaluate(() =>
      JSON.parse(localStorage.getItem("bangun-desa.history") ?? "[]"),
    );
    expect(history).toHaveLength(1);
    expect(history[0].quiz.total).toBe(10);
  });
});
