/**
 * Crash recovery with real processes: a teacher's class (teacher page + a student on a phone) and a
 * practice village are running when the server process is killed with SIGKILL, then started again
 * on the same data; later it is stopped gracefully (SIGTERM) and started again. Each time every
 * room comes back from its snapshot, the class code still works, and every page returns by itself
 * (no click) to the same seat with the same name, role and hand.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createClassOnPage, harness, phonePage, screenshot, startServer } from "./support.ts";

/** What a student sees of their own seat: "Ani · Penebang", and the hand. */
async function seatOf(page: Page): Promise<{ who: string; hand: string }> {
  const who = ((await page.locator(".household").first().textContent()) ?? "")
    .split(" · ")
    .slice(0, 2)
    .join(" · ");
  const hand = await page
    .locator("[data-res]")
    .evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.res}=${e.textContent}`).join(","));
  return { who, hand };
}

/** Mark the page; the mark is gone once the page has reloaded itself. */
async function mark(pages: Page[]): Promise<void> {
  for (const page of pages) await page.evaluate(() => Object.assign(window, { beforeRestart: true }));
}

/** Wait until a student's page has reloaded by itself and is back in its village. */
async function backInVillage(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (n) =>
      !("beforeRestart" in window) &&
      document.querySelector("#loading-screen")?.hasAttribute("hidden") === true &&
      document.querySelector(".household strong")?.textContent === n,
    name,
    { timeout: 60_000, polling: 250 },
  );
  await page.locator(".net-status").waitFor({ state: "hidden", timeout: 10_000 });
}

describe("crash recovery", () => {
  const h = harness();

  it("after SIGKILL and after SIGTERM, classes and villages come back and every page returns by itself", async () => {
    // A practice village.
    const ani = await phonePage(h.tb.browser);
    await ani.goto(`${h.server.url}/?actionSeconds=300&warningSeconds=2`);
    await ani.fill("#name-input", "Ani");
    await ani.click("#solo-button");
    await ani.locator("#loading-screen").waitFor({ state: "hidden", timeout: 60_000 });

    // A class: the teacher's page and one student, in play.
    const { guru, code } = await createClassOnPage(h.tb.browser, h.server.url);
    const budi = await phonePage(h.tb.browser);
    await budi.goto(`${h.server.url}/?kode=${code}`);
    await budi.fill("#name-input", "Budi");
    await budi.click("#join-button");
    await budi.locator("#lobby-screen").waitFor({ state: "visible", timeout: 30_000 });
    await guru.click("#start");
    await budi.locator("#loading-screen").waitFor({ state: "hidden", timeout: 60_000 });
    await budi.locator(".code", { hasText: "Desa 1" }).waitFor({ timeout: 30_000 });
    await guru.locator('#board [data-village="0"]').waitFor({ timeout: 15_000 });
    const classRoomId = (
      (await (await fetch(`${h.server.url}/api/kode/${code}`)).json()) as { roomId: string }
    ).roomId;

    const restart = async (how: "kill" | "stop"): Promise<void> => {
      const { dataDir, port } = h.server;
      await mark([ani, budi, guru]);
      await h.server[how]();
      h.server = await startServer({ dataDir, port });
    };
    /** Everyone returned by themselves to the same seat; the class code still leads to the class. */
    const expectAllBack = async (before: { ani: unknown; budi: unknown }): Promise<void> => {
      await backInVillage(ani, "Ani");
      await backInVillage(budi, "Budi");
      expect(await budi.locator(".code").textContent()).toContain("Desa 1");
      expect({ ani: await seatOf(ani), budi: await seatOf(budi) }).toEqual(before);
      await guru.waitForFunction(
        () => !("beforeRestart" in window) && document.querySelector('#board [data-village="0"]') !== null,
        undefined,
        { timeout: 60_000, polling: 250 },
      );
      await expect
        .poll(() => guru.locator('#board [data-village="0"]').textContent(), { timeout: 15_000 })
        .toContain("Budi");
      const lookup = await fetch(`${h.server.url}/api/kode/${code}`);
      expect(lookup.status).toBe(200);
      expect(((await lookup.json()) as { roomId: string }).roomId).toBe(classRoomId);
    };

    // A crash: nobody acted since the seats were taken (the last snapshot), so nothing is lost.
    const beforeKill = { ani: await seatOf(ani), budi: await seatOf(budi) };
    expect(beforeKill.ani.who).toMatch(/^Ani · \S+/);
    expect(beforeKill.budi.who).toMatch(/^Budi · \S+/);
    // A seat taken is in the village's snapshot within a second (VillageRoom SNAPSHOT_SOON_MS).
    await budi.waitForTimeout(2_000);
    await restart("kill");
    await expectAllBack(beforeKill);
    await screenshot(budi, "crash-recovery-student-back");
    await screenshot(guru, "crash-recovery-teacher-back");

    // A graceful stop: whatever the hands are now, they are the same after the restart.
    const beforeStop = { ani: await seatOf(ani), budi: await seatOf(budi) };
    await restart("stop");
    await expectAllBack(beforeStop);
  });
});
