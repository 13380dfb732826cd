/**
 * Koalisi: at least three villagers pool resources for one named goal before a deadline. On success
 * the village gains and the members keep their promise; at the deadline the pledges go back and
 * those who left early lose trust.
 */
import { describe, expect, it } from "vitest";
import {
  type Action,
  COALITION_GOALS,
  COALITION_MIN_MEMBERS,
  COALITIONS,
  type CoalitionState,
  DEFAULT_CONFIG,
  ERROR_CODES,
  FOOD_PER_HOUSEHOLD,
  FORM_OPENS_IN_SEASON,
  type GameState,
  type Hand,
  IGNORED_KAMPANYE,
  kampanyeDeadline,
  legalActions,
  type Meters,
  PAMERAN_UANG_PER_MEMBER,
  RESOURCES,
} from "../../shared/src/index.ts";
import {
  act,
  calmSeasons,
  endPhase,
  finishProject,
  handOf,
  metersAfter,
  must,
  projectId,
  setAllHands,
  toAction,
  village,
  villageStock,
} from "./helpers.ts";

/** The season koalisi opens (one new idea per season). */
const KOALISI = FORM_OPENS_IN_SEASON.koalisi;
/** Seasons enough for a coalition proposed then to reach its deadline, and one more. */
const SEASONS = Math.max(
  DEFAULT_CONFIG.seasons,
  ...COALITION_GOALS.map((g) => KOALISI + COALITIONS[g].seasons),
);
/** The most of any one resource any goal needs: one member alone can fill any pool. */
const MOST = Math.max(...COALITION_GOALS.flatMap((g) => Object.values(COALITIONS[g].needs)));
const HAND = {
  beras: 10 * FOOD_PER_HOUSEHOLD + MOST,
  kayu: MOST + 1,
  batu: MOST + 1,
  uang: MOST + 1,
} as const;
/** Every move of the clock keeps the peace (see `keepPeace`): the harvest and the tokoh cost no harmony. */
const PEACE = { keepPeace: true } as const;
/** What the plastic-waste campaign needs. */
const SAMPAH = COALITIONS.kampanyeSampah.needs;

/**
 * A calm, well-fed village of 5 that has kept the peace (harga gabah agreed, tokoh co-opted: see
 * `keepPeace`), in the action window of the season koalisi has just opened. Without the peace, the
 * harvest quarrel and the tokoh's drain would end the game before the coalition's deadline.
 */
function koalisiSeason(): GameState {
  const state = village(5, { config: { seasons: SEASONS } });
  calmSeasons(state);
  setAllHands(state, HAND);
  toAction(state, KOALISI, PEACE);
  setAllHands(state, HAND);
  return state;
}

/** `proposer` proposes a coalition for the plastic-waste campaign; returns it. */
function propose(state: GameState, proposer = "p1"): CoalitionState {
  must(state, proposer, { type: "proposeCoalition", goal: "kampanyeSampah" });
  return Object.values(state.coalitions).at(-1)!;
}

/** A started coalition of p1, p2 and p3. */
function started(state: GameState): CoalitionState {
  const coalition = propose(state);
  must(state, "p2", { type: "joinCoalition", coalitionId: coalition.id });
  must(state, "p3", { type: "joinCoalition", coalitionId: coalition.id });
  return coalition;
}

function pledge(state: GameState, who: string, coalitionId: string, give: Partial<Hand>) {
  return act(state, who, { type: "pledgeCoalition", coalitionId, give });
}

/** Every unit in the village: hands plus every coalition pool. */
function handsAndPools(state: GameState): Hand {
  const total = villageStock(state);
  for (const c of Object.values(state.coalitions)) for (const r of RESOURCES) total[r] += c.pool[r];
  return total;
}

