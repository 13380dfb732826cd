import { COALITION_GOALS, TOKOH_POSITIONS, VENTURE_KINDS, VENTURE_TENAGA } from "../content/partnerships.ts";
import { type Bundle, bundleTotal, handCovers, RESOURCES } from "../content/resources.ts";
import { ROLES } from "../content/roles.ts";
import { SITE_IDS } from "../content/sites.ts";
import { MAX_OPEN_OFFERS, RICE_PRICE_RANGE } from "../content/trade.ts";
import { isFormOpen } from "./apply.ts";
import { goalAchieved, poolStillNeeded } from "./coalition.ts";
import { own } from "./guard.ts";
import { isIdle, openVote } from "./musyawarah.ts";
import { labourRoomFor, resourceStillNeeded } from "./projects.ts";
import { needsAid } from "./public.ts";
import { marketCost, openOffersFrom, ricePriceSide, ricePriceTalkOpen } from "./trade.ts";
import type { Action, GameState } from "./types.ts";

/**
 * Every action `playerId` may take now, in unit steps (one tenaga, one resource unit):
 * the menu that bots choose from and the client's buttons mirror. Each returned action is accepted
 * by `apply` in this state. Uses only the player's own hand and public state — counting as public
 * whether an open offer or venture proposal can still be honoured by its proposer (a village sees
 * whether someone still has what they offered; see docs/decisions.md).
 */
export function legalActions(state: GameState, playerId: string): Action[] {
  const player = own(state.players, playerId);
  if (!player || state.phase !== "action") return [];
  const actions: Action[] = [];
  if (player.tenaga > 0) {
    for (const site of SITE_IDS) actions.push({ type: "gather", site, tenaga: 1 });
  }
  const gotongRoyong = isFormOpen(state, "gotongRoyong");
  for (const project of Object.values(state.projects)) {
    if (project.status !== "open" || !gotongRoyong || state.tokoh.blockedProjectId === project.id) continue;
    if (player.tenaga > 0 && labourRoomFor(state, project, player.id) > 0) {
      actions.push({ type: "contribute", projectId: project.id, tenaga: 1, give: {} });
    }
    for (const r of RESOURCES) {
      if ((project.needs[r] ?? 0) > 0 && resourceStillNeeded(project, r) > 0 && player.hand[r] > 0) {
        actions.push({ type: "contribute", projectId: project.id, tenaga: 0, give: { [r]: 1 } });
      }
    }
  }
  for (const otherId of state.playerOrder) {
    if (otherId === playerId || !gotongRoyong || !needsAid(state, otherId)) continue;
    for (const r of RESOURCES) {
      if (player.hand[r] > 0) actions.push({ type: "giveAid", to: otherId, give: { [r]: 1 } });
    }
  }
  if (isFormOpen(state, "bargaining")) actions.push(...bargainingActions(state, playerId));
  actions.push(...musyawarahActions(state, playerId));
  if (isFormOpen(state, "koalisi")) actions.push(...coalitionActions(state, playerId));
  if (isFormOpen(state, "jointVenture")) actions.push(...ventureActions(state, playerId));
  if (!player.done) actions.push({ type: "done" });
  return actions;
}

/** Unit bargaining steps: answer offers to me, cancel mine, unit offers, the pasar, harga gabah. */
function bargainingActions(state: GameState, playerId: string): Action[] {
  const me = state.players[playerId]!;
  const actions: Action[] = [];
  for (const offer of Object.values(state.offers)) {
    if (offer.status !== "open") continue;
    if (offer.from === playerId) actions.push({ type: "cancelTrade", offerId: offer.id });
    if (offer.to !== playerId) continue;
    actions.push({ type: "rejectTrade", offerId: offer.id });
    const from = state.players[offer.from]!;
    if (handCovers(me.hand, offer.get) && handCovers(from.hand, offer.give)) {
      actions.push({ type: "acceptTrade", offerId: offer.id });
    }
    // One counter template: ask for the same, give half as much.
    const half: Bundle = {};
    for (const r of RESOURCES)
      if ((offer.get[r] ?? 0) > 0) half[r] = Math.max(1, Math.floor((offer.get[r] ?? 0) / 2));
    if (
      bundleTotal(half) < bundleTotal(offer.get) &&
      handCovers(me.hand, half) &&
      openOffersFrom(state, playerId).length < MAX_OPEN_OFFERS
    ) {
      actions.push({ type: "counterTrade", offerId: offer.id, give: half, get: { ...offer.give } });
    }
  }
  if (openOffersFrom(state, playerId).length < MAX_OPEN_OFFERS) {
    for (const otherId of state.playerOrder) {
      if (otherId === playerId) continue;
      for (const give of RESOURCES) {
        for (const amount of [1, 2]) {
          if (me.hand[give] < amount) continue;
          for (const get of RESOURCES) {
            if (get !== give)
              actions.push({ type: "offerTrade", to: otherId, give: { [give]: amount }, get: { [get]: 1 } });
          }
        }
      }
    }
  }
  for (const give of RESOURCES) {
    for (const get of RESOURCES) {
      if (give !== get && me.hand[give] >= marketCost(state, give, get, 1)) {
        actions.push({ type: "tradeWithMarket", give, get, amount: 1 });
      }
    }
  }
  if (ricePriceTalkOpen(state) && ricePriceSide(me)) {
    for (let price = RICE_PRICE_RANGE.min; price <= RICE_PRICE_RANGE.max; price++) {
      actions.push({ type: "proposeRicePrice", price });
    }
    const proposal = state.ricePriceTalk.proposal;
    if (proposal && ricePriceSide(state.players[proposal.by]!) !== ricePriceSide(me)) {
      actions.push({ type: "acceptRicePrice" });
    }
  }
  return actions;
}

