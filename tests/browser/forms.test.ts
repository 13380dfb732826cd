import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { harness, phonePage, screenshot, seriousA11yViolations } from "./support.ts";

/**
 * Every form open from season 1 (the tokoh arrives in season 2), short warning and night.
 * Seed 68 makes the student the penambang, the village's only batu specialist: the bots cannot
 * finish the bridge (8 batu) in season 2 without the student, so it is still open when the
 * student proposes co-opting the tokoh for it. With a random village the bots often finish the
 * bridge within the first 10–30 s of season 2, and the test would race the village.
 */
const QUERY = "?openAllForms=1&warningSeconds=3&nightSeconds=3&actionSeconds=90&bots=4&seed=68";
/**
 * A step of the proposal. While a person is in the village the room holds the bots' proposals for
 * the first third of the window (30 s here), so the form stays put; a busy 2-core CI machine can
 * still take a few seconds per browser action.
 */
const STEP = { timeout: 10_000 };

async function waitForAction(page: Page, season: number): Promise<void> {
  await page.locator(".season", { hasText: `Musim ${season}/` }).waitFor({ timeout: 30_000 });
  await page.locator(".phase-action").waitFor({ timeout: 30_000 });
}

/** Propose co-opting the tokoh as pembina of the jembatan through the musyawarah form. */
async function proposeCooptation(page: Page): Promise<void> {
  const form = page.locator("dialog.sheet .vote-propose");
  await form.waitFor(STEP);
  await form.locator("[data-key=vote-topic-cooptTokoh]").check(STEP);
  await form.locator("[data-key=vote-position-pembina]").check(STEP);
  await form.locator("[data-key=vote-project-jembatan]").check(STEP);
  await screenshot(page, "forms-1-propose-kooptasi");
  await form.locator("[data-key=vote-propose]").click(STEP);
}

describe("musyawarah, kooptasi and koalisi in a solo village", () => {
  const h = harness();

  it("co-opts the tokoh pemuda by a vote and joins a koalisi through the UI", async () => {
    const page = await phonePage(h.tb.browser);
    await page.goto(`${h.server.url}/${QUERY}`);
    await page.fill("#name-input", "Ani");
    await page.click("#solo-button");
    await page.locator("#loading-screen").waitFor({ state: "hidden", timeout: 30_000 });

    // Season 1: the tokoh has not come yet; Selesai ends the window early.
    await waitForAction(page, 1);
    // The village the seed promises (see QUERY): without batu from the student the bridge waits.
    expect(await page.locator(".role-line").textContent()).toContain("Penambang");
    // Musyawarah is open from the start: the student proposes the bridge as the priority project.
    await page.click("[data-act=musyawarah]");
    expect(await page.locator("[data-tokoh=absent]").textContent()).toContain("musim 2");
    await page.locator("[data-key=vote-topic-priority]").check();
    await page.locator("[data-key=vote-project-jembatan]").check();
    await page.click("[data-key=vote-propose]");
    await page.locator(".vote-result", { hasText: "Diterima" }).waitFor({ timeout: 10_000 });
    await page.locator("[data-key=priority-chip]", { hasText: "jembatan desa" }).waitFor();
    await page.click("[data-key=close]");
    await page.click("[data-act=done]");

    // Season 2: the tokoh has arrived. Bots propose co-opting him too, once the first third of the
    // window is over: if one was quicker, the student answers that proposal with "Setuju" instead.
    await waitForAction(page, 2);
    await screenshot(page, "forms-0-map-tokoh-outside");
    await page.click("[data-act=musyawarah]");
    const sheet = page.locator("dialog.sheet");
    const form = sheet.locator(".vote-propose");
    const openCard = sheet.locator(".vote-card");
    await form.or(openCard).first().waitFor();
    expect(await sheet.locator(".tokoh-card").textContent()).toMatch(/Keresahan \d+/);
    // The form vanishes if a bot's proposal lands first (only after the room's hold, see STEP);
    // any other failure to propose is the test's failure.
    let proposed = await proposeCooptation(page).then(
      () => true,
      async (error: unknown) => {
        if (await openCard.isVisible()) return false;
        throw error;
      },
    );
    await openCard.or(sheet.locator("[data-tokoh=coopted]")).first().waitFor();
    const yes = openCard.locator("[data-key=vote-yes]");
    if (await yes.isVisible()) {
      proposed = false;
      expect(await openCard.locator(".vote-what").textContent()).toContain("pembina proyek jembatan desa");
      await screenshot(page, "forms-1-vote-kooptasi");
      await yes.click();
    }
    console.log(
      proposed
        ? "kooptasi: proposed by the student"
        : "kooptasi: a bot proposed first; the student voted yes",
    );

    // The bots vote; the vote passes at once when every household has voted.
    await sheet.locator("[data-tokoh=coopted]").waitFor({ timeout: 15_000 });
    expect(await sheet.locator("[data-tokoh=coopted]").textContent()).toContain(
      "pembina proyek jembatan desa",
    );
    expect(await sheet.locator(".vote-result").first().textContent()).toContain("Diterima");
    await page.locator(".toast-coop", { hasText: "Kooptasi!" }).first().waitFor({ timeout: 10_000 });
    await screenshot(page, "forms-2-kooptasi");
    expect(await seriousA11yViolations(page, "dialog.sheet")).toEqual([]);
    await page.click("[data-key=close]");

    // Koalisi: propose one for the plastic-waste campaign (or join the bots' one).
    await page.click("[data-act=koalisi]");
    const coalition = sheet.locator("[data-goal=kampanyeSampah]");
    const proposeGoal = sheet.locator("[data-propose-goal=kampanyeSampah]");
    await proposeGoal.or(coalition).first().waitFor();
    if (await proposeGoal.isVisible()) await proposeGoal.click();
    else await coalition.locator("[data-join]").click();
    await coalition.locator(".you-member").waitFor({ timeout: 5_000 });
    expect(await coalition.locator(".coalition-members").textContent()).toContain("Kamu");
    // Bots join coalitions: with the third member it is active and the pool opens.
    await coalition.locator("[data-status=active]").waitFor({ timeout: 20_000 });
    expect(await coalition.locator(".pool-line").first().textContent()).toMatch(/\d+\/\d+/);
    await screenshot(page, "forms-3-koalisi");
    expect(await seriousA11yViolations(page, "dialog.sheet")).toEqual([]);

    // The same panel on a desktop screen, then the map with the co-opted tokoh.
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, "forms-4-koalisi-desktop");
    await page.click("[data-key=close]");
    await screenshot(page, "forms-5-map-desktop");
  });
});
