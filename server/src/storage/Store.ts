/**
 * What the server keeps between restarts: classes, their students, each village's record (written
 * at every season's end and at the end) and the quiz results. A small interface, so the SQLite file
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
  close(): void;
}
