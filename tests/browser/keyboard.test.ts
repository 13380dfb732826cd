import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { harness, screenshot } from "./support.ts";

/** Press Tab until the element matching `selector` has focus (the way a keyboard user gets there). */
async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (
      await page
        .locator(selector)
        .evaluate((el) => el === document.activeElement)
        .catch(() => false)
    )
      return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe("keyboard on a desktop", () => {
  const h = harness();

  it("joins solo practice and gathers without a mouse", async () => {
    const context = await h.tb.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${h.server.url}/?actionSeconds=60&warningSeconds=2&nightSeconds=2&seed=3`);
    await tabTo(page, "#name-input");
    await page.keyboard.type("Dewi");
    await tabTo(page, "#solo-button");
    await page.keyboard.press("Enter");
    await page.locator("#loading-screen").waitFor({ state: "hidden", timeout: 30_000 });

    // The season card opens as a dialog with focus on its button: Enter closes it (if it is
    // still open when the short warning phase ends, the action window closes it too).
    await page.locator(".phase-action").waitFor({ timeout: 20_000 });
    const ok = page.locator("[data-key=card-ok]");
    if (await ok.isVisible()) {
      await ok.focus();
      await page.keyboard.press("Enter");
    }

    const beras = page.locator("[data-res=beras]");
    const before = Number(await beras.textContent());
    await tabTo(page, "[data-act=gather]");
    await page.keyboard.press("Enter");
    await tabTo(page, "[data-key=gather-sawah]");
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => Number(await beras.textContent()), { timeout: 5_000 })
      .toBeGreaterThan(before);
    await page.keyboard.press("Escape");
    await page
      .locator("dialog.sheet[open]")
      .waitFor({ state: "detached", timeout: 5_000 })
      .catch(() => undefined);
    expect(await page.locator("dialog.sheet[open]").count()).toBe(0);
    await screenshot(page, "keyboard-desktop");
    await context.close();
  });
});
