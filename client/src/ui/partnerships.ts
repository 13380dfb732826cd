/**
 * Small readers of the synced partnership fields (musyawarah, tokoh, koalisi, joint venture) for
 * the HUD panels and the map. They only reshape what the server sent; the rules live in shared/.
 */
import {
  type Bundle,
  RESOURCES,
  type Resource,
  splitVentureOutput,
  VENTURES,
  type VentureKind,
} from "@bangun-desa/shared";
import type {
  CoalitionSchema,
  PlayerSchema,
  ProjectSchema,
  VentureSchema,
  VillageState,
  VoteSchema,
} from "@bangun-desa/shared/schema";

const POOL_FIELD = { beras: "poolBeras", kayu: "poolKayu", batu: "poolBatu", uang: "poolUang" } as const;
const NEED_FIELD = { beras: "needBeras", kayu: "needKayu", batu: "needBatu", uang: "needUang" } as const;

/** Deals are numbered in the order the server made them (`v12`, `k13`, `j14`): oldest first. */
export function dealNumber(d: { id: string }): number {
  return Number(d.id.replace(/\D/g, "")) || 0;
}

/** The musyawarah now open (one at a time), if any. */
export function openVote(state: VillageState): VoteSchema | undefined {
  return [...state.votes.values()].find((v) => v.status === "open");
}

/** An open vote that waits for my answer (the badge on the Musyawarah button). */
export function voteAwaitsMe(state: VillageState, seatId: string): VoteSchema | undefined {
  const vote = openVote(state);
  return vote && !vote.votes.get(seatId) ? vote : undefined;
}

/** Closed votes, newest first. */
export function closedVotes(state: VillageState): VoteSchema[] {
  return [...state.votes.values()]
    .filter((v) => v.status === "passed" || v.status === "failed")
    .sort((a, b) => dealNumber(b) - dealNumber(a));
}

export function voteCounts(vote: VoteSchema, households: number): { yes: number; no: number; none: number } {
  let yes = 0;
  let no = 0;
  for (const choice of vote.votes.values()) {
    if (choice === "yes") yes++;
    else if (choice === "no") no++;
  }
  return { yes, no, none: Math.max(0, households - yes - no) };
}

/** Open projects a proposal can name, the bridge first (the village's main goal). */
export function openProjects(state: VillageState): ProjectSchema[] {
  return [...state.projects.values()]
    .filter((p) => p.status === "open")
    .sort((a, b) => Number(b.kind === "jembatan") - Number(a.kind === "jembatan"));
}

/** Villagers who have given nothing yet: a committee vote can bring them in. */
export function idleVillagers(state: VillageState): PlayerSchema[] {
  return [...state.players.values()].filter((p) => p.contributed === 0).sort((a, b) => a.seat - b.seat);
}

/** Seat ids on a project's committee. */
export function committeeOf(state: VillageState, projectId: string): string[] {
  const list = state.committees.get(projectId) ?? "";
  return list ? list.split(",").filter(Boolean) : [];
}

export function coalitionPool(c: CoalitionSchema): Bundle {
  return Object.fromEntries(RESOURCES.map((r) => [r, c[POOL_FIELD[r]]])) as Bundle;
}

export function coalitionNeeds(c: CoalitionSchema): Bundle {
  return Object.fromEntries(RESOURCES.map((r) => [r, c[NEED_FIELD[r]]])) as Bundle;
}

export function coalitionLive(c: CoalitionSchema): boolean {
  return c.status === "forming" || c.status === "active";
}

/** Coalitions: live ones first, then the ended ones, newest first within each. */
export function coalitionsInOrder(state: VillageState): CoalitionSchema[] {
  return [...state.coalitions.values()].sort(
    (a, b) => Number(coalitionLive(b)) - Number(coalitionLive(a)) || dealNumber(b) - dealNumber(a),
  );
}

/** A venture's capital field (JSON) as a bundle; a malformed one reads as nothing. */
export function capital(json: string): Bundle {
  try {
    const parsed = JSON.parse(json || "{}") as Record<string, unknown>;
    const out: Bundle = {};
    for (const r of RESOURCES) {
      const n = parsed[r];
      if (typeof n === "number" && n > 0) out[r] = n;
    }
    return out;
  } catch {
    return {};
  }
}

/** My share of a venture in percent (the proposer's share is synced; the partner gets the rest). */
export function myShare(v: VentureSchema, seatId: string): number {
  return v.proposer === seatId ? v.proposerShare : 100 - v.proposerShare;
}

/** What one side of a venture receives in a season both worked (shared `splitVentureOutput`). */
export function ventureShareOf(kind: VentureKind, proposerShare: number, proposerSide: boolean): Bundle {
  const split = splitVentureOutput(kind, proposerShare);
  const side = proposerSide ? split.proposer : split.partner;
  const out: Bundle = {};
  for (const r of RESOURCES) if ((side[r] ?? 0) > 0) out[r] = side[r];
  return out;
}

/** Ventures offered to me and waiting for my signature. */
export function venturesOfferedTo(state: VillageState, seatId: string): VentureSchema[] {
  return [...state.ventures.values()]
    .filter((v) => v.partner === seatId && v.status === "proposed")
    .sort((a, b) => dealNumber(a) - dealNumber(b));
}

/** My ventures (as proposer or signed partner), running ones first. */
export function myVentures(state: VillageState, seatId: string): VentureSchema[] {
  const rank: Record<string, number> = { active: 0, proposed: 1, finished: 2, expired: 3 };
  return [...state.ventures.values()]
    .filter((v) => v.proposer === seatId || (v.partner === seatId && v.status !== "proposed"))
    .sort((a, b) => (rank[a.status] ?? 4) - (rank[b.status] ?? 4) || dealNumber(b) - dealNumber(a));
}

export function isVentureKind(kind: string): kind is VentureKind {
  // Own keys only: "toString" or "constructor" must not pass for a venture kind.
  return Object.hasOwn(VENTURES, kind);
}

/** Resources a bundle names, in the game's order. */
export function bundleResources(b: Bundle): Resource[] {
  return RESOURCES.filter((r) => (b[r] ?? 0) > 0);
}
