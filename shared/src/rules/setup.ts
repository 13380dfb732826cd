import { type EventKind, LATE_EVENTS_FROM } from "../content/events.ts";
import { ROLE_ORDER, ROLES } from "../content/roles.ts";
import { newProject } from "./projects.ts";
import { randomInt } from "./rng.ts";
import type { Difficulty, GameConfig, GameState, PlayerState } from "./types.ts";

export const MIN_SEATS = 3;
export const MAX_SEATS = 6;

export const DEFAULT_CONFIG: GameConfig = {
  seasons: 6,
  warningMs: 10_000,
  actionMs: 150_000,
  nightMs: 15_000,
  difficulty: "sedang",
  openAllForms: false,
  tenagaPerSeason: 5,
  disabledForms: [],
};

/** The village meters at the start of a game. */
export const START_METERS = { welfare: 20, harmony: 35, unity: 50 } as const;

export interface SeatSpec {
  id: string;
  name: string;
  isBot: boolean;
}

/**
 * Plan the seasons' events from the seed. Rain comes at least once (from season 3, so the village has
 * time to clean the gutters after seeing it two seasons ahead); a musibah strikes one household; a
 * good harvest may come. Harder games bring more trouble.
 */
export function planEvents(
  state: Pick<GameState, "rng">,
  seasons: number,
  difficulty: Difficulty,
): EventKind[] {
  const events: EventKind[] = Array.from({ length: seasons + 1 }, () => "tenang");
  const free = (): number[] => {
    const out: number[] = [];
    for (let s = 2; s <= seasons; s++) if (events[s] === "tenang") out.push(s);
    return out;
  };
  const rainFrom = Math.min(3, seasons);
  const firstRain = rainFrom + randomInt(state, Math.max(1, Math.min(2, seasons - rainFrom + 1)));
  events[firstRain] = "hujan";
  const musibahCount = difficulty === "mudah" ? 1 : difficulty === "sedang" ? 1 : 2;
  for (let i = 0; i < musibahCount; i++) {
    const options = free().filter((s) => s < seasons);
    if (options.length > 0) events[options[randomInt(state, options.length)]!] = "musibah";
  }
  // The plastic-waste campaign (a koalisi goal) and the tokoh's demand come once those ideas are open.
  for (const late of ["kampanyeSampah", "tuntutanTokoh"] as const) {
    const options = free().filter((s) => s >= LATE_EVENTS_FROM);
    if (options.length > 0) events[options[0]!] = late;
  }
  if (difficulty === "sulit" || seasons >= 6) {
    const later = free().filter((s) => s >= firstRain + 2);
    if (later.length > 0) events[later[randomInt(state, later.length)]!] = "hujan";
  }
  if (difficulty !== "sulit") {
    const options = free();
    if (options.length > 0) events[options[randomInt(state, options.length)]!] = "panenRaya";
  }
  if (difficulty !== "mudah") {
    const options = free();
    if (options.length > 0) events[options[randomInt(state, options.length)]!] = "hargaTurun";
  }
  return events;
}

/**
 * The harga gabah talk happens once, at harvest: the first panen raya from season 2 on (when
 * bargaining has opened), or season 3 if there is none.
 */
export function harvestSeason(events: EventKind[], seasons: number): number {
  const panen = events.findIndex((e, s) => s >= 2 && e === "panenRaya");
  return panen > 0 ? panen : Math.min(3, seasons);
}

/**
 * Create a new game in the lobby phase. Seats are filled in order; roles follow ROLE_ORDER so every
 * village has a petani. The RNG is seeded from `seed`; nothing else introduces chance.
 */
export function createGame(seats: SeatSpec[], seed: number, config: Partial<GameConfig> = {}): GameState {
  const cfg: GameConfig = { ...DEFAULT_CONFIG, ...config };
  const state: GameState = {
    config: cfg,
    rng: seed >>> 0,
    season: 0,
    phase: "lobby",
    phaseEndsAt: 0,
    players: {},
    playerOrder: [],
    projects: {},
    events: [],
    meters: { ...START_METERS },
    log: [],
    news: [],
    seq: 0,
    nextProjectId: 1,
    offers: {},
    nextOfferId: 1,
    ricePrice: null,
    ricePriceTalk: { season: 0, proposal: null, history: [] },
    tokoh: { status: "absent", unrest: 0, position: null, projectId: null, blockedProjectId: null },
    votes: {},
    coalitions: {},
    ventures: {},
    nextDealId: 1,
    priorityProjectId: null,
    committees: {},
    flooded: false,
    paused: false,
    pausedRemainingMs: 0,
    meterHistory: [{ season: 0, ...START_METERS }],
    result: null,
  };
  seats.forEach((seat, i) => {
    const role = ROLE_ORDER[i % ROLE_ORDER.length]!;
    const player: PlayerState = {
      id: seat.id,
      name: seat.name,
      role,
      seat: i,
      isBot: seat.isBot,
      connected: !seat.isBot,
      hand: { ...ROLES[role].startHand },
      tenaga: 0,
      krisis: false,
      houseDamaged: false,
      done: false,
      trust: { kept: 0, broken: 0 },
      contributed: 0,
      location: "home",
    };
    state.players[seat.id] = player;
    state.playerOrder.push(seat.id);
  });
  state.events = planEvents(state, cfg.seasons, cfg.difficulty);
  // The harga gabah talk needs both sides: a village without a petani or a pedagang has none.
  const roles = new Set(Object.values(state.players).map((p) => p.role));
  state.ricePriceTalk.season =
    roles.has("petani") && roles.has("pedagang") ? harvestSeason(state.events, cfg.seasons) : 0;
  for (const kind of ["selokan", "sekolah", "koperasi", "jembatan"] as const)
    newProject(state, kind, null, null);
  return state;
}
