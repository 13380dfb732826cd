import { describe, expect, it } from "vitest";
import {
  BANJIR,
  createGame,
  DIFFICULTIES,
  type Difficulty,
  type EventKind,
  type GameState,
  planEvents,
} from "../../shared/src/index.ts";
import {
  calmSeasons,
  endPhase,
  handOf,
  must,
  player,
  projectId,
  seatSpecs,
  setAllHands,
  setHand,
  village,
  work,
} from "./helpers.ts";

/** A calm, well-fed village of 4 standing in the warning phase of `season`, which brings `event`. */
function villageBefore(season: number, event: EventKind): GameState {
  const state = village(4);
  calmSeasons(state);
  state.events[season] = event;
  setAllHands(state, { beras: 30 });
  for (let guard = 0; guard < 50; guard++) {
    if (state.phase === "lobby") endPhaseFromLobby(state);
    if (state.season === season && state.phase === "warning") return state;
    endPhase(state);
  }
  throw new Error(`never reached season ${season}`);
}

function endPhaseFromLobby(state: GameState): void {
  // startGame through the helper clock: the first warning begins at 0.
  state.phase = "lobby";
  endPhaseStart(state);
}

const DIFFS: readonly Difficulty[] = ["mudah", "sedang", "sulit"];
