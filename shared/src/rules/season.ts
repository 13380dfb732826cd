import { BANJIR, DAMAGED_HOUSE_TENAGA_PENALTY, IGNORED_MUSIBAH } from "../content/events.ts";
import { TOKOH } from "../content/partnerships.ts";
import { KOPERASI_BUFFER_PER_SEASON } from "../content/projects.ts";
import { RESOURCES } from "../content/resources.ts";
import { coalitionsAtNight, kampanyeAtNight } from "./coalition.ts";
import { addNews, changeMeters } from "./log.ts";
import { closeOpenVotes, tokohArrivalSeason, tokohAtNight, tokohAtSeasonStart } from "./musyawarah.ts";
import { decideResult } from "./outcome.ts";
import { isBuilt, newProject, openProjectOf } from "./projects.ts";
import { randomInt } from "./rng.ts";
import { expireOffers } from "./trade.ts";
import type { GameState } from "./types.ts";
import { venturesAtNight } from "./venture.ts";

/** Beras each household eats every night. */
export const FOOD_PER_HOUSEHOLD = 2;
/** A household in krisis has this much less tenaga next season. */
export const KRISIS_TENAGA_PENALTY = 3;
export const MIN_TENAGA = 1;
/** Meter costs of one household in krisis for one night. */
export const KRISIS_COST = { welfare: -4, harmony: -3 } as const;

/**
 * The phases of a season, declared as data: each phase's duration key in the config and the phase
 * that follows it. `night` is followed by the next season's `warning` (or the end of the game).
 */
export const PHASES = {
  warning: { durationKey: "warningMs", next: "action" },
  action: { durationKey: "actionMs", next: "night" },
  night: { durationKey: "nightMs", next: "warning" },
} as const;

/** Start the game: season 1's warning phase begins now. */
export function startGame(state: GameState, now: number): void {
  if (state.phase !== "lobby") return;
  beginSeason(state, 1, now);
}

/** True when the action window may close early: every connected person has pressed Selesai. */
export function everyoneDone(state: GameState): boolean {
  const people = state.playerOrder.map((id) => state.players[id]!).filter((p) => !p.isBot && p.connected);
  return people.length > 0 && people.every((p) => p.done);
}

/**
 * Move the clock forward to `now`: every phase whose deadline has passed ends, in order.
 * The room calls this on its clock tick; the simulator calls it with a virtual clock.
 * Returns true when the phase changed.
 */
export function advance(state: GameState, now: number): boolean {
  let changed = false;
  for (let guard = 0; guard < 10; guard++) {
    if (state.phase === "lobby" || state.phase === "ended" || state.paused) return changed;
    const early = state.phase === "action" && everyoneDone(state);
    if (now < state.phaseEndsAt && !early) return changed;
    const endedAt = early ? now : state.phaseEndsAt;
    endPhase(state, endedAt);
    changed = true;
  }
  return changed;
}

function endPhase(state: GameState, at: number): void {
  switch (state.phase) {
    case "warning":
      strikeEvent(state);
      if (state.meters.harmony <= 0) {
        finish(state);
        return;
      }
      state.phase = "action";
      state.phaseEndsAt = at + state.config.actionMs;
      break;
    case "action":
      resolveNight(state);
      if (isEnded(state)) return;
      state.phase = "night";
      state.phaseEndsAt = at + state.config.nightMs;
      break;
    case "night":
      if (state.season >= state.config.seasons) {
        finish(state);
        return;
      }
      beginSeason(state, state.season + 1, at);
      break;
    default:
      break;
  }
}

function beginSeason(state: GameState, season: number, at: number): void {
  state.season = season;
  state.phase = "warning";
  // The flood water of last season has drained away.
  state.flooded = false;
  state.phaseEndsAt = at + state.config.warningMs;
  for (const id of state.playerOrder) {
    const p = state.players[id]!;
    let tenaga = state.config.tenagaPerSeason;
    if (p.krisis) tenaga -= KRISIS_TENAGA_PENALTY;
    if (p.houseDamaged) tenaga -= DAMAGED_HOUSE_TENAGA_PENALTY;
    p.tenaga = Math.max(MIN_TENAGA, tenaga);
    p.done = false;
    p.location = "home";
  }
  for (const project of Object.values(state.projects)) project.labourThisSeason = 0;
  tokohAtSeasonStart(state, tokohArrivalSeason(state.config.openAllForms));
}

