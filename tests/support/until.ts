/** Poll until `probe` returns something truthy; fail with `what` after `timeoutMs`. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | null | false,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise<void>((resolve) => setTimeout(resolve, 20));
  }
}
