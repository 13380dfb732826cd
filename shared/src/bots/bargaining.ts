import { type Bundle, RESOURCES, type Resource } from "../content/resources.ts";
import { ROLES } from "../content/roles.ts";
import { RICE_PRICE_RANGE } from "../content/trade.ts";
import { FOOD_PER_HOUSEHOLD } from "../rules/season.ts";
import { ricePriceSide } from "../rules/trade.ts";
import type { Action, GameState, PlayerState } from "../rules/types.ts";

/** The harga gabah each side hopes for: the petani sells rice (wants few beras per uang). */
const RICE_PRICE_WISH = { seller: 3, buyer: 5 } as const;

/**
 * How much this villager values one unit of each resource right now: food when short, what the
 * village's projects still need, and little for its own specialty (it has plenty).
 */
export function resourceValues(state: GameState, me: PlayerState): Record<Resource, number> {
  const values: Record<Resource, number> = { beras: 1, kayu: 1, batu: 1, uang: 1 };
  for (const p of Object.values(state.projects)) {
    if (p.status !== "open") continue;
    for (const r of RESOURCES) if ((p.needs[r] ?? 0) > p.given[r]) values[r] = 1.5;
  }
  if (me.hand.beras < FOOD_PER_HOUSEHOLD * 2) values.beras = 3;
  const specialty = ROLES[me.role].specialty;
  if (specialty) values[specialty] = 0.5;
  return values;
}

function worth(values: Record<Resource, number>, bundle: Bundle): number {
  let total = 0;
  for (const r of RESOURCES) total += (bundle[r] ?? 0) * values[r];
  return total;
}

/**
 * A bot's bargaining move, chosen from `legal` (`greed` > 1 asks for more than a fair deal): answer offers made to it (accept a fair one,
 * counter a greedy one, reject the rest), take part in the harga gabah talk, and ask a neighbour
 * for beras when short. Returns null when it has nothing to bargain about.
 */
export function chooseBargainingAction(
  state: GameState,
  playerId: string,
  legal: Action[],
  greed = 1,
): Action | null {
  const me = state.players[playerId]!;
  const values = resourceValues(state, me);

  for (const offer of Object.values(state.offers)) {
    if (offer.status !== "open" || offer.to !== playerId) continue;
    // For me, the offer's `give` is what I receive and its `get` what I pay.
    const receive = worth(values, offer.give);
    const pay = worth(values, offer.get);
    const accept = legal.find((a) => a.type === "acceptTrade" && a.offerId === offer.id);
    if (accept && receive >= pay * greed) return accept;
    const counter = legal.find((a) => a.type === "counterTrade" && a.offerId === offer.id);
    const counterWasMine = offer.parentId !== null && state.offers[offer.parentId]?.from === playerId;
    if (
      counter &&
      counter.type === "counterTrade" &&
      !counterWasMine &&
      worth(values, counter.get) >= worth(values, counter.give)
    ) {
      return counter;
    }
    const rejectIt = legal.find((a) => a.type === "rejectTrade" && a.offerId === offer.id);
    if (rejectIt) return rejectIt;
  }

  const side = ricePriceSide(me);
  if (side && legal.some((a) => a.type === "proposeRicePrice")) {
    const wish = RICE_PRICE_WISH[side];
    const proposal = state.ricePriceTalk.proposal;
    if (proposal && proposal.by !== playerId && ricePriceSide(state.players[proposal.by]!) !== side) {
      if (Math.abs(proposal.price - wish) <= 1) {
        const accept = legal.find((a) => a.type === "acceptRicePrice");
        if (accept) return accept;
      }
      const toward = proposal.price > wish ? wish + 1 : wish - 1;
      const price = Math.max(RICE_PRICE_RANGE.min, Math.min(RICE_PRICE_RANGE.max, toward));
      return { type: "proposeRicePrice", price };
    }
    if (!proposal) return { type: "proposeRicePrice", price: wish };
  }

  // Short of food and not the farmer: ask a petani for beras, paying 2 of my specialty, or else 2 of
  // anything but beras (a tukang makes nothing of its own; a spent specialty must not mean hunger).
  const specialty = ROLES[me.role].specialty;
  const hasOpenOffer = Object.values(state.offers).some((o) => o.status === "open" && o.from === playerId);
  if (!hasOpenOffer && specialty !== "beras" && me.hand.beras < FOOD_PER_HOUSEHOLD) {
    const ask =
      legal.find(
        (a) =>
          a.type === "offerTrade" &&
          state.players[a.to]!.role === "petani" &&
          specialty !== null &&
          (a.give[specialty] ?? 0) === 2 &&
          (a.get.beras ?? 0) === 1,
      ) ??
      legal.find(
        (a) =>
          a.type === "offerTrade" &&
          state.players[a.to]!.role === "petani" &&
          (a.get.beras ?? 0) === 1 &&
          RESOURCES.some((r) => r !== "beras" && (a.give[r] ?? 0) === 2),
      );
    if (ask) return ask;
  }
  return null;
}
