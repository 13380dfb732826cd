import { PROJECTS } from "../content/projects.ts";
import { type Bundle, bundleTotal, handCovers, RESOURCES } from "../content/resources.ts";
import { ROLES } from "../content/roles.ts";
import { SITE_IDS } from "../content/sites.ts";
import { MAX_OPEN_OFFERS, RICE_PRICE_RANGE } from "../content/trade.ts";
import { isFormOpen } from "./apply.ts";
import { own } from "./guard.ts";
import { labourRoomFor, resourceStillNeeded } from "./projects.ts";
import { marketCost, openOffersFrom, ricePriceSide, ricePriceTalkOpen } from "./trade.ts";
import type { Action, GameState } from "./types.ts";

/**
 * Every action `playerId` may take now, in unit steps (one tenaga, one resource unit):
 * the menu that bots choose from and the client's buttons mirror. Each returned action is accepted
 * by `apply` in this state. Uses only the player's own hand and public state.
 */
export function legalActions(state: GameState, playerId: string): Action[] {
  const player = own(state.players, playerId);
  if (!player || state.phase !== "action") return [];
  const actions: Action[] = [];
  if (player.tenaga > 0) {
    for (const site of SITE_IDS) actions.push({ type: "gather", site, tenaga: 1 });
  }
  for (const project of Object.values(state.projects)) {
    if (project.status !== "open") continue;
    const def = PROJECTS[project.kind];
    if (player.tenaga > 0 && labourRoomFor(state, project, player.id) > 0) {
      actions.push({ type: "contribute", projectId: project.id, tenaga: 1, give: {} });
    }
    for (const r of RESOURCES) {
      if ((def.needs[r] ?? 0) > 0 && resourceStillNeeded(project, r) > 0 && player.hand[r] > 0) {
        actions.push({ type: "contribute", projectId: project.id, tenaga: 0, give: { [r]: 1 } });
      }
    }
  }
  for (const otherId of state.playerOrder) {
    if (otherId === playerId) continue;
    for (const r of RESOURCES) {
      if (player.hand[r] > 0) actions.push({ type: "giveAid", to: otherId, give: { [r]: 1 } });
    }
  }
  if (isFormOpen(state, "bargaining")) actions.push(...bargainingActions(state, playerId));
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