describe("forming a coalition", () => {
  it("the proposer is its first member, and the deadline is COALITIONS[goal].seasons seasons on", () => {
    const state = koalisiSeason();
    const coalition = propose(state);
    expect(coalition).toMatchObject({
      goal: "kampanyeSampah",
      proposer: "p1",
      members: ["p1"],
      status: "forming",
      deadlineSeason: KOALISI + COALITIONS.kampanyeSampah.seasons - 1,
    });
  });

  it("a coalition of two cannot start", () => {
    const state = koalisiSeason();
    const coalition = propose(state);
    must(state, "p2", { type: "joinCoalition", coalitionId: coalition.id });
    expect(coalition.status).toBe("forming");
    expect(pledge(state, "p1", coalition.id, { uang: 1 })).toEqual({
      ok: false,
      error: ERROR_CODES.coalitionNotStarted,
      params: { min: COALITION_MIN_MEMBERS },
    });
    expect(state.log.some((e) => e.form === "koalisi")).toBe(false);
    must(state, "p3", { type: "joinCoalition", coalitionId: coalition.id });
    expect(coalition.status).toBe("active");
    expect(state.log.at(-1)).toMatchObject({
      form: "koalisi",
      actors: ["p1", "p2", "p3"],
      what: { key: "coop.coalitionFormed", params: { goal: "kampanyeSampah", count: 3 } },
    });
    expect(pledge(state, "p1", coalition.id, { uang: 1 })).toEqual({ ok: true });
  });

  it("nobody joins twice", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    for (const p of ["p1", "p3"]) {
      expect(act(state, p, { type: "joinCoalition", coalitionId: coalition.id })).toEqual({
        ok: false,
        error: ERROR_CODES.alreadyMember,
      });
    }
    expect(coalition.members).toEqual(["p1", "p2", "p3"]);
  });

  it("one live coalition per goal", () => {
    const state = koalisiSeason();
    propose(state);
    expect(act(state, "p4", { type: "proposeCoalition", goal: "kampanyeSampah" })).toEqual({
      ok: false,
      error: ERROR_CODES.coalitionExists,
    });
    expect(act(state, "p4", { type: "proposeCoalition", goal: "pameranProduk" })).toEqual({ ok: true });
  });

  it("an unknown coalition cannot be joined", () => {
    const state = koalisiSeason();
    expect(act(state, "p1", { type: "joinCoalition", coalitionId: "toString" })).toEqual({
      ok: false,
      error: ERROR_CODES.unknownCoalition,
    });
  });

  it("koalisi opens in its season (FORM_OPENS_IN_SEASON.koalisi)", () => {
    const state = village(5);
    calmSeasons(state);
    toAction(state, KOALISI - 1, PEACE);
    expect(act(state, "p1", { type: "proposeCoalition", goal: "kampanyeSampah" })).toEqual({
      ok: false,
      error: ERROR_CODES.formNotOpenYet,
      params: { season: KOALISI },
    });
  });
});

describe("pledging", () => {
  it("only members pledge", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    expect(pledge(state, "p4", coalition.id, { uang: 1 })).toEqual({
      ok: false,
      error: ERROR_CODES.notMember,
    });
  });

  it("nobody pledges what he does not have", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    expect(pledge(state, "p1", coalition.id, { uang: HAND.uang + 1 })).toEqual({
      ok: false,
      error: ERROR_CODES.notEnoughResources,
    });
    expect(coalition.pool.uang).toBe(0);
    expect(handOf(state, "p1").uang).toBe(HAND.uang);
  });

  it("an empty pledge is refused", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    expect(pledge(state, "p1", coalition.id, {})).toEqual({ ok: false, error: ERROR_CODES.nothingToGive });
  });

  it("over-pledging is clamped to what the goal still needs", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    must(state, "p1", {
      type: "pledgeCoalition",
      coalitionId: coalition.id,
      give: { uang: SAMPAH.uang! - 1 },
    });
    must(state, "p2", {
      type: "pledgeCoalition",
      coalitionId: coalition.id,
      give: { uang: HAND.uang, kayu: 1 },
    });
    expect(coalition.pool.uang).toBe(SAMPAH.uang);
    expect(coalition.pledges.p2).toEqual({ beras: 0, kayu: 1, batu: 0, uang: 1 });
    expect(handOf(state, "p2")).toEqual({ ...HAND, uang: HAND.uang - 1, kayu: HAND.kayu - 1 });
  });

  it("a pledge of nothing the pool still needs is refused", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    expect(pledge(state, "p1", coalition.id, { batu: 2 })).toEqual({
      ok: false,
      error: ERROR_CODES.poolNeedsNothingMore,
    });
    must(state, "p1", { type: "pledgeCoalition", coalitionId: coalition.id, give: { uang: SAMPAH.uang } });
    expect(pledge(state, "p2", coalition.id, { uang: 1 })).toEqual({
      ok: false,
      error: ERROR_CODES.poolNeedsNothingMore,
    });
    expect(handOf(state, "p2")).toEqual(HAND);
  });
});

