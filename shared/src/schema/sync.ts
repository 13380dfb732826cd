import { FORECAST_AHEAD } from "../content/events.ts";
import { COALITIONS } from "../content/partnerships.ts";
import { type Bundle, handCovers } from "../content/resources.ts";
import { labourers, projectStage, requiredVillagers } from "../rules/projects.ts";
import { isHungry } from "../rules/public.ts";
import type { GameState } from "../rules/types.ts";
import {
  CoalitionSchema,
  LogEntrySchema,
  NewsSchema,
  OfferSchema,
  PlayerSchema,
  ProjectSchema,
  VentureSchema,
  type VillageState,
  VoteSchema,
} from "./classes.ts";

/** How many recent cooperation-log entries and news items clients receive (the full log stays on the server). */
export const SYNCED_LOG_LENGTH = 30;
export const SYNCED_NEWS_LENGTH = 20;

/** Assign only when the value differs, so an unchanged field is never sent again. */
function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

function setArray(
  target: {
    length: number;
    [i: number]: string;
    splice: (...a: never[]) => unknown;
    push: (...v: string[]) => number;
    clear: () => void;
  },
  values: string[],
): void {
  let same = target.length === values.length;
  for (let i = 0; same && i < values.length; i++) same = target[i] === values[i];
  if (same) return;
  target.clear();
  target.push(...values);
}

/**
 * Copy the rules' GameState into the synced schema. Called after every accepted action and clock
 * step. Returns the players that were newly added (the room gives each owner a view of its hand).
 */
