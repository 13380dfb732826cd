import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { usePhoneSession } from "./phoneSession.ts";
import type { GameServer } from "./support.ts";

/**
 * The HUD redraws each of its parts only when what the part shows has changed (a model per part,
 * client/src/ui/hudModel.ts; most patches change nothing it shows). In a real solo game every part
 * must still follow the game: the hand and tenaga after a gather, the button, hint and villagers'
 * list after "Selesai", the night, the next season, the language.
 */
const URL_QUERY = "?actionSeconds=15&seed=11";

describe("the HUD follows the game", () => {
  const session = usePhoneSession();
  let server: GameServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = session);
  });

  /** Close the season's forecast card and wait for the action phase. */
  async function toAction(): Promise<void> {
    const ok = page.locator("[data-key=card-ok]");
    await ok.waitFor({ state: "visible", timeout: 40_000 });
    await ok.click();
    await page.locator(".phase-action").waitFor({ timeout: 20_000 });
  }

  const text = async (selector: string): Promise<string> =>
    (await page.locator(selector).first().textContent()) ?? "";

  it("shows every change of the season, my household and the villagers", async () => {
    await page.goto(`${server.url}/${URL_QUERY}`);
    await page.click("#solo-button");
    await page.locator("#game-canvas canvas").waitFor({ state: "visible", timeout: 30_000 });
    await toAction();
    expect(await text(".season")).toMatch(/^Musim 1\//);
    expect(await page.locator("[data-act=done]").isEnabled()).toBe(true);
    // On a phone each meter is one line: its bar sits beside its name and number, goal or not.
    const rows = await page.$$eval(".meter", (meters) =>
      meters.map((m) => {
        const label = m.querySelector(".meter-label")!.getBoundingClientRect();
        const bar = m.querySelector(".bar")!.getBoundingClientRect();
        return { barTop: bar.top, labelBottom: label.bottom, barWidth: bar.width };
      }),
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.barTop).toBeLessThan(row.labelBottom);
      expect(row.barWidth).toBeGreaterThan(60);
    }

    // A gather: one tenaga less, more beras.
    const tenaga = await text(".tenaga");
    const beras = Number(await text("[data-res=beras]"));
    await page.click("[data-act=gather]");
    await page.click("[data-key=gather-sawah]");
    await expect
      .poll(async () => Number(await text("[data-res=beras]")), { timeout: 5_000 })
      .toBeGreaterThan(beras);
    expect(await text(".tenaga")).not.toBe(tenaga);
    await page.click("[data-key=close]");

    // "Selesai": the button turns off, the hint says so, my line in the villagers' list is marked.
    const me = await text(".household strong");
    await page.click("[data-act=done]");
    await expect.poll(() => page.locator("[data-act=done]").isEnabled(), { timeout: 5_000 }).toBe(false);
    expect(await text(".phase-hint")).toBe("Kamu sudah selesai musim ini.");
    const myLine = page.locator(".player-name", { hasText: me });
    await expect
      .poll(async () => (await myLine.textContent()) ?? "", { timeout: 5_000 })
      .toContain("selesai");

    // Night: the phase changes and no action button works.
    await page.locator(".phase-night").waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-act=gather]").isEnabled()).toBe(false);
    expect(await text(".phase")).toContain("Malam");

    // The next season: its number, and my household may act again.
    await toAction();
    expect(await text(".season")).toMatch(/^Musim 2\//);
    expect(await page.locator("[data-act=done]").isEnabled()).toBe(true);
    expect(await text(".phase-hint")).toMatch(/^Tekan /);
    expect(await myLine.textContent()).not.toContain("selesai");

    // The language: every part is redrawn in English, and back.
    await page.click("[data-key=lang]");
    expect(await text(".season")).toMatch(/^Season 2\//);
    expect(await text("[data-act=done]")).toContain("Done");
    expect(await page.locator(".meters").getAttribute("aria-label")).toBe("The village");
    await page.click("[data-key=lang]");
    expect(await text(".season")).toMatch(/^Musim 2\//);
  });
});
