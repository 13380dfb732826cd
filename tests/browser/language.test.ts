import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type GameServer,
  launchBrowser,
  phonePage,
  screenshot,
  startServer,
  type TestBrowser,
} from "./support.ts";

describe("language toggle", () => {
  let server: GameServer;
  let tb: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    tb = await launchBrowser();
  });

  afterAll(async () => {
    await tb?.close();
    await server?.stop();
  });

  it("switches the join screen to English and remembers the choice", async () => {
    const page = await phonePage(tb.browser);
    await page.goto(`${server.url}/`);
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
