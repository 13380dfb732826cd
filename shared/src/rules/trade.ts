import { PRICE_DROP_EXTRA } from "../content/events.ts";
import { type Bundle, bundleTotal, handCovers, RESOURCES, type Resource } from "../content/resources.ts";
import {
  MARKET_RATE,
  MARKET_RATE_WITH_KOPERASI,
  MAX_OPEN_OFFERS,
  RICE_PRICE_RANGE,
  RICE_TALK_FAILED,
} from "../content/trade.ts";
import { ERROR_CODES } from "../protocol/errors.ts";
import { own, reject } from "./guard.ts";
import { addNews, changeMeters, logCooperation } from "./log.ts";
import { isBuilt } from "./projects.ts";
import type {
  AcceptTradeAction,
  ApplyResult,
  CounterTradeAction,
  GameState,
  OfferTradeAction,
  PlayerState,
  Rejection,
  TradeOffer,
  TradeWithMarketAction,
} from "./types.ts";

/** Offers this player has made that are still waiting for an answer. */
export function openOffersFrom(state: GameState, playerId: string): TradeOffer[] {
  return Object.values(state.offers).filter((o) => o.status === "open" && o.from === playerId);
}

function checkTerms(
  state: GameState,
  player: PlayerState,
  to: string,
  give: Bundle,
  get: Bundle,
): Rejection | null {
  if (to === player.id) return reject(ERROR_CODES.cannotTradeSelf);
  if (!own(state.players, to)) return reject(ERROR_CODES.unknownPlayer);
  if (bundleTotal(give) === 0 || bundleTotal(get) === 0) return reject(ERROR_CODES.emptyTrade);
  if (RESOURCES.some((r) => (give[r] ?? 0) > 0 && (get[r] ?? 0) > 0)) return reject(ERROR_CODES.sameResource);
  if (!handCovers(player.hand, give)) return reject(ERROR_CODES.notEnoughResources);
  if (openOffersFrom(state, player.id).length >= MAX_OPEN_OFFERS) {
    return reject(ERROR_CODES.tooManyOffers, { max: MAX_OPEN_OFFERS });
  }
  return null;
}

function addOffer(
  state: GameState,
  from: string,
  to: string,
  give: Bundle,
  get: Bundle,
  parent: TradeOffer | null,
) {
  const id = `o${state.nextOfferId++}`;
  const offer: TradeOffer = {
    id,
    from,
    to,
    give: { ...give },
    get: { ...get },
    status: "open",
    season: state.season,
    threadId: parent ? parent.threadId : id,
    parentId: parent ? parent.id : null,
  };
  state.offers[id] = offer;
  return offer;
}

/** Propose "I give X for Y" to one villager. The offer waits for accept, reject or counter. */
export function applyOfferTrade(
  state: GameState,
  player: PlayerState,
  action: OfferTradeAction,
): ApplyResult {
  const refused = checkTerms(state, player, action.to, action.give, action.get);
  if (refused) return refused;
  addOffer(state, player.id, action.to, action.give, action.get, null);
  return { ok: true };
}

function openOfferFor(state: GameState, offerId: string): TradeOffer | Rejection {
  const offer = own(state.offers, offerId);
  if (!offer) return reject(ERROR_CODES.unknownOffer);
  if (offer.status !== "open") return reject(ERROR_CODES.offerClosed, { status: offer.status });
  return offer;
}

/** The receiver answers with other terms: the old offer closes and a new one goes back the other way. */
export function applyCounterTrade(
  state: GameState,
  player: PlayerState,
  action: CounterTradeAction,
): ApplyResult {
  const offer = openOfferFor(state, action.offerId);
  if ("ok" in offer) return offer;
  if (offer.to !== player.id) return reject(ERROR_CODES.notYourOffer);
  // A counter is a new offer from the receiver, so it follows every rule of an offer (the cap too).
  const refused = checkTerms(state, player, offer.from, action.give, action.get);
  if (refused) return refused;
  offer.status = "countered";
  addOffer(state, player.id, offer.from, action.give, action.get, offer);
  return { ok: true };
}

