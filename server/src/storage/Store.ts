/**
 * What the server keeps between restarts: classes, their students, each village's record (written
 * at every season's end and at the end), the quiz results, and a snapshot of each live room for
 * crash recovery. A small interface, so the SQLite file
 * used by default could be swapped for another database without touching the rooms.
 * Nothing here is personal beyond the nickname a student typed; see docs/privacy.md.
 */
import type { ClassMeta, QuizRecord, StudentRecord, VillageRecord } from "@bangun-desa/shared";

export interface StoredClass {
  meta: ClassMeta;
  /** SHA-256 (hex) of the class's host secret: reports are given only to its holder. */
  hostHash: string;
  villages: VillageRecord[];
  students: StudentRecord[];
  quizzes: QuizRecord[];
}

/** The last saved state of a live room, for crash recovery (`data` is the room's own JSON). */
export interface RoomSnapshot {
  roomId: string;
  /** The room type ("village" or "kelas"). */
  kind: string;
  data: string;
}

export interface Store {
  saveClass(meta: ClassMeta, hostHash: string): void;
  endClass(classId: string, endedAt: number): void;
  saveStudents(classId: string, students: readonly StudentRecord[]): void;
  saveVillage(classId: string, record: VillageRecord): void;
  saveQuiz(classId: string, record: QuizRecord): void;
  /** The class with everything recorded for it, or null. */
  loadClass(classId: string): StoredClass | null;
  /** The host-secret hash of a class (null when unknown), for authorising a report. */
  hostHash(classId: string): string | null;
  /** Remove every record of a class; false when there was none. */
  deleteClass(classId: string): boolean;
  /** Classes created before `before` (ms), for the retention clean-up. */
  classesCreatedBefore(before: number): string[];
  /** Write (or replace) a live room's snapshot. */
  saveSnapshot(snapshot: RoomSnapshot): void;
  /** Forget a room's snapshot (the room closed for good). */
  deleteSnapshot(roomId: string): void;
  /** Every snapshot, oldest first: the rooms to bring back after a restart. */
  snapshots(): RoomSnapshot[];
  close(): void;
}
