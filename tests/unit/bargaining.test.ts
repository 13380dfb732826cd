/**
 * Bargaining (tawar-menawar), as the rulebook states it: offers "give X for Y" wait for the other
 * villager, who accepts, rejects or counters; the proposer may cancel; a trade happens whole and at
 * once; offers expire at night. The pasar always trades at a poor rate, and once a game the petani and
 * the pedagang agree the harga gabah. Every refusal leaves the village exactly as it was.
 */
import { describe, expect, it } from "vitest";
import {
  type Action,
  type Bundle,
  chooseBargainingAction,
  chooseCooperativeAction,
  ERROR_CODES,
  type EventKind,
  FOOD_PER_HOUSEHOLD,
  type GameState,
  harvestSeason,
  legalActions,
  MARKET_RATE,
  MARKET_RATE_WITH_KOPERASI,
  MAX_OPEN_OFFERS,
  RICE_PRICE_RANGE,
  type TradeOffer,
} from "../../shared/src/index.ts";
import {
  act,
  calmSeasons,
  endPhase,
  finishProject,
  handOf,
  must,
  player,
  setAllHands,
  setHand,
  toAction,
  village,
  villageAt,
  villageStock,
} from "./helpers.ts";

// Seats: p1 petani (Ani), p2 penebang (Budi), p3 penambang (Citra), p4 tukang (Dewi), p5 pedagang (Eko).

/** A village of 5 in season 2's action window (bargaining is open), every hand with 10 of everything. */
function market(): GameState {
  const state = villageAt(5, 2);
  setAllHands(state, { beras: 10, kayu: 10, batu: 10, uang: 10 });
  return state;
}

function offer(to: string, give: Bundle, get: Bundle): Action {
  return { type: "offerTrade", to, give, get };
}
function counter(offerId: string, give: Bundle, get: Bundle): Action {
  return { type: "counterTrade", offerId, give, get };
}
function accept(offerId: string): Action {
  return { type: "acceptTrade", offerId };
}
function rejectOffer(offerId: string): Action {
  return { type: "rejectTrade", offerId };
}
function cancel(offerId: string): Action {
  return { type: "cancelTrade", offerId };
}

/** The newest offer in the village (the one just made). */
function newest(state: GameState): TradeOffer {
  const offers = Object.values(state.offers);
  const last = offers[offers.length - 1];
  if (!last) throw new Error("no offer in the village");
  return last;
}

/** Make an offer that must be accepted by the rules, and return it. */
function propose(state: GameState, from: string, to: string, give: Bundle, get: Bundle): TradeOffer {
  must(state, from, offer(to, give, get));
  return newest(state);
}

/** Expect `action` by `actor` to be refused with `error` (and these params), changing nothing at all. */
function expectRefused(
  state: GameState,
  actor: string,
  action: Action,
  error: string,
  params?: Record<string, string | number>,
): void {
  const before = structuredClone(state);
  const result = act(state, actor, action);
  expect(result).toEqual(params ? { ok: false, error, params } : { ok: false, error });
  expect(state).toEqual(before);
}

