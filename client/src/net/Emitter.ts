/** A tiny typed event emitter: `Events` maps each event name to its argument tuple. */
export class Emitter<Events extends { [K in keyof Events]: unknown[] }> {
  private readonly handlers = new Map<keyof Events, Set<(...args: unknown[]) => void>>();

  /** Subscribe; returns the function that unsubscribes. */
  on<K extends keyof Events>(name: K, handler: (...args: Events[K]) => void): () => void {
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
    }
    set.add(handler as unknown as (...args: unknown[]) => void);
    return () => set.delete(handler as unknown as (...args: unknown[]) => void);
  }

  emit<K extends keyof Events>(name: K, ...args: Events[K]): void {
    for (const handler of this.handlers.get(name) ?? [])
      (handler as unknown as (...a: Events[K]) => void)(...args);
  }
}
