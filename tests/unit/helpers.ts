/**
 * Small builders for rule tests: a village with N seats, a virtual clock that moves the game to a
 * season's action window, and setters for hands. Tests set up state as plain data and then play actions.
 */
import {
  type Action,
  type ApplyResult,
  advance,
  apply,
  type Bundle,
  createGame,
  type GameConfig,
  type GameState,
  type Hand,
  labourRoomFor,
  METER_MAX,
  METER_MIN,
  type MeterDelta,
  type Meters,
  RESOURCES,
  RICE_PRICE_RANGE,
  ROLES,
  resourceStillNeeded,
  type SeatSpec,
  startGame,
} from "../../shared/src/index.ts";

/** Seat ids in order; with ROLE_ORDER they are petani, penebang, penambang, tukang, pedagang, petani. */
export const SEAT_IDS = ["p1", "p2", "p3", "p4", "p5", "p6"] as const;
const NAMES = ["Ani", "Budi", "Citra", "Dewi", "Eko", "Fajar"] as const;

export interface VillageOptions {
  /** How many seats are people (the rest are bots); all people by default. */
  people?: number;
  seed?: number;
  config?: Partial<GameConfig>;
}

/** The seats of a village: the first `people` are connected people, the rest bots. */
export function seatSpecs(n: number, people = n): SeatSpec[] {
  return Array.from({ length: n }, (_, i) => ({ id: SEAT_IDS[i]!, name: NAMES[i]!, isBot: i >= people }));
}

/** A village in the lobby with `n` seats (3–6). */
export function village(n: number, opts: VillageOptions = {}): GameState {
  return createGame(seatSpecs(n, opts.people ?? n), opts.seed ?? 1, opts.config ?? {});
}

/** End the current phase exactly at its deadline (the virtual clock jumps there). */
export function endPhase(state: GameState): void {
  if (state.phase === "lobby" || state.phase === "ended")
    throw new Error(`no phase to end in ${state.phase}`);
  advance(state, state.phaseEndsAt);
}

export interface ToActionOptions {
  /** Keep the peace on the way (see `keepPeace`), so that an idle village lives to later seasons. */
  keepPeace?: boolean;
}

/** Start the game if needed and move the clock until season `season`'s action window is open. */
export function toAction(state: GameState, season = 1, opts: ToActionOptions = {}): GameState {
  if (state.phase === "lobby") startGame(state, 0);
  for (let guard = 0; guard < 100; guard++) {
    if (opts.keepPeace) keepPeace(state);
    if (state.season === season && state.phase === "action") return state;
    if (state.phase === "ended") break;
    if (state.season > season) break;
    endPhase(state);
  }
  throw new Error(
    `could not reach the action window of season ${season} (at ${state.season} ${state.phase})`,
  );
}

/** The harga gabah the village agrees in `keepPeace` and `agreeRicePrice`: the middle of the range. */
export const AGREED_RICE_PRICE = Math.round((RICE_PRICE_RANGE.min + RICE_PRICE_RANGE.max) / 2);

/**
 * The harga gabah is agreed, as if petani and pedagang had settled it at the harvest: the harvest
 * night then costs no harmony (RICE_TALK_FAILED) and the pasar trades beras at this price. It sets the
 * state directly (no bargaining log, no trust); the talk itself is tested with bargaining.
 */
export function agreeRicePrice(state: GameState, price = AGREED_RICE_PRICE): void {
  state.ricePrice = price;
}

