import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new secret of `bytes` random bytes, URL-safe. */
export function newSecret(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

/** SHA-256 of a secret (rooms keep only this). */
export function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

/**
 * Does `given` match the secret whose hash is `expected`? Compares fixed-length digests in constant
 * time, so neither the secret's content nor its length leaks through timing.
 */
export function secretMatches(given: unknown, expected: Buffer): boolean {
  if (typeof given !== "string" || given.length > 256) return false;
  return timingSafeEqual(hashSecret(given), expected);
}
