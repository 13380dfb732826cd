/**
 * The class layer's rules: the automatic split, seats per village, where a late joiner goes, the
 * board summary, and the teacher's pause / resume / extend / end on the rules' clock.
 */
import { describe, expect, it } from "vitest";
import {
  advance,
  autoSplit,
  ERROR_CODES,
  endGameNow,
  extendPhase,
  MAX_EXTEND_MS,
  MIN_SEATS,
  pauseGame,
  resumeGame,
  seatsFor,
  villageBoard,
  villageCount,
  villageForLateJoiner,
} from "../../shared/src/index.ts";
import { act, toAction, village } from "./helpers.ts";

const NO_SEATS = { studentOf: () => "", idleWindows: () => 0 };

describe("splitting a class into villages", () => {
  it.each([
    [1, 6, [1]],
    [4, 6, [4]],
    [7, 6, [4, 3]],
    [12, 6, [6, 6]],
    [13, 6, [5, 4, 4]],
    [36, 6, [6, 6, 6, 6, 6, 6]],
    [36, 5, [5, 5, 5, 5, 4, 4, 4, 4]],
    [0, 5, [0]],
  ])("%i students with at most %i a village → %j", (n, size, sizes) => {
    const students = Array.from({ length: n }, (_, i) => `s${i}`);
    const villages = autoSplit(students, size);
    expect(villages.map((v) => v.length)).toEqual(sizes);
    expect(villages.flat().sort()).toEqual([...students].sort());
    expect(villageCount(n, size)).toBe(sizes.length);
  });

  it("keeps join order round robin, so the first students are spread over the villages", () => {
    expect(autoSplit(["a", "b", "c", "d", "e", "f", "g"], 6)).toEqual([
      ["a", "c", "e", "g"],
      ["b", "d", "f"],
    ]);
  });
});

describe("seats and late joiners", () => {
  it("with bots, a village has the chosen size; without, one seat per student (at least the minimum)", () => {
    expect(seatsFor(3, 5, true)).toBe(5);
    expect(seatsFor(6, 5, true)).toBe(6);
    expect(seatsFor(4, 5, false)).toBe(4);
    expect(seatsFor(1, 5, false)).toBe(MIN_SEATS);
  });

  it("a late joiner goes where a bot seat is free and students are fewest; none: null", () => {
    const v = (index: number, humans: number, seats: number, ended = false) => ({
      index,
      humans,
      seats,
      ended,
    });
    expect(villageForLateJoiner([v(0, 4, 5), v(1, 3, 5)])).toBe(1);
    expect(villageForLateJoiner([v(0, 3, 5), v(1, 3, 5)])).toBe(0);
    expect(villageForLateJoiner([v(0, 5, 5), v(1, 2, 5, true)])).toBeNull();
    expect(villageForLateJoiner([])).toBeNull();
  });
});

describe("the teacher's controls on the clock", () => {
  it("pause stops the clock and refuses actions; resume restores the time that was left", () => {
    const state = toAction(village(4));
    const endsAt = state.phaseEndsAt;
    const now = endsAt - 10_000;
    expect(pauseGame(state, now)).toBe(true);
    expect(pauseGame(state, now)).toBe(false);
    expect(state.pausedRemainingMs).toBe(10_000);
    // Long after the deadline, nothing moves while paused.
    expect(advance(state, endsAt + 60_000)).toBe(false);
    expect(state.phase).toBe("action");
    const first = state.playerOrder[0]!;
    const reply = act(state, first, { type: "gather", site: "sawah", tenaga: 1 });
    expect(reply).toEqual({ ok: false, error: ERROR_CODES.paused });
    expect(resumeGame(state, endsAt + 60_000)).toBe(true);
    expect(state.phaseEndsAt).toBe(endsAt + 70_000);
    expect(resumeGame(state, endsAt + 60_000)).toBe(false);
    expect(act(state, first, { type: "gather", site: "sawah", tenaga: 1 }).ok).toBe(true);
  });

  it("extend gives the phase more time, paused or not, within a limit", () => {
    const state = toAction(village(4));
    const endsAt = state.phaseEndsAt;
    expect(extendPhase(state, 60_000)).toBe(true);
    expect(state.phaseEndsAt).toBe(endsAt + 60_000);
    pauseGame(state, endsAt);
    expect(extendPhase(state, 30_000)).toBe(true);
    expect(state.pausedRemainingMs).toBe(90_000);
    expect(extendPhase(state, MAX_EXTEND_MS + 1)).toBe(false);
    expect(extendPhase(state, -5)).toBe(false);
    expect(extendPhase(village(4), 1_000)).toBe(false);
  });

  it("end decides the result now, marked as ended early before the last season", () => {
    const state = toAction(village(4));
    pauseGame(state, state.phaseEndsAt - 1);
    expect(endGameNow(state)).toBe(true);
    expect(state.phase).toBe("ended");
    expect(state.paused).toBe(false);
    expect(state.result?.endedEarly).toBe(true);
    expect(state.result?.won).toBe(false);
    expect(state.result?.reasons[0]).toEqual({ key: "result.reason.endedEarly", params: { season: 1 } });
    expect(endGameNow(state)).toBe(false);
  });
});

describe("the board summary", () => {
  it("shows meters, projects, households with their students and idle windows, and alerts", () => {
    const state = toAction(village(4, { people: 1 }));
    const [student, other] = state.playerOrder as [string, string];
    state.players[other]!.krisis = true;
    state.flooded = true;
    const board = villageBoard(state, {
      studentOf: (seat) => (seat === student ? "k7" : "k9"),
      idleWindows: (seat) => (seat === student ? 2 : 5),
    });
    expect(board.season).toBe(1);
    expect(board.welfare).toBe(state.meters.welfare);
    expect(board.players.map((p) => p.seatId)).toEqual(state.playerOrder);
    const mine = board.players.find((p) => p.seatId === student)!;
    expect(mine).toMatchObject({ studentId: "k7", idleWindows: 2, isBot: false });
    // Bot seats have no student and are never idle.
    expect(board.players.find((p) => p.seatId === other)).toMatchObject({
      studentId: "",
      idleWindows: 0,
      isBot: true,
    });
    expect(board.alerts).toEqual(expect.arrayContaining(["krisis", "banjir"]));
    expect(board.projects.length).toBe(Object.keys(state.projects).length);
    for (const p of board.projects) expect(p.percent).toBeGreaterThanOrEqual(0);
    expect(villageBoard(village(4), NO_SEATS).alerts).toEqual([]);
  });
});
