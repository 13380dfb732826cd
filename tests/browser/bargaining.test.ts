import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { harness, phonePage, screenshot, seriousA11yViolations } from "./support.ts";

const RESOURCES = ["beras", "kayu", "batu", "uang"] as const;
type Resource = (typeof RESOURCES)[number];

/** The hand as the HUD shows it. */
async function hand(page: Page): Promise<Record<Resource, number>> {
  const out = {} as Record<Resource, number>;
  for (const r of RESOURCES) out[r] = Number(await page.locator(`[data-res=${r}]`).textContent());
  return out;
}

const count = async (page: Page, r: Resource) => Number(await page.locator(`[data-res=${r}]`).textContent());

/** Wait for the action window of a season (a warning card, if any, closes by itself). */
async function waitForAction(page: Page, season: number): Promise<void> {
  await page.locator(".season", { hasText: `Musim ${season}/` }).waitFor({ timeout: 45_000 });
  await page.locator(".phase-action").waitFor({ timeout: 45_000 });
}

describe("bargaining between two students", () => {
  const h = harness();

  it("offer → counter → accept through the UI changes both hands", async () => {
    const ani = await phonePage(h.tb.browser);
    await ani.goto(`${h.server.url}/?actionSeconds=60&bots=3&warningSeconds=10&nightSeconds=4`);
    await ani.fill("#name-input", "Ani");
    await ani.click("#solo-button");
    const codeText = (await ani.locator(".code").textContent({ timeout: 30_000 })) ?? "";
    const code = codeText.match(/[A-Z0-9]{6}$/)?.[0];
    expect(code).toBeTruthy();

    const bayu = await phonePage(h.tb.browser);
    await bayu.goto(`${h.server.url}/`);
    await bayu.fill("#name-input", "Bayu");
    await bayu.fill("#code-input", code!);
    await bayu.click("#join-button");
    for (const page of [ani, bayu]) {
      await page.locator("#loading-screen").waitFor({ state: "hidden", timeout: 30_000 });
    }
    // Before season 2 the button says when bargaining opens.
    expect(await ani.locator("[data-act=trade]").isDisabled()).toBe(true);
    expect(await ani.locator("[data-act=trade]").textContent()).toContain("musim 2");

    // Season 1: both press Selesai, so the window ends early and season 2 (bargaining) comes.
    for (const page of [ani, bayu]) {
      await waitForAction(page, 1);
      await page.click("[data-act=done]");
    }
    const card = ani.locator("dialog.card");
    await card.locator(".idea", { hasText: "tawar-menawar" }).waitFor({ timeout: 45_000 });
    // The card closes by itself when the warning ends (10 s here): read it, then press OK.
    await screenshot(ani, "bargaining-1-season2-card");
    await ani.click("[data-key=card-ok]");
    await waitForAction(ani, 2);
    await waitForAction(bayu, 2);

    // Pick something Ani holds and something different that Bayu holds.
    const handA = await hand(ani);
    const handB = await hand(bayu);
    const pairs = RESOURCES.flatMap((give) =>
      RESOURCES.filter((get) => get !== give && handA[give] > 0 && handB[get] > 0).map((get) => [give, get]),
    );
    expect(pairs.length).toBeGreaterThan(0);
    // Bots feed hungry neighbours beras (bantu tetangga), which would move the counts checked below:
    // trade other goods when the hands allow it.
    const [give, get] = (pairs.find(([g, r]) => g !== "beras" && r !== "beras") ?? pairs[0]) as [
      Resource,
      Resource,
    ];

    // Ani composes 1 <give> for 1 <get> to Bayu.
    await ani.click("[data-act=trade]");
    await ani.click("[data-view=compose]");
    await ani.locator("label.neighbour", { hasText: "Bayu" }).locator("input").check();
    await ani.click(`[data-key=give-${give}-more]`);
    await ani.click(`[data-key=get-${get}-more]`);
    expect(await ani.locator(".summary").textContent()).toBe(`Kamu beri 1 ${give}, minta 1 ${get}`);
    await screenshot(ani, "bargaining-2-compose");
    await ani.click("[data-key=trade-send]");
    await ani.locator("[data-view=offers][aria-pressed=true]").waitFor();
    await ani.click("[data-key=close]");

    // Bayu: a numbered badge and a toast; the offer, then a counter (terms turned round).
    await bayu.locator(".toast-offer", { hasText: "Ani" }).first().waitFor({ timeout: 10_000 });
    const badge = bayu.locator("[data-key=trade-badge]");
    expect(Number(await badge.locator("[aria-hidden]").textContent())).toBeGreaterThanOrEqual(1);
    await screenshot(bayu, "bargaining-3-badge");
    await bayu.click("[data-act=trade]");
    const fromAni = bayu.locator(".offer.incoming", { hasText: "Dari Ani" });
    await fromAni.waitFor();
    expect(await fromAni.textContent()).toContain(`beri 1 ${give}, minta 1 ${get}`);
    await fromAni.locator("[data-counter]").click();
    expect(await bayu.locator(".summary").textContent()).toBe(`Kamu beri 1 ${get}, minta 1 ${give}`);
    await screenshot(bayu, "bargaining-4-counter");
    await bayu.click("[data-key=trade-send]");
    await bayu.locator(".offer.outgoing", { hasText: "menunggu jawaban" }).first().waitFor();
    await bayu.click("[data-key=close]");

    // Ani sees the whole thread (her offer countered, Bayu's waiting) and accepts.
    await ani.locator("[data-key=trade-badge]").waitFor({ timeout: 10_000 });
    await ani.click("[data-act=trade]");
    const fromBayu = ani.locator(".offer.incoming", { hasText: "Dari Bayu" });
    await fromBayu.waitFor();
    const thread = fromBayu.locator(".thread li");
    expect(await thread.count()).toBe(2);
    expect(await thread.nth(0).textContent()).toContain("ditawar balik");
    expect(await thread.nth(1).textContent()).toContain("menunggu jawaban");
    await screenshot(ani, "bargaining-5-thread");
    expect(await seriousA11yViolations(ani, "dialog.sheet")).toEqual([]);

    const aBefore = await hand(ani);
    const bBefore = await hand(bayu);
    await fromBayu.locator("[data-accept]").click();
    await ani.click("[data-key=close]");

    await expect.poll(() => count(ani, give), { timeout: 5_000 }).toBe(aBefore[give] - 1);
    await expect.poll(() => count(ani, get), { timeout: 5_000 }).toBe(aBefore[get] + 1);
    await expect.poll(() => count(bayu, give), { timeout: 5_000 }).toBe(bBefore[give] + 1);
    await expect.poll(() => count(bayu, get), { timeout: 5_000 }).toBe(bBefore[get] - 1);
    for (const page of [ani, bayu]) {
      await page.locator(".toast-mine", { hasText: "Bargaining (tawar-menawar)" }).first().waitFor({
        timeout: 5_000,
      });
    }
    await screenshot(ani, "bargaining-6-caption-ani");
    await screenshot(bayu, "bargaining-7-caption-bayu");
  });
});
