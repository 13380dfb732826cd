import { describe, expect, it } from "vitest";
import {
  ERROR_CODES,
  FOOD_PER_HOUSEHOLD,
  type GameState,
  isBuilt,
  isHungry,
  KOPERASI_BUFFER_PER_SEASON,
  KRISIS_COST,
  KRISIS_TENAGA_PENALTY,
  MIN_TENAGA,
} from "../../shared/src/index.ts";
import {
  act,
  calmSeasons,
  endPhase,
  finishProject,
  handOf,
  metersAfter,
  must,
  player,
  setAllHands,
  setHand,
  toAction,
  villageAt,
} from "./helpers.ts";

/** Beras a household has when it can eat tonight with some to spare. */
const PLENTY = 5 * FOOD_PER_HOUSEHOLD;

/** A calm village of 4 in season 1's action window, every household with plenty of beras. */
function fedVillage(): GameState {
  const state = villageAt(4);
  calmSeasons(state);
  setAllHands(state, { beras: PLENTY });
  return state;
}

/** Villagers found the koperasi together: p4 gives what it needs, p1, p2 and p3 the labour. */
function buildKoperasi(state: GameState): void {
  finishProject(state, "koperasi", ["p1", "p2", "p3"], "p4");
  expect(isBuilt(state, "koperasi")).toBe(true);
}

/** Give a household a barn that is `short` beras short of tonight's meal. */
function shortBy(state: GameState, playerId: string, short: number): void {
  setHand(state, playerId, { beras: FOOD_PER_HOUSEHOLD - short });
}

