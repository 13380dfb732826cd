import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { usePhoneSession } from "./phoneSession.ts";
import { type GameServer, screenshot, seriousA11yViolations } from "./support.ts";

/** A short action window keeps the test fast; the warning phase (10 s) is the room's own. */
const URL_QUERY = "?actionSeconds=40&seed=11";

describe("solo practice on a phone", () => {
  const session = usePhoneSession();
  let server: GameServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = session);
  });

  it("shows an accessible join screen before any game code loads", async () => {
    await page.goto(`${server.url}/${URL_QUERY}`);
    await expect.poll(() => page.locator("#solo-button").isVisible()).toBe(true);
    expect(await page.locator("#solo-button").textContent()).toContain("Latihan sendiri");
    // The game's code (Phaser, the network SDK) is only fetched once the join screen is usable (a
    // low-priority prefetch), never before it, and is not run until the student joins.
    const timing = await page.evaluate(() => ({
      ready: performance.getEntriesByName("join-ready")[0]?.startTime ?? -1,
      game: performance
        .getEntriesByType("resource")
        .filter((e) => /phaser|colyseus/.test(e.name))
        .map((e) => e.startTime),
    }));
    expect(timing.ready).toBeGreaterThan(0);
    for (const start of timing.game) expect(start).toBeGreaterThanOrEqual(timing.ready);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "solo-1-join-360x640");
  });

  it("rejects a malformed code with a clear message", async () => {
    await page.fill("#code-input", "AB1");
    await page.fill("#name-input", "Ani");
    await page.click("#join-button");
    expect(await page.locator("#join-error").textContent()).toContain("6 huruf");
    await page.fill("#code-input", "");
  });

  it("plays: the village is drawn, a gather changes the hand, selokan work is gotong royong", async () => {
    await page.click("#solo-button");
    // The village is drawn once the Preloader has loaded every picture and hides the loading screen.
    await page.locator("#game-canvas canvas").waitFor({ state: "visible", timeout: 30_000 });
    await page.locator("#loading-screen").waitFor({ state: "hidden", timeout: 30_000 });
    expect(await page.locator(".code").textContent()).toMatch(/Kode desa: [A-Z0-9]{6}/);

    // Season 1 opens with the warning card: forecast + the "new idea" (gotong royong).
    const card = page.locator("dialog.card");
    await card.waitFor({ state: "visible", timeout: 15_000 });
    expect(await card.textContent()).toContain("gotong royong");
    await screenshot(page, "solo-2-warning-card");
    await page.click("[data-key=card-ok]");

    await page.locator(".phase-action").waitFor({ timeout: 20_000 });

    // Work at the selokan first (before the bots finish it): a gotong royong caption names the form.
    await page.click("[data-act=projects]");
    const selokan = page.locator("[data-work^=selokan]");
    const work = (await selokan.isEnabled()) ? selokan : page.locator("[data-work]:enabled").first();
    await work.click();
    // The student's own caption shows for a few seconds: look for it before closing the sheet.
    const caption = page.locator(".toast-mine");
    await caption.first().waitFor({ timeout: 10_000 });
    expect(await caption.first().textContent()).toContain("Gotong royong!");
    await page.click("[data-key=close]");
    await screenshot(page, "solo-3-caption");

    // Gather at the sawah: the beras count on screen goes up.
    const beras = page.locator("[data-res=beras]");
    const before = Number(await beras.textContent());
    await page.click("[data-act=gather]");
    await page.click("[data-key=gather-sawah]");
    await expect
      .poll(async () => Number(await beras.textContent()), { timeout: 5_000 })
      .toBeGreaterThan(before);
    await screenshot(page, "solo-4-gather-sheet");
    await page.click("[data-key=close]");

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "solo-5-hud");
  });
});
