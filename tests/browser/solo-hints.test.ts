import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { usePhoneSession } from "./phoneSession.ts";
import { type GameServer, screenshot, seriousA11yViolations } from "./support.ts";

/** A long action window (the hint is followed within it) and short warning/night phases. */
const QUERY = "?actionSeconds=120&warningSeconds=3&nightSeconds=3&seed=5";
const RESOURCES = ["beras", "kayu", "batu", "uang"] as const;
const SITE_RESOURCE: Record<string, string> = {
  sawah: "beras",
  hutan: "kayu",
  tambang: "batu",
  pasar: "uang",
};
const FORM_NAMES = ["Gotong royong", "Bargaining (tawar-menawar)", "Kooptasi", "Koalisi", "Joint venture"];

type Bundle = Partial<Record<(typeof RESOURCES)[number], number>>;
type HintAction = { type: string; site?: string; tenaga?: number; give?: Bundle };

async function hand(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of RESOURCES) out[r] = Number(await page.locator(`[data-res=${r}]`).textContent());
  return out;
}

async function tenaga(page: Page): Promise<number> {
  return Number((await page.locator(".tenaga").textContent())?.replace(/\D/g, ""));
}

describe("solo practice with the picker and the hint card on a phone", () => {
  const session = usePhoneSession();
  let server: GameServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = session);
  });

  it("picks sulit and 2 computer villagers in an accessible picker that remembers the choice", async () => {
    await page.goto(`${server.url}/${QUERY}`);
    const summary = page.locator("#solo-summary");
    await expect.poll(() => summary.textContent()).toBe("Sedang · 4 warga komputer · dengan petunjuk");

    await page.click("#solo-settings summary");
    await page.locator("label.choice", { hasText: "Sulit" }).click();
    await page.locator("label.choice", { hasText: "2" }).click();
    expect(await page.isChecked("input[name=difficulty][value=sulit]")).toBe(true);
    expect(await page.isChecked("input[name=bots][value='2']")).toBe(true);
    expect(await page.isChecked("#hints-input")).toBe(true);
    expect(await summary.textContent()).toBe("Sulit · 2 warga komputer · dengan petunjuk");
    expect(await page.locator("#difficulty-desc").textContent()).toContain("malas");

    // Phone first: the open picker fits 360 px without sideways scrolling, with ≥ 44 px tap targets.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const box of await page
      .locator("#solo-settings label")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height)))
      expect(box).toBeGreaterThanOrEqual(44);
    expect(await seriousA11yViolations(page, "#solo-settings")).toEqual([]);
    await page.locator("#solo-settings").scrollIntoViewIfNeeded();
    await screenshot(page, "solo-hints-1-picker-360x640");

    // The keyboard moves within a radio group with the arrow keys.
    await page.focus("input[name=bots][value='2']");
    await page.keyboard.press("ArrowRight");
    expect(await page.isChecked("input[name=bots][value='3']")).toBe(true);
    await page.keyboard.press("ArrowLeft");
    expect(await summary.textContent()).toBe("Sulit · 2 warga komputer · dengan petunjuk");

    // Nothing is lost on reload; a URL knob still prefills the picker over the remembered choice.
    await page.reload();
    await expect.poll(() => summary.textContent()).toBe("Sulit · 2 warga komputer · dengan petunjuk");
    await page.goto(`${server.url}/${QUERY}&bots=5&difficulty=mudah`);
    await expect.poll(() => summary.textContent()).toBe("Mudah · 5 warga komputer · dengan petunjuk");
    await page.goto(`${server.url}/${QUERY}`);
    await expect.poll(() => summary.textContent()).toBe("Sulit · 2 warga komputer · dengan petunjuk");
  });

  it("starts the village the picker chose: sulit, with the student and 2 computer villagers", async () => {
    const create = page.waitForRequest((r) => r.url().includes("/matchmake/create/village"));
    await page.fill("#name-input", "Ani");
    await page.click("#solo-button");
    const options = (await create).postDataJSON() as Record<string, unknown>;
    expect(options).toMatchObject({ solo: true, difficulty: "sulit", bots: 2, actionSeconds: 120, seed: 5 });
    // Hints are the client's own business: the server is not told.
    expect(options).not.toHaveProperty("hints");

    await page.locator("#loading-screen").waitFor({ state: "hidden", timeout: 30_000 });
    const players = page.locator(".players li");
    await expect.poll(() => players.count(), { timeout: 10_000 }).toBe(3);
    const names = await players.allTextContents();
    expect(names.filter((n) => n.includes("komputer"))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith("Ani"))).toHaveLength(1);
  });

  it("shows a hint naming a form of cooperation and why; its do-it button makes exactly that move", async () => {
    // The short warning phase may end (and close the season card) before the card is read.
    await page.locator(".phase-action").waitFor({ timeout: 20_000 });
    const ok = page.locator("[data-key=card-ok]");
    if (await ok.isVisible()) await ok.click();

    const card = page.locator(".hint-card");
    await expect.poll(() => card.getAttribute("data-form"), { timeout: 10_000 }).toMatch(/\w+/);
    const chip = (await card.locator(".hint-form").textContent()) ?? "";
    expect(FORM_NAMES.some((f) => chip.endsWith(f))).toBe(true);
    const why = (await card.locator(".hint-why").textContent()) ?? "";
    expect(why.length).toBeGreaterThan(30);
    expect(why).not.toMatch(/^hint\./);
    expect(await card.locator(".hint-move").textContent()).not.toMatch(/\{|move\./);
    await screenshot(page, "solo-hints-2-card-360x640");
    // The card stays inside the map area: the bottom panel's buttons are not covered.
    const cardBox = await card.boundingBox();
    const bottomBox = await page.locator(".bottom").boundingBox();
    expect(cardBox!.y + cardBox!.height).toBeLessThanOrEqual(bottomBox!.y + 1);

    // Read the move the hint shows and press its button the moment the card shows it.
    const before = { hand: await hand(page), tenaga: await tenaga(page) };
    const action = await card.evaluate((el) => {
      const json = (el as HTMLElement).dataset.action ?? "";
      (el.querySelector("[data-key=hint-do]") as HTMLButtonElement).click();
      return json;
    });
    const move = JSON.parse(action) as HintAction;
    if (move.type === "contribute" && (move.tenaga ?? 0) > 0) {
      await expect.poll(() => tenaga(page)).toBe(before.tenaga - move.tenaga!);
    } else if (move.type === "contribute" || move.type === "giveAid") {
      const [res, n] = Object.entries(move.give ?? {})[0]!;
      await expect.poll(async () => (await hand(page))[res]).toBe(before.hand[res]! - n!);
    } else if (move.type === "gather") {
      const res = SITE_RESOURCE[move.site!]!;
      await expect.poll(async () => (await hand(page))[res]).toBeGreaterThan(before.hand[res]!);
    } else {
      throw new Error(`the seeded game should start with a gotong royong or gathering hint, got ${action}`);
    }
    // It was a real, accepted move: no error toast.
    expect(await page.locator(".toast-error").count()).toBe(0);
  });

  it("folds the hints away, and they stay folded as the game goes on and after a reload", async () => {
    const toggle = page.locator("[data-key=hint-toggle]");
    await toggle.click();
    const body = page.locator("#hint-body");
    await expect.poll(() => body.isHidden()).toBe(true);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await toggle.textContent()).toContain("Tampilkan petunjuk");

    // Bots keep acting (patches every few hundred ms): the card must not unfold by itself.
    const seenOpen = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          let open = false;
          const timer = setInterval(() => {
            if (!document.getElementById("hint-body")?.hidden) open = true;
          }, 50);
          setTimeout(() => {
            clearInterval(timer);
            resolve(open);
          }, 3_000);
        }),
    );
    expect(seenOpen).toBe(false);

    await page.reload();
    await page.locator("#loading-screen").waitFor({ state: "hidden", timeout: 30_000 });
    await page.locator(".hint-card").waitFor({ timeout: 10_000 });
    expect(await page.locator("#hint-body").isHidden()).toBe(true);
    expect(await page.locator("[data-key=hint-toggle]").getAttribute("aria-expanded")).toBe("false");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "solo-hints-3-folded-360x640");

    // And back: one press shows the card again.
    await page.click("[data-key=hint-toggle]");
    await expect.poll(() => page.locator("#hint-body").isVisible()).toBe(true);
  });
});
