/**
 * The class layer's rules: how students are split into villages, how many seats a village gets,
 * where a late joiner goes, and the summary of a village that the teacher's live board shows.
 * Pure: rooms call these, the teacher page reads what they produce.
 */
import { PROJECTS } from "../content/projects.ts";
import { RESOURCES } from "../content/resources.ts";
import { MIN_SEATS } from "./setup.ts";
import type { GameState } from "./types.ts";

export const VILLAGE_SIZE_MIN = 4;
export const VILLAGE_SIZE_MAX = 6;
export const DEFAULT_VILLAGE_SIZE = 5;

/** How many villages `students` make with at most `size` students each (at least one village). */
export function villageCount(students: number, size: number): number {
  return Math.max(1, Math.ceil(students / size));
}

/**
 * Split students (in join order) into villages of at most `size`, as evenly as possible:
 * 7 students with size 6 → 4 + 3; 36 → six villages of 6. Round robin, so a late change
 * moves as few students as possible between villages of equal size.
 */
export function autoSplit<T>(students: readonly T[], size: number): T[][] {
  const count = villageCount(students.length, size);
  const villages: T[][] = Array.from({ length: count }, () => []);
  students.forEach((s, i) => {
    villages[i % count]!.push(s);
  });
  return villages;
}

/**
 * Seats of a class village: with bots on, the chosen village size (bots keep the empty households
 * going and late joiners take their seats); with bots off, one seat per student, and bots only
 * up to the smallest village the game can be played in.
 */
export function seatsFor(humans: number, size: number, bots: boolean): number {
  return Math.max(bots ? size : MIN_SEATS, humans, MIN_SEATS);
}

export interface VillageSeats {
  index: number;
  /** Seats held by students (connected or not). */
  humans: number;
  seats: number;
  ended: boolean;
}

/**
 * The village a late joiner goes to: one still playing with a bot's seat free, the fewest students
 * first (then the lowest number). Null when every seat is a student's: the class then opens a new village.
 */
export function villageForLateJoiner(villages: readonly VillageSeats[]): number | null {
  const open = villages.filter((v) => !v.ended && v.humans < v.seats);
  open.sort((a, b) => a.humans - b.humans || a.index - b.index);
  return open[0]?.index ?? null;
}

export type BoardAlert = "krisis" | "banjir" | "musibah" | "protes" | "lapar";

/** One household on the board. */
export interface BoardPlayer {
  seatId: string;
  name: string;
  /** The class's id of the student in this seat ("" for a bot). */
  studentId: string;
  /** Action windows in a row in which this student made no move. */
  idleWindows: number;
  isBot: boolean;
  connected: boolean;
  krisis: boolean;
  contributed: number;
}

export interface BoardProject {
  kind: string;
  status: string;
  /** 0–100: resources and labour given of what it needs. */
  percent: number;
}

/** What the teacher's live board shows of one village (plain data, sent between rooms). */
export interface VillageBoard {
  season: number;
  seasons: number;
  phase: string;
  paused: boolean;
  welfare: number;
  harmony: number;
  unity: number;
  projects: BoardProject[];
  players: BoardPlayer[];
  alerts: BoardAlert[];
  won: boolean;
  stars: number;
  endedEarly: boolean;
}

/** How far a project is, in percent of what it needs (resources and labour together). */
export function projectPercent(game: GameState, projectId: string): number {
  const p = game.projects[projectId];
  if (!p) return 0;
  if (p.status === "done") return 100;
  let need = p.labourNeeded;
  let given = Math.min(p.labour, p.labourNeeded);
  for (const r of RESOURCES) {
    const n = p.needs[r] ?? 0;
    need += n;
    given += Math.min(p.given[r] ?? 0, n);
  }
  return need === 0 ? 0 : Math.floor((100 * given) / need);
}

/** What the room knows of its seats beyond the rules: which student sits where, who has been idle. */
export interface SeatInfo {
  studentOf(seatId: string): string;
  idleWindows(seatId: string): number;
}

/** The board summary of a village: meters, projects, households and what needs the teacher's eye. */
export function villageBoard(game: GameState, seats: SeatInfo): VillageBoard {
  const players = game.playerOrder.map((id) => {
    const p = game.players[id]!;
    return {
      seatId: id,
      name: p.name,
      studentId: p.isBot ? "" : seats.studentOf(id),
      idleWindows: p.isBot ? 0 : seats.idleWindows(id),
      isBot: p.isBot,
      connected: p.connected,
      krisis: p.krisis,
      contributed: p.contributed,
    };
  });
  const alerts: BoardAlert[] = [];
  if (players.some((p) => p.krisis)) alerts.push("krisis");
  if (game.flooded) alerts.push("banjir");
  if (game.playerOrder.some((id) => game.players[id]!.houseDamaged)) alerts.push("musibah");
  if (game.tokoh.blockedProjectId) alerts.push("protes");
  return {
    season: game.season,
    seasons: game.config.seasons,
    phase: game.phase,
    paused: game.paused,
    welfare: game.meters.welfare,
    harmony: game.meters.harmony,
    unity: game.meters.unity,
    projects: Object.values(game.projects)
      .filter((p) => p.kind in PROJECTS)
      .map((p) => ({ kind: p.kind, status: p.status, percent: projectPercent(game, p.id) })),
    players,
    alerts,
    won: game.result?.won ?? false,
    stars: game.result?.stars ?? 0,
    endedEarly: game.result?.endedEarly ?? false,
  };
}
