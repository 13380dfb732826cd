/**
 * Join codes → rooms, kept in Colyseus's presence (in memory, or Redis when scaled out), so any
 * process can resolve a code. Room ids themselves are long random ids: the only way from a short
 * code to a room is this lookup, which the HTTP layer rate-limits per address.
 */
import { randomInt } from "node:crypto";
import { type CodeLookup, makeCode } from "@bangun-desa/shared";
import type { Presence } from "@colyseus/core";

const CODES_KEY = "bangun-desa:codes";

/** A random number in [0, 1) from the operating system's generator (codes must not be predictable). */
export function secureRandom(): number {
  return randomInt(0, 2 ** 32) / 2 ** 32;
}

/** A code not in use yet. */
export async function freeCode(presence: Presence): Promise<string> {
  for (;;) {
    const code = makeCode(secureRandom);
    if (!(await presence.hget(CODES_KEY, code))) return code;
  }
}

export async function registerCode(presence: Presence, code: string, lookup: CodeLookup): Promise<void> {
  await presence.hset(CODES_KEY, code, JSON.stringify(lookup));
}

/** The code stops working (its class or village has ended). */
export async function releaseCode(presence: Presence, code: string): Promise<void> {
  if (code) await presence.hdel(CODES_KEY, code);
}

export async function lookupCode(presence: Presence, code: string): Promise<CodeLookup | null> {
  const raw = await presence.hget(CODES_KEY, code);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as CodeLookup;
  } catch {
    return null;
  }
}
