/**
 * A whole class in real Chromium: one teacher on a laptop-sized page and three students on phones.
 * The teacher creates a class at /guru, the students join with the code, the teacher starts, sees
 * the villages on the live board, pauses and resumes, sends a message, opens the projector view and
 * ends the game; every student then sees the result. Screenshots of the board and the projector.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createClassOnPage, harness, phonePage, screenshot, seriousA11yViolations } from "./support.ts";

/** A message that would run a script if any screen parsed it as markup. */
const MARKUP = "<img src=x onerror=alert(1)>";

describe("a teacher runs a class from /guru", () => {
  const h = harness();
  /** Any alert() a page opened (markup that ran). */
  const dialogs: string[] = [];

  /** Answer the page's own confirmation dialog with "Ya". */
  async function confirm(page: Page): Promise<void> {
    await page.locator("#confirm-dialog[open] #confirm-yes").click();
  }

  it("create, join by code, start, live board, pause and resume, broadcast, projector, end", async () => {
    const { guru, code } = await createClassOnPage(h.tb.browser, h.server.url, {
      onPage: (page) => page.on("dialog", (d) => dialogs.push(d.message())),
    });
    const context = guru.context();
    expect(await guru.locator("#qr svg").count()).toBe(1);
    expect(await guru.locator("#join-url").textContent()).toContain(`kode=${code}`);
    expect(await seriousA11yViolations(guru)).toEqual([]);

    // Three students on phones: one scans the QR (the code is in the address), two type it.
    const names = ["Ani", "Bayu", "Citra"];
    const phones: Page[] = [];
    for (const [i, name] of names.entries()) {
      const phone = await phonePage(h.tb.browser);
      phone.on("dialog", (d) => dialogs.push(d.message()));
      await phone.goto(i === 0 ? `${h.server.url}/?kode=${code}` : `${h.server.url}/`);
      if (i > 0) await phone.fill("#code-input", code.toLowerCase());
      await phone.fill("#name-input", name);
      await phone.click("#join-button");
      await phone.locator("#lobby-screen").waitFor({ state: "visible", timeout: 30_000 });
      phones.push(phone);
    }
    await expect.poll(() => phones[2]!.locator("#lobby-mates li").allTextContents()).toContain("Ani");
    expect(await phones[0]!.locator("#lobby-village").textContent()).toContain("Desa 1");

    // Their names appear live on the teacher's page.
    const listed = () => guru.locator("#student-list [data-student-id]").allTextContents();
    await expect.poll(async () => (await listed()).join(" "), { timeout: 10_000 }).toContain("Citra");
    expect((await listed()).join(" ")).toContain("Ani");
    await screenshot(guru, "class-lobby-teacher");

    await guru.click("#start");
    for (const phone of phones) {
      await phone.locator("#loading-screen").waitFor({ state: "hidden", timeout: 60_000 });
      await phone.locator(".code").waitFor({ timeout: 30_000 });
      expect(await phone.locator(".code").textContent()).toContain("Desa 1");
    }
    // Each student sits in their own household (the HUD names it).
    for (const [i, phone] of phones.entries()) {
      expect(await phone.locator(".household strong").first().textContent()).toBe(names[i]);
    }

    // The live board shows the village with its students.
    const card = guru.locator('#board [data-village="0"]');
    await card.waitFor({ timeout: 15_000 });
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain("Bayu");

    await guru.click("#pause-all");
    for (const phone of phones) await phone.locator(".paused-banner").waitFor({ timeout: 10_000 });
    await guru.click("#resume-all");
    for (const phone of phones)
      await phone.locator(".paused-banner").waitFor({ state: "detached", timeout: 10_000 });

    // Markup in a message is shown as its characters, never run (checked on phones and projector).
    await guru.fill("#broadcast-text", MARKUP);
    await guru.click("#broadcast-send");
    for (const phone of phones) {
      await expect
        .poll(() => phone.locator(".broadcast-text").textContent(), { timeout: 10_000 })
        .toBe(MARKUP);
      expect(await phone.locator('img[src="x"]').count()).toBe(0);
    }
    await guru.fill("#broadcast-text", "Ingat: bantu tetangga yang krisis!");
    await guru.click("#broadcast-send");
    for (const phone of phones) {
      await expect
        .poll(() => phone.locator(".broadcast-text").textContent(), { timeout: 10_000 })
        .toBe("Ingat: bantu tetangga yang krisis!");
    }
    // A late student takes a computer villager's seat; a student whose page reloads is back home.
    const late = await phonePage(h.tb.browser);
    await late.goto(`${h.server.url}/?kode=${code}`);
    await late.fill("#name-input", "Dedi");
    await late.click("#join-button");
    await late.locator(".household strong").first().waitFor({ timeout: 60_000 });
    expect(await late.locator(".household strong").first().textContent()).toBe("Dedi");
    expect(await late.locator(".code").textContent()).toContain("Desa 1");
    await phones[1]!.reload();
    await phones[1]!.locator(".household strong").first().waitFor({ timeout: 60_000 });
    expect(await phones[1]!.locator(".household strong").first().textContent()).toBe("Bayu");
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain("Dedi");
    await screenshot(guru, "class-board-teacher");
    await screenshot(phones[0]!, "class-student-broadcast");

    // The projector view: same browser (the host secret is in its storage), read-only and large.
    const projector = await context.newPage();
    await projector.goto(`${h.server.url}/guru?tampilan=proyektor`);
    await projector.locator("#projector").waitFor({ timeout: 15_000 });
    await expect
      .poll(() => projector.locator("#projector").textContent(), { timeout: 10_000 })
      .toContain("Desa 1");
    expect(await projector.locator("#projector button").count()).toBe(0);
    await screenshot(projector, "class-projector");
    await guru.fill("#broadcast-text", MARKUP);
    await guru.click("#broadcast-send");
    await expect
      .poll(() => projector.locator(".pj-broadcast p").textContent(), { timeout: 10_000 })
      .toBe(MARKUP);
    expect(await projector.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);

    await guru.click("#end-all");
    await confirm(guru);
    for (const phone of phones) await phone.locator("#result-title").waitFor({ timeout: 15_000 });
    expect(await phones[0]!.locator("#result-title").textContent()).toBe("Permainan dihentikan guru");
    await screenshot(phones[1]!, "class-student-result");
  });
});
