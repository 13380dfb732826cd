import {
  type Bundle,
  type CoalitionState,
  DEFAULT_CONFIG,
  type Difficulty,
  type EventKind,
  FOOD_PER_HOUSEHOLD,
  type GameState,
  type Hand,
  type PlayerState,
  type ProjectState,
  RESOURCES,
  sizedProject,
  type TradeOffer,
  type VentureState,
  type VoteState,
} from "@bangun-desa/shared";
import type { PlayerSchema, VillageState } from "@bangun-desa/shared/schema";
import { capital, coalitionPool, committeeOf } from "../ui/partnerships.ts";
import { offerGet, offerGive } from "../ui/trade.ts";

/** Drop the zero entries of a bundle read from fixed fields (the rules' bundles name only what moves). */
function nonZero(b: Bundle): Bundle {
  return Object.fromEntries(RESOURCES.filter((r) => (b[r] ?? 0) > 0).map((r) => [r, b[r]])) as Bundle;
}

const orNull = (s: string): string | null => (s === "" ? null : s);

/**
 * The rules' GameState as this student may see it, rebuilt from the synced state, so shared code
 * that takes a GameState (the solo hints' `suggestHint`) runs in the browser on the same facts as
 * the server: every public field plus my own hand. What a student cannot know is filled in without
 * inventing anything: another household's hand is what it has put on the table and can still
 * honour (its open offers and venture capital), with beras below or at a meal according to its
 * public hungry sign; the cooperation log and news are left out (the choosers do not read them);
 * seasons before the forecast count as calm.
 */
export function gameView(state: VillageState, seatId: string): GameState {
  const players: Record<string, PlayerState> = {};
  const order = [...state.players.values()].sort((a, b) => a.seat - b.seat);
  for (const p of order) players[p.id] = playerView(state, p, p.id === seatId);

  const projects: Record<string, ProjectState> = {};
  for (const p of state.projects.values()) {
    projects[p.id] = {
      id: p.id,
      kind: p.kind as ProjectState["kind"],
      status: p.status as ProjectState["status"],
      needs: { beras: p.needBeras, kayu: p.needKayu, batu: p.needBatu, uang: p.needUang },
      labourNeeded: p.labourNeeded,
      labourCapPerSeason: sizedProject(p.kind as ProjectState["kind"], state.players.size).labourCapPerSeason,
      given: { beras: p.beras, kayu: p.kayu, batu: p.batu, uang: p.uang },
      labour: p.labour,
      labourBy: Object.fromEntries(p.labourBy.entries()),
      labourThisSeason: p.labourThisSeason,
      helpers: [...p.helpers],
      ownerId: orNull(p.ownerId),
      deadlineSeason: p.deadlineSeason || null,
      doneSeason: null,
    };
  }

  // `forecast[0]` is this season (season 1 before the game starts), then the seasons ahead.
  const events: EventKind[] = Array.from({ length: state.seasons + 1 }, () => "tenang");
  const first = Math.max(1, state.season);
  state.forecast.forEach((kind, i) => {
    events[first + i] = kind as EventKind;
  });

  const offers: Record<string, TradeOffer> = {};
  for (const o of state.offers.values()) {
    offers[o.id] = {
      id: o.id,
      from: o.from,
      to: o.to,
      give: nonZero(offerGive(o)),
      get: nonZero(offerGet(o)),
      status: o.status as TradeOffer["status"],
      season: o.season,
      threadId: o.threadId,
      parentId: orNull(o.parentId),
    };
  }

  const votes: Record<string, VoteState> = {};
  for (const v of state.votes.values()) {
    votes[v.id] = {
      id: v.id,
      topic: v.topic as VoteState["topic"],
      proposer: v.proposer,
      season: v.season,
      projectId: orNull(v.projectId),
      playerId: orNull(v.playerId),
      position: orNull(v.position) as VoteState["position"],
      votes: Object.fromEntries(v.votes.entries()) as VoteState["votes"],
      status: v.status as VoteState["status"],
    };
  }

  const coalitions: Record<string, CoalitionState> = {};
  for (const c of state.coalitions.values()) {
    const pool = coalitionPool(c);
    coalitions[c.id] = {
      id: c.id,
      goal: c.goal as CoalitionState["goal"],
      proposer: c.proposer,
      members: [...c.members],
      leftEarly: [...c.leftEarly],
      pool: { beras: pool.beras ?? 0, kayu: pool.kayu ?? 0, batu: pool.batu ?? 0, uang: pool.uang ?? 0 },
      pledges: {},
      status: c.status as CoalitionState["status"],
      deadlineSeason: c.deadlineSeason,
    };
  }

  const ventures: Record<string, VentureState> = {};
  for (const v of state.ventures.values()) {
    ventures[v.id] = {
      id: v.id,
      kind: v.kind as VentureState["kind"],
      proposer: v.proposer,
      partner: v.partner,
      proposerCapital: capital(v.proposerCapital),
      partnerCapital: capital(v.partnerCapital),
      proposerShare: v.proposerShare,
      status: v.status as VentureState["status"],
      seasonsLeft: v.seasonsLeft,
      workedThisSeason: [...v.workedThisSeason],
      paidSeasons: v.paidSeasons,
      stalledSeasons: v.stalledSeasons,
      season: state.season,
    };
  }

  return {
    config: {
      ...DEFAULT_CONFIG,
      seasons: state.seasons,
      difficulty: state.difficulty as Difficulty,
      openAllForms: state.openAllForms,
    },
    rng: 0,
    season: state.season,
    phase: state.phase as GameState["phase"],
    phaseEndsAt: state.phaseEndsAt,
    players,
    playerOrder: order.map((p) => p.id),
    projects,
    events,
    meters: { welfare: state.welfare, harmony: state.harmony, unity: state.unity },
    log: [],
    news: [],
    seq: 0,
    nextProjectId: 0,
    offers,
    nextOfferId: 0,
    ricePrice: state.ricePrice || null,
    ricePriceTalk: {
      season: state.ricePriceSeason,
      proposal: state.ricePriceProposer
        ? { by: state.ricePriceProposer, price: state.ricePriceProposal }
        : null,
      history: [...state.ricePriceHistory].map((entry) => {
        const [by = "", price = "0"] = entry.split(":");
        return { by, price: Number(price) };
      }),
    },
    tokoh: {
      status: state.tokohStatus as GameState["tokoh"]["status"],
      unrest: state.tokohUnrest,
      position: orNull(state.tokohPosition) as GameState["tokoh"]["position"],
      projectId: orNull(state.tokohProjectId),
      blockedProjectId: orNull(state.blockedProjectId),
    },
    votes,
    coalitions,
    ventures,
    nextDealId: 0,
    priorityProjectId: orNull(state.priorityProjectId),
    committees: Object.fromEntries([...state.committees.keys()].map((id) => [id, committeeOf(state, id)])),
    flooded: state.flooded,
    paused: state.paused,
    pausedRemainingMs: state.pausedRemainingMs,
    meterHistory: [],
    result: null,
  };
}

