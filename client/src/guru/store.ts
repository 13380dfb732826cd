/**
 * What the teacher's browser keeps: the class it created (so a reload of /guru goes straight back
 * into it, and the projector tab can join as host) and the page language.
 */
import type { CreatedClass } from "@bangun-desa/shared";

export const CLASS_KEY = "bangun-desa:guru";
/** The same key as the students' join screen, so one device keeps one language. */

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

/** Every class this browser created, for the "Kelas sebelumnya" list and its reports. */
export const PAST_KEY = "bangun-desa:guru:kelas";
const PAST_MAX = 100;

export interface PastClass extends CreatedClass {
  /** When this browser created it (ms since the epoch); corrected from the report once loaded. */
  createdAt: number;
}

/** The remembered classes, newest first. */
export function pastClasses(): PastClass[] {
  try {
    const raw = localStorage.getItem(PAST_KEY);
    const value: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(value)) return [];
    const seen = new Set<string>();
    const list: PastClass[] = [];
    for (const item of value as unknown[]) {
      if (!isCreatedClass(item) || seen.has(item.roomId)) continue;
      seen.add(item.roomId);
      const at = (item as { createdAt?: unknown }).createdAt;
      list.push({
        code: item.code,
        roomId: item.roomId,
        hostSecret: item.hostSecret,
        createdAt: typeof at === "number" && Number.isFinite(at) ? at : 0,
      });
    }
    return list.sort((a, b) => b.createdAt - a.createdAt);
  } catch {
    return [];
  }
}

function storePast(list: PastClass[]): void {
  try {
    localStorage.setItem(PAST_KEY, JSON.stringify(list.slice(0, PAST_MAX)));
  } catch {
    // No storage: the list lasts as long as this page.
  }
}

/** Add a class to the list (or update its date when it is already there). */
export function rememberClass(created: CreatedClass, createdAt = Date.now()): void {
  const list = pastClasses().filter((c) => c.roomId !== created.roomId);
  list.push({ code: created.code, roomId: created.roomId, hostSecret: created.hostSecret, createdAt });
  storePast(list.sort((a, b) => b.createdAt - a.createdAt));
}

/** Drop a class from the list (its data was deleted, or the server no longer knows it). */
export function forgetClass(roomId: string): void {
  storePast(pastClasses().filter((c) => c.roomId !== roomId));
}

export { storedLang, storeLang } from "../langStore.ts";