describe("an offer between two villagers", () => {
  it("an offer '3 kayu for 2 beras' waits for the other villager; no hand changes yet", () => {
    const state = market();
    const stock = villageStock(state);
    const o = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    expect(o).toMatchObject({
      from: "p2",
      to: "p1",
      give: { kayu: 3 },
      get: { beras: 2 },
      status: "open",
      season: 2,
      threadId: o.id,
      parentId: null,
    });
    expect(handOf(state, "p2")).toEqual({ beras: 10, kayu: 10, batu: 10, uang: 10 });
    expect(handOf(state, "p1")).toEqual({ beras: 10, kayu: 10, batu: 10, uang: 10 });
    expect(villageStock(state)).toEqual(stock);
  });

  it("accepting swaps both bundles at once, logs a bargaining entry and raises both villagers' trust", () => {
    const state = market();
    const o = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    const result = act(state, "p1", accept(o.id));
    expect(result.ok).toBe(true);
    expect(handOf(state, "p2")).toEqual({ beras: 12, kayu: 7, batu: 10, uang: 10 });
    expect(handOf(state, "p1")).toEqual({ beras: 8, kayu: 13, batu: 10, uang: 10 });
    expect(state.offers[o.id]!.status).toBe("accepted");
    const entry = state.log[state.log.length - 1]!;
    expect(entry).toMatchObject({ form: "bargaining", season: 2, actors: ["p2", "p1"] });
    expect(entry.what).toEqual({
      key: "coop.trade",
      params: { from: "Budi", to: "Ani", give: "3 kayu", get: "2 beras", rounds: 1 },
    });
    expect(result.ok && result.log).toEqual(entry);
    expect(player(state, "p1").trust.kept).toBe(1);
    expect(player(state, "p2").trust.kept).toBe(1);
    expect(player(state, "p3").trust.kept).toBe(0);
  });

  it("rejecting closes the offer and changes no hands", () => {
    const state = market();
    const o = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    const hands = state.playerOrder.map((id) => handOf(state, id));
    must(state, "p1", rejectOffer(o.id));
    expect(state.offers[o.id]!.status).toBe("rejected");
    expect(state.playerOrder.map((id) => handOf(state, id))).toEqual(hands);
    expect(state.log.filter((e) => e.form === "bargaining")).toEqual([]);
  });

  it("the proposer may cancel: the offer closes and no hands change", () => {
    const state = market();
    const o = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    const hands = state.playerOrder.map((id) => handOf(state, id));
    must(state, "p2", cancel(o.id));
    expect(state.offers[o.id]!.status).toBe("cancelled");
    expect(state.playerOrder.map((id) => handOf(state, id))).toEqual(hands);
  });

  it("only the receiver may accept, reject or counter (notYourOffer)", () => {
    const state = market();
    const o = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    for (const actor of ["p2", "p3"]) {
      expectRefused(state, actor, accept(o.id), ERROR_CODES.notYourOffer);
      expectRefused(state, actor, rejectOffer(o.id), ERROR_CODES.notYourOffer);
      expectRefused(state, actor, counter(o.id, { batu: 1 }, { kayu: 3 }), ERROR_CODES.notYourOffer);
    }
  });

  it("only the proposer may cancel (notYourOffer)", () => {
    const state = market();
    const o = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    expectRefused(state, "p1", cancel(o.id), ERROR_CODES.notYourOffer);
    expectRefused(state, "p4", cancel(o.id), ERROR_CODES.notYourOffer);
  });

  it("bundles may hold several resources on each side", () => {
    const state = market();
    const o = propose(state, "p4", "p5", { kayu: 2, batu: 1 }, { uang: 3, beras: 1 });
    must(state, "p5", accept(o.id));
    expect(handOf(state, "p4")).toEqual({ beras: 11, kayu: 8, batu: 9, uang: 13 });
    expect(handOf(state, "p5")).toEqual({ beras: 9, kayu: 12, batu: 11, uang: 7 });
    expect(state.log[state.log.length - 1]!.what.params).toMatchObject({
      give: "2 kayu + 1 batu",
      get: "1 beras + 3 uang",
    });
  });
});