/** The season's event strikes as the action window opens (it was forecast two seasons ahead). */
function strikeEvent(state: GameState): void {
  const event = state.events[state.season];
  if (event === "hujan") {
    const gutter = openProjectOf(state, "selokan");
    if (gutter) {
      state.flooded = true;
      for (const id of state.playerOrder) {
        const p = state.players[id]!;
        for (const r of RESOURCES) {
          if (r === "uang") continue;
          p.hand[r] -= Math.floor(p.hand[r] * BANJIR.stockLossFraction);
        }
      }
      changeMeters(state, { harmony: BANJIR.harmony, welfare: BANJIR.welfare });
      addNews(state, "event", { key: "news.banjir" });
    } else {
      addNews(state, "event", { key: "news.hujanSafe" });
      // The rain dirties the clean gutters again: they must be cleaned before the next rain.
      newProject(state, "selokan", null, null);
    }
  } else if (event === "musibah") {
    const candidates = state.playerOrder.filter((id) => !state.players[id]!.houseDamaged);
    if (candidates.length > 0) {
      const owner = state.players[candidates[randomInt(state, candidates.length)]!]!;
      owner.houseDamaged = true;
      newProject(state, "rumah", owner.id, state.season + 1);
      addNews(state, "event", { key: "news.musibah", params: { name: owner.name } });
    }
  } else if (event === "panenRaya") {
    addNews(state, "event", { key: "news.panenRaya" });
  } else if (event === "hargaTurun") {
    addNews(state, "event", { key: "news.hargaTurun" });
  } else if (event === "tuntutanTokoh") {
    if (state.tokoh.status === "outside") {
      state.tokoh.unrest = Math.min(100, state.tokoh.unrest + TOKOH.demandUnrest);
      addNews(state, "event", { key: "news.tuntutanTokoh" });
    } else {
      addNews(state, "event", { key: "news.tuntutanTokohHeard" });
    }
  } else if (event === "kampanyeSampah") {
    addNews(state, "event", { key: "news.kampanyeSampah" });
  }
}

/** Night: households eat, unmet deadlines cost harmony, and the game may end early. */
function resolveNight(state: GameState): void {
  expireOffers(state);
  closeOpenVotes(state);
  venturesAtNight(state);
  coalitionsAtNight(state);
  kampanyeAtNight(state);
  tokohAtNight(state);
  let koperasiBuffer = isBuilt(state, "koperasi") ? KOPERASI_BUFFER_PER_SEASON : 0;
  for (const id of state.playerOrder) {
    const p = state.players[id]!;
    let shortfall = Math.max(0, FOOD_PER_HOUSEHOLD - p.hand.beras);
    p.hand.beras -= FOOD_PER_HOUSEHOLD - shortfall;
    const fromKoperasi = Math.min(shortfall, koperasiBuffer);
    koperasiBuffer -= fromKoperasi;
    shortfall -= fromKoperasi;
    if (shortfall > 0) {
      p.krisis = true;
      changeMeters(state, KRISIS_COST);
      addNews(state, "krisis", { key: "news.krisis", params: { name: p.name } });
    } else {
      p.krisis = false;
    }
  }
  for (const project of Object.values(state.projects)) {
    if (
      project.status === "open" &&
      project.deadlineSeason !== null &&
      project.deadlineSeason <= state.season
    ) {
      project.status = "failed";
      changeMeters(state, IGNORED_MUSIBAH);
      if (project.ownerId) {
        const owner = state.players[project.ownerId];
        if (owner) owner.houseDamaged = false;
      }
      addNews(state, "project", { key: "news.rumahFailed" });
    }
  }
  recordMeters(state);
  if (state.meters.harmony <= 0) finish(state);
}

/** The meters as the season closes (the report's charts and the debrief read this history). */
function recordMeters(state: GameState): void {
  const entry = { season: state.season, ...state.meters };
  const last = state.meterHistory[state.meterHistory.length - 1];
  if (last?.season === state.season) state.meterHistory[state.meterHistory.length - 1] = entry;
  else state.meterHistory.push(entry);
}

/** Read the phase afresh (TypeScript narrows `state.phase` across calls that change it). */
function isEnded(state: GameState): boolean {
  return state.phase === "ended";
}

function finish(state: GameState, endedEarly = false): void {
  state.phase = "ended";
  state.phaseEndsAt = 0;
  state.paused = false;
  state.pausedRemainingMs = 0;
  // A game ended before its night (by the teacher) still records where the meters stood.
  if (endedEarly) recordMeters(state);
  state.result = decideResult(state, endedEarly);
  addNews(state, "result", { key: state.result.won ? "news.won" : "news.lost" });
}

/** True while the game runs: past the lobby and not yet over. */
function running(state: GameState): boolean {
  return state.phase !== "lobby" && state.phase !== "ended";
}

/**
 * The teacher pauses the village: the clock stops with the phase's remaining time kept, and no
 * action is accepted until `resumeGame`. Returns false when there is nothing to pause.
 */
export function pauseGame(state: GameState, now: number): boolean {
  if (!running(state) || state.paused) return false;
  state.paused = true;
  state.pausedRemainingMs = Math.max(0, state.phaseEndsAt - now);
  return true;
}

/** The clock runs again: the phase ends as long after `now` as it had left when paused. */
export function resumeGame(state: GameState, now: number): boolean {
  if (!state.paused) return false;
  state.paused = false;
  state.phaseEndsAt = now + state.pausedRemainingMs;
  state.pausedRemainingMs = 0;
  return true;
}

/** Longest extension the teacher may give the current phase in one go (ms). */
export const MAX_EXTEND_MS = 5 * 60_000;

/** Give the current phase more time (paused or not). */
export function extendPhase(state: GameState, ms: number): boolean {
  if (!running(state) || !Number.isInteger(ms) || ms <= 0 || ms > MAX_EXTEND_MS) return false;
  if (state.paused) state.pausedRemainingMs += ms;
  else state.phaseEndsAt += ms;
  return true;
}

/**
 * The teacher ends the game now: the result is decided on the village as it stands (marked as
 * ended early when seasons were left). Returns false when it had already ended.
 */
export function endGameNow(state: GameState): boolean {
  if (state.phase === "ended") return false;
  const early = state.season < state.config.seasons || state.phase !== "night";
  finish(state, early);
  return true;
}
