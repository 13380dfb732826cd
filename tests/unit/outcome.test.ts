import { describe, expect, it } from "vitest";
import {
  BANJIR,
  decideResult,
  FOOD_PER_HOUSEHOLD,
  type GameState,
  KRISIS_COST,
  METER_MAX,
  STAR_METER,
  START_METERS,
  startGame,
  WIN_MIN_HARMONY,
  WIN_MIN_WELFARE,
} from "../../shared/src/index.ts";
import {
  calmSeasons,
  endPhase,
  player,
  projectId,
  setAllHands,
  setHand,
  toAction,
  village,
} from "./helpers.ts";

/**
 * A village of 4 at the end of its days: the bridge built, meters as given (by default harmony well
 * above what winning needs, welfare just what winning needs, unity short of a star), nobody in krisis.
 */
function endState(
  opts: { bridge?: boolean; harmony?: number; welfare?: number; unity?: number } = {},
): GameState {
  const state = village(4);
  state.meters = {
    welfare: opts.welfare ?? WIN_MIN_WELFARE,
    harmony: opts.harmony ?? Math.min(METER_MAX, WIN_MIN_HARMONY + 20),
    unity: opts.unity ?? STAR_METER - 1,
  };
  if (opts.bridge ?? true) state.projects[projectId(state, "jembatan")]!.status = "done";
  return state;
}

