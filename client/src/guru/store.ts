/**
 * What the teacher's browser keeps: the class it created (so a reload of /guru goes straight back
 * into it, and the projector tab can join as host) and the page language.
 */
import type { CreatedClass } from "@bangun-desa/shared";
import type { Lang } from "./strings.ts";

export const CLASS_KEY = "bangun-desa:guru";
/** The same key as the students' join screen, so one device keeps one language. */
const LANG_KEY = "bangun-desa.lang";

function isCreatedClass(value: unknown): value is CreatedClass {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && typeof v.roomId === "string" && typeof v.hostSecret === "string";
}

export function storedClass(): CreatedClass | null {
  try {
    const raw = localStorage.getItem(CLASS_KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return isCreatedClass(value)
      ? { code: value.code, roomId: value.roomId, hostSecret: value.hostSecret }
      : null;
  } catch {
    return null;
  }
}

export function storeClass(created: CreatedClass | null): void {
  try {
    if (created) localStorage.setItem(CLASS_KEY, JSON.stringify(created));
    else localStorage.removeItem(CLASS_KEY);
  } catch {
    // Private mode without storage: the class lasts as long as this page.
  }
}

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
    // The choice lasts for this page only.
  }
}
