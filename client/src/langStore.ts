/**
 * The language chosen on this device, shared by the students' pages and the teacher's page (one
 * key, so a teacher who switches to English finds the game in English too). No dictionary here:
 * both entry chunks import it and stay small.
 */
export type Lang = "id" | "en";

const LANG_KEY = "bangun-desa.lang";

/** The stored language (Bahasa Indonesia unless switched). */
export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === "en" ? "en" : "id";
  } catch {
    return "id";
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
