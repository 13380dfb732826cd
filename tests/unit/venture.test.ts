/**
 * Joint venture (usaha bersama): two villagers invest agreed capital, fix the profit split at
 * signing, and the business pays each season in which both put in their tenaga, for a set number of
 * seasons. If one partner does not work, it stalls.
 */
import { describe, expect, it } from "vitest";
import {
  type Bundle,
  DEFAULT_CONFIG,
  ERROR_CODES,
  FOOD_PER_HOUSEHOLD,
  FORM_OPENS_IN_SEASON,
  type GameState,
  type Hand,
  legalActions,
  METER_MAX,
  type ProposeVentureAction,
  REFERENCE_HOUSEHOLDS,
  RESOURCES,
  VENTURE_KINDS,
  VENTURE_SHARES,
  VENTURE_TENAGA,
  VENTURE_WELFARE_PER_PAY,
  VENTURES,
  type VentureKind,
  type VentureState,
  venturePayout,
} from "../../shared/src/index.ts";
import {
  act,
  calmSeasons,
  endPhase,
  handOf,
  must,
  setAllHands,
  setHand,
  toAction,
  village,
} from "./helpers.ts";

const HAND: Hand = { beras: 10 * FOOD_PER_HOUSEHOLD, kayu: 5, batu: 5, uang: 5 };

/**
 * A partner's hand after a night in which the venture paid: his `share` percent of each resource of
 * the output (the proposer's rounded down, the partner gets the rest), less the household's meal.
 */
function afterPayday(
  hand: Hand,
  kind: VentureKind,
  proposerShare: number,
  side: "proposer" | "partner",
): Hand {
  const out = { ...hand, beras: hand.beras - FOOD_PER_HOUSEHOLD };
  for (const r of RESOURCES) {
    const output = VENTURES[kind].output[r] ?? 0;
    const proposers = Math.floor((output * proposerShare) / 100);
    out[r] += side === "proposer" ? proposers : output - proposers;
  }
  return out;
}

/** Seasons enough for any venture to run its course and be seen finished. */
const SEASONS = Math.max(DEFAULT_CONFIG.seasons, ...VENTURE_KINDS.map((k) => VENTURES[k].seasons + 1));

/**
 * Keep a test village at peace for the seasons a venture runs: since the balance rules the village
 * starts at START_METERS.harmony, and the harvest without a harga gabah (RICE_TALK_FAILED) and the
 * tokoh's nightly drain would end an idle village's game by harmony 0 in season 3 or 4. Harmony at
 * its maximum keeps the game going; ventures do not touch harmony.
 */
function atPeace(state: GameState): GameState {
  state.meters.harmony = METER_MAX;
  return state;
}

/** A calm, well-fed, peaceful village of 4 with every form open, in season 1's action window. */
function openVillage(): GameState {
  const state = atPeace(village(4, { config: { openAllForms: true, seasons: SEASONS } }));
  calmSeasons(state);
  toAction(state, 1);
  setAllHands(state, HAND);
  return state;
}

function proposal(overrides: Partial<ProposeVentureAction> = {}): ProposeVentureAction {
  return {
    type: "proposeVenture",
    to: "p2",
    kind: "eksporKopi",
    give: { uang: 2 },
    ask: { kayu: 1 },
    share: 30,
    ...overrides,
  };
}

/** p1 proposes to p2; returns the venture. */
function propose(state: GameState, overrides: Partial<ProposeVentureAction> = {}): VentureState {
  must(state, "p1", proposal(overrides));
  return Object.values(state.ventures).at(-1)!;
}

/** p1 and p2 found an export business (p1 takes 30 %). */
function founded(state: GameState, overrides: Partial<ProposeVentureAction> = {}): VentureState {
  const venture = propose(state, overrides);
  must(state, "p2", { type: "acceptVenture", ventureId: venture.id });
  return venture;
}

function bothWork(state: GameState, venture: VentureState): void {
  must(state, "p1", { type: "workVenture", ventureId: venture.id });
  must(state, "p2", { type: "workVenture", ventureId: venture.id });
}

