/** Names for bots: ordinary Indonesian village names with a polite title. */
export const BOT_NAMES = ["Pak Budi", "Bu Sari", "Mas Joko", "Mbak Rina", "Kak Dewi", "Pak Made"] as const;

export const NAME_MAX = 20;

/**
 * Clean a nickname: trim, collapse spaces, drop control characters, cap the length.
 * Returns an empty string when nothing usable is left (the room then picks "Warga N").
 * Names are always rendered as text by clients, never as HTML.
 */
export function cleanName(input: string): string {
  return input
    .normalize("NFC")
    .replace(/\p{Cc}|\p{Cf}/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, NAME_MAX);
}