describe("success", () => {
  it("a full pool succeeds: the reward goes to the village, trust to the members, and it is logged", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    const meters = { ...state.meters };
    // p1 gives the uang, p2 all the kayu but one, p3 the last kayu.
    must(state, "p1", { type: "pledgeCoalition", coalitionId: coalition.id, give: { uang: SAMPAH.uang } });
    must(state, "p2", {
      type: "pledgeCoalition",
      coalitionId: coalition.id,
      give: { kayu: SAMPAH.kayu! - 1 },
    });
    expect(coalition.status).toBe("active");
    must(state, "p3", { type: "pledgeCoalition", coalitionId: coalition.id, give: { kayu: 1 } });
    expect(coalition.status).toBe("succeeded");
    expect(state.meters).toEqual(metersAfter(meters, COALITIONS.kampanyeSampah.reward));
    for (const p of ["p1", "p2", "p3"]) expect(state.players[p]!.trust).toEqual({ kept: 1, broken: 0 });
    for (const p of ["p4", "p5"]) expect(state.players[p]!.trust).toEqual({ kept: 0, broken: 0 });
    expect(state.log.at(-1)).toMatchObject({
      form: "koalisi",
      actors: ["p1", "p2", "p3"],
      what: { key: "coop.coalitionDone", params: { goal: "kampanyeSampah", count: 3 } },
    });
  });

  it("a coalition that succeeded is closed", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    must(state, "p1", { type: "pledgeCoalition", coalitionId: coalition.id, give: SAMPAH });
    expect(coalition.status).toBe("succeeded");
    expect(act(state, "p4", { type: "joinCoalition", coalitionId: coalition.id })).toEqual({
      ok: false,
      error: ERROR_CODES.coalitionClosed,
    });
  });

  it("a goal that has succeeded cannot be proposed again this game (coalitionGoalDone)", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    must(state, "p1", { type: "pledgeCoalition", coalitionId: coalition.id, give: SAMPAH });
    expect(coalition.status).toBe("succeeded");
    const isProposal = (goal: string) => (a: Action) => a.type === "proposeCoalition" && a.goal === goal;
    // Not this season, and not in a later one: each goal is a one-off.
    for (const season of [KOALISI, KOALISI + 1]) {
      toAction(state, season, PEACE);
      const before = structuredClone(state);
      for (const id of state.playerOrder) {
        expect(act(state, id, { type: "proposeCoalition", goal: "kampanyeSampah" })).toEqual({
          ok: false,
          error: ERROR_CODES.coalitionGoalDone,
        });
        expect(legalActions(state, id).some(isProposal("kampanyeSampah"))).toBe(false);
        // The other goal is still open to propose.
        expect(legalActions(state, id).some(isProposal("pameranProduk"))).toBe(true);
      }
      expect(state).toEqual(before);
    }
    expect(act(state, "p4", { type: "proposeCoalition", goal: "pameranProduk" })).toEqual({ ok: true });
  });

  it("a goal whose coalition failed may be proposed again", () => {
    const state = koalisiSeason();
    const coalition = propose(state);
    toAction(state, coalition.deadlineSeason, PEACE);
    endPhase(state);
    expect(coalition.status).toBe("failed");
    toAction(state, coalition.deadlineSeason + 1, PEACE);
    expect(
      legalActions(state, "p2").some((a) => a.type === "proposeCoalition" && a.goal === "kampanyeSampah"),
    ).toBe(true);
    expect(act(state, "p2", { type: "proposeCoalition", goal: "kampanyeSampah" })).toEqual({ ok: true });
  });
});

