/**
 * Waiting for the server after it went away (a restart, a crash): poll its health check until it
 * answers, so a page can go back to its class or village by itself instead of asking for a reload.
 */

/** How often to ask (ms) and for how long in all (ms): as long as a dropped seat is held. */
const POLL_MS = 2_000;
const GIVE_UP_MS = 180_000;

/** Resolves true once `${base}/healthz` answers OK, false after about three minutes. */
export async function serverBack(base: string): Promise<boolean> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    try {
      const res = await fetch(`${base}/healthz`, { cache: "no-store" });
      if (res.ok) return true;
    } catch {
      // Not reachable yet.
    }
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
