import {
  VENTURE_KINDS,
  VENTURE_SHARES,
  VENTURE_TENAGA,
  VENTURE_WELFARE_PER_PAY,
  VENTURES,
  type VentureKind,
} from "../content/partnerships.ts";
import { REFERENCE_HOUSEHOLDS } from "../content/projects.ts";
import { bundleTotal, handCovers, RESOURCES } from "../content/resources.ts";
import { ERROR_CODES } from "../protocol/errors.ts";
import { own, reject } from "./guard.ts";
import { addNews, changeMeters, logCooperation } from "./log.ts";
import type { ApplyResult, GameState, PlayerState, ProposeVentureAction, VentureState } from "./types.ts";

/** Propose an usaha bersama to one other villager: each side's capital and the profit split. */
export function applyProposeVenture(
  state: GameState,
  player: PlayerState,
  action: ProposeVentureAction,
): ApplyResult {
  if (!VENTURE_KINDS.includes(action.kind)) return reject(ERROR_CODES.badMessage);
  if (action.to === player.id) return reject(ERROR_CODES.cannotVentureSelf);
  if (!own(state.players, action.to)) return reject(ERROR_CODES.unknownPlayer);
  if (!(VENTURE_SHARES as readonly number[]).includes(action.share)) {
    return reject(ERROR_CODES.badShare, { shares: VENTURE_SHARES.join("/") });
  }
  if (bundleTotal(action.give) === 0 || bundleTotal(action.ask) === 0)
    return reject(ERROR_CODES.emptyCapital);
  if (!handCovers(player.hand, action.give)) return reject(ERROR_CODES.notEnoughResources);
  const id = `j${state.nextDealId++}`;
  state.ventures[id] = {
    id,
    kind: action.kind,
    proposer: player.id,
    partner: action.to,
    proposerCapital: { ...action.give },
    partnerCapital: { ...action.ask },
    proposerShare: action.share,
    status: "proposed",
    seasonsLeft: VENTURES[action.kind].seasons,
    workedThisSeason: [],
    paidSeasons: 0,
    stalledSeasons: 0,
    season: state.season,
  };
  return { ok: true };
}

/** The partner signs: both invest their capital at once (both must hold it), and the venture starts. */
export function applyAcceptVenture(state: GameState, player: PlayerState, ventureId: string): ApplyResult {
  const venture = own(state.ventures, ventureId);
  if (!venture) return reject(ERROR_CODES.unknownVenture);
  if (venture.partner !== player.id) return reject(ERROR_CODES.ventureNotOffered);
  if (venture.status !== "proposed") return reject(ERROR_CODES.ventureClosed);
  const proposer = state.players[venture.proposer]!;
  if (!handCovers(player.hand, venture.partnerCapital)) return reject(ERROR_CODES.notEnoughResources);
  if (!handCovers(proposer.hand, venture.proposerCapital)) {
    return reject(ERROR_CODES.partnerLacksResources, { name: proposer.name });
  }
  // The capital goes into the business (the mill, the export firm, the workshop).
  for (const r of RESOURCES) {
    proposer.hand[r] -= venture.proposerCapital[r] ?? 0;
    player.hand[r] -= venture.partnerCapital[r] ?? 0;
  }
  venture.status = "active";
  venture.season = state.season;
  proposer.trust.kept++;
  player.trust.kept++;
  const log = logCooperation(state, "jointVenture", [proposer.id, player.id], {
    key: "coop.ventureFounded",
    params: { kind: venture.kind, from: proposer.name, to: player.name, share: venture.proposerShare },
  });
  return { ok: true, log };
}

/** Put in this season's tenaga; a venture pays only in seasons both partners worked. */
export function applyWorkVenture(state: GameState, player: PlayerState, ventureId: string): ApplyResult {
  const venture = own(state.ventures, ventureId);
  if (!venture) return reject(ERROR_CODES.unknownVenture);
  if (venture.proposer !== player.id && venture.partner !== player.id) return reject(ERROR_CODES.notPartner);
  if (venture.status !== "active") return reject(ERROR_CODES.ventureClosed);
  if (venture.workedThisSeason.includes(player.id)) return reject(ERROR_CODES.alreadyWorked);
  if (player.tenaga < VENTURE_TENAGA) return reject(ERROR_CODES.notEnoughTenaga, { have: player.tenaga });
  player.tenaga -= VENTURE_TENAGA;
  venture.workedThisSeason.push(player.id);
  return { ok: true };
}

/** One partner's payout: share × output, rounded down for the proposer; the partner gets the rest. */
export function venturePayout(venture: VentureState): {
  proposer: Record<string, number>;
  partner: Record<string, number>;
} {
  return splitVentureOutput(venture.kind, venture.proposerShare);
}

/** The split of one season's output for a kind of venture and the proposer's share (the client shows it). */
export function splitVentureOutput(
  kind: VentureKind,
  proposerShare: number,
): { proposer: Record<string, number>; partner: Record<string, number> } {
  const output = VENTURES[kind].output;
  const proposer: Record<string, number> = {};
  const partner: Record<string, number> = {};
  for (const r of RESOURCES) {
    const total = output[r] ?? 0;
    if (total === 0) continue;
    proposer[r] = Math.floor((total * proposerShare) / 100);
    partner[r] = total - proposer[r]!;
  }
  return { proposer, partner };
}

/**
 * At night: each active venture pays if both partners worked, else it stalls and whoever did not
 * work breaks a promise. Unsigned proposals expire.
 */
export function venturesAtNight(state: GameState): void {
  for (const venture of Object.values(state.ventures)) {
    if (venture.status === "proposed") {
      venture.status = "expired";
      continue;
    }
    if (venture.status !== "active") continue;
    const proposer = state.players[venture.proposer]!;
    const partner = state.players[venture.partner]!;
    const bothWorked = venture.workedThisSeason.length === 2;
    if (bothWorked) {
      const pay = venturePayout(venture);
      for (const r of RESOURCES) {
        proposer.hand[r] += pay.proposer[r] ?? 0;
        partner.hand[r] += pay.partner[r] ?? 0;
      }
      venture.paidSeasons++;
      // Welfare is the village's average: one venture's income lifts a small village more.
      const households = state.playerOrder.length;
      changeMeters(state, {
        welfare: Math.round((VENTURE_WELFARE_PER_PAY.welfare * REFERENCE_HOUSEHOLDS) / households),
      });
      addNews(state, "venture", { key: "news.venturePaid", params: { kind: venture.kind } });
    } else {
      venture.stalledSeasons++;
      for (const p of [proposer, partner]) if (!venture.workedThisSeason.includes(p.id)) p.trust.broken++;
      addNews(state, "venture", { key: "news.ventureStalled", params: { kind: venture.kind } });
    }
    venture.workedThisSeason = [];
    venture.seasonsLeft--;
    if (venture.seasonsLeft <= 0) venture.status = "finished";
  }
}