/**
 * The receiver accepts: both sides must still hold what they give at this moment; then the swap
 * happens at once and whole (no half trades, no double spend). Resources are conserved.
 */
export function applyAcceptTrade(
  state: GameState,
  player: PlayerState,
  action: AcceptTradeAction,
): ApplyResult {
  const offer = openOfferFor(state, action.offerId);
  if ("ok" in offer) return offer;
  if (offer.to !== player.id) return reject(ERROR_CODES.notYourOffer);
  const from = state.players[offer.from];
  if (!from) return reject(ERROR_CODES.unknownPlayer);
  if (!handCovers(player.hand, offer.get)) return reject(ERROR_CODES.notEnoughResources);
  if (!handCovers(from.hand, offer.give))
    return reject(ERROR_CODES.partnerLacksResources, { name: from.name });
  for (const r of RESOURCES) {
    const fromGives = offer.give[r] ?? 0;
    const toGives = offer.get[r] ?? 0;
    from.hand[r] += toGives - fromGives;
    player.hand[r] += fromGives - toGives;
  }
  offer.status = "accepted";
  from.trust.kept++;
  player.trust.kept++;
  from.location = `house:${player.id}`;
  player.location = `house:${from.id}`;
  const rounds = Object.values(state.offers).filter((o) => o.threadId === offer.threadId).length;
  const log = logCooperation(state, "bargaining", [from.id, player.id], {
    key: "coop.trade",
    params: {
      from: from.name,
      to: player.name,
      give: bundleText(offer.give),
      get: bundleText(offer.get),
      rounds,
    },
  });
  return { ok: true, log };
}

export function applyRejectTrade(state: GameState, player: PlayerState, offerId: string): ApplyResult {
  const offer = openOfferFor(state, offerId);
  if ("ok" in offer) return offer;
  if (offer.to !== player.id) return reject(ERROR_CODES.notYourOffer);
  offer.status = "rejected";
  return { ok: true };
}

export function applyCancelTrade(state: GameState, player: PlayerState, offerId: string): ApplyResult {
  const offer = openOfferFor(state, offerId);
  if ("ok" in offer) return offer;
  if (offer.from !== player.id) return reject(ERROR_CODES.notYourOffer);
  offer.status = "cancelled";
  return { ok: true };
}

/**
 * What the pasar asks, in `give`, for `amount` of `get`. Normally a poor fixed rate (4:1, or 3:1
 * with a koperasi). Once the harga gabah is agreed, beras and uang trade at that price both ways.
 */
export function marketCost(state: GameState, give: Resource, get: Resource, amount: number): number {
  return marketCostFrom(
    {
      ricePrice: state.ricePrice ?? 0,
      koperasiBuilt: isBuilt(state, "koperasi"),
      priceDrop: state.events[state.season] === "hargaTurun",
    },
    give,
    get,
    amount,
  );
}

/** What the pasar sees: the agreed harga gabah (0 = none), a koperasi, a price drop this season. */
export interface MarketConditions {
  ricePrice: number;
  koperasiBuilt: boolean;
  priceDrop: boolean;
}

/** The pasar's price from public facts alone (the client shows it before a student trades). */
export function marketCostFrom(
  market: MarketConditions,
  give: Resource,
  get: Resource,
  amount: number,
): number {
  if (market.ricePrice > 0 && give === "beras" && get === "uang") return market.ricePrice * amount;
  if (market.ricePrice > 0 && give === "uang" && get === "beras") return Math.ceil(amount / market.ricePrice);
  const rate = market.koperasiBuilt ? MARKET_RATE_WITH_KOPERASI : MARKET_RATE;
  return (rate + (market.priceDrop ? PRICE_DROP_EXTRA : 0)) * amount;
}

/** The pasar always trades, at a poor fixed rate: agreeing with people is better. */
export function applyTradeWithMarket(
  state: GameState,
  player: PlayerState,
  action: TradeWithMarketAction,
): ApplyResult {
  if (action.give === action.get) return reject(ERROR_CODES.sameResource);
  const cost = marketCost(state, action.give, action.get, action.amount);
  if (player.hand[action.give] < cost) return reject(ERROR_CODES.notEnoughResources, { need: cost });
  player.hand[action.give] -= cost;
  player.hand[action.get] += action.amount;
  player.location = "pasar";
  return { ok: true };
}

