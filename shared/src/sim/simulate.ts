import { BOT_SKILL, type BotRng, chooseBotAction, type Personality } from "../bots/personalities.ts";
import { FORMS, type Form } from "../content/forms.ts";
import { apply } from "../rules/apply.ts";
import { legalActions } from "../rules/legal.ts";
import { seedFrom } from "../rules/rng.ts";
import { advance, startGame } from "../rules/season.ts";
import { createGame } from "../rules/setup.ts";
import type { Difficulty, GameState } from "../rules/types.ts";

/** The simulator's setups: who sits in the village. */
export const SETUPS = [
  "cooperative",
  "freeRiders",
  "random",
  "oneFreeRider",
  "twoFreeRiders",
  "titForTat",
] as const;
export type Setup = (typeof SETUPS)[number];

export const SIM_SEATS = 5;

/**
 * The personalities of a setup's five seats. Mixed setups rotate with the game index, so a
 * free-rider sits in every role (the petani as often as the tukang) across a run.
 */
export function setupPersonalities(setup: Setup, index = 0): Personality[] {
  const mixed = mixedSeats(setup);
  if (!mixed) return uniformSeats(setup);
  const shift = index % SIM_SEATS;
  return mixed.map((_, i) => mixed[(i + shift) % SIM_SEATS]!);
}

function mixedSeats(setup: Setup): Personality[] | null {
  if (setup === "oneFreeRider") return ["pemalas", "kooperatif", "kooperatif", "kooperatif", "kooperatif"];
  if (setup === "twoFreeRiders") return ["pemalas", "kooperatif", "pemalas", "kooperatif", "kooperatif"];
  return null;
}

function uniformSeats(setup: Setup): Personality[] {
  const all = (p: Personality): Personality[] => Array.from({ length: SIM_SEATS }, () => p);
  switch (setup) {
    case "cooperative":
      return all("kooperatif");
    case "freeRiders":
      return all("pemalas");
    case "random":
      return all("acak");
    case "titForTat":
      return all("balasBudi");
    default:
      return all("kooperatif");
  }
}

export interface SimOptions {
  games: number;
  setup: Setup;
  difficulty: Difficulty;
  seed: number;
  without?: Form | undefined;
}

export interface GameStats {
  won: boolean;
  formCounts: Record<Form, number>;
  /** Action windows × seats, and how many of those had no useful action at the window's start. */
  windows: number;
  idleWindows: number;
  /** Largest share of all contributions made by one player. */
  maxContributionShare: number;
}

/**
 * Most moves one bot makes in an action window: about what a person manages in a 150-second
 * window, and a bound on bots (like `acak`) that could otherwise shuffle resources forever.
 */
export const MOVES_PER_WINDOW = 40;

function usefulAction(state: GameState, playerId: string): boolean {
  return legalActions(state, playerId).some((a) => a.type !== "done");
}

/**
 * Play one whole bot-only game through the rules engine with a virtual clock: in each action
 * window every bot acts in turn until none has anything left to do, then the clock jumps on.
 */
export function playGame(options: Omit<SimOptions, "games">, index: number): GameStats {
  const personalities = setupPersonalities(options.setup, index);
  const seats = personalities.map((_, i) => ({ id: `s${i}`, name: `Bot ${i + 1}`, isBot: true }));
  const gameSeed = seedFrom(`${options.seed}:${index}`);
  const state = createGame(seats, gameSeed, {
    difficulty: options.difficulty,
    disabledForms: options.without ? [options.without] : [],
  });
  const rng: BotRng = { rng: seedFrom(`bots:${options.seed}:${index}`) };
  const skill = BOT_SKILL[options.difficulty];
  let now = 0;
  let windows = 0;
  let idleWindows = 0;
  startGame(state, now);
  while (state.phase !== "ended") {
    if (state.phase === "action") {
      for (const id of state.playerOrder) {
        windows++;
        if (!usefulAction(state, id)) idleWindows++;
      }
      for (let round = 0; round < MOVES_PER_WINDOW; round++) {
        let acted = false;
        state.playerOrder.forEach((id, seat) => {
          const action = chooseBotAction(state, id, personalities[seat]!, rng, skill);
          if (action && action.type !== "done" && apply(state, action, { actor: id, now }).ok) acted = true;
        });
        if (!acted) break;
      }
    }
    now = state.phaseEndsAt;
    advance(state, now);
  }
  const formCounts = Object.fromEntries(FORMS.map((f) => [f, 0])) as Record<Form, number>;
  for (const entry of state.log) formCounts[entry.form]++;
  const contributions = state.playerOrder.map((id) => state.players[id]!.contributed);
  const total = contributions.reduce((a, b) => a + b, 0);
  return {
    won: state.result?.won ?? false,
    formCounts,
    windows,
    idleWindows,
    maxContributionShare: total === 0 ? 0 : Math.max(...contributions) / total,
  };
}

export interface SimReport {
  games: number;
  setup: Setup;
  difficulty: Difficulty;
  seed: number;
  without: Form | null;
  wins: number;
  winRate: number;
  /** Half-width of the 95 % confidence interval of the win rate (normal approximation). */
  ci95: number;
  formCounts: Record<Form, number>;
  /** Share of (seat × action window) in which the seat had no useful action at the window's start. */
  idleWindowRate: number;
  maxContributionShare: number;
}

/** Play `games` seeded games and summarise them. Pure: the same options give the same report. */
export function simulate(options: SimOptions): SimReport {
  let wins = 0;
  let windows = 0;
  let idle = 0;
  let maxShare = 0;
  const formCounts = Object.fromEntries(FORMS.map((f) => [f, 0])) as Record<Form, number>;
  for (let i = 0; i < options.games; i++) {
    const stats = playGame(options, i);
    if (stats.won) wins++;
    windows += stats.windows;
    idle += stats.idleWindows;
    maxShare = Math.max(maxShare, stats.maxContributionShare);
    for (const f of FORMS) formCounts[f] += stats.formCounts[f];
  }
  const winRate = options.games === 0 ? 0 : wins / options.games;
  return {
    games: options.games,
    setup: options.setup,
    difficulty: options.difficulty,
    seed: options.seed,
    without: options.without ?? null,
    wins,
    winRate,
    ci95: options.games === 0 ? 0 : 1.96 * Math.sqrt((winRate * (1 - winRate)) / options.games),
    formCounts,
    idleWindowRate: windows === 0 ? 0 : idle / windows,
    maxContributionShare: maxShare,
  };
}
