import { describe, expect, it } from "vitest";
import { harness, phonePage, screenshot } from "./support.ts";

describe("language toggle", () => {
  const h = harness();

  it("switches the join screen to English and remembers the choice", async () => {
    const page = await phonePage(h.tb.browser);
    await page.goto(`${h.server.url}/`);
    expect(await page.getAttribute("html", "lang")).toBe("id");
    expect(await page.locator("#solo-button").textContent()).toContain("Latihan sendiri");

    await page.click("#lang-toggle");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("#solo-button").textContent()).toContain("Solo practice");
    expect(await page.locator("#code-title").textContent()).toBe("Join with a code");

    await page.fill("#code-input", "X");
    await page.fill("#name-input", "Ani");
    await page.click("#join-button");
    expect(await page.locator("#join-error").textContent()).toContain("6 letters");

    await page.reload();
    expect(await page.locator("#solo-button").textContent()).toContain("Solo practice");
    await screenshot(page, "language-english-join");
  });
});
