import type { EventKind } from "../content/events.ts";
import type { Form } from "../content/forms.ts";
import type { CoalitionGoal, TokohPosition, VentureKind, VoteTopic } from "../content/partnerships.ts";
import type { ProjectKind } from "../content/projects.ts";
import type { Bundle, Hand, Resource } from "../content/resources.ts";
import type { RoleId } from "../content/roles.ts";
import type { SiteId } from "../content/sites.ts";
import type { ErrorCode } from "../protocol/errors.ts";

export type Phase = "lobby" | "warning" | "action" | "night" | "ended";
export type Difficulty = "mudah" | "sedang" | "sulit";
export type Lang = "id" | "en";

export interface GameConfig {
  seasons: number;
  warningMs: number;
  actionMs: number;
  nightMs: number;
  difficulty: Difficulty;
  /** Open every form from season 1 instead of one new idea per season. */
  openAllForms: boolean;
  tenagaPerSeason: number;
  /** Forms switched off (the simulator measures how much each form matters). */
  disabledForms: Form[];
}

/** Where an avatar stands: a gathering site, a project, a household, or at home. */
export type Location = SiteId | `project:${string}` | `house:${string}` | "home";

export interface PlayerState {
  id: string;
  name: string;
  role: RoleId;
  seat: number;
  isBot: boolean;
  connected: boolean;
  /** Private: only the owner (and the rules) read it. */
  hand: Hand;
  tenaga: number;
  krisis: boolean;
  houseDamaged: boolean;
  done: boolean;
  /** Public trust ledger: promises kept and broken (grows with bargaining and coalitions). */
  trust: { kept: number; broken: number };
  /** Units given to the village (project resources, labour, aid): the individual score. */
  contributed: number;
  location: Location;
}

export interface ProjectState {
  id: string;
  kind: ProjectKind;
  status: "open" | "done" | "failed";
  /** What this project needs in this village (the content sized to the number of households). */
  needs: Bundle;
  /** Labour units needed in total, and at most per season (null: no cap), in this village. */
  labourNeeded: number;
  labourCapPerSeason: number | null;
  /** Resources given so far. */
  given: Hand;
  labour: number;
  /** Labour per villager id. */
  labourBy: Record<string, number>;
  /** Labour given this season (for projects with a per-season cap). */
  labourThisSeason: number;
  /** Every villager who put resources or labour in. */
  helpers: string[];
  /** For `rumah`: whose house it is. */
  ownerId: string | null;
  /** Season by whose night it must be finished, or null for no deadline. */
  deadlineSeason: number | null;
  doneSeason: number | null;
}

/** A translatable text: a string key and its parameters. */
export interface TextRef {
  key: string;
  params?: Record<string, string | number>;
}

/** One entry of the cooperation log: every act that is a form of kerja sama. */
export interface CoopLogEntry {
  seq: number;
  form: Form;
  season: number;
  actors: string[];
  what: TextRef;
}

/** One entry of the village news (events, krisis, phase changes): shown, not a form of cooperation. */
export interface NewsEntry {
  seq: number;
  season: number;
  kind: "event" | "krisis" | "project" | "result" | "vote" | "coalition" | "venture";
  what: TextRef;
}

export interface Meters {
  welfare: number;
  harmony: number;
  unity: number;
}

export interface SeasonMeters extends Meters {
  season: number;
}

export interface GameResult {
  won: boolean;
  stars: number;
  /** Why the game ended this way, as text keys. */
  reasons: TextRef[];
  bridgeBuilt: boolean;
  projectsDone: ProjectKind[];
  /** The teacher ended the game before its last season. */
  endedEarly: boolean;
}

/** A bargaining offer: `from` gives `give` and receives `get`, if `to` accepts. */
export interface TradeOffer {
  id: string;
  from: string;
  to: string;
  give: Bundle;
  get: Bundle;
  status: "open" | "accepted" | "rejected" | "cancelled" | "countered" | "expired";
  season: number;
  /** The first offer of this back-and-forth; counters share it. */
  threadId: string;
  /** The offer this one counters, if any. */
  parentId: string | null;
}

/** The harga gabah talk between petani and pedagang (once a game, at harvest). */
export interface RicePriceTalk {
  /** Season in which the talk is open. */
  season: number;
  /** The price on the table (beras per uang) and who put it there, if any. */
  proposal: { by: string; price: number } | null;
  /** Every proposal made, in order (the thread of the negotiation). */
  history: { by: string; price: number }[];
}

/** The tokoh pemuda (a computer character): outside the structure until the village co-opts him. */
export interface TokohState {
  status: "absent" | "outside" | "coopted";
  unrest: number;
  position: TokohPosition | null;
  projectId: string | null;
  /** The project his protest blocks this season, if any. */
  blockedProjectId: string | null;
}

/** A musyawarah: a proposal every household votes on within the action window. */
export interface VoteState {
  id: string;
  topic: VoteTopic;
  proposer: string;
  season: number;
  projectId: string | null;
  playerId: string | null;
  position: TokohPosition | null;
  votes: Record<string, "yes" | "no">;
  status: "open" | "passed" | "failed";
}

/** A koalisi: ≥ 3 villagers pool resources for one goal before a deadline. */
export interface CoalitionState {
  id: string;
  goal: CoalitionGoal;
  proposer: string;
  members: string[];
  /** Members who left before the end (they lose trust if the coalition fails). */
  leftEarly: string[];
  pool: Hand;
  pledges: Record<string, Hand>;
  status: "forming" | "active" | "succeeded" | "failed";
  deadlineSeason: number;
}