describe("counter-offers", () => {
  it("a counter closes the old offer (countered) and sends new terms back the other way in the same thread", () => {
    const state = market();
    const first = propose(state, "p2", "p1", { kayu: 3 }, { beras: 4 });
    must(state, "p1", counter(first.id, { beras: 2 }, { kayu: 3 }));
    const second = newest(state);
    expect(state.offers[first.id]!.status).toBe("countered");
    expect(second).toMatchObject({
      from: "p1",
      to: "p2",
      give: { beras: 2 },
      get: { kayu: 3 },
      status: "open",
      threadId: first.id,
      parentId: first.id,
    });
    // The countered offer can no longer be accepted; the counter can.
    expectRefused(state, "p1", accept(first.id), ERROR_CODES.offerClosed, { status: "countered" });
    must(state, "p2", accept(second.id));
    expect(handOf(state, "p1")).toEqual({ beras: 8, kayu: 13, batu: 10, uang: 10 });
    expect(handOf(state, "p2")).toEqual({ beras: 12, kayu: 7, batu: 10, uang: 10 });
  });

  it("offers can go back and forth several times before an agreement", () => {
    const state = market();
    const first = propose(state, "p3", "p5", { batu: 1 }, { uang: 4 });
    must(state, "p5", counter(first.id, { uang: 1 }, { batu: 3 }));
    must(state, "p3", counter(newest(state).id, { batu: 2 }, { uang: 3 }));
    must(state, "p5", counter(newest(state).id, { uang: 2 }, { batu: 2 }));
    const last = newest(state);
    must(state, "p3", accept(last.id));

    const thread = Object.values(state.offers).filter((o) => o.threadId === first.id);
    expect(thread.map((o) => [o.from, o.to, o.status])).toEqual([
      ["p3", "p5", "countered"],
      ["p5", "p3", "countered"],
      ["p3", "p5", "countered"],
      ["p5", "p3", "accepted"],
    ]);
    expect(thread.slice(1).map((o) => o.parentId)).toEqual(thread.slice(0, -1).map((o) => o.id));
    expect(handOf(state, "p3")).toEqual({ beras: 10, kayu: 10, batu: 8, uang: 12 });
    expect(handOf(state, "p5")).toEqual({ beras: 10, kayu: 10, batu: 12, uang: 8 });
    expect(state.log[state.log.length - 1]!).toMatchObject({
      form: "bargaining",
      actors: ["p5", "p3"],
      what: { params: { rounds: 4 } },
    });
  });

  it("a refused counter leaves the offer open and changes nothing", () => {
    const state = market();
    const o = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    expectRefused(state, "p1", counter(o.id, { beras: 50 }, { kayu: 3 }), ERROR_CODES.notEnoughResources);
    expectRefused(state, "p1", counter(o.id, {}, { kayu: 3 }), ERROR_CODES.emptyTrade);
    expectRefused(state, "p1", counter(o.id, { kayu: 1 }, { kayu: 3 }), ERROR_CODES.sameResource);
    expect(state.offers[o.id]!.status).toBe("open");
    must(state, "p1", accept(o.id));
  });
});

describe("expiry", () => {
  it("offers still open when the season ends expire; answered ones keep their status", () => {
    const state = market();
    const open = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    const done = propose(state, "p3", "p1", { batu: 1 }, { beras: 1 });
    must(state, "p1", accept(done.id));
    endPhase(state);
    expect(state.phase).toBe("night");
    expect(state.offers[open.id]!.status).toBe("expired");
    expect(state.offers[done.id]!.status).toBe("accepted");
    toAction(state, 3);
    expectRefused(state, "p1", accept(open.id), ERROR_CODES.offerClosed, { status: "expired" });
  });

  it("an unanswered harga gabah proposal expires with the season", () => {
    const state = talkVillage();
    must(state, "p1", { type: "proposeRicePrice", price: 3 });
    expect(state.ricePriceTalk.proposal).toEqual({ by: "p1", price: 3 });
    endPhase(state);
    expect(state.ricePriceTalk.proposal).toBeNull();
    expect(state.ricePrice).toBeNull();
  });
});

