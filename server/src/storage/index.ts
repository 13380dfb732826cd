import { join } from "node:path";
import { DATA_DIR, RETENTION_DAYS } from "../config.ts";
import type { Store } from "./Store.ts";
import { SqliteStore } from "./sqlite.ts";

export type { RoomSnapshot, Store, StoredClass } from "./Store.ts";

let opened: Store | null = null;

/** This process's store (the SQLite file under DATA_DIR), opened on first use. */
export function store(): Store {
  if (!opened) {
    opened = new SqliteStore(join(DATA_DIR, "bangun-desa.sqlite"));
    forgetOldClasses(opened);
  }
  return opened;
}

/** Classes older than the retention period are deleted (see docs/privacy.md). */
export function forgetOldClasses(s: Store, now = Date.now()): number {
  const old = s.classesCreatedBefore(now - RETENTION_DAYS * 24 * 60 * 60_000);
  for (const id of old) s.deleteClass(id);
  return old.length;
}

export function closeStore(): void {
  opened?.close();
  opened = null;
}
