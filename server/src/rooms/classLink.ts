/**
 * How a class and its villages talk, across processes: the class creates villages with
 * `ClassVillageInfo` in the creation options, sends them `ClassCommand`s with the matchmaker's
 * `remoteRoomCall(roomId, "classCommand", [classKey, command])`, and each village publishes a
 * `VillageReport` on the class's presence channel. The class key (never sent to a browser) proves
 * that a seat reservation, a command or a report belongs to the class.
 */
import type { VillageBoard } from "@bangun-desa/shared";
import { z } from "zod";

export const classVillageInfoSchema = z.strictObject({
  classRoomId: z.string().min(1).max(64),
  classKey: z.string().min(16).max(64),
  index: z.number().int().min(0).max(99),
  seats: z.number().int().min(3).max(6),
  seasons: z.number().int().min(3).max(10),
});
export type ClassVillageInfo = z.infer<typeof classVillageInfoSchema>;

/** What the class passes with a reserved seat (as the seat's auth data, never seen by a browser). */
export interface ClassSeatAuth {
  classKey: string;
  studentKey: string;
  studentId: string;
  name: string;
}

export type ClassCommand =
  | { type: "pause" }
  | { type: "resume" }
  | { type: "extend"; seconds: number }
  | { type: "end" }
  | { type: "broadcast"; text: string }
  | { type: "rename"; key: string; name: string }
  | { type: "remove"; key: string };

export interface VillageReport {
  classKey: string;
  index: number;
  board: VillageBoard;
}

/** The presence channel a class listens on for its villages' reports. */
export function classChannel(classRoomId: string): string {
  return `bangun-desa:kelas:${classRoomId}`;
}
