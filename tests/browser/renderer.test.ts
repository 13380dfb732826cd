import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { harness, phonePage, screenshot } from "./support.ts";

const QUERY = "?actionSeconds=60&warningSeconds=2&nightSeconds=2&seed=5&hints=0";

/** Join solo practice and wait until the village is drawn and the season card is closed. */
async function playSolo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.click("#solo-button");
  await page.waitForSelector("html[data-village-drawn]", { state: "attached", timeout: 30_000 });
  await page.locator(".phase-action").waitFor({ timeout: 20_000 });
  const ok = page.locator("[data-key=card-ok]");
  if (await ok.isVisible()) await ok.click();
  await page
    .locator("dialog.card[open]")
    .waitFor({ state: "detached", timeout: 5_000 })
    .catch(() => undefined);
}

/** Tap the map at a point given in its own units (720 × 960). */
async function tapMap(page: Page, x: number, y: number): Promise<void> {
  const box = await page.locator("#game-canvas canvas").boundingBox();
  if (!box) throw new Error("no canvas");
  await page.touchscreen.tap(box.x + (x / 720) * box.width, box.y + (y / 960) * box.height);
}

/** Tap the sawah (150, 200 on the map): its gathering sheet opens with its button focused. */
async function expectSawahOpensOnTap(page: Page): Promise<void> {
  await tapMap(page, 150, 200);
  await page.locator("dialog.sheet[open]").waitFor({ timeout: 5_000 });
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-key")), { timeout: 5_000 })
    .toBe("gather-sawah");
}

describe("Phaser's renderer", () => {
  const h = harness();

  it("without a GPU draws the village with the Canvas renderer, and a tap on the sawah opens it", async () => {
    const page = await phonePage(h.tb.browser);
    // Headless Chromium without a GPU offers WebGL only through SwiftShader: the game takes Canvas.
    await playSolo(page, `${h.server.url}/${QUERY}`);
    expect(await page.evaluate(() => document.documentElement.dataset.renderer)).toBe("canvas");
    // The map is really drawn: the canvas's pixels are the ground's, not empty.
    const filled = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>("#game-canvas canvas")!;
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let opaque = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) {
        if (data[i + 3] === 255) opaque++;
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      }
      return { share: opaque / (data.length / (4 * 97)), colours: colours.size };
    });
    expect(filled.share).toBeGreaterThan(0.99);
    expect(filled.colours).toBeGreaterThan(20);
    await screenshot(page, "renderer-canvas-360x640");

    // The sawah is drawn in the static layer; its tap area still opens it.
    await expectSawahOpensOnTap(page);
    await page.context().close();
  });

  it("takes WebGL when asked (?renderer=webgl), and the same tap works", async () => {
    const page = await phonePage(h.tb.browser);
    await playSolo(page, `${h.server.url}/${QUERY}&renderer=webgl`);
    expect(await page.evaluate(() => document.documentElement.dataset.renderer)).toBe("webgl");
    await screenshot(page, "renderer-webgl-360x640");
    await expectSawahOpensOnTap(page);
    await page.context().close();
  });
});