describe("the deadline", () => {
  it("a coalition lives until the night of its deadline season", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    for (let season = KOALISI; season < coalition.deadlineSeason; season++) {
      toAction(state, season, PEACE);
      endPhase(state);
      expect(coalition.status).toBe("active");
    }
    toAction(state, coalition.deadlineSeason, PEACE);
    endPhase(state);
    expect(coalition.status).toBe("failed");
    expect(state.news.some((n) => n.what.key === "news.coalitionFailed")).toBe(true);
  });

  it("a failed coalition gives every pledge back exactly; leavers lose trust, others do not", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    must(state, "p4", { type: "joinCoalition", coalitionId: coalition.id });
    // The pool stays one uang short.
    must(state, "p1", {
      type: "pledgeCoalition",
      coalitionId: coalition.id,
      give: { uang: SAMPAH.uang! - 2 },
    });
    must(state, "p2", { type: "pledgeCoalition", coalitionId: coalition.id, give: { kayu: 1, uang: 1 } });
    must(state, "p4", { type: "pledgeCoalition", coalitionId: coalition.id, give: { kayu: HAND.kayu } });
    must(state, "p4", { type: "leaveCoalition", coalitionId: coalition.id });
    expect(coalition.status).toBe("active");
    expect(coalition.members).toEqual(["p1", "p2", "p3"]);
    expect(coalition.leftEarly).toEqual(["p4"]);
    toAction(state, coalition.deadlineSeason, PEACE);
    endPhase(state); // the deadline night
    expect(coalition.status).toBe("failed");
    expect(coalition.pool).toEqual({ beras: 0, kayu: 0, batu: 0, uang: 0 });
    // A night of eating each season; everything pledged is back in its owner's hand.
    const nights = coalition.deadlineSeason - KOALISI + 1;
    for (const id of state.playerOrder)
      expect(handOf(state, id)).toEqual({ ...HAND, beras: HAND.beras - nights * FOOD_PER_HOUSEHOLD });
    expect(state.players.p4!.trust).toEqual({ kept: 0, broken: 1 });
    for (const p of ["p1", "p2", "p3", "p5"]) expect(state.players[p]!.trust).toEqual({ kept: 0, broken: 0 });
  });

  it("a coalition that never started also dissolves at its deadline", () => {
    const state = koalisiSeason();
    const coalition = propose(state);
    toAction(state, coalition.deadlineSeason, PEACE);
    endPhase(state);
    expect(coalition.status).toBe("failed");
  });

  it("acting on a failed coalition is coalitionClosed", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    toAction(state, coalition.deadlineSeason, PEACE);
    endPhase(state);
    toAction(state, coalition.deadlineSeason + 1, PEACE);
    expect(act(state, "p4", { type: "joinCoalition", coalitionId: coalition.id })).toEqual({
      ok: false,
      error: ERROR_CODES.coalitionClosed,
    });
    expect(pledge(state, "p1", coalition.id, { uang: 1 })).toEqual({
      ok: false,
      error: ERROR_CODES.coalitionClosed,
    });
    expect(act(state, "p1", { type: "leaveCoalition", coalitionId: coalition.id })).toEqual({
      ok: false,
      error: ERROR_CODES.coalitionClosed,
    });
  });
});

