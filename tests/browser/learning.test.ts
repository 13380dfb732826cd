/**
 * After a class game, in real Chromium: the student opens the Kamus from a caption's form, reads
 * the debrief, takes the 10-item quiz with its explanations and sees the score; the teacher opens
 * the class report with its charts (screenshot), and after the server process is restarted the
 * report is still there from the list of past classes.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  createClassOnPage,
  harness,
  phonePage,
  screenshot,
  seriousA11yViolations,
  startServer,
} from "./support.ts";

describe("debrief, quiz and the teacher's report", () => {
  const h = harness();

  async function confirm(page: Page): Promise<void> {
    await page.locator("#confirm-dialog[open] #confirm-yes").click();
  }

  it("a student goes through debrief and quiz; the teacher's report has the score and survives a restart", async () => {
    const { guru, code } = await createClassOnPage(h.tb.browser, h.server.url, { height: 900 });

    const ani = await phonePage(h.tb.browser);
    await ani.goto(`${h.server.url}/?kode=${code}`);
    await ani.fill("#name-input", "Ani Ñoman");
    await ani.click("#join-button");
    await ani.locator("#lobby-screen").waitFor({ state: "visible", timeout: 30_000 });
    await guru.locator("#student-list [data-student-id]").first().waitFor({ timeout: 10_000 });
    await guru.click("#start");
    await ani.locator("#loading-screen").waitFor({ state: "hidden", timeout: 60_000 });

    // The Kamus explains every form, factor and purpose; it opens at a form's entry from its link.
    await ani.locator("[data-key=kamus]").click();
    await ani.locator("dialog#kamus[open]").waitFor();
    for (const id of [
      "gotongRoyong",
      "bargaining",
      "kooptasi",
      "koalisi",
      "jointVenture",
      "kepercayaan",
      "efisiensi",
    ]) {
      expect(await ani.locator(`#kamus-${id}`).count(), id).toBe(1);
    }
    expect(await seriousA11yViolations(ani, "dialog#kamus")).toEqual([]);
    await ani.locator("[data-key=kamus-close]").click();

    // The teacher ends the game: the student's debrief follows.
    await guru.click("#end-all");
    await confirm(guru);
    await ani.locator("#result-title").waitFor({ timeout: 15_000 });
    await ani.locator("#debrief-timeline li.debrief-form").first().waitFor({ timeout: 15_000 });
    expect(await ani.locator("#debrief-timeline li.debrief-form").count()).toBe(5);
    expect(await ani.locator("#debrief-purposes li.debrief-purpose").count()).toBe(5);
    expect(await ani.locator("#debrief-whatif .whatif-question").count()).toBe(1);
    await screenshot(ani, "learning-debrief");

    // The quiz: ten items, A–E, an explanation after each answer, then the score.
    await ani.locator("#quiz-start").click();
    let answeredRight = 0;
    for (let i = 1; i <= 10; i++) {
      await expect.poll(() => ani.locator("#quiz-progress").textContent()).toContain(`${i}`);
      expect(await ani.locator("[data-option]").count()).toBe(5);
      await ani.locator('[data-option="0"]').click();
      await ani.locator("#quiz-feedback .quiz-verdict").waitFor();
      if ((await ani.locator("#quiz-feedback .quiz-verdict.right").count()) > 0) answeredRight++;
      expect(((await ani.locator("#quiz-feedback").textContent()) ?? "").length).toBeGreaterThan(20);
      await ani.locator("#quiz-next").click();
    }
    await ani.locator("#quiz-score").waitFor({ timeout: 10_000 });
    expect(await ani.locator("#quiz-score").textContent()).toContain(`${answeredRight}`);
    await screenshot(ani, "learning-quiz-score");

    // The teacher's report: the student, her quiz score, both charts.
    await guru.locator("#open-report").click();
    await guru.locator("#report").waitFor({ state: "visible" });
    const row = guru.locator("#report-students [data-student]", { hasText: "Ani Ñoman" });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain(`${answeredRight}`);
    await guru.locator("#chart-meters-0").waitFor();
    await guru.locator("#chart-forms").waitFor();
    expect(await seriousA11yViolations(guru, "#report")).toEqual([]);
    await screenshot(guru, "learning-teacher-report", true);

    // The server process stops and starts again on the same data: the report is still there.
    // The page reloads itself once the server is back, to the ended class (restored from its
    // snapshot for its last look); "Kelas baru" leads to the list of past classes.
    const port = Number(new URL(h.server.url).port);
    await guru.evaluate(() => Object.assign(window, { beforeRestart: true }));
    await h.server.stop();
    h.server = await startServer({ dataDir: h.server.dataDir, port });
    await guru.waitForFunction(() => !("beforeRestart" in window), undefined, { timeout: 30_000 });
    await guru.locator("#new-class").click({ timeout: 15_000 });
    await confirm(guru);
    const past = guru.locator("#past-classes [data-class-id]").first();
    await past.waitFor({ timeout: 15_000 });
    await past.locator('[data-action="view"]').click();
    await guru
      .locator("#report-students [data-student]", { hasText: "Ani Ñoman" })
      .waitFor({ timeout: 10_000 });
    await screenshot(guru, "learning-report-after-restart");
  });
});