describe("food", () => {
  it("every household eats FOOD_PER_HOUSEHOLD beras a night", () => {
    expect(FOOD_PER_HOUSEHOLD).toBeGreaterThan(0);
    const state = fedVillage();
    setHand(state, "p2", { beras: FOOD_PER_HOUSEHOLD + 3, kayu: 3 });
    endPhase(state);
    expect(state.phase).toBe("night");
    expect(handOf(state, "p1").beras).toBe(PLENTY - FOOD_PER_HOUSEHOLD);
    expect(handOf(state, "p2")).toEqual({ beras: 3, kayu: 3, batu: 0, uang: 0 });
  });

  it("a household whose barn holds less than FOOD_PER_HOUSEHOLD beras is hungry, for everyone to see", () => {
    const state = fedVillage();
    shortBy(state, "p3", 1);
    expect(isHungry(state, "p3")).toBe(true);
    expect(isHungry(state, "p1")).toBe(false);
    expect(isHungry(state, "nobody")).toBe(false);
  });

  it("a household that cannot eat is in krisis next season, and the village meters drop", () => {
    const state = fedVillage();
    shortBy(state, "p2", 1);
    const meters = { ...state.meters };
    endPhase(state);
    const p2 = player(state, "p2");
    expect(p2.krisis).toBe(true);
    expect(p2.hand.beras).toBe(0);
    expect(player(state, "p1").krisis).toBe(false);
    expect(KRISIS_COST.welfare).toBeLessThan(0);
    expect(KRISIS_COST.harmony).toBeLessThan(0);
    expect(state.meters).toEqual(metersAfter(meters, KRISIS_COST));
    expect(state.news.at(-1)).toMatchObject({
      kind: "krisis",
      what: { key: "news.krisis", params: { name: "Budi" } },
    });
    endPhase(state);
    expect(state.season).toBe(2);
    expect(KRISIS_TENAGA_PENALTY).toBeGreaterThan(0);
    expect(p2.tenaga).toBe(Math.max(MIN_TENAGA, state.config.tenagaPerSeason - KRISIS_TENAGA_PENALTY));
  });

  it("each household in krisis costs the village meters again", () => {
    const state = fedVillage();
    setHand(state, "p2", {});
    setHand(state, "p3", {});
    const meters = { ...state.meters };
    endPhase(state);
    expect(state.meters).toEqual(metersAfter(meters, KRISIS_COST, KRISIS_COST));
    expect(state.news.filter((n) => n.kind === "krisis")).toHaveLength(2);
  });

  it("a household in krisis that eats again leaves krisis", () => {
    const state = fedVillage();
    setHand(state, "p2", {});
    endPhase(state);
    expect(player(state, "p2").krisis).toBe(true);
    endPhase(state); // season 2's warning
    setHand(state, "p2", { beras: FOOD_PER_HOUSEHOLD });
    endPhase(state); // season 2's action window
    endPhase(state); // season 2's night
    expect(player(state, "p2").krisis).toBe(false);
    expect(player(state, "p2").hand.beras).toBe(0);
  });

  it("a neighbour's gift of beras brings a household out of krisis (bantu tetangga)", () => {
    const state = fedVillage();
    setHand(state, "p2", { beras: 0 });
    endPhase(state);
    expect(player(state, "p2").krisis).toBe(true);
    toAction(state, 2);
    expect(handOf(state, "p2").beras).toBe(0);
    must(state, "p1", { type: "giveAid", to: "p2", give: { beras: FOOD_PER_HOUSEHOLD } });
    expect(handOf(state, "p2").beras).toBe(FOOD_PER_HOUSEHOLD);
    endPhase(state);
    expect(player(state, "p2").krisis).toBe(false);
    expect(handOf(state, "p2").beras).toBe(0);
  });

  it("a barn that is merely low is no case for aid: the household bargains or gathers for its meal", () => {
    const state = fedVillage();
    shortBy(state, "p2", 1);
    expect(isHungry(state, "p2")).toBe(true);
    const before = JSON.stringify(state);
    expect(act(state, "p1", { type: "giveAid", to: "p2", give: { beras: 1 } })).toEqual({
      ok: false,
      error: ERROR_CODES.aidNotNeeded,
      params: { name: "Budi" },
    });
    expect(JSON.stringify(state)).toBe(before);
    // Gathering at the sawah fills its own barn in time for tonight.
    must(state, "p2", { type: "gather", site: "sawah", tenaga: 1 });
    expect(isHungry(state, "p2")).toBe(false);
    endPhase(state);
    expect(player(state, "p2").krisis).toBe(false);
  });

  it("without a koperasi even one missing beras means krisis", () => {
    const state = fedVillage();
    shortBy(state, "p4", 1);
    endPhase(state);
    expect(player(state, "p4").krisis).toBe(true);
  });

  it("the koperasi, once built, covers up to KOPERASI_BUFFER_PER_SEASON beras of shortfall a night for the village", () => {
    expect(KOPERASI_BUFFER_PER_SEASON).toBeGreaterThan(0);
    const state = fedVillage();
    buildKoperasi(state);
    // Two households are short, together by exactly the buffer (as far as their meals allow)…
    const first = Math.min(FOOD_PER_HOUSEHOLD, Math.ceil(KOPERASI_BUFFER_PER_SEASON / 2));
    const second = Math.min(FOOD_PER_HOUSEHOLD, KOPERASI_BUFFER_PER_SEASON - first);
    shortBy(state, "p2", first);
    shortBy(state, "p3", second);
    // …and one more household is short by one beras more than that.
    shortBy(state, "p4", 1);
    endPhase(state);
    expect(player(state, "p2").krisis).toBe(false);
    expect(player(state, "p3").krisis).toBe(false);
    expect(handOf(state, "p2").beras).toBe(0);
    const usedUp = first + second === KOPERASI_BUFFER_PER_SEASON;
    expect(player(state, "p4").krisis).toBe(usedUp);
  });

  it("the koperasi's buffer is shared: an empty barn after it is used up is more than it can cover", () => {
    const state = fedVillage();
    buildKoperasi(state);
    // p2 is as short as the buffer can cover; p3's barn is empty.
    shortBy(state, "p2", Math.min(FOOD_PER_HOUSEHOLD, KOPERASI_BUFFER_PER_SEASON));
    setHand(state, "p3", {});
    endPhase(state);
    // The buffer goes to households in seat order: p2 is covered, p3 is not.
    expect(player(state, "p2").krisis).toBe(false);
    expect(player(state, "p3").krisis).toBe(true);
  });

  it("the koperasi's buffer is there again every night", () => {
    const state = fedVillage();
    buildKoperasi(state);
    const short = Math.min(FOOD_PER_HOUSEHOLD, KOPERASI_BUFFER_PER_SEASON);
    shortBy(state, "p2", short);
    endPhase(state);
    expect(player(state, "p2").krisis).toBe(false);
    endPhase(state);
    endPhase(state);
    shortBy(state, "p2", short);
    endPhase(state);
    expect(state).toMatchObject({ season: 2, phase: "night" });
    expect(player(state, "p2").krisis).toBe(false);
  });
});
