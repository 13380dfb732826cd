/**
 * The default Store: an embedded SQLite database (Node's built-in `node:sqlite`) in one file under
 * the data directory, created on first start. The schema is versioned with `PRAGMA user_version`:
 * each migration runs once, in order, in a transaction.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { ClassMeta, QuizRecord, StudentRecord, VillageRecord } from "@bangun-desa/shared";
import type { RoomSnapshot, Store, StoredClass } from "./Store.ts";

/** Migrations: index i brings the schema from version i to i + 1. Never edit one that shipped. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE classes (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     ended_at INTEGER,
     settings TEXT NOT NULL,
     host_hash TEXT NOT NULL
   );
   CREATE TABLE students (
     class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
     student_id TEXT NOT NULL,
     name TEXT NOT NULL,
     village INTEGER NOT NULL,
     PRIMARY KEY (class_id, student_id)
   );
   CREATE TABLE villages (
     class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
     idx INTEGER NOT NULL,
     record TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (class_id, idx)
   );
   CREATE TABLE quizzes (
     class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
     student_id TEXT NOT NULL,
     item_ids TEXT NOT NULL,
     answers TEXT NOT NULL,
     PRIMARY KEY (class_id, student_id)
   );
   CREATE INDEX classes_created ON classes(created_at);`,
  // Crash recovery: the last snapshot of each live room (deleted when the room closes for good).
  `CREATE TABLE snapshots (
     room_id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     data TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
];

export class SqliteStore implements Store {
  private readonly db: DatabaseSync;

  constructor(readonly file: string) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 2000;",
    );
    this.migrate();
  }

  /** The schema version of the open database. */
  get version(): number {
    return (this.db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version;
  }

  private migrate(): void {
    for (let v = this.version; v < MIGRATIONS.length; v++) {
      this.db.exec("BEGIN");
      try {
        this.db.exec(MIGRATIONS[v]!);
        this.db.exec(`PRAGMA user_version = ${v + 1}`);
        this.db.exec("COMMIT");
      } catch (error) {
        this.db.exec("ROLLBACK");
        throw error;
      }
    }
  }

  saveClass(meta: ClassMeta, hostHash: string): void {
    this.db
      .prepare(
        `INSERT INTO classes (id, code, created_at, ended_at, settings, host_hash) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET settings = excluded.settings, ended_at = excluded.ended_at`,
      )
      .run(meta.id, meta.code, meta.createdAt, meta.endedAt, JSON.stringify(meta.settings), hostHash);
  }

  endClass(classId: string, endedAt: number): void {
    this.db.prepare("UPDATE classes SET ended_at = ? WHERE id = ?").run(endedAt, classId);
  }

  saveStudents(classId: string, students: readonly StudentRecord[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO students (class_id, student_id, name, village) VALUES (?, ?, ?, ?)
       ON CONFLICT(class_id, student_id) DO UPDATE SET name = excluded.name, village = excluded.village`,
    );
    this.db.exec("BEGIN");
    try {
      for (const s of students) upsert.run(classId, s.studentId, s.name, s.village);
      this.db.exec("COMMIT");
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }

  saveVillage(classId: string, record: VillageRecord): void {
    this.db
      .prepare(
        `INSERT INTO villages (class_id, idx, record, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(class_id, idx) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at`,
      )
      .run(classId, record.index, JSON.stringify(record), Date.now());
  }

  saveQuiz(classId: string, record: QuizRecord): void {
    this.db
      .prepare(
        `INSERT INTO quizzes (class_id, student_id, item_ids, answers) VALUES (?, ?, ?, ?)
         ON CONFLICT(class_id, student_id) DO NOTHING`,
      )
      .run(classId, record.studentId, JSON.stringify(record.itemIds), JSON.stringify(record.answers));
  }

  loadClass(classId: string): StoredClass | null {
    const row = this.db.prepare("SELECT * FROM classes WHERE id = ?").get(classId) as
      | {
          id: string;
          code: string;
          created_at: number;
          ended_at: number | null;
          settings: string;
          host_hash: string;
        }
      | undefined;
    if (!row) return null;
    const villages = (
      this.db.prepare("SELECT record FROM villages WHERE class_id = ? ORDER BY idx").all(classId) as {
        record: string;
      }[]
    ).map((r) => JSON.parse(r.record) as VillageRecord);
    const students = (
      this.db.prepare("SELECT student_id, name, village FROM students WHERE class_id = ?").all(classId) as {
        student_id: string;
        name: string;
        village: number;
      }[]
    ).map((r) => ({ studentId: r.student_id, name: r.name, village: r.village }));
    const quizzes = (
      this.db
        .prepare("SELECT student_id, item_ids, answers FROM quizzes WHERE class_id = ?")
        .all(classId) as {
        student_id: string;
        item_ids: string;
        answers: string;
      }[]
    ).map((r) => ({
      studentId: r.student_id,
      itemIds: JSON.parse(r.item_ids),
      answers: JSON.parse(r.answers),
    }));
    const meta: ClassMeta = {
      id: row.id,
      code: row.code,
      createdAt: row.created_at,
      endedAt: row.ended_at,
      settings: JSON.parse(row.settings),
    };
    return { meta, hostHash: row.host_hash, villages, students, quizzes };
  }

  hostHash(classId: string): string | null {
    const row = this.db.prepare("SELECT host_hash FROM classes WHERE id = ?").get(classId) as
      | { host_hash: string }
      | undefined;
    return row?.host_hash ?? null;
  }

  deleteClass(classId: string): boolean {
    return Number(this.db.prepare("DELETE FROM classes WHERE id = ?").run(classId).changes) > 0;
  }

  classesCreatedBefore(before: number): string[] {
    return (
      this.db.prepare("SELECT id FROM classes WHERE created_at < ?").all(before) as { id: string }[]
    ).map((r) => r.id);
  }

  saveSnapshot(snapshot: RoomSnapshot): void {
    this.db
      .prepare(
        `INSERT INTO snapshots (room_id, kind, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(room_id) DO UPDATE SET kind = excluded.kind, data = excluded.data,
           updated_at = excluded.updated_at`,
      )
      .run(snapshot.roomId, snapshot.kind, snapshot.data, Date.now());
  }

  deleteSnapshot(roomId: string): void {
    this.db.prepare("DELETE FROM snapshots WHERE room_id = ?").run(roomId);
  }

  snapshots(): RoomSnapshot[] {
    return (
      this.db.prepare("SELECT room_id, kind, data FROM snapshots ORDER BY updated_at").all() as {
        room_id: string;
        kind: string;
        data: string;
      }[]
    ).map((r) => ({ roomId: r.room_id, kind: r.kind, data: r.data }));
  }

  close(): void {
    this.db.close();
  }
}
