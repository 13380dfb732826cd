import { describe, expect, it } from "vitest";
import {
  advance,
  DAMAGED_HOUSE_TENAGA_PENALTY,
  DEFAULT_CONFIG,
  everyoneDone,
  FOOD_PER_HOUSEHOLD,
  FORM_OPENS_IN_SEASON,
  type GameState,
  harvestSeason,
  KRISIS_TENAGA_PENALTY,
  MIN_TENAGA,
  PHASES,
  RICE_TALK_FAILED,
  startGame,
} from "../../shared/src/index.ts";
import {
  act,
  calmSeasons,
  endPhase,
  metersAfter,
  must,
  player,
  setAllHands,
  toAction,
  village,
  villageAt,
} from "./helpers.ts";

const TIMING = { warningMs: 1_000, actionMs: 5_000, nightMs: 2_000 };
/** Beras enough for every household to eat for a few nights. */
const FED = 5 * FOOD_PER_HOUSEHOLD;

describe("the seasons", () => {
  it("a game waits in the lobby until it is started", () => {
    const state = village(3);
    expect(state.phase).toBe("lobby");
    expect(state.season).toBe(0);
    expect(advance(state, 1e12)).toBe(false);
    expect(state.phase).toBe("lobby");
  });

  it("the default game has 6 seasons of 10 s warning, 150 s work and 15 s night, with some tenaga", () => {
    expect(DEFAULT_CONFIG).toMatchObject({
      seasons: 6,
      warningMs: 10_000,
      actionMs: 150_000,
      nightMs: 15_000,
    });
    expect(DEFAULT_CONFIG.tenagaPerSeason).toBeGreaterThan(0);
    expect(village(3).config).toEqual(DEFAULT_CONFIG);
  });

  it("a season goes warning → action → night → the next season's warning, each deadline kept in state", () => {
    const state = village(3, { config: TIMING });
    startGame(state, 1_000);
    expect(state).toMatchObject({ season: 1, phase: "warning", phaseEndsAt: 2_000 });
    expect(advance(state, 2_000)).toBe(true);
    expect(state).toMatchObject({ season: 1, phase: "action", phaseEndsAt: 7_000 });
    expect(advance(state, 7_000)).toBe(true);
    expect(state).toMatchObject({ season: 1, phase: "night", phaseEndsAt: 9_000 });
    expect(advance(state, 9_000)).toBe(true);
    expect(state).toMatchObject({ season: 2, phase: "warning", phaseEndsAt: 10_000 });
  });

  it("the phases are declared as data, each naming its duration and the phase that follows", () => {
    expect(PHASES.warning).toEqual({ durationKey: "warningMs", next: "action" });
    expect(PHASES.action).toEqual({ durationKey: "actionMs", next: "night" });
    expect(PHASES.night).toEqual({ durationKey: "nightMs", next: "warning" });
  });

  it("nothing happens before a deadline", () => {
    const state = village(3, { config: TIMING });
    startGame(state, 0);
    const before = structuredClone(state);
    expect(advance(state, 999)).toBe(false);
    expect(state).toEqual(before);
  });

  it("a late clock ends every overdue phase in order, keeping the schedule of the deadlines", () => {
    const state = village(3, { config: TIMING });
    calmSeasons(state);
    startGame(state, 0);
    // Season 1 ends at 1 000 + 5 000 + 2 000 = 8 000; season 2's action opens at 9 000.
    expect(advance(state, 9_500)).toBe(true);
    expect(state).toMatchObject({ season: 2, phase: "action", phaseEndsAt: 14_000 });
  });

  it("the game starts only once", () => {
    const state = village(3, { config: TIMING });
    startGame(state, 0);
    const before = structuredClone(state);
    startGame(state, 50_000);
    expect(state).toEqual(before);
  });

  it("every household gets DEFAULT_CONFIG.tenagaPerSeason tenaga each season, whatever it spent before", () => {
    const state = villageAt(3);
    const tenaga = DEFAULT_CONFIG.tenagaPerSeason;
    calmSeasons(state);
    setAllHands(state, { beras: FED });
    for (const id of state.playerOrder) expect(player(state, id).tenaga).toBe(tenaga);
    must(state, "p1", { type: "gather", site: "sawah", tenaga });
    must(state, "p2", { type: "gather", site: "hutan", tenaga: 1 });
    expect(player(state, "p1").tenaga).toBe(0);
    expect(player(state, "p2").tenaga).toBe(tenaga - 1);
    toAction(state, 2);
    for (const id of state.playerOrder) expect(player(state, id).tenaga).toBe(tenaga);
  });

  it("a household in krisis has KRISIS_TENAGA_PENALTY tenaga less next season", () => {
    expect(KRISIS_TENAGA_PENALTY).toBeGreaterThan(0);
    const state = villageAt(3);
    const tenaga = state.config.tenagaPerSeason;
    calmSeasons(state);
    setAllHands(state, { beras: FED });
    endPhase(state); // night: everybody eats
    player(state, "p2").krisis = true;
    endPhase(state); // season 2 begins
    expect(player(state, "p1").tenaga).toBe(tenaga);
    expect(player(state, "p2").tenaga).toBe(Math.max(MIN_TENAGA, tenaga - KRISIS_TENAGA_PENALTY));
  });

  it("a household with a damaged house has DAMAGED_HOUSE_TENAGA_PENALTY tenaga less, and with krisis both penalties", () => {
    expect(DAMAGED_HOUSE_TENAGA_PENALTY).toBeGreaterThan(0);
    const state = villageAt(3);
    const tenaga = state.config.tenagaPerSeason;
    calmSeasons(state);
    setAllHands(state, { beras: FED });
    endPhase(state);
    player(state, "p1").houseDamaged = true;
    player(state, "p2").houseDamaged = true;
    player(state, "p2").krisis = true;
    endPhase(state);
    expect(player(state, "p1").tenaga).toBe(Math.max(MIN_TENAGA, tenaga - DAMAGED_HOUSE_TENAGA_PENALTY));
    expect(player(state, "p2").tenaga).toBe(
      Math.max(MIN_TENAGA, tenaga - KRISIS_TENAGA_PENALTY - DAMAGED_HOUSE_TENAGA_PENALTY),
    );
    expect(player(state, "p3").tenaga).toBe(tenaga);
  });

  it("tenaga never falls below MIN_TENAGA, even in a village with little tenaga", () => {
    expect(MIN_TENAGA).toBeGreaterThan(0);
    // So little tenaga that both penalties together would leave less than the minimum.
    const tenagaPerSeason = KRISIS_TENAGA_PENALTY + DAMAGED_HOUSE_TENAGA_PENALTY + MIN_TENAGA - 1;
    const state = villageAt(3, 1, { config: { tenagaPerSeason } });
    calmSeasons(state);
    setAllHands(state, { beras: FED });
    endPhase(state);
    player(state, "p3").houseDamaged = true;
    player(state, "p3").krisis = true;
    endPhase(state);
    expect(player(state, "p3").tenaga).toBe(MIN_TENAGA);
  });

  it("a new season clears Selesai and sends everybody home", () => {
    const state = villageAt(3, 1, { people: 1 });
    calmSeasons(state);
    setAllHands(state, { beras: FED });
    must(state, "p2", { type: "gather", site: "hutan", tenaga: 1 });
    must(state, "p2", { type: "done" });
    expect(player(state, "p2").location).toBe("hutan");
    toAction(state, 2);
    expect(player(state, "p2").done).toBe(false);
    expect(player(state, "p2").location).toBe("home");
  });

  it("the action window ends early when every connected person has pressed Selesai", () => {
    const state = village(4, { people: 2, config: TIMING });
    calmSeasons(state);
    toAction(state, 1);
    expect(state.phaseEndsAt).toBe(6_000);
    must(state, "p1", { type: "done" });
    expect(everyoneDone(state)).toBe(false);
    expect(advance(state, 1_500)).toBe(false);
    expect(state.phase).toBe("action");
    must(state, "p2", { type: "done" });
    expect(everyoneDone(state)).toBe(true);
    expect(advance(state, 1_500)).toBe(true);
    // The night starts now, not at the old deadline.
    expect(state).toMatchObject({ phase: "night", phaseEndsAt: 3_500 });
  });

  it("a person who left does not hold the window open", () => {
    const state = village(3, { people: 2, config: TIMING });
    toAction(state, 1);
    player(state, "p2").connected = false;
    must(state, "p1", { type: "done" });
    expect(advance(state, 1_200)).toBe(true);
    expect(state.phase).toBe("night");
  });

  it("bots never hold the window open: the people decide when it ends", () => {
    const state = village(5, { people: 1, config: TIMING });
    toAction(state, 1);
    for (const id of ["p2", "p3", "p4", "p5"]) expect(player(state, id).done).toBe(false);
    must(state, "p1", { type: "done" });
    expect(advance(state, 1_100)).toBe(true);
    expect(state.phase).toBe("night");
  });

  it("a village of only bots waits for the deadline, even when every bot pressed Selesai", () => {
    const state = village(3, { people: 0, config: TIMING });
    toAction(state, 1);
    for (const id of state.playerOrder) must(state, id, { type: "done" });
    expect(everyoneDone(state)).toBe(false);
    expect(advance(state, 5_999)).toBe(false);
    expect(state.phase).toBe("action");
    expect(advance(state, 6_000)).toBe(true);
    expect(state.phase).toBe("night");
  });

  /**
   * A calm, fed village of 3 that kept the peace (see keepPeace), in the action window of the last of
   * its 4 seasons: without the peace the harvest quarrel and the tokoh's drain end the game earlier.
   */
  function lastSeason(): GameState {
    const state = village(3, { config: { ...TIMING, seasons: 4 } });
    calmSeasons(state);
    setAllHands(state, { beras: FED });
    toAction(state, 4, { keepPeace: true });
    return state;
  }

  it("after the last season's night the game ends with a result", () => {
    const state = lastSeason();
    endPhase(state);
    expect(state).toMatchObject({ season: 4, phase: "night" });
    expect(state.result).toBeNull();
    endPhase(state);
    expect(state.phase).toBe("ended");
    expect(state.season).toBe(4);
    expect(state.phaseEndsAt).toBe(0);
    expect(state.result).not.toBeNull();
    expect(state.news.at(-1)?.kind).toBe("result");
  });

  it("an ended game stays ended: the clock does nothing and actions are refused (gameOver)", () => {
    const state = lastSeason();
    endPhase(state);
    endPhase(state);
    const before = structuredClone(state);
    expect(advance(state, 1e12)).toBe(false);
    expect(act(state, "p1", { type: "done" })).toMatchObject({ ok: false, error: "gameOver" });
    expect(state).toEqual(before);
  });
});