/**
 * A village that keeps the peace, for scenarios about something else that need the later seasons.
 * Since the balance rules (docs/decisions.md, "Balance: every form matters") a village starts at
 * START_METERS.harmony and an idle one loses harmony every night it does not act: the harvest without
 * a harga gabah agreement (RICE_TALK_FAILED) and the tokoh pemuda's drain while he stays outside bring
 * harmony to 0 and end the game in season 3 or 4. So in each action window (before its night) this
 * does what a peaceful village does, setting the state directly:
 * - once the harvest season has come, the harga gabah is agreed (`agreeRicePrice`);
 * - once the tokoh has arrived, he is co-opted as penasihat of the bridge (as a passed cooptTokoh
 *   musyawarah would do, without its news, log and unity): he drains no more harmony, gives the bridge
 *   TOKOH.labourWhenCoopted labour a season and takes his small share of welfare.
 * It does not feed anybody: households without beras still fall into krisis (give them beras first).
 * The rules that cost harmony are tested on their own (kooptasi, seasons, koalisi).
 */
export function keepPeace(state: GameState): void {
  if (state.phase !== "action") return;
  if (state.ricePrice === null && state.season >= state.ricePriceTalk.season) agreeRicePrice(state);
  if (state.tokoh.status === "outside") {
    const bridge = Object.values(state.projects).find((p) => p.kind === "jembatan" && p.status === "open");
    state.tokoh.status = "coopted";
    state.tokoh.position = "penasihat";
    state.tokoh.projectId = bridge?.id ?? null;
    state.tokoh.blockedProjectId = null;
  }
}

/** A village with `n` seats, already in the action window of season `season`. */
export function villageAt(n: number, season = 1, opts: VillageOptions = {}): GameState {
  return toAction(village(n, opts), season);
}

/** Give a player exactly this hand (missing resources are zero). */
export function setHand(state: GameState, playerId: string, bundle: Bundle): void {
  const hand = player(state, playerId).hand;
  for (const r of RESOURCES) hand[r] = bundle[r] ?? 0;
}

/** Give every player of the village exactly this hand. */
export function setAllHands(state: GameState, bundle: Bundle): void {
  for (const id of state.playerOrder) setHand(state, id, bundle);
}

/** The player with this id (throws if there is none, so tests fail loudly). */
export function player(state: GameState, playerId: string) {
  const p = state.players[playerId];
  if (!p) throw new Error(`no player ${playerId}`);
  return p;
}

/** A copy of a player's hand. */
export function handOf(state: GameState, playerId: string): Hand {
  return { ...player(state, playerId).hand };
}

/** Apply an action as `actor`, at the current moment of the virtual clock. */
export function act(state: GameState, actor: string, action: Action): ApplyResult {
  return apply(state, action, { actor, now: Math.max(0, state.phaseEndsAt - 1) });
}

/** Apply an action that must be accepted (throws with the reason code otherwise). */
export function must(state: GameState, actor: string, action: Action): void {
  const result = act(state, actor, action);
  if (!result.ok) throw new Error(`${actor} ${action.type} refused: ${result.error}`);
}

/** Id of the open project of a kind. */
export function projectId(state: GameState, kind: GameState["projects"][string]["kind"]): string {
  const project = Object.values(state.projects).find((p) => p.kind === kind && p.status === "open");
  if (!project) throw new Error(`no open ${kind} project`);
  return project.id;
}

/** Give labour to a project. */
export function work(projectId: string, tenaga: number): Action {
  return { type: "contribute", projectId, tenaga, give: {} };
}

/** Give resources to a project. */
export function supply(projectId: string, give: Bundle): Action {
  return { type: "contribute", projectId, tenaga: 0, give };
}

/**
 * `from` is handed exactly what the project still needs, on top of its hand, and gives it all.
 * Returns what was given, so a scenario works whatever the project's tuned needs are.
 */
export function supplyAll(state: GameState, projectId: string, from: string): Bundle {
  const project = state.projects[projectId];
  if (!project) throw new Error(`no project ${projectId}`);
  const give: Bundle = {};
  for (const r of RESOURCES) {
    const lacking = resourceStillNeeded(project, r);
    if (lacking > 0) give[r] = lacking;
  }
  const hand = player(state, from).hand;
  for (const r of RESOURCES) hand[r] += give[r] ?? 0;
  if (Object.keys(give).length > 0) must(state, from, supply(projectId, give));
  return give;
}