describe("winning and losing", () => {
  it("the village wins with the bridge built, harmony ≥ WIN_MIN_HARMONY, welfare ≥ WIN_MIN_WELFARE and nobody in krisis", () => {
    const result = decideResult(endState({ harmony: WIN_MIN_HARMONY, welfare: WIN_MIN_WELFARE }));
    expect(result).toMatchObject({ won: true, bridgeBuilt: true, reasons: [{ key: "result.reason.won" }] });
    expect(result.projectsDone).toEqual(["jembatan"]);
  });

  it("with welfare below WIN_MIN_WELFARE the village loses even with the bridge, and is told the goal", () => {
    const result = decideResult(
      endState({ welfare: WIN_MIN_WELFARE - 1, harmony: METER_MAX, unity: METER_MAX }),
    );
    expect(result).toMatchObject({ won: false, stars: 0, bridgeBuilt: true });
    expect(result.reasons).toEqual([{ key: "result.reason.lowWelfare", params: { min: WIN_MIN_WELFARE } }]);
  });

  it("the start meters do not win: the village has to earn both harmony and welfare", () => {
    const state = endState({ ...START_METERS });
    expect(decideResult(state).reasons.map((r) => r.key)).toEqual([
      "result.reason.lowHarmony",
      "result.reason.lowWelfare",
    ]);
  });

  it("without the bridge the village loses, whatever its meters", () => {
    const result = decideResult(endState({ bridge: false, harmony: 100, welfare: 100, unity: 100 }));
    expect(result).toMatchObject({ won: false, stars: 0, bridgeBuilt: false });
    expect(result.reasons).toEqual([{ key: "result.reason.noBridge" }]);
  });

  it("with harmony below WIN_MIN_HARMONY the village loses even with the bridge", () => {
    const result = decideResult(endState({ harmony: WIN_MIN_HARMONY - 1 }));
    expect(result.won).toBe(false);
    expect(result.reasons).toEqual([{ key: "result.reason.lowHarmony" }]);
  });

  it("a household in krisis at the end means the village has not won", () => {
    const state = endState();
    player(state, "p2").krisis = true;
    player(state, "p3").krisis = true;
    const result = decideResult(state);
    expect(result.won).toBe(false);
    expect(result.reasons).toEqual([{ key: "result.reason.krisis", params: { count: 2 } }]);
  });

  it("every reason for a loss is told", () => {
    const state = endState({ bridge: false, harmony: WIN_MIN_HARMONY - 1, welfare: WIN_MIN_WELFARE - 1 });
    player(state, "p1").krisis = true;
    expect(decideResult(state).reasons.map((r) => r.key)).toEqual([
      "result.reason.noBridge",
      "result.reason.lowHarmony",
      "result.reason.lowWelfare",
      "result.reason.krisis",
    ]);
  });

  it("a win earns 1 star, one more for harmony at least STAR_METER and one more for unity at least STAR_METER", () => {
    // A win already needs harmony ≥ WIN_MIN_HARMONY, so only winning harmony values are tried.
    const harmonies = [WIN_MIN_HARMONY, STAR_METER - 1, STAR_METER, METER_MAX].filter(
      (h) => h >= WIN_MIN_HARMONY,
    );
    for (const harmony of harmonies) {
      for (const unity of [STAR_METER - 1, STAR_METER]) {
        const result = decideResult(endState({ harmony, unity }));
        expect(result.won, `harmony ${harmony}, unity ${unity}`).toBe(true);
        const expected = 1 + (harmony >= STAR_METER ? 1 : 0) + (unity >= STAR_METER ? 1 : 0);
        expect(result.stars, `harmony ${harmony}, unity ${unity}`).toBe(expected);
      }
    }
    expect(decideResult(endState({ harmony: STAR_METER - 1, unity: STAR_METER - 1 })).stars).toBe(1);
    expect(decideResult(endState({ harmony: STAR_METER, unity: STAR_METER - 1 })).stars).toBe(2);
    expect(decideResult(endState({ harmony: STAR_METER, unity: STAR_METER })).stars).toBe(3);
  });

  it("a loss earns no stars", () => {
    expect(decideResult(endState({ harmony: WIN_MIN_HARMONY - 1, welfare: 90, unity: 90 })).stars).toBe(0);
  });

  it("the result lists every project the village finished", () => {
    const state = endState();
    state.projects[projectId(state, "selokan")]!.status = "done";
    state.projects[projectId(state, "koperasi")]!.status = "done";
    expect(decideResult(state).projectsDone).toEqual(["selokan", "jembatan", "koperasi"]);
  });

  it("harmony hitting 0 in the night ends the game at once as a loss", () => {
    const state = village(4);
    calmSeasons(state);
    toAction(state, 1);
    setAllHands(state, { beras: 5 * FOOD_PER_HOUSEHOLD });
    setHand(state, "p2", {});
    // Just what one household's krisis costs.
    expect(KRISIS_COST.harmony).toBeLessThan(0);
    state.meters.harmony = -KRISIS_COST.harmony;
    endPhase(state);
    expect(state.meters.harmony).toBe(0);
    expect(state.phase).toBe("ended");
    expect(state.season).toBe(1);
    expect(state.result).toMatchObject({ won: false, stars: 0 });
    expect(state.result!.reasons.map((r) => r.key)).toContain("result.reason.lowHarmony");
    expect(state.news.at(-1)).toMatchObject({ kind: "result", what: { key: "news.lost" } });
  });

  it("harmony hitting 0 when a flood strikes ends the game before anyone can act", () => {
    const state = village(4);
    calmSeasons(state);
    state.events[1] = "hujan";
    startGame(state, 0);
    expect(BANJIR.harmony).toBeLessThan(0);
    state.meters.harmony = -BANJIR.harmony;
    endPhase(state);
    expect(state.phase).toBe("ended");
    expect(state.result?.won).toBe(false);
  });

  it("a village that wins hears it in the news", () => {
    const state = village(4, { config: { seasons: 4 } });
    calmSeasons(state);
    // A fed village that kept the peace lives to its last season (see keepPeace).
    setAllHands(state, { beras: 5 * FOOD_PER_HOUSEHOLD });
    toAction(state, 4, { keepPeace: true });
    setAllHands(state, { beras: 5 * FOOD_PER_HOUSEHOLD });
    state.projects[projectId(state, "jembatan")]!.status = "done";
    state.meters.harmony = METER_MAX;
    state.meters.welfare = WIN_MIN_WELFARE;
    endPhase(state);
    endPhase(state);
    expect(state.result).toMatchObject({ won: true, bridgeBuilt: true });
    expect(state.news.at(-1)).toMatchObject({ kind: "result", what: { key: "news.won" } });
  });
});