export function syncVillage(target: VillageState, game: GameState, code: string): PlayerSchema[] {
  set(target, "code", code);
  set(target, "season", game.season);
  set(target, "seasons", game.config.seasons);
  set(target, "phase", game.phase);
  set(target, "phaseEndsAt", game.phaseEndsAt);
  set(target, "difficulty", game.config.difficulty);
  set(target, "welfare", game.meters.welfare);
  set(target, "harmony", game.meters.harmony);
  set(target, "unity", game.meters.unity);
  set(target, "flooded", game.flooded);
  set(target, "paused", game.paused);
  set(target, "pausedRemainingMs", Math.round(game.pausedRemainingMs));
  const first = Math.max(1, game.season);
  setArray(target.forecast, game.events.slice(first, first + FORECAST_AHEAD + 1));

  const added: PlayerSchema[] = [];
  for (const id of game.playerOrder) {
    const p = game.players[id]!;
    let s = target.players.get(id);
    if (!s) {
      s = new PlayerSchema();
      target.players.set(id, s);
      added.push(s);
    }
    set(s, "id", p.id);
    set(s, "name", p.name);
    set(s, "role", p.role);
    set(s, "seat", p.seat);
    set(s, "isBot", p.isBot);
    set(s, "connected", p.connected);
    set(s, "tenaga", p.tenaga);
    set(s, "krisis", p.krisis);
    set(s, "hungry", isHungry(game, id));
    set(s, "houseDamaged", p.houseDamaged);
    set(s, "done", p.done);
    set(s, "trustKept", p.trust.kept);
    set(s, "trustBroken", p.trust.broken);
    set(s, "contributed", p.contributed);
    set(s, "location", p.location);
    set(s, "beras", p.hand.beras);
    set(s, "kayu", p.hand.kayu);
    set(s, "batu", p.hand.batu);
    set(s, "uang", p.hand.uang);
  }
  for (const key of [...target.players.keys()]) if (!game.players[key]) target.players.delete(key);

  for (const p of Object.values(game.projects)) {
    let s = target.projects.get(p.id);
    if (!s) {
      s = new ProjectSchema();
      target.projects.set(p.id, s);
    }
    set(s, "id", p.id);
    set(s, "kind", p.kind);
    set(s, "status", p.status);
    set(s, "stage", projectStage(p));
    set(s, "labour", p.labour);
    set(s, "labourNeeded", p.labourNeeded);
    set(s, "minVillagers", requiredVillagers(game, p));
    set(s, "labourers", labourers(p));
    set(s, "beras", p.given.beras);
    set(s, "kayu", p.given.kayu);
    set(s, "batu", p.given.batu);
    set(s, "uang", p.given.uang);
    set(s, "needBeras", p.needs.beras ?? 0);
    set(s, "needKayu", p.needs.kayu ?? 0);
    set(s, "needBatu", p.needs.batu ?? 0);
    set(s, "needUang", p.needs.uang ?? 0);
    setArray(s.helpers, p.helpers);
    set(s, "ownerId", p.ownerId ?? "");
    set(s, "deadlineSeason", p.deadlineSeason ?? 0);
    set(s, "labourThisSeason", p.labourThisSeason);
    setMap(s.labourBy, p.labourBy);
  }

  for (const o of Object.values(game.offers)) {
    if (o.season !== game.season) continue;
    let s = target.offers.get(o.id);
    if (!s) {
      s = new OfferSchema();
      target.offers.set(o.id, s);
    } else if (settledSynced(s.status, o.status, OFFER_OPEN)) continue;
    set(s, "id", o.id);
    set(s, "from", o.from);
    set(s, "to", o.to);
    set(s, "status", o.status);
    set(s, "season", o.season);
    set(s, "threadId", o.threadId);
    set(s, "parentId", o.parentId ?? "");
    set(s, "giveBeras", o.give.beras ?? 0);
    set(s, "giveKayu", o.give.kayu ?? 0);
    set(s, "giveBatu", o.give.batu ?? 0);
    set(s, "giveUang", o.give.uang ?? 0);
    set(s, "getBeras", o.get.beras ?? 0);
    set(s, "getKayu", o.get.kayu ?? 0);
    set(s, "getBatu", o.get.batu ?? 0);
    set(s, "getUang", o.get.uang ?? 0);
    set(s, "backed", o.status === "open" && holds(game, o.from, o.give));
  }
  for (const [key, offer] of [...target.offers.entries()]) {
    const source = game.offers[key];
    if (!source || source.season !== game.season || offer.season !== game.season) target.offers.delete(key);
  }
  set(target, "ricePrice", game.ricePrice ?? 0);
  set(target, "ricePriceSeason", game.ricePriceTalk.season);
  set(target, "ricePriceProposal", game.ricePriceTalk.proposal?.price ?? 0);
  set(target, "ricePriceProposer", game.ricePriceTalk.proposal?.by ?? "");
  setArray(
    target.ricePriceHistory,
    game.ricePriceTalk.history.map((h) => `${h.by}:${h.price}`),
  );
  set(target, "openAllForms", game.config.openAllForms);
  syncPartnerships(target, game);

  appendTail(target.log, game.log, SYNCED_LOG_LENGTH, (e) => {
    const s = new LogEntrySchema();
    s.seq = e.seq;
    s.form = e.form;
    s.season = e.season;
    s.actors.push(...e.actors);
    s.key = e.what.key;
    s.params = JSON.stringify(e.what.params ?? {});
    return s;
  });
  appendTail(target.news, game.news, SYNCED_NEWS_LENGTH, (e) => {
    const s = new NewsSchema();
    s.seq = e.seq;
    s.season = e.season;
    s.kind = e.kind;
    s.key = e.what.key;
    s.params = JSON.stringify(e.what.params ?? {});
    return s;
  });

  if (game.result) {
    set(target, "won", game.result.won);
    set(target, "stars", game.result.stars);
    set(target, "endedEarly", game.result.endedEarly);
    set(target, "resultReasons", JSON.stringify(game.result.reasons));
  }
  return added;
}

/**
 * Statuses in which an offer, vote, coalition or venture can still change. Once one is settled
 * (accepted, passed, failed, finished …) the rules never touch it again: the move or night that
 * settles it makes its last changes, the next sync copies them with the new status, and later syncs
 * skip it. A village gathers dozens of settled items over a game and every sync used to walk them
 * all. (`tests/unit/sync.test.ts` plays whole games and checks the synced state equals a fresh copy.)
 */
const OFFER_OPEN: ReadonlySet<string> = new Set(["open"]);
const VOTE_OPEN: ReadonlySet<string> = new Set(["open"]);
const COALITION_OPEN: ReadonlySet<string> = new Set(["forming", "active"]);
const VENTURE_OPEN: ReadonlySet<string> = new Set(["proposed", "active"]);

/** The item is settled and already synced with that status: nothing of it can have changed. */
function settledSynced(synced: string, now: string, open: ReadonlySet<string>): boolean {
  return synced === now && !open.has(now);
}

/** Whether a villager still holds a bundle it put on the table (public; the hand itself is not). */
function holds(game: GameState, playerId: string, bundle: Bundle): boolean {
  const p = game.players[playerId];
  return p ? handCovers(p.hand, bundle) : false;
}