describe("limits and bad offers (each refusal changes nothing)", () => {
  it(`a villager may have at most ${MAX_OPEN_OFFERS} open offers (tooManyOffers)`, () => {
    const state = market();
    for (const to of ["p2", "p3", "p4"].slice(0, MAX_OPEN_OFFERS))
      propose(state, "p1", to, { beras: 1 }, { uang: 1 });
    expectRefused(state, "p1", offer("p5", { beras: 1 }, { uang: 1 }), ERROR_CODES.tooManyOffers, {
      max: MAX_OPEN_OFFERS,
    });
    // Nor may a villager at the cap answer with a counter, which would be one more open offer.
    const toP1 = propose(state, "p5", "p1", { uang: 1 }, { beras: 1 });
    expectRefused(state, "p1", counter(toP1.id, { beras: 1 }, { uang: 2 }), ERROR_CODES.tooManyOffers, {
      max: MAX_OPEN_OFFERS,
    });
    // Once one of them is answered, there is room again.
    must(state, "p1", cancel(Object.values(state.offers)[0]!.id));
    must(state, "p1", offer("p5", { beras: 1 }, { uang: 1 }));
  });

  it.each<[string, Action, string]>([
    ["an offer to oneself", offer("p1", { beras: 1 }, { uang: 1 }), ERROR_CODES.cannotTradeSelf],
    ["an offer to a seat nobody has", offer("p9", { beras: 1 }, { uang: 1 }), ERROR_CODES.unknownPlayer],
    ["an offer to 'toString'", offer("toString", { beras: 1 }, { uang: 1 }), ERROR_CODES.unknownPlayer],
    ["giving nothing", offer("p2", {}, { kayu: 1 }), ERROR_CODES.emptyTrade],
    ["asking nothing", offer("p2", { beras: 1 }, { kayu: 0 }), ERROR_CODES.emptyTrade],
    [
      "the same resource on both sides",
      offer("p2", { beras: 1, uang: 1 }, { beras: 2 }),
      ERROR_CODES.sameResource,
    ],
    ["a negative amount", offer("p2", { beras: -1 }, { kayu: 1 }), ERROR_CODES.badAmount],
    ["a fractional amount", offer("p2", { beras: 1 }, { kayu: 0.5 }), ERROR_CODES.badAmount],
    ["a huge amount", offer("p2", { beras: 1 }, { kayu: 1e9 }), ERROR_CODES.badAmount],
    ["more than one holds", offer("p2", { beras: 11 }, { kayu: 1 }), ERROR_CODES.notEnoughResources],
  ])("%s is refused", (_what, action, error) => {
    const state = market();
    expectRefused(state, "p1", action, error);
  });

  it("an unknown offer id is refused for every answer (unknownOffer)", () => {
    const state = market();
    propose(state, "p2", "p1", { kayu: 1 }, { beras: 1 });
    for (const id of ["o99", "toString", "__proto__"]) {
      expectRefused(state, "p1", accept(id), ERROR_CODES.unknownOffer);
      expectRefused(state, "p1", rejectOffer(id), ERROR_CODES.unknownOffer);
      expectRefused(state, "p2", cancel(id), ERROR_CODES.unknownOffer);
      expectRefused(state, "p1", counter(id, { beras: 1 }, { kayu: 1 }), ERROR_CODES.unknownOffer);
    }
  });

  it("acceptance is refused when the receiver no longer holds its side (notEnoughResources)", () => {
    const state = market();
    const o = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    setHand(state, "p1", { beras: 1 });
    expectRefused(state, "p1", accept(o.id), ERROR_CODES.notEnoughResources);
    expect(state.offers[o.id]!.status).toBe("open");
  });

  it("acceptance is refused when the proposer no longer holds his side (partnerLacksResources)", () => {
    const state = market();
    const o = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    // After making the offer, Budi gave most of his kayu to a neighbour whose house a musibah struck.
    player(state, "p3").houseDamaged = true;
    must(state, "p2", { type: "giveAid", to: "p3", give: { kayu: 8 } });
    expect(handOf(state, "p2").kayu).toBe(2);
    expectRefused(state, "p1", accept(o.id), ERROR_CODES.partnerLacksResources, { name: "Budi" });
  });

  it("an offer closed by a cancel, or already accepted, cannot be accepted again (offerClosed)", () => {
    const state = market();
    const cancelled = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    must(state, "p2", cancel(cancelled.id));
    expectRefused(state, "p1", accept(cancelled.id), ERROR_CODES.offerClosed, { status: "cancelled" });
    expectRefused(state, "p2", cancel(cancelled.id), ERROR_CODES.offerClosed, { status: "cancelled" });

    const accepted = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    must(state, "p1", accept(accepted.id));
    expectRefused(state, "p1", accept(accepted.id), ERROR_CODES.offerClosed, { status: "accepted" });
    expectRefused(state, "p1", rejectOffer(accepted.id), ERROR_CODES.offerClosed, { status: "accepted" });
    expectRefused(state, "p2", cancel(accepted.id), ERROR_CODES.offerClosed, { status: "accepted" });
  });
});