/** Labour one tenaga of this player gives at a project. */
export function labourPerTenaga(state: GameState, playerId: string): number {
  const p = own(state.players, playerId);
  return p ? ROLES[p.role].labourPerTenaga : 0;
}

/** Vote on the open musyawarah, or propose one (co-opting only once kooptasi is open). */
function musyawarahActions(state: GameState, playerId: string): Action[] {
  const actions: Action[] = [];
  const vote = openVote(state);
  if (vote) {
    if (!vote.votes[playerId]) {
      actions.push({ type: "castVote", voteId: vote.id, choice: "yes" });
      actions.push({ type: "castVote", voteId: vote.id, choice: "no" });
    }
    return actions;
  }
  const open = Object.values(state.projects).filter((p) => p.status === "open");
  for (const project of open) {
    if (state.priorityProjectId !== project.id) {
      actions.push({ type: "proposeVote", topic: "priority", projectId: project.id });
    }
  }
  if (!isFormOpen(state, "kooptasi")) return actions;
  for (const project of open) {
    if (state.tokoh.status === "outside") {
      for (const position of TOKOH_POSITIONS) {
        actions.push({ type: "proposeVote", topic: "cooptTokoh", projectId: project.id, position });
      }
    }
    for (const id of state.playerOrder) {
      if (isIdle(state, id) && !(state.committees[project.id] ?? []).includes(id)) {
        actions.push({ type: "proposeVote", topic: "cooptPlayer", projectId: project.id, playerId: id });
      }
    }
  }
  return actions;
}

/** Propose, join, pledge to (unit steps) or leave a coalition. */
function coalitionActions(state: GameState, playerId: string): Action[] {
  const me = state.players[playerId]!;
  const actions: Action[] = [];
  const live = Object.values(state.coalitions).filter((c) => c.status === "forming" || c.status === "active");
  for (const goal of COALITION_GOALS) {
    if (!live.some((c) => c.goal === goal) && !goalAchieved(state, goal)) {
      actions.push({ type: "proposeCoalition", goal });
    }
  }
  for (const coalition of live) {
    if (!coalition.members.includes(playerId)) {
      actions.push({ type: "joinCoalition", coalitionId: coalition.id });
      continue;
    }
    actions.push({ type: "leaveCoalition", coalitionId: coalition.id });
    if (coalition.status !== "active") continue;
    const lacking = poolStillNeeded(coalition);
    for (const r of RESOURCES) {
      if ((lacking[r] ?? 0) > 0 && me.hand[r] > 0) {
        actions.push({ type: "pledgeCoalition", coalitionId: coalition.id, give: { [r]: 1 } });
      }
    }
  }
  return actions;
}

/** Sign a venture offered to me, work the ones I am in, or propose one (a template per partner). */
function ventureActions(state: GameState, playerId: string): Action[] {
  const me = state.players[playerId]!;
  const actions: Action[] = [];
  for (const venture of Object.values(state.ventures)) {
    const proposer = state.players[venture.proposer]!;
    if (
      venture.status === "proposed" &&
      venture.partner === playerId &&
      handCovers(me.hand, venture.partnerCapital) &&
      handCovers(proposer.hand, venture.proposerCapital)
    ) {
      actions.push({ type: "acceptVenture", ventureId: venture.id });
    }
    const mine = venture.proposer === playerId || venture.partner === playerId;
    if (
      mine &&
      venture.status === "active" &&
      !venture.workedThisSeason.includes(playerId) &&
      me.tenaga >= VENTURE_TENAGA
    ) {
      actions.push({ type: "workVenture", ventureId: venture.id });
    }
  }
  // Capital in something other than the household's food when it can (beras last).
  const give = [...RESOURCES.filter((r) => r !== "beras"), "beras" as const].find((r) => me.hand[r] >= 2);
  if (give) {
    for (const to of state.playerOrder) {
      if (to === playerId) continue;
      // Ask the partner for capital in what their role makes (public), else in uang.
      const ask = ROLES[state.players[to]!.role].specialty ?? "uang";
      for (const kind of VENTURE_KINDS) {
        actions.push({ type: "proposeVenture", to, kind, give: { [give]: 2 }, ask: { [ask]: 1 }, share: 50 });
      }
    }
  }
  return actions;
}