describe("proposing a venture", () => {
  it("a venture with oneself is refused", () => {
    const state = openVillage();
    expect(act(state, "p1", proposal({ to: "p1" }))).toEqual({
      ok: false,
      error: ERROR_CODES.cannotVentureSelf,
    });
  });

  it("the partner must be a villager", () => {
    const state = openVillage();
    expect(act(state, "p1", proposal({ to: "hasOwnProperty" }))).toEqual({
      ok: false,
      error: ERROR_CODES.unknownPlayer,
    });
  });

  it("the share must be one of VENTURE_SHARES", () => {
    const state = openVillage();
    for (const share of [0, 25, 55, 80, 100]) {
      expect(act(state, "p1", proposal({ share }))).toEqual({
        ok: false,
        error: ERROR_CODES.badShare,
        params: { shares: VENTURE_SHARES.join("/") },
      });
    }
    for (const share of VENTURE_SHARES) expect(act(state, "p1", proposal({ share }))).toEqual({ ok: true });
  });

  it("both sides must bring capital", () => {
    const state = openVillage();
    expect(act(state, "p1", proposal({ give: {} }))).toEqual({ ok: false, error: ERROR_CODES.emptyCapital });
    expect(act(state, "p1", proposal({ ask: { kayu: 0 } }))).toEqual({
      ok: false,
      error: ERROR_CODES.emptyCapital,
    });
  });

  it("the proposer must hold his capital", () => {
    const state = openVillage();
    expect(act(state, "p1", proposal({ give: { uang: HAND.uang + 1 } }))).toEqual({
      ok: false,
      error: ERROR_CODES.notEnoughResources,
    });
  });

  it("a proposal moves nothing yet", () => {
    const state = openVillage();
    const venture = propose(state);
    expect(venture).toMatchObject({
      proposer: "p1",
      partner: "p2",
      status: "proposed",
      proposerShare: 30,
      seasonsLeft: VENTURES.eksporKopi.seasons,
    });
    expect(handOf(state, "p1")).toEqual(HAND);
    expect(handOf(state, "p2")).toEqual(HAND);
  });

  it("joint ventures open in their season (FORM_OPENS_IN_SEASON.jointVenture)", () => {
    const opens = FORM_OPENS_IN_SEASON.jointVenture;
    const state = atPeace(village(4));
    calmSeasons(state);
    setAllHands(state, HAND);
    toAction(state, opens - 1);
    expect(act(state, "p1", proposal())).toEqual({
      ok: false,
      error: ERROR_CODES.formNotOpenYet,
      params: { season: opens },
    });
    toAction(state, opens);
    setAllHands(state, HAND);
    expect(act(state, "p1", proposal())).toEqual({ ok: true });
  });
});

describe("capital on the menu", () => {
  /** The different capitals p1 is offered to put into a venture with p2, according to the menu. */
  function menuCapital(state: GameState): Bundle[] {
    const gives = legalActions(state, "p1").flatMap((a) =>
      a.type === "proposeVenture" && a.to === "p2" ? [JSON.stringify(a.give)] : [],
    );
    return [...new Set(gives)].map((g) => JSON.parse(g) as Bundle);
  }

  it("comes from something other than beras when the proposer can (the household's food last)", () => {
    const state = openVillage();
    setHand(state, "p1", { beras: 10, kayu: 2 });
    expect(menuCapital(state)).toEqual([{ kayu: 2 }]);
    setHand(state, "p1", { beras: 10, uang: 3, batu: 1 });
    expect(menuCapital(state)).toEqual([{ uang: 2 }]);
    // Only beras to spare: beras it is.
    setHand(state, "p1", { beras: 10, kayu: 1, batu: 1, uang: 1 });
    expect(menuCapital(state)).toEqual([{ beras: 2 }]);
    // Nothing to invest: no venture on the menu.
    setHand(state, "p1", { beras: 1, kayu: 1, batu: 1, uang: 1 });
    expect(menuCapital(state)).toEqual([]);
  });
});

