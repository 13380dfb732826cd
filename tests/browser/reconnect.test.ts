/**
 * The network goes away for 30 seconds (cut with the DevTools protocol, as a Wi-Fi gap or a phone
 * asleep would): the screen says "menyambung kembali…" instead of freezing, and when the network
 * is back the student is in the same seat with the same hand within seconds.
 */
import { describe, expect, it } from "vitest";
import { harness, phonePage, screenshot } from "./support.ts";

const OUTAGE_MS = 30_000;

describe("a 30-second network outage", () => {
  const h = harness();

  it("shows that it is reconnecting, then returns to the same seat", async () => {
    const page = await phonePage(h.tb.browser);
    await page.goto(`${h.server.url}/?actionSeconds=300&warningSeconds=2`);
    await page.fill("#name-input", "Ani");
    await page.click("#solo-button");
    await page.locator("#loading-screen").waitFor({ state: "hidden", timeout: 60_000 });
    const hand = () =>
      page
        .locator("[data-res]")
        .evaluateAll((els) => els.map((e) => `${e.dataset.res}=${e.textContent}`).join(","));
    const household = async () => page.locator(".household strong").first().textContent();
    expect(await household()).toBe("Ani");
    // "Ani · Penebang · Tenaga: 5 …": the name and role, not what changes with the stand-in's moves.
    const who = async () =>
      ((await page.locator(".household").first().textContent()) ?? "").split(" · ").slice(0, 2).join(" · ");
    const role = await who();
    expect(role).toMatch(/^Ani · \S+/);
    const handBefore = await hand();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: true,
      latency: 0,
      downloadThroughput: 0,
      uploadThroughput: 0,
    });
    await page.locator(".net-status", { hasText: "Menyambung kembali" }).waitFor({ timeout: 20_000 });
    await screenshot(page, "reconnect-1-offline");
    await page.waitForTimeout(OUTAGE_MS - 10_000);

    const back = Date.now();
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    // Back: the "menyambung kembali…" bar goes away.
    await page.locator(".net-status").waitFor({ state: "hidden", timeout: 10_000 });
    // Back within 5 s of the network (the SDK retries at most 3 s apart).
    expect(Date.now() - back).toBeLessThan(5_000);
    expect(await household()).toBe("Ani");
    expect(await who()).toBe(role);
    // The same hand: nobody plays an absent student's household for the first 100 s.
    expect(handBefore).toMatch(/beras=\d+/);
    expect(await hand()).toBe(handBefore);
    await screenshot(page, "reconnect-2-back");
  });
});