/** Append the entries newer than the last synced one and keep only the newest `limit`. */
function appendTail<E extends { seq: number }, S extends { seq: number }>(
  target: ArraySchemaLike<S>,
  source: E[],
  limit: number,
  make: (e: E) => S,
): void {
  const lastSeq = target.length > 0 ? target[target.length - 1]!.seq : 0;
  let start = source.length;
  while (start > 0 && source[start - 1]!.seq > lastSeq) start--;
  for (let i = Math.max(start, source.length - limit); i < source.length; i++) target.push(make(source[i]!));
  while (target.length > limit) target.shift();
}

interface ArraySchemaLike<S> {
  length: number;
  [i: number]: S | undefined;
  push(...items: S[]): number;
  shift(): S | undefined;
}

function setMap<V extends string | number>(
  target: {
    get(k: string): V | undefined;
    set(k: string, v: V): unknown;
    delete(k: string): unknown;
    keys(): Iterable<string>;
  },
  values: Record<string, V>,
): void {
  for (const [k, v] of Object.entries(values)) if (target.get(k) !== v) target.set(k, v);
  for (const k of [...target.keys()]) if (!(k in values)) target.delete(k);
}

/** Copy the tokoh, musyawarah votes, coalitions, ventures and committees. */
function syncPartnerships(target: VillageState, game: GameState): void {
  set(target, "tokohStatus", game.tokoh.status);
  set(target, "tokohUnrest", game.tokoh.unrest);
  set(target, "tokohPosition", game.tokoh.position ?? "");
  set(target, "tokohProjectId", game.tokoh.projectId ?? "");
  set(target, "blockedProjectId", game.tokoh.blockedProjectId ?? "");
  set(target, "priorityProjectId", game.priorityProjectId ?? "");
  for (const v of Object.values(game.votes)) {
    let s = target.votes.get(v.id);
    if (!s) {
      s = new VoteSchema();
      target.votes.set(v.id, s);
    } else if (settledSynced(s.status, v.status, VOTE_OPEN)) continue;
    set(s, "id", v.id);
    set(s, "topic", v.topic);
    set(s, "proposer", v.proposer);
    set(s, "season", v.season);
    set(s, "projectId", v.projectId ?? "");
    set(s, "playerId", v.playerId ?? "");
    set(s, "position", v.position ?? "");
    set(s, "status", v.status);
    setMap(s.votes, v.votes);
  }
  for (const c of Object.values(game.coalitions)) {
    let s = target.coalitions.get(c.id);
    if (!s) {
      s = new CoalitionSchema();
      target.coalitions.set(c.id, s);
    } else if (settledSynced(s.status, c.status, COALITION_OPEN)) continue;
    const needs = COALITIONS[c.goal].needs;
    set(s, "id", c.id);
    set(s, "goal", c.goal);
    set(s, "proposer", c.proposer);
    set(s, "status", c.status);
    set(s, "deadlineSeason", c.deadlineSeason);
    setArray(s.members, c.members);
    setArray(s.leftEarly, c.leftEarly);
    set(s, "poolBeras", c.pool.beras);
    set(s, "poolKayu", c.pool.kayu);
    set(s, "poolBatu", c.pool.batu);
    set(s, "poolUang", c.pool.uang);
    set(s, "needBeras", needs.beras ?? 0);
    set(s, "needKayu", needs.kayu ?? 0);
    set(s, "needBatu", needs.batu ?? 0);
    set(s, "needUang", needs.uang ?? 0);
  }
  for (const v of Object.values(game.ventures)) {
    let s = target.ventures.get(v.id);
    if (!s) {
      s = new VentureSchema();
      target.ventures.set(v.id, s);
    } else if (settledSynced(s.status, v.status, VENTURE_OPEN)) continue;
    set(s, "id", v.id);
    set(s, "kind", v.kind);
    set(s, "proposer", v.proposer);
    set(s, "partner", v.partner);
    set(s, "status", v.status);
    set(s, "proposerShare", v.proposerShare);
    set(s, "seasonsLeft", v.seasonsLeft);
    set(s, "paidSeasons", v.paidSeasons);
    set(s, "stalledSeasons", v.stalledSeasons);
    set(s, "proposerCapital", JSON.stringify(v.proposerCapital));
    set(s, "partnerCapital", JSON.stringify(v.partnerCapital));
    setArray(s.workedThisSeason, v.workedThisSeason);
    set(s, "backed", v.status === "proposed" && holds(game, v.proposer, v.proposerCapital));
  }
  setMap(
    target.committees,
    Object.fromEntries(Object.entries(game.committees).map(([k, v]) => [k, v.join(",")])),
  );
}