describe("one new idea per season", () => {
  const actions: Action[] = [
    offer("p2", { beras: 1 }, { kayu: 1 }),
    counter("o1", { beras: 1 }, { kayu: 1 }),
    accept("o1"),
    rejectOffer("o1"),
    cancel("o1"),
    { type: "tradeWithMarket", give: "beras", get: "kayu", amount: 1 },
    { type: "proposeRicePrice", price: 3 },
    { type: "acceptRicePrice" },
  ];

  it.each(actions.map((a) => [a.type, a] as const))(
    "%s in season 1 is refused with formNotOpenYet",
    (_t, action) => {
      const state = villageAt(5, 1);
      setAllHands(state, { beras: 10, kayu: 10, batu: 10, uang: 10 });
      expectRefused(state, "p1", action, ERROR_CODES.formNotOpenYet, { season: 2 });
    },
  );

  it("bargaining offers no buttons in season 1", () => {
    const state = villageAt(5, 1);
    const types = new Set(legalActions(state, "p1").map((a) => a.type));
    for (const a of actions) expect(types.has(a.type)).toBe(false);
  });

  it("a teacher who opens every form lets the village bargain in season 1", () => {
    const state = villageAt(5, 1, { config: { openAllForms: true } });
    setAllHands(state, { beras: 10, kayu: 10, batu: 10, uang: 10 });
    const o = propose(state, "p2", "p1", { kayu: 3 }, { beras: 2 });
    must(state, "p1", accept(o.id));
    must(state, "p1", { type: "tradeWithMarket", give: "beras", get: "batu", amount: 1 });
    expect(handOf(state, "p1")).toEqual({ beras: 8 - MARKET_RATE, kayu: 13, batu: 11, uang: 10 });
  });
});

describe("the pasar", () => {
  it(`always trades, at a poor ${MARKET_RATE}:1`, () => {
    const state = market();
    const stock = villageStock(state);
    must(state, "p2", { type: "tradeWithMarket", give: "kayu", get: "batu", amount: 2 });
    expect(handOf(state, "p2")).toEqual({ beras: 10, kayu: 10 - 2 * MARKET_RATE, batu: 12, uang: 10 });
    expect(player(state, "p2").location).toBe("pasar");
    // The pasar is not a villager: the village's stock changes (unlike a trade between villagers).
    expect(villageStock(state)).toEqual({
      ...stock,
      kayu: stock.kayu - 2 * MARKET_RATE,
      batu: stock.batu + 2,
    });
    expect(state.log.filter((e) => e.form === "bargaining")).toEqual([]);
  });

  it(`trades at ${MARKET_RATE_WITH_KOPERASI}:1 once the village has built a koperasi`, () => {
    const state = market();
    expect(MARKET_RATE_WITH_KOPERASI).toBeLessThan(MARKET_RATE);
    finishProject(state, "koperasi", ["p1", "p2", "p3", "p5"], "p4");
    must(state, "p2", { type: "tradeWithMarket", give: "kayu", get: "batu", amount: 2 });
    expect(handOf(state, "p2")).toMatchObject({ kayu: 10 - 2 * MARKET_RATE_WITH_KOPERASI, batu: 12 });
  });

  it("refuses when one cannot pay (notEnoughResources, saying how much is needed)", () => {
    const state = market();
    setHand(state, "p2", { kayu: 2 * MARKET_RATE - 1 });
    expectRefused(
      state,
      "p2",
      { type: "tradeWithMarket", give: "kayu", get: "batu", amount: 2 },
      ERROR_CODES.notEnoughResources,
      { need: 2 * MARKET_RATE },
    );
    expectRefused(
      state,
      "p2",
      { type: "tradeWithMarket", give: "kayu", get: "kayu", amount: 1 },
      ERROR_CODES.sameResource,
    );
    expectRefused(
      state,
      "p2",
      { type: "tradeWithMarket", give: "kayu", get: "batu", amount: 0 },
      ERROR_CODES.badAmount,
    );
  });

  it("once the harga gabah is agreed, beras→uang costs `price` beras per uang and uang→beras gives `price` beras per uang", () => {
    const state = talkVillage();
    must(state, "p5", { type: "proposeRicePrice", price: 3 });
    must(state, "p1", { type: "acceptRicePrice" });
    setHand(state, "p2", { beras: 10, uang: 10, kayu: 10 });
    must(state, "p2", { type: "tradeWithMarket", give: "beras", get: "uang", amount: 2 });
    expect(handOf(state, "p2")).toMatchObject({ beras: 4, uang: 12 });
    must(state, "p2", { type: "tradeWithMarket", give: "uang", get: "beras", amount: 6 });
    expect(handOf(state, "p2")).toMatchObject({ beras: 10, uang: 10 });
    // Other goods keep the pasar's usual rate.
    must(state, "p2", { type: "tradeWithMarket", give: "kayu", get: "beras", amount: 1 });
    expect(handOf(state, "p2")).toMatchObject({ beras: 11, kayu: 10 - MARKET_RATE });
  });
});

