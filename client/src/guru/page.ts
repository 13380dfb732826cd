/**
 * The page's shared bits: the current language, element lookup, screens, and the live regions
 * (announcements and translated errors). Used by the entry and by the live (SDK) chunk.
 */
import { translate } from "@bangun-desa/shared";
import { storedLang, storeLang } from "./store.ts";
import { type GuruKey, gt, type Lang } from "./strings.ts";

export const page = {
  lang: storedLang() as Lang,
  projector: new URLSearchParams(location.search).get("tampilan") === "proyektor",
};

const langListeners: (() => void)[] = [];

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

/** A teacher-page string in the current language. */
export function t(key: GuruKey, params?: Record<string, string | number>): string {
  return gt(page.lang, key, params);
}

/** A refusal's text: the shared `error.<code>` in the current language (or a generic one). */
export function errorText(code: string, params?: Record<string, string | number>): string {
  if (code === "network") return t("error.network");
  const key = `error.${code}`;
  const text = translate(page.lang, key, params);
  return text === key ? t("error.unknown") : text;
}

let announceTimer = 0;
/** Say something politely (screen readers; also visible as a short status line). */
export function announce(text: string): void {
  const el = byId("announce");
  el.textContent = "";
  window.clearTimeout(announceTimer);
  // A new text node, even with the same words, is announced again.
  announceTimer = window.setTimeout(() => {
    el.textContent = text;
    announceTimer = window.setTimeout(() => {
      if (el.textContent === text) el.textContent = "";
    }, 5000);
  }, 30);
}

/** Show (or clear) the page's error line: a role="alert" region, so it is read at once. */
let errorTimer = 0;
export function showError(text: string | null): void {
  const el = byId("error");
  el.textContent = text ?? "";
  window.clearTimeout(errorTimer);
  if (!text) return;
  byId("announce").textContent = "";
  // The message floats over the page: let it go after a while (the next action shows a new one).
  errorTimer = window.setTimeout(() => {
    if (el.textContent === text) el.textContent = "";
  }, 12_000);
}

export type ScreenId = "create-screen" | "connecting-screen" | "lobby-screen" | "play-screen" | "projector";
const SCREENS: ScreenId[] = [
  "create-screen",
  "connecting-screen",
  "lobby-screen",
  "play-screen",
  "projector",
];

export function showScreen(id: ScreenId): void {
  for (const s of SCREENS) {
    const el = byId(s);
    if (el.hidden !== (s !== id)) el.hidden = s !== id;
  }
  document.body.dataset.screen = id;
}

/** Fill every `data-g` element of the static page in the current language. */
export function applyLang(): void {
  document.documentElement.lang = page.lang;
  for (const el of document.querySelectorAll<HTMLElement>("[data-g]")) {
    el.textContent = t(el.dataset.g as GuruKey);
  }
  byId("lang-toggle").setAttribute("aria-label", t("lang.switchLabel"));
  document.title = t("app.title");
  for (const listener of langListeners) listener();
}

export function onLangChange(listener: () => void): void {
  langListeners.push(listener);
}

export function setLang(lang: Lang, store = true): void {
  page.lang = lang;
  if (store) storeLang(lang);
  applyLang();
}