/** The harga gabah talk is open in its season's action window, until agreed. */
export function ricePriceTalkOpen(state: GameState): boolean {
  return ricePriceTalkOpenAt(state.season, state.ricePriceTalk.season, state.ricePrice ?? 0);
}

/** The same from synced fields: the season now, the talk's season, the agreed price (0 = none). */
export function ricePriceTalkOpenAt(season: number, talkSeason: number, agreedPrice: number): boolean {
  return agreedPrice === 0 && talkSeason > 0 && season === talkSeason;
}

/** Petani and pedagang are the two sides of the harga gabah talk. */
export function ricePriceSide(player: { role: string }): "seller" | "buyer" | null {
  if (player.role === "petani") return "seller";
  if (player.role === "pedagang") return "buyer";
  return null;
}

/** Put a price on the table (or answer the other side's price with another one). */
export function applyProposeRicePrice(state: GameState, player: PlayerState, price: number): ApplyResult {
  if (!ricePriceTalkOpen(state)) return reject(ERROR_CODES.ricePriceClosed);
  if (!ricePriceSide(player)) return reject(ERROR_CODES.notRicePriceParty);
  if (!isValidRicePrice(price)) {
    return reject(ERROR_CODES.badRicePrice, { min: RICE_PRICE_RANGE.min, max: RICE_PRICE_RANGE.max });
  }
  state.ricePriceTalk.proposal = { by: player.id, price };
  state.ricePriceTalk.history.push({ by: player.id, price });
  return { ok: true };
}

/** The other side agrees: the price holds at the pasar for the rest of the game. */
export function applyAcceptRicePrice(state: GameState, player: PlayerState): ApplyResult {
  if (!ricePriceTalkOpen(state)) return reject(ERROR_CODES.ricePriceClosed);
  const side = ricePriceSide(player);
  if (!side) return reject(ERROR_CODES.notRicePriceParty);
  const proposal = state.ricePriceTalk.proposal;
  if (!proposal) return reject(ERROR_CODES.noRicePriceProposal);
  const proposer = state.players[proposal.by]!;
  if (ricePriceSide(proposer) === side) return reject(ERROR_CODES.ownRicePriceProposal);
  state.ricePrice = proposal.price;
  state.ricePriceTalk.proposal = null;
  proposer.trust.kept++;
  player.trust.kept++;
  const log = logCooperation(state, "bargaining", [proposer.id, player.id], {
    key: "coop.ricePrice",
    params: {
      from: proposer.name,
      to: player.name,
      price: proposal.price,
      rounds: state.ricePriceTalk.history.length,
    },
  });
  return { ok: true, log };
}

/**
 * Offers, and a harga gabah proposal nobody accepted, expire when the season ends. A harvest that
 * ends without an agreed price leaves petani and pedagang at odds (with bargaining switched off no
 * agreement is possible: that is what the village loses without it).
 */
export function expireOffers(state: GameState): void {
  for (const offer of Object.values(state.offers)) if (offer.status === "open") offer.status = "expired";
  state.ricePriceTalk.proposal = null;
  if (
    state.ricePriceTalk.season > 0 &&
    state.season === state.ricePriceTalk.season &&
    state.ricePrice === null
  ) {
    changeMeters(state, RICE_TALK_FAILED);
    addNews(state, "event", { key: "news.ricePriceFailed" });
  }
}

/** A compact, language-neutral text of a bundle for log parameters, e.g. "3 kayu + 1 batu". */
export function bundleText(bundle: Bundle): string {
  return RESOURCES.filter((r) => (bundle[r] ?? 0) > 0)
    .map((r) => `${bundle[r]} ${r}`)
    .join(" + ");
}

/** Valid harga gabah values (beras per uang at the pasar). */
export function isValidRicePrice(price: number): boolean {
  return Number.isInteger(price) && price >= RICE_PRICE_RANGE.min && price <= RICE_PRICE_RANGE.max;
}