/** A calm, well-fed village of 5 in the action window of its harga gabah season. */
function talkVillage(): GameState {
  const state = village(5);
  calmSeasons(state);
  setAllHands(state, { beras: 50 });
  toAction(state, state.ricePriceTalk.season);
  setAllHands(state, { beras: 20, kayu: 10, batu: 10, uang: 10 });
  return state;
}

describe("harga gabah", () => {
  it("the talk happens at harvest: the first panen raya from season 2, or season 3 if none comes", () => {
    const calm: EventKind[] = Array.from({ length: 7 }, () => "tenang");
    expect(harvestSeason(calm, 6)).toBe(3);
    expect(
      harvestSeason(
        calm.map((e, s) => (s === 4 ? "panenRaya" : e)),
        6,
      ),
    ).toBe(4);
    expect(
      harvestSeason(
        calm.map((e, s) => (s === 2 || s === 5 ? "panenRaya" : e)),
        6,
      ),
    ).toBe(2);
    // A panen raya in season 1 comes before bargaining opens.
    expect(
      harvestSeason(
        calm.map((e, s) => (s === 1 ? "panenRaya" : e)),
        6,
      ),
    ).toBe(3);
    const state = village(5, { seed: 1 });
    expect(state.ricePriceTalk.season).toBe(harvestSeason(state.events, 6));
  });

  it("is closed in any other season (ricePriceClosed)", () => {
    const state = village(5);
    calmSeasons(state);
    setAllHands(state, { beras: 50 });
    const talk = state.ricePriceTalk.season;
    for (let season = 2; season < talk; season++) {
      toAction(state, season);
      expectRefused(state, "p1", { type: "proposeRicePrice", price: 3 }, ERROR_CODES.ricePriceClosed);
      expectRefused(state, "p5", { type: "acceptRicePrice" }, ERROR_CODES.ricePriceClosed);
    }
    toAction(state, talk);
    must(state, "p1", { type: "proposeRicePrice", price: 3 });
    toAction(state, talk + 1);
    expectRefused(state, "p1", { type: "proposeRicePrice", price: 3 }, ERROR_CODES.ricePriceClosed);
  });

  it("only the petani and the pedagang take part (notRicePriceParty)", () => {
    const state = talkVillage();
    for (const outsider of ["p2", "p3", "p4"]) {
      expectRefused(state, outsider, { type: "proposeRicePrice", price: 3 }, ERROR_CODES.notRicePriceParty);
    }
    must(state, "p1", { type: "proposeRicePrice", price: 3 });
    expectRefused(state, "p4", { type: "acceptRicePrice" }, ERROR_CODES.notRicePriceParty);
  });

  it(`the price must be a whole number from ${RICE_PRICE_RANGE.min} to ${RICE_PRICE_RANGE.max} (badRicePrice)`, () => {
    const state = talkVillage();
    const params = { min: RICE_PRICE_RANGE.min, max: RICE_PRICE_RANGE.max };
    for (const price of [1, RICE_PRICE_RANGE.max + 1, 99]) {
      expectRefused(state, "p1", { type: "proposeRicePrice", price }, ERROR_CODES.badRicePrice, params);
    }
    expectRefused(state, "p1", { type: "proposeRicePrice", price: 0 }, ERROR_CODES.badAmount);
    expectRefused(state, "p1", { type: "proposeRicePrice", price: 3.5 }, ERROR_CODES.badAmount);
    for (const price of [RICE_PRICE_RANGE.min, RICE_PRICE_RANGE.max])
      must(state, "p1", { type: "proposeRicePrice", price });
  });

  it("nobody can accept when nothing is on the table (noRicePriceProposal)", () => {
    const state = talkVillage();
    expectRefused(state, "p1", { type: "acceptRicePrice" }, ERROR_CODES.noRicePriceProposal);
  });

  it("the proposer's own side cannot accept its own price (ownRicePriceProposal)", () => {
    const state = talkVillage();
    must(state, "p1", { type: "proposeRicePrice", price: 3 });
    expectRefused(state, "p1", { type: "acceptRicePrice" }, ERROR_CODES.ownRicePriceProposal);
  });

  it("with two petani, one petani cannot accept the other's price (ownRicePriceProposal)", () => {
    const state = village(6);
    calmSeasons(state);
    setAllHands(state, { beras: 50 });
    toAction(state, state.ricePriceTalk.season);
    expect(player(state, "p6").role).toBe("petani");
    must(state, "p1", { type: "proposeRicePrice", price: 2 });
    expectRefused(state, "p6", { type: "acceptRicePrice" }, ERROR_CODES.ownRicePriceProposal);
  });

  it("agreement sets the price for the rest of the game, logs a bargaining entry and closes the talk", () => {
    const state = talkVillage();
    must(state, "p1", { type: "proposeRicePrice", price: 3 });
    must(state, "p5", { type: "proposeRicePrice", price: 5 });
    must(state, "p1", { type: "proposeRicePrice", price: 4 });
    const result = act(state, "p5", { type: "acceptRicePrice" });
    expect(result.ok).toBe(true);
    expect(state.ricePrice).toBe(4);
    expect(state.ricePriceTalk.proposal).toBeNull();
    expect(state.ricePriceTalk.history).toEqual([
      { by: "p1", price: 3 },
      { by: "p5", price: 5 },
      { by: "p1", price: 4 },
    ]);
    const entry = state.log[state.log.length - 1]!;
    expect(entry).toMatchObject({
      form: "bargaining",
      actors: ["p1", "p5"],
      what: { key: "coop.ricePrice", params: { from: "Ani", to: "Eko", price: 4, rounds: 3 } },
    });
    expect(player(state, "p1").trust.kept).toBe(1);
    expect(player(state, "p5").trust.kept).toBe(1);

    expectRefused(state, "p1", { type: "proposeRicePrice", price: 2 }, ERROR_CODES.ricePriceClosed);
    expectRefused(state, "p5", { type: "acceptRicePrice" }, ERROR_CODES.ricePriceClosed);

    // Seasons later, the pasar still uses the agreed price.
    const season = state.season;
    expect(season).toBeLessThan(state.config.seasons);
    setAllHands(state, { beras: 50 });
    toAction(state, season + 1);
    expect(state.ricePrice).toBe(4);
    setHand(state, "p3", { beras: 8 });
    must(state, "p3", { type: "tradeWithMarket", give: "beras", get: "uang", amount: 2 });
    expect(handOf(state, "p3")).toMatchObject({ beras: 0, uang: 2 });
  });
});

