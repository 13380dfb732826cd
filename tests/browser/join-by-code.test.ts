import { describe, expect, it } from "vitest";
import { harness, phonePage, screenshot } from "./support.ts";

describe("a second person joins by the village code", () => {
  const h = harness();

  it("both villagers see each other's names", async () => {
    const ani = await phonePage(h.tb.browser);
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
    await bayu.fill("#name-input", "Bayu");
    await bayu.click("#join-button");
    await bayu.locator(".code").waitFor({ timeout: 30_000 });
    expect(await bayu.locator(".code").textContent()).toContain(code!);

    const names = (page: typeof ani) => page.locator(".player-name strong").allTextContents();
    await expect.poll(() => names(ani), { timeout: 10_000 }).toContain("Bayu");
    await expect.poll(() => names(bayu), { timeout: 10_000 }).toContain("Ani");
    expect(await bayu.locator(".household strong").first().textContent()).toBe("Bayu");
    await bayu.locator("#loading-screen").waitFor({ state: "hidden", timeout: 30_000 });
    await screenshot(bayu, "join-by-code-second-player");
  });
});