describe("resources are conserved", () => {
  it("hands plus pools stay constant while members pledge, until success consumes the pool", () => {
    const state = koalisiSeason();
    const sampah = started(state);
    must(state, "p4", { type: "proposeCoalition", goal: "pameranProduk" });
    const pameran = Object.values(state.coalitions).at(-1)!;
    for (const p of ["p5", "p1"]) must(state, p, { type: "joinCoalition", coalitionId: pameran.id });
    const total = handsAndPools(state);
    // Small pledges first, then one member each pledges all he has (clamped to what the pool lacks).
    const steps: [string, string, Partial<Hand>][] = [
      ["p1", sampah.id, { uang: 1, kayu: 1 }],
      ["p4", pameran.id, { batu: 1, beras: 1 }],
      ["p2", sampah.id, HAND],
      ["p5", pameran.id, HAND],
      ["p3", sampah.id, { batu: 1 }],
      ["p1", pameran.id, { uang: 1 }],
    ];
    // The product fair, once it succeeds, earns each member uang (new money into the village).
    const fairEarnings = () =>
      pameran.status === "succeeded" ? pameran.members.length * PAMERAN_UANG_PER_MEMBER : 0;
    for (const [who, id, give] of steps) {
      pledge(state, who, id, give);
      expect(handsAndPools(state), `${who} → ${id} ${JSON.stringify(give)}`).toEqual({
        ...total,
        uang: total.uang + fairEarnings(),
      });
    }
    expect(sampah.status).toBe("succeeded");
    expect(pameran.status).toBe("succeeded");
    // The village spent exactly what the two goals needed.
    const spent: Hand = { beras: 0, kayu: 0, batu: 0, uang: 0 };
    for (const goal of ["kampanyeSampah", "pameranProduk"] as const)
      for (const r of RESOURCES) spent[r] += COALITIONS[goal].needs[r] ?? 0;
    const stock = villageStock(state);
    for (const r of RESOURCES)
      expect(stock[r]).toBe(total[r] - spent[r] + (r === "uang" ? fairEarnings() : 0));
  });

  it("a successful plastic-waste campaign leaves the gutters clean for the next rain", () => {
    const state = koalisiSeason();
    const sampah = started(state);
    const gutter = Object.values(state.projects).find((p) => p.kind === "selokan" && p.status === "open");
    expect(gutter).toBeDefined();
    must(state, "p1", { type: "pledgeCoalition", coalitionId: sampah.id, give: SAMPAH });
    expect(sampah.status).toBe("succeeded");
    expect(gutter!.status).toBe("done");
  });

  it("a failed coalition's refunds put back exactly what was pledged", () => {
    const state = koalisiSeason();
    const coalition = started(state);
    // The pool stays one uang short.
    must(state, "p1", {
      type: "pledgeCoalition",
      coalitionId: coalition.id,
      give: { uang: SAMPAH.uang! - 1, kayu: 1 },
    });
    must(state, "p2", { type: "pledgeCoalition", coalitionId: coalition.id, give: { kayu: 1 } });
    expect(coalition.status).toBe("active");
    toAction(state, coalition.deadlineSeason, PEACE);
    const before = handsAndPools(state);
    endPhase(state); // the deadline night: pledges go back, then every household eats
    expect(coalition.status).toBe("failed");
    expect(villageStock(state)).toEqual({
      ...before,
      beras: before.beras - state.playerOrder.length * FOOD_PER_HOUSEHOLD,
    });
    expect(handOf(state, "p1")).toMatchObject({ uang: HAND.uang, kayu: HAND.kayu });
    expect(handOf(state, "p2")).toMatchObject({ kayu: HAND.kayu });
  });
});

