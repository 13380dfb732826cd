/**
 * The SQLite store: created on first open, schema migrations applied once and in order, records
 * written and read back, a class deleted with everything in it, old classes forgotten.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { forgetOldClasses } from "../../server/src/storage/index.ts";
import { MIGRATIONS, SqliteStore } from "../../server/src/storage/sqlite.ts";

const file = () => join(mkdtempSync(join(tmpdir(), "bangun-desa-store-")), "data", "test.sqlite");

const META = { id: "room1", code: "ACDEFG", createdAt: 1_000, endedAt: null, settings: { seasons: 6 } };
const VILLAGE = {
  index: 0,
  seasons: 6,
  season: 2,
  phase: "night",
  log: [{ seq: 1, form: "gotongRoyong" as const, season: 1, actors: ["s0"], what: { key: "coop.aid" } }],
  meterHistory: [{ season: 0, welfare: 20, harmony: 35, unity: 50 }],
  households: [],
  projects: [{ kind: "selokan", status: "open" }],
  result: null,
};

describe("the SQLite store", () => {
  it("creates its file and folder, and stands at the latest schema version", () => {
    const path = file();
    const store = new SqliteStore(path);
    expect(store.version).toBe(MIGRATIONS.length);
    store.close();
    // Opening again runs no migration twice (it would fail on an existing table).
    const again = new SqliteStore(path);
    expect(again.version).toBe(MIGRATIONS.length);
    again.close();
  });

  it("brings an older database up to date", () => {
    const path = file();
    new SqliteStore(path).close();
    const raw = new DatabaseSync(path);
    raw.exec(
      "PRAGMA user_version = 0; DROP TABLE snapshots; DROP TABLE quizzes; DROP TABLE villages; DROP TABLE students; DROP TABLE classes;",
    );
    raw.close();
    const store = new SqliteStore(path);
    expect(store.version).toBe(MIGRATIONS.length);
    store.saveClass(META, "ab".repeat(32));
    expect(store.hostHash("room1")).toBe("ab".repeat(32));
    store.close();
  });

  it("adds the snapshot table to a database of the first version, keeping its classes", () => {
    const path = file();
    const first = new SqliteStore(path);
    first.saveClass(META, "ab".repeat(32));
    first.close();
    const raw = new DatabaseSync(path);
    raw.exec("PRAGMA user_version = 1; DROP TABLE snapshots;");
    raw.close();
    const store = new SqliteStore(path);
    expect(store.version).toBe(MIGRATIONS.length);
    expect(store.hostHash("room1")).toBe("ab".repeat(32));
    expect(store.snapshots()).toEqual([]);
    store.close();
  });

  it("keeps one snapshot per live room, replaces it, lists them oldest first, and forgets them", () => {
    const path = file();
    const store = new SqliteStore(path);
    store.saveSnapshot({ roomId: "r1", kind: "kelas", data: '{"v":1,"a":1}' });
    store.saveSnapshot({ roomId: "r2", kind: "village", data: '{"v":1,"b":2}' });
    store.saveSnapshot({ roomId: "r1", kind: "kelas", data: '{"v":1,"a":3}' });
    expect(
      store
        .snapshots()
        .map((s) => s.roomId)
        .sort(),
    ).toEqual(["r1", "r2"]);
    expect(store.snapshots().find((s) => s.roomId === "r1")).toEqual({
      roomId: "r1",
      kind: "kelas",
      data: '{"v":1,"a":3}',
    });
    store.close();
    // They survive the process (a crash), and are gone once the room closed for good.
    const again = new SqliteStore(path);
    expect(again.snapshots()).toHaveLength(2);
    again.deleteSnapshot("r1");
    expect(again.snapshots().map((s) => s.roomId)).toEqual(["r2"]);
    again.close();
  });

  it("keeps a class's records, updates them, and deletes them together", () => {
    const store = new SqliteStore(file());
    store.saveClass(META, "cd".repeat(32));
    store.saveStudents("room1", [{ studentId: "k1", name: "Kadék", village: 0 }]);
    store.saveVillage("room1", VILLAGE);
    store.saveVillage("room1", { ...VILLAGE, season: 3 });
    store.saveQuiz("room1", { studentId: "k1", itemIds: ["a"], answers: [1] });
    store.saveQuiz("room1", { studentId: "k1", itemIds: ["b"], answers: [2] });
    store.endClass("room1", 5_000);
    const loaded = store.loadClass("room1")!;
    expect(loaded.meta).toEqual({ ...META, endedAt: 5_000 });
    expect(loaded.students).toEqual([{ studentId: "k1", name: "Kadék", village: 0 }]);
    expect(loaded.villages.map((v) => v.season)).toEqual([3]);
    // The first quiz hand-in is the one kept.
    expect(loaded.quizzes).toEqual([{ studentId: "k1", itemIds: ["a"], answers: [1] }]);
    expect(store.deleteClass("room1")).toBe(true);
    expect(store.loadClass("room1")).toBeNull();
    expect(store.deleteClass("room1")).toBe(false);
    store.close();
  });

  it("forgets classes older than the retention period", () => {
    const store = new SqliteStore(file());
    const day = 24 * 60 * 60_000;
    store.saveClass({ ...META, id: "old", createdAt: 0 }, "ef".repeat(32));
    store.saveClass({ ...META, id: "new", createdAt: 400 * day }, "ef".repeat(32));
    expect(forgetOldClasses(store, 400 * day)).toBe(1);
    expect(store.loadClass("old")).toBeNull();
    expect(store.loadClass("new")).not.toBeNull();
    store.close();
  });
});