function playerView(state: VillageState, p: PlayerSchema, mine: boolean): PlayerState {
  return {
    id: p.id,
    name: p.name,
    role: p.role as PlayerState["role"],
    seat: p.seat,
    isBot: p.isBot,
    connected: p.connected,
    hand: mine ? { beras: p.beras, kayu: p.kayu, batu: p.batu, uang: p.uang } : handOnTable(state, p),
    tenaga: p.tenaga,
    krisis: p.krisis,
    houseDamaged: p.houseDamaged,
    done: p.done,
    trust: { kept: p.trustKept, broken: p.trustBroken },
    contributed: p.contributed,
    location: p.location as PlayerState["location"],
  };
}

/**
 * Another household's hand as far as the village can tell: the most of each good among the offers
 * and venture capital it can still honour (the synced `backed`), so "accept" is suggested for
 * exactly the deals the server would carry out.
 */
function handOnTable(state: VillageState, p: PlayerSchema): Hand {
  const hand: Hand = { beras: 0, kayu: 0, batu: 0, uang: 0 };
  const onTable: Bundle[] = [
    ...[...state.offers.values()]
      .filter((o) => o.from === p.id && o.status === "open" && o.backed)
      .map(offerGive),
    ...[...state.ventures.values()]
      .filter((v) => v.proposer === p.id && v.status === "proposed" && v.backed)
      .map((v) => capital(v.proposerCapital)),
  ];
  for (const b of onTable) for (const r of RESOURCES) hand[r] = Math.max(hand[r], b[r] ?? 0);
  // The hungry sign is public (beras below one meal): keep the barn on the same side of it.
  hand.beras = p.hungry
    ? Math.min(hand.beras, FOOD_PER_HOUSEHOLD - 1)
    : Math.max(hand.beras, FOOD_PER_HOUSEHOLD);
  return hand;
}
