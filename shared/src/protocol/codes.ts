/**
 * Village join codes (shared so the client checks exactly what the server makes): 6 characters from an alphabet without look-alikes (no O/0, I/1/L, S/5, Z/2, B/8),
 * so a code read off a projector is typed right the first time.
 */
export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const CODE_LENGTH = 6;

/** Make a code from a source of random numbers in [0, 1). */
export function makeCode(random: () => number): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)];
  return code;
}

/** Normalise what a student typed: upper case, no spaces or dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}