describe("the harvest and the harga gabah", () => {
  /** The harvest is a panen raya in the season bargaining opens, before the tokoh comes. */
  const HARVEST = FORM_OPENS_IN_SEASON.bargaining;

  /** A calm, fed village of 5 (a petani p1 and a pedagang p5) whose harvest comes in season HARVEST. */
  function harvestVillage(): GameState {
    const state = village(5);
    calmSeasons(state);
    state.events[HARVEST] = "panenRaya";
    state.ricePriceTalk.season = harvestSeason(state.events, state.config.seasons);
    expect(state.ricePriceTalk.season).toBe(HARVEST);
    setAllHands(state, { beras: FED });
    return state;
  }

  const failedNews = (state: GameState) => state.news.filter((n) => n.what.key === "news.ricePriceFailed");

  it("the harvest night without an agreed price costs RICE_TALK_FAILED harmony and is news, only that night", () => {
    const state = harvestVillage();
    expect(HARVEST).toBeGreaterThan(1);
    for (let season = 1; season <= HARVEST; season++) {
      toAction(state, season);
      // Nothing else moves the meters at these nights: everybody eats, the tokoh is not there yet.
      expect(state.tokoh.status).toBe("absent");
      const before = { ...state.meters };
      endPhase(state);
      if (season === HARVEST) expect(state.meters).toEqual(metersAfter(before, RICE_TALK_FAILED));
      else expect(state.meters).toEqual(before);
    }
    expect(RICE_TALK_FAILED.harmony).toBeLessThan(0);
    // The talk is over: the next night brings no second quarrel.
    toAction(state, HARVEST + 1);
    endPhase(state);
    expect(failedNews(state)).toEqual([
      expect.objectContaining({ season: HARVEST, kind: "event", what: { key: "news.ricePriceFailed" } }),
    ]);
  });

  it("a price only proposed is no agreement: the harvest night still costs RICE_TALK_FAILED", () => {
    const state = harvestVillage();
    toAction(state, HARVEST);
    must(state, "p1", { type: "proposeRicePrice", price: 3 });
    const before = { ...state.meters };
    endPhase(state);
    expect(state.ricePrice).toBeNull();
    expect(state.meters).toEqual(metersAfter(before, RICE_TALK_FAILED));
    expect(failedNews(state)).toHaveLength(1);
  });

  it("with a price agreed by petani and pedagang, the harvest night costs nothing", () => {
    const state = harvestVillage();
    toAction(state, HARVEST);
    must(state, "p1", { type: "proposeRicePrice", price: 3 });
    must(state, "p5", { type: "acceptRicePrice" });
    expect(state.ricePrice).toBe(3);
    const before = { ...state.meters };
    endPhase(state);
    expect(state.meters).toEqual(before);
    expect(failedNews(state)).toEqual([]);
  });
});