describe("bots bargain", () => {
  /** A village of 5 bots in season 2's action window with plain hands (fed, with beras to spare). */
  function botVillage(): GameState {
    const state = villageAt(5, 2, { people: 0 });
    setAllHands(state, { beras: 3 * FOOD_PER_HOUSEHOLD, kayu: 4, batu: 4, uang: 4 });
    return state;
  }

  it("a cooperative bot accepts a fair offer made to it", () => {
    const state = botVillage();
    // For the petani, kayu the projects need is worth more than its own beras.
    const o = propose(state, "p2", "p1", { kayu: 1 }, { beras: 2 });
    expect(chooseCooperativeAction(state, "p1")).toEqual(accept(o.id));
  });

  it("a cooperative bot counters a greedy offer with half the price", () => {
    const state = botVillage();
    const o = propose(state, "p2", "p1", { kayu: 1 }, { beras: 5 });
    expect(chooseCooperativeAction(state, "p1")).toEqual(counter(o.id, { beras: 2 }, { kayu: 1 }));
  });

  it("a cooperative bot rejects a greedy offer it cannot sensibly counter", () => {
    const state = botVillage();
    // One beras (worth little to the petani) for the one uang it would pay: nothing to halve.
    const o = propose(state, "p2", "p1", { beras: 1 }, { uang: 1 });
    expect(chooseCooperativeAction(state, "p1")).toEqual(rejectOffer(o.id));
  });

  it("a bot does not counter its own counter again: it rejects the answer instead of looping", () => {
    const state = botVillage();
    const o = propose(state, "p2", "p1", { kayu: 1 }, { beras: 5 });
    must(state, "p1", chooseCooperativeAction(state, "p1")!);
    // Budi counters back with a greedy price.
    must(state, "p2", counter(newest(state).id, { kayu: 1 }, { beras: 4 }));
    expect(newest(state).threadId).toBe(o.id);
    expect(chooseCooperativeAction(state, "p1")).toEqual(rejectOffer(newest(state).id));
  });

  it("a bot always answers an open offer made to it when it acts", () => {
    const offers: [string, Bundle, Bundle][] = [
      ["p2", { kayu: 1 }, { beras: 1 }],
      ["p3", { batu: 2 }, { uang: 3 }],
      ["p4", { uang: 1 }, { kayu: 4 }],
      ["p5", { uang: 4 }, { beras: 1, batu: 1 }],
      ["p2", { kayu: 4 }, { batu: 4, uang: 4 }],
    ];
    for (const [from, give, get] of offers) {
      for (const to of ["p1", "p3", "p4", "p5", "p2"].filter((id) => id !== from)) {
        const state = botVillage();
        const o = propose(state, from, to, give, get);
        const answer = chooseCooperativeAction(state, to);
        expect(answer, `${to} answering ${JSON.stringify(o)}`).toMatchObject({ offerId: o.id });
        expect(["acceptTrade", "rejectTrade", "counterTrade"]).toContain(answer!.type);
        must(state, to, answer!);
        expect(state.offers[o.id]!.status).not.toBe("open");
      }
    }
  });

  it("the petani and pedagang bots reach a harga gabah agreement within a few moves", () => {
    const state = villageAt(5, 1, { people: 0 });
    calmSeasons(state);
    setAllHands(state, { beras: 50 });
    toAction(state, state.ricePriceTalk.season);
    setAllHands(state, { beras: 10, kayu: 4, batu: 4, uang: 4 });
    let moves = 0;
    while (state.ricePrice === null && moves < 6) {
      for (const id of ["p1", "p5"]) {
        if (state.ricePrice !== null) break;
        const action = chooseBargainingAction(state, id, legalActions(state, id));
        if (action) {
          must(state, id, action);
          moves++;
        }
      }
    }
    expect(state.ricePrice).not.toBeNull();
    expect(moves).toBeLessThanOrEqual(4);
    expect(state.ricePrice).toBeGreaterThanOrEqual(RICE_PRICE_RANGE.min);
    expect(state.ricePrice).toBeLessThanOrEqual(RICE_PRICE_RANGE.max);
    expect(state.log.some((e) => e.form === "bargaining" && e.what.key === "coop.ricePrice")).toBe(true);
  });

  it("a hungry bot that is not a petani asks a petani for beras, paying with its specialty", () => {
    const state = botVillage();
    setHand(state, "p2", { beras: FOOD_PER_HOUSEHOLD - 1, kayu: 5 });
    const ask = chooseCooperativeAction(state, "p2");
    expect(ask).toMatchObject({ type: "offerTrade", give: { kayu: 2 }, get: { beras: 1 } });
    expect(ask!.type === "offerTrade" && player(state, ask!.to).role).toBe("petani");
    must(state, "p2", ask!);
    // With that offer open it does not ask again.
    const next = chooseCooperativeAction(state, "p2");
    expect(next?.type).not.toBe("offerTrade");
  });
});