/** A joint venture (usaha bersama) between exactly two villagers. */
export interface VentureState {
  id: string;
  kind: VentureKind;
  proposer: string;
  partner: string;
  proposerCapital: Bundle;
  partnerCapital: Bundle;
  /** Proposer's share of the profit in percent; the partner gets the rest. */
  proposerShare: number;
  status: "proposed" | "active" | "finished" | "expired";
  seasonsLeft: number;
  /** Partners who put in their tenaga this season. */
  workedThisSeason: string[];
  paidSeasons: number;
  stalledSeasons: number;
  season: number;
}

export interface GameState {
  config: GameConfig;
  /** Seeded PRNG state (mulberry32); the only source of chance. */
  rng: number;
  season: number;
  phase: Phase;
  /** Room-clock time (ms) at which the current phase ends. */
  phaseEndsAt: number;
  players: Record<string, PlayerState>;
  playerOrder: string[];
  projects: Record<string, ProjectState>;
  /** `events[s]` is what season s brings (index 0 unused). */
  events: EventKind[];
  meters: Meters;
  log: CoopLogEntry[];
  news: NewsEntry[];
  seq: number;
  nextProjectId: number;
  offers: Record<string, TradeOffer>;
  nextOfferId: number;
  /** Agreed harga gabah: beras per uang at the pasar, both ways; null until agreed. */
  ricePrice: number | null;
  ricePriceTalk: RicePriceTalk;
  tokoh: TokohState;
  votes: Record<string, VoteState>;
  coalitions: Record<string, CoalitionState>;
  ventures: Record<string, VentureState>;
  /** Counter for vote, coalition and venture ids. */
  nextDealId: number;
  /** The project the village chose as its priority by musyawarah. */
  priorityProjectId: string | null;
  /** Project committees: villagers co-opted onto a project (their labour there counts extra). */
  committees: Record<string, string[]>;
  /** True during a season in which the village flooded (shown on the map). */
  flooded: boolean;
  /** The teacher paused the village: the clock stands still and no action is accepted. */
  paused: boolean;
  /** While paused: how much of the current phase was left when the pause began (ms). */
  pausedRemainingMs: number;
  /** The meters at the start (season 0) and as each season closed. */
  meterHistory: SeasonMeters[];
  result: GameResult | null;
}

export interface GatherAction {
  type: "gather";
  site: SiteId;
  tenaga: number;
}
export interface ContributeAction {
  type: "contribute";
  projectId: string;
  tenaga: number;
  give: Bundle;
}
export interface GiveAidAction {
  type: "giveAid";
  to: string;
  give: Bundle;
}
export interface DoneAction {
  type: "done";
}
export interface OfferTradeAction {
  type: "offerTrade";
  to: string;
  give: Bundle;
  get: Bundle;
}
/** Answer an offer made to me with other terms (give/get from my side). */
export interface CounterTradeAction {
  type: "counterTrade";
  offerId: string;
  give: Bundle;
  get: Bundle;
}
export interface AcceptTradeAction {
  type: "acceptTrade";
  offerId: string;
}
export interface RejectTradeAction {
  type: "rejectTrade";
  offerId: string;
}
export interface CancelTradeAction {
  type: "cancelTrade";
  offerId: string;
}
/** Trade with the pasar: receive `amount` of `get`, paying at the pasar's rate in `give`. */
export interface TradeWithMarketAction {
  type: "tradeWithMarket";
  give: Resource;
  get: Resource;
  amount: number;
}
export interface ProposeRicePriceAction {
  type: "proposeRicePrice";
  price: number;
}
export interface AcceptRicePriceAction {
  type: "acceptRicePrice";
}
export interface ProposeVoteAction {
  type: "proposeVote";
  topic: VoteTopic;
  projectId?: string | undefined;
  playerId?: string | undefined;
  position?: TokohPosition | undefined;
}
export interface CastVoteAction {
  type: "castVote";
  voteId: string;
  choice: "yes" | "no";
}
export interface ProposeCoalitionAction {
  type: "proposeCoalition";
  goal: CoalitionGoal;
}
export interface JoinCoalitionAction {
  type: "joinCoalition";
  coalitionId: string;
}
export interface PledgeCoalitionAction {
  type: "pledgeCoalition";
  coalitionId: string;
  give: Bundle;
}
export interface LeaveCoalitionAction {
  type: "leaveCoalition";
  coalitionId: string;
}
export interface ProposeVentureAction {
  type: "proposeVenture";
  to: string;
  kind: VentureKind;
  /** My capital. */
  give: Bundle;
  /** The partner's capital. */
  ask: Bundle;
  /** My share of the profit in percent. */
  share: number;
}
export interface AcceptVentureAction {
  type: "acceptVenture";
  ventureId: string;
}
export interface WorkVentureAction {
  type: "workVenture";
  ventureId: string;
}
export type Action =
  | GatherAction
  | ContributeAction
  | GiveAidAction
  | DoneAction
  | OfferTradeAction
  | CounterTradeAction
  | AcceptTradeAction
  | RejectTradeAction
  | CancelTradeAction
  | TradeWithMarketAction
  | ProposeRicePriceAction
  | AcceptRicePriceAction
  | ProposeVoteAction
  | CastVoteAction
  | ProposeCoalitionAction
  | JoinCoalitionAction
  | PledgeCoalitionAction
  | LeaveCoalitionAction
  | ProposeVentureAction
  | AcceptVentureAction
  | WorkVentureAction;
export type ActionType = Action["type"];

export interface ActionContext {
  /** The player acting (set by the server from the connection, never from the message). */
  actor: string;
  /** Room-clock time in ms. */
  now: number;
}

export type Ok = { ok: true; log?: CoopLogEntry };
export type Rejection = { ok: false; error: ErrorCode; params?: Record<string, string | number> };
export type ApplyResult = Ok | Rejection;