describe("signing", () => {
  it("only the villager it was offered to can accept it", () => {
    const state = openVillage();
    const venture = propose(state);
    for (const p of ["p1", "p3"]) {
      expect(act(state, p, { type: "acceptVenture", ventureId: venture.id })).toEqual({
        ok: false,
        error: ERROR_CODES.ventureNotOffered,
      });
    }
    expect(act(state, "p2", { type: "acceptVenture", ventureId: "j999" })).toEqual({
      ok: false,
      error: ERROR_CODES.unknownVenture,
    });
    expect(venture.status).toBe("proposed");
  });

  it("accepting invests both capitals at once and logs a jointVenture", () => {
    const state = openVillage();
    const venture = propose(state);
    must(state, "p2", { type: "acceptVenture", ventureId: venture.id });
    expect(venture.status).toBe("active");
    expect(handOf(state, "p1")).toEqual({ ...HAND, uang: HAND.uang - 2 });
    expect(handOf(state, "p2")).toEqual({ ...HAND, kayu: HAND.kayu - 1 });
    expect(state.players.p1!.trust.kept).toBe(1);
    expect(state.players.p2!.trust.kept).toBe(1);
    expect(state.log.at(-1)).toMatchObject({
      form: "jointVenture",
      season: 1,
      actors: ["p1", "p2"],
      what: {
        key: "coop.ventureFounded",
        params: { kind: "eksporKopi", from: "Ani", to: "Budi", share: 30 },
      },
    });
  });

  it("the partner must hold his capital", () => {
    const state = openVillage();
    const venture = propose(state, { ask: { kayu: HAND.kayu + 1 } });
    expect(act(state, "p2", { type: "acceptVenture", ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.notEnoughResources,
    });
    expect(venture.status).toBe("proposed");
  });

  it("the proposer must still hold his capital when the partner signs", () => {
    const state = openVillage();
    const venture = propose(state);
    // Before p2 signs, p1 gives all his uang to a neighbour whose house a musibah struck.
    state.players.p3!.houseDamaged = true;
    must(state, "p1", { type: "giveAid", to: "p3", give: { uang: HAND.uang } });
    const p2 = handOf(state, "p2");
    expect(act(state, "p2", { type: "acceptVenture", ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.partnerLacksResources,
      params: { name: "Ani" },
    });
    expect(handOf(state, "p2")).toEqual(p2);
    expect(venture.status).toBe("proposed");
  });

  it("a venture is signed once", () => {
    const state = openVillage();
    const venture = founded(state);
    expect(act(state, "p2", { type: "acceptVenture", ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.ventureClosed,
    });
    expect(handOf(state, "p2")).toEqual({ ...HAND, kayu: HAND.kayu - 1 });
  });

  it("an unsigned proposal expires at night", () => {
    const state = openVillage();
    const venture = propose(state);
    endPhase(state);
    expect(venture.status).toBe("expired");
    toAction(state, 2);
    expect(act(state, "p2", { type: "acceptVenture", ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.ventureClosed,
    });
  });
});

describe("the venture pays", () => {
  it("venture payout = share × output: the proposer gets floor(output × share / 100), the partner the rest", () => {
    for (const kind of VENTURE_KINDS) {
      for (const share of VENTURE_SHARES) {
        const pay = venturePayout({ kind, proposerShare: share } as VentureState);
        for (const r of RESOURCES) {
          const output = VENTURES[kind].output[r] ?? 0;
          if (output === 0) continue;
          expect(pay.proposer[r], `${kind} ${share}% ${r}`).toBe(Math.floor((output * share) / 100));
          expect(pay.proposer[r]! + pay.partner[r]!).toBe(output);
        }
      }
    }
  });

  it("in a season both worked, each partner is paid his share at night", () => {
    const state = openVillage();
    const venture = founded(state); // eksporKopi, p1 takes 30 %
    bothWork(state, venture);
    const p1 = handOf(state, "p1");
    const p2 = handOf(state, "p2");
    endPhase(state);
    expect(handOf(state, "p1")).toEqual(afterPayday(p1, "eksporKopi", 30, "proposer"));
    expect(handOf(state, "p2")).toEqual(afterPayday(p2, "eksporKopi", 30, "partner"));
    expect(venture).toMatchObject({ paidSeasons: 1, stalledSeasons: 0, workedThisSeason: [] });
  });

  it("each season a venture pays, the village's welfare rises by VENTURE_WELFARE_PER_PAY; a stalled one adds none", () => {
    expect(VENTURE_WELFARE_PER_PAY.welfare).toBeGreaterThan(0);
    const state = openVillage();
    const paying = founded(state);
    must(state, "p3", proposal({ to: "p4", ask: { batu: 1 } }));
    const second = Object.values(state.ventures).at(-1)!;
    must(state, "p4", { type: "acceptVenture", ventureId: second.id });
    bothWork(state, paying);
    must(state, "p3", { type: "workVenture", ventureId: second.id });
    must(state, "p4", { type: "workVenture", ventureId: second.id });
    const before = state.meters.welfare;
    endPhase(state);
    expect(paying.paidSeasons).toBe(1);
    expect(second.paidSeasons).toBe(1);
    // Welfare is a village average: each pay adds VENTURE_WELFARE_PER_PAY scaled by 5 / households.
    const perPay = Math.round(
      (VENTURE_WELFARE_PER_PAY.welfare * REFERENCE_HOUSEHOLDS) / state.playerOrder.length,
    );
    expect(state.meters.welfare).toBe(before + 2 * perPay);

    // Next season only p1 works: both ventures stall and welfare stays.
    toAction(state, 2);
    must(state, "p1", { type: "workVenture", ventureId: paying.id });
    const stalled = state.meters.welfare;
    endPhase(state);
    expect(paying.stalledSeasons).toBe(1);
    expect(second.stalledSeasons).toBe(1);
    expect(state.meters.welfare).toBe(stalled);
  });

  it("a mixed output is split resource by resource", () => {
    const state = openVillage();
    // The workshop produces more than one resource.
    expect(Object.values(VENTURES.bengkelMotorListrik.output).filter((n) => n > 0).length).toBeGreaterThan(1);
    const venture = founded(state, { kind: "bengkelMotorListrik", share: 70 });
    bothWork(state, venture);
    const p1 = handOf(state, "p1");
    const p2 = handOf(state, "p2");
    endPhase(state);
    // Each resource is split on its own: 70 % of each, rounded down, and the partner gets the rest of each.
    expect(handOf(state, "p1")).toEqual(afterPayday(p1, "bengkelMotorListrik", 70, "proposer"));
    expect(handOf(state, "p2")).toEqual(afterPayday(p2, "bengkelMotorListrik", 70, "partner"));
  });

  it("working costs VENTURE_TENAGA tenaga and is once a season", () => {
    const state = openVillage();
    const venture = founded(state);
    const tenaga = state.players.p1!.tenaga;
    must(state, "p1", { type: "workVenture", ventureId: venture.id });
    expect(state.players.p1!.tenaga).toBe(tenaga - VENTURE_TENAGA);
    expect(venture.workedThisSeason).toEqual(["p1"]);
    expect(act(state, "p1", { type: "workVenture", ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.alreadyWorked,
    });
    expect(state.players.p1!.tenaga).toBe(tenaga - VENTURE_TENAGA);
  });

  it("only a partner works it", () => {
    const state = openVillage();
    const venture = founded(state);
    expect(act(state, "p3", { type: "workVenture", ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.notPartner,
    });
  });

  it("an unsigned venture cannot be worked", () => {
    const state = openVillage();
    const venture = propose(state);
    expect(act(state, "p1", { type: "workVenture", ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.ventureClosed,
    });
  });

  it("working needs tenaga", () => {
    const state = openVillage();
    const venture = founded(state);
    must(state, "p1", { type: "gather", site: "sawah", tenaga: state.players.p1!.tenaga });
    expect(act(state, "p1", { type: "workVenture", ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.notEnoughTenaga,
      params: { have: 0 },
    });
  });

  it("if one partner does not work it stalls: no payout, and he breaks a promise", () => {
    const state = openVillage();
    const venture = founded(state);
    must(state, "p1", { type: "workVenture", ventureId: venture.id });
    const p1 = handOf(state, "p1");
    const p2 = handOf(state, "p2");
    endPhase(state);
    expect(handOf(state, "p1")).toEqual({ ...p1, beras: p1.beras - FOOD_PER_HOUSEHOLD });
    expect(handOf(state, "p2")).toEqual({ ...p2, beras: p2.beras - FOOD_PER_HOUSEHOLD });
    expect(venture).toMatchObject({ paidSeasons: 0, stalledSeasons: 1 });
    expect(state.players.p2!.trust).toEqual({ kept: 1, broken: 1 });
    expect(state.players.p1!.trust).toEqual({ kept: 1, broken: 0 });
  });

  it("it runs VENTURES[kind].seasons seasons, then it is finished", () => {
    const state = openVillage();
    const venture = founded(state);
    const seasons = VENTURES.eksporKopi.seasons;
    for (let s = 1; s <= seasons; s++) {
      toAction(state, s);
      expect(venture.status, `season ${s}`).toBe("active");
      bothWork(state, venture);
      endPhase(state);
    }
    expect(venture).toMatchObject({ status: "finished", seasonsLeft: 0, paidSeasons: seasons });
    toAction(state, seasons + 1);
    expect(act(state, "p1", { type: "workVenture", ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.ventureClosed,
    });
  });

  it("after the action window's deadline nobody can work it: the night is the wrong phase", () => {
    const state = openVillage();
    const venture = founded(state);
    endPhase(state);
    expect(state.phase).toBe("night");
    expect(act(state, "p1", { type: "workVenture", ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.wrongPhase,
      params: { phase: "night" },
    });
  });
});
