/**
 * A fixed-window counter per key (an address): `hit` counts one event and says whether the key is
 * still under its limit. Used for wrong join codes and class creation.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while `key` has not gone over the limit in the current window. */
  allowed(key: string): boolean {
    const w = this.current(key);
    return !w || w.count < this.limit;
  }

  /** Count one event for `key`. */
  hit(key: string): void {
    const w = this.current(key);
    if (w) w.count++;
    else this.windows.set(key, { start: this.now(), count: 1 });
    if (this.windows.size > 10_000) this.prune();
  }

  /** Seconds until `key` may try again (0 when it may now). */
  retryAfter(key: string): number {
    const w = this.current(key);
    if (!w || w.count < this.limit) return 0;
    return Math.ceil((w.start + this.windowMs - this.now()) / 1000);
  }

  clear(): void {
    this.windows.clear();
  }

  private current(key: string): { start: number; count: number } | undefined {
    const w = this.windows.get(key);
    if (w && this.now() - w.start >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private prune(): void {
    for (const key of [...this.windows.keys()]) this.current(key);
  }
}