/**
 * The `workers`, in turn, each give as much labour as the rules let them give now (their share of
 * the work, the season's cap, their tenaga), until the project is done. Returns those who gave labour.
 */
export function workInTurn(state: GameState, projectId: string, workers: readonly string[]): string[] {
  const project = state.projects[projectId];
  if (!project) throw new Error(`no project ${projectId}`);
  const gave: string[] = [];
  for (const id of workers) {
    if (project.status !== "open") break;
    const room = labourRoomFor(state, project, id);
    const tenaga = Math.min(
      player(state, id).tenaga,
      Math.ceil(room / ROLES[player(state, id).role].labourPerTenaga),
    );
    if (tenaga <= 0) continue;
    must(state, id, work(projectId, tenaga));
    gave.push(id);
  }
  return gave;
}

/**
 * Finish the open project of a kind this season: `supplier` gives every resource it needs and the
 * `workers` give labour in turn. Throws if they cannot finish it. Returns the project's id and who worked.
 */
export function finishProject(
  state: GameState,
  kind: GameState["projects"][string]["kind"],
  workers: readonly string[],
  supplier = workers[0]!,
): { id: string; workers: string[] } {
  const id = projectId(state, kind);
  supplyAll(state, id, supplier);
  const gave = workInTurn(state, id, workers);
  if (state.projects[id]!.status !== "done")
    throw new Error(`${workers.join(", ")} could not finish the ${kind}`);
  return { id, workers: gave };
}

/** The meters after these changes, each kept within METER_MIN–METER_MAX as the rules keep them. */
export function metersAfter(meters: Meters, ...deltas: MeterDelta[]): Meters {
  const clamp = (v: number) => Math.max(METER_MIN, Math.min(METER_MAX, v));
  const out = { ...meters };
  for (const d of deltas) {
    out.welfare = clamp(out.welfare + (d.welfare ?? 0));
    out.harmony = clamp(out.harmony + (d.harmony ?? 0));
    out.unity = clamp(out.unity + (d.unity ?? 0));
  }
  return out;
}

/** Sum of every resource over every hand in the village. */
export function villageStock(state: GameState): Hand {
  const total: Hand = { beras: 0, kayu: 0, batu: 0, uang: 0 };
  for (const id of state.playerOrder) for (const r of RESOURCES) total[r] += player(state, id).hand[r];
  return total;
}

/** Make every season calm, so a scenario is not disturbed by planned events. */
export function calmSeasons(state: GameState): void {
  state.events = state.events.map(() => "tenang");
}

/**
 * Play a whole game with a virtual clock: in each action window every seat asks `choose` for an
 * action until all answer null, then the clock jumps to the deadline. Returns the ended state.
 */
export function playGame(
  state: GameState,
  choose: (state: GameState, playerId: string) => Action | null,
  maxActionsPerWindow = 2_000,
): GameState {
  if (state.phase === "lobby") startGame(state, 0);
  for (let guard = 0; guard < 200 && !hasEnded(state); guard++) {
    if (state.phase === "action") {
      let steps = 0;
      let progressed = true;
      while (progressed && state.phase === "action") {
        progressed = false;
        for (const id of state.playerOrder) {
          const action = choose(state, id);
          if (!action) continue;
          const result = act(state, id, action);
          if (!result.ok)
            throw new Error(`${id} chose a refused action ${JSON.stringify(action)}: ${result.error}`);
          progressed = true;
          if (++steps > maxActionsPerWindow) throw new Error("an action window never closed");
        }
      }
    }
    if (!hasEnded(state)) endPhase(state);
  }
  return state;
}

/** Read the phase afresh (TypeScript would keep a narrowed `state.phase` across calls that change it). */
export function hasEnded(state: GameState): boolean {
  return state.phase === "ended";
}
