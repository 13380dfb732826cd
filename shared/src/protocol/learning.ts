/**
 * After the game: the messages for the debrief and the quiz (village room, once the game ended).
 * `debrief` answers the whole cooperation log and the meters' history (the synced state keeps only
 * the last entries); `quiz` answers the ids of this student's 10 items (drawn from a seed the room
 * derives from the game and the seat, so a reload draws the same quiz); `submitQuiz` scores the
 * answers with the shared `scoreQuiz` and keeps the result for the teacher's report.
 */
import { z } from "zod";
import { QUIZ_LENGTH, type QuizItemResult } from "../content/quiz.ts";
import type { CoopLogEntry, GameResult, SeasonMeters } from "../rules/types.ts";

export const LEARNING_MESSAGES = ["debrief", "quiz", "submitQuiz"] as const;

export const submitQuizSchema = z.strictObject({
  answers: z.array(z.number().int().min(0).max(4).nullable()).length(QUIZ_LENGTH),
});
export type SubmitQuizPayload = z.input<typeof submitQuizSchema>;

/** A household as the debrief and the report show it (public facts only). */
export interface HouseholdRecord {
  seatId: string;
  /** The class's student id ("" for a bot or outside a class). */
  studentId: string;
  name: string;
  role: string;
  isBot: boolean;
  contributed: number;
  trustKept: number;
  trustBroken: number;
}

export interface DebriefReply {
  ok: true;
  log: CoopLogEntry[];
  meterHistory: SeasonMeters[];
  households: HouseholdRecord[];
  result: GameResult | null;
  /** Project kinds built and failed (for the purposes achieved and missed). */
  projects: { kind: string; status: string }[];
}

export interface QuizReply {
  ok: true;
  itemIds: string[];
  /** The score already handed in (a reload after submitting shows it again). */
  submitted: { answers: (number | null)[]; correct: number; total: number } | null;
}

export interface SubmitQuizReply {
  ok: true;
  correct: number;
  total: number;
  results: QuizItemResult[];
}
