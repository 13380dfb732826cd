import { describe, expect, it } from "vitest";
import { harness, phonePage, screenshot } from "./support.ts";

/** A nickname that would run a script if a screen parsed it as markup (20 characters, the most). */
const BAYU = "<img src=x onerror=>";

describe("a second person joins by the village code", () => {
  const h = harness();

  it("both villagers see each other's names, markup in a name as its characters", async () => {
    const dialogs: string[] = [];
    const ani = await phonePage(h.tb.browser);
    ani.on("dialog", (d) => dialogs.push(d.message()));
    await ani.goto(`${h.server.url}/`);
    await ani.fill("#name-input", "Ani");
    await ani.click("#solo-button");
    const codeText = (await ani.locator(".code").textContent({ timeout: 30_000 })) ?? "";
    const code = codeText.match(/[A-Z0-9]{6}$/)?.[0];
    expect(code).toBeTruthy();

    // Each page is its own browser context: a separate person with a separate seat.
    const bayu = await phonePage(h.tb.browser);
    await bayu.goto(`${h.server.url}/`);
    await bayu.fill("#code-input", code!.toLowerCase());
    await bayu.fill("#name-input", BAYU);
    await bayu.click("#join-button");
    await bayu.locator(".code").waitFor({ timeout: 30_000 });
    expect(await bayu.locator(".code").textContent()).toContain(code!);

    const names = (page: typeof ani) => page.locator(".player-name strong").allTextContents();
    await expect.poll(() => names(ani), { timeout: 10_000 }).toContain(BAYU);
    await expect.poll(() => names(bayu), { timeout: 10_000 }).toContain("Ani");
    expect(await bayu.locator(".household strong").first().textContent()).toBe(BAYU);
    // A practice village's nickname may hold any characters: they are shown, never parsed.
    expect(await ani.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await bayu.locator("#loading-screen").waitFor({ state: "hidden", timeout: 30_000 });
    await screenshot(bayu, "join-by-code-second-player");
  });
});
