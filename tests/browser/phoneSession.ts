import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type GameServer, launchBrowser, phonePage, startServer, type TestBrowser } from "./support.ts";

export interface PhoneSession {
  server: GameServer;
  page: Page;
}

/**
 * A real server, the system Chromium and one phone page (360×640, touch) for the tests of the
 * calling `describe`; all closed after them. The fields are set once `beforeAll` has run.
 */
export function usePhoneSession(): PhoneSession {
  const session = {} as PhoneSession;
  let tb: TestBrowser | undefined;
  beforeAll(async () => {
    session.server = await startServer();
    tb = await launchBrowser();
    session.page = await phonePage(tb.browser);
  });
  afterAll(async () => {
    await tb?.close();
    await session.server?.stop();
  });
  return session;
}