describe("the plastic-waste campaign's deadline", () => {
  /** The campaign comes in the season koalisi opens; its deadline is COALITIONS.kampanyeSampah.seasons on. */
  const CALLED = KOALISI;
  const DEADLINE = CALLED + COALITIONS.kampanyeSampah.seasons - 1;

  /** The village of `koalisiSeason`, with the campaign called in season CALLED. */
  function campaignVillage(): GameState {
    const state = village(5, { config: { seasons: SEASONS } });
    calmSeasons(state);
    state.events[CALLED] = "kampanyeSampah";
    setAllHands(state, HAND);
    toAction(state, CALLED, PEACE);
    setAllHands(state, HAND);
    return state;
  }

  /** Play every remaining night; returns each night's meters before and after, by season. */
  function nights(state: GameState): Map<number, { before: Meters; after: Meters }> {
    const out = new Map<number, { before: Meters; after: Meters }>();
    for (let season = state.season; season <= state.config.seasons; season++) {
      toAction(state, season, PEACE);
      const before = { ...state.meters };
      endPhase(state); // the night
      out.set(season, { before, after: { ...state.meters } });
    }
    return out;
  }

  const ignoredNews = (state: GameState) => state.news.filter((n) => n.what.key === "news.kampanyeIgnored");
  const openGutters = (state: GameState) =>
    Object.values(state.projects).filter((p) => p.kind === "selokan" && p.status === "open");

  it("the deadline is the campaign's season + COALITIONS.kampanyeSampah.seasons − 1, at most the last season", () => {
    const state = village(5, { config: { seasons: SEASONS } });
    calmSeasons(state);
    expect(kampanyeDeadline(state)).toBeNull();
    state.events[CALLED] = "kampanyeSampah";
    expect(kampanyeDeadline(state)).toBe(DEADLINE);
    state.events[CALLED] = "tenang";
    state.events[SEASONS] = "kampanyeSampah";
    expect(kampanyeDeadline(state)).toBe(SEASONS);
  });

  it("left undone, it costs IGNORED_KAMPANYE exactly once, on the deadline's night, and is news", () => {
    expect(DEADLINE).toBeLessThan(SEASONS);
    const state = campaignVillage();
    const gutter = projectId(state, "selokan");
    const played = nights(state);
    for (const [season, { before, after }] of played) {
      if (season === DEADLINE)
        expect(after, `night ${season}`).toEqual(metersAfter(before, IGNORED_KAMPANYE));
      else expect(after, `night ${season}`).toEqual(before);
    }
    expect(ignoredNews(state)).toEqual([
      expect.objectContaining({ season: DEADLINE, kind: "event", what: { key: "news.kampanyeIgnored" } }),
    ]);
    // The gutters were still dirty: they stay the one open project, no second one opens.
    expect(openGutters(state).map((p) => p.id)).toEqual([gutter]);
  });

  it("left undone after the gutters were cleaned, rubbish clogs them again: a new selokan project opens", () => {
    const state = campaignVillage();
    finishProject(state, "selokan", state.playerOrder);
    expect(openGutters(state)).toEqual([]);
    toAction(state, DEADLINE, PEACE);
    endPhase(state);
    expect(openGutters(state)).toHaveLength(1);
    expect(openGutters(state)[0]!).toMatchObject({ labour: 0, doneSeason: null, deadlineSeason: null });
  });

  it("a kampanye coalition that failed does not count: the penalty still comes", () => {
    const state = campaignVillage();
    const coalition = started(state);
    must(state, "p1", { type: "pledgeCoalition", coalitionId: coalition.id, give: { uang: 1 } });
    expect(coalition.deadlineSeason).toBe(DEADLINE);
    toAction(state, DEADLINE, PEACE);
    const before = { ...state.meters };
    endPhase(state);
    expect(coalition.status).toBe("failed");
    expect(state.meters).toEqual(metersAfter(before, IGNORED_KAMPANYE));
    expect(ignoredNews(state)).toHaveLength(1);
  });

  it("carried out by a koalisi, the deadline passes without a penalty and the gutters stay clean", () => {
    const state = campaignVillage();
    const coalition = started(state);
    must(state, "p1", { type: "pledgeCoalition", coalitionId: coalition.id, give: SAMPAH });
    expect(coalition.status).toBe("succeeded");
    expect(openGutters(state)).toEqual([]);
    for (const [season, { before, after }] of nights(state)) expect(after, `night ${season}`).toEqual(before);
    expect(ignoredNews(state)).toEqual([]);
    expect(openGutters(state)).toEqual([]);
  });
});
