import { cleanName as clean, NAME_MAX } from "@bangun-desa/shared";

/** Names for bots: ordinary Indonesian village names with a polite title. */
export const BOT_NAMES = ["Pak Budi", "Bu Sari", "Mas Joko", "Mbak Rina", "Kak Dewi", "Pak Made"] as const;

/**
 * A practice village's nickname: the shared cleaning (no control characters, one space between
 * words), cut to the longest name. Empty when nothing usable is left (the room then picks "Warga N").
 * Class students go through the full name rules (`checkName`) in the class room instead.
 * Names are always rendered as text by clients, never as HTML.
 */
export function cleanName(input: string): string {
  return Array.from(clean(input)).slice(0, NAME_MAX).join("");
}
