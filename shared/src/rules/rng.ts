import type { GameState } from "./types.ts";

/**
 * Mulberry32: a small, fast, seeded PRNG. Its 32-bit state lives in the game state,
 * so replaying the same actions from the same seed gives the same game.
 */
export function nextRandom(state: { rng: number }): number {
  state.rng = (state.rng + 0x6d2b79f5) >>> 0;
  let t = state.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A whole number in [0, n). */
export function randomInt(state: Pick<GameState, "rng">, n: number): number {
  return Math.floor(nextRandom(state) * n);
}

/** Turn any string or number into a 32-bit seed. */
export function seedFrom(value: string | number): number {
  const s = String(value);
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
