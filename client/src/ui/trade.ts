/**
 * Small readers of the synced bargaining fields (offers, harga gabah, pasar) for the trade panel.
 * They only reshape what the server sent; the rules themselves live in shared/.
 */
import {
  type Bundle,
  marketCostFrom,
  RESOURCES,
  type Resource,
  ricePriceSide,
  ricePriceTalkOpenAt,
} from "@bangun-desa/shared";
import type { OfferSchema, PlayerSchema, VillageState } from "@bangun-desa/shared/schema";

const GIVE_FIELD = { beras: "giveBeras", kayu: "giveKayu", batu: "giveBatu", uang: "giveUang" } as const;
const GET_FIELD = { beras: "getBeras", kayu: "getKayu", batu: "getBatu", uang: "getUang" } as const;

/** What the offer's maker (`from`) gives. */
export function offerGive(o: OfferSchema): Bundle {
  return Object.fromEntries(RESOURCES.map((r) => [r, o[GIVE_FIELD[r]]])) as Bundle;
}

/** What the offer's maker (`from`) asks for. */
export function offerGet(o: OfferSchema): Bundle {
  return Object.fromEntries(RESOURCES.map((r) => [r, o[GET_FIELD[r]]])) as Bundle;
}

/** "3 kayu + 1 batu" (resource names are the game's own words in both languages). */
export function bundleWords(b: Bundle, empty: string): string {
  const parts = RESOURCES.filter((r) => (b[r] ?? 0) > 0).map((r) => `${b[r]} ${r}`);
  return parts.length > 0 ? parts.join(" + ") : empty;
}

export function bundleEmpty(b: Bundle): boolean {
  return RESOURCES.every((r) => (b[r] ?? 0) <= 0);
}

/** Offers are numbered in the order the server made them (`o12`): oldest first. */
function offerNumber(o: OfferSchema): number {
  return Number(o.id.replace(/\D/g, "")) || 0;
}

export function byAge(a: OfferSchema, b: OfferSchema): number {
  return offerNumber(a) - offerNumber(b);
}

/** Every offer of one negotiation (same thread), oldest first. */
export function threadOf(state: VillageState, threadId: string): OfferSchema[] {
  return [...state.offers.values()].filter((o) => o.threadId === threadId).sort(byAge);
}

/** Open offers waiting for my answer. */
export function incomingOpen(state: VillageState, seatId: string): OfferSchema[] {
  return [...state.offers.values()].filter((o) => o.to === seatId && o.status === "open").sort(byAge);
}

/** Which side of the harga gabah talk a player is on (petani sells rice, pedagang buys it). */
export function riceSide(p: PlayerSchema | undefined): "seller" | "buyer" | null {
  return p ? ricePriceSide(p) : null;
}

/** True while the harga gabah is being talked about this season and nobody has agreed yet. */
export function riceTalkOpen(state: VillageState): boolean {
  return ricePriceTalkOpenAt(state.season, state.ricePriceSeason, state.ricePrice);
}

/** The other side has a price on the table that I may accept. */
export function riceAwaitsMe(state: VillageState, me: PlayerSchema): boolean {
  const side = riceSide(me);
  if (!side || !riceTalkOpen(state) || state.ricePriceProposal === 0) return false;
  return riceSide(state.players.get(state.ricePriceProposer)) !== side;
}

export function koperasiBuilt(state: VillageState): boolean {
  return [...state.projects.values()].some((p) => p.kind === "koperasi" && p.status === "done");
}

/**
 * What the pasar asks, in `give`, for `amount` of `get`: shared `marketCost` read from the synced
 * fields (the shared function takes the rules' GameState, which the client does not have). Same
 * constants, same order of cases: the agreed harga gabah for beras↔uang, else the fixed rate.
 */
export function pasarCost(state: VillageState, give: Resource, get: Resource, amount: number): number {
  const market = {
    ricePrice: state.ricePrice,
    koperasiBuilt: koperasiBuilt(state),
    priceDrop: state.forecast[0] === "hargaTurun",
  };
  return marketCostFrom(market, give, get, amount);
}
