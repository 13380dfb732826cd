import { describe, expect, it } from "vitest";
import {
  FOOD_PER_HOUSEHOLD,
  type GameState,
  isBuilt,
  isHungry,
  KOPERASI_BUFFER_PER_SEASON,
  KRISIS_COST,
} from "../../shared/src/index.ts";
import {
  calmSeasons,
  endPhase,
  handOf,
  must,
  player,
  projectId,
  setAllHands,
  setHand,
  supply,
  villageAt,
  work,
} from "./helpers.ts";

/** A calm village of 4 in season 1's action window, every household with 10 beras. */
function fedVillage(): GameState {
  const state = villageAt(4);
  calmSeasons(state);
  setAllHands(state, { beras: 10 });
  return state;
}

/** Three villagers found the koperasi together (uang 4, beras 4, 3 labour). */
function buildKoperasi(state: GameState): void {
  const id = projectId(state, "koperasi");
  setHand(state, "p4", { uang: 4, beras: 10 });
  must(state, "p4", supply(id, { uang: 4, beras: 4 }));
  for (const p of ["p1", "p2", "p3"]) must(state, p, work(id, 1));
  expect(isBuilt(state, "koperasi")).toBe(true);
}

describe("food", () => {
  it("every household eats 2 beras a night", () => {
    expect(FOOD_PER_HOUSEHOLD).toBe(2);
    const state = fedVillage();
    setHand(state, "p2", { beras: 5, kayu: 3 });
    endPhase(state);
    expect(state.phase).toBe("night");
    expect(handOf(state, "p1").beras).toBe(8);
    expect(handOf(state, "p2")).toEqual({ beras: 3, kayu: 3, batu: 0, uang: 0 });
  });

  it("a household whose barn holds less than 2 beras is hungry, for everyone to see", () => {
    const state = fedVillage();
    setHand(state, "p3", { beras: 1 });
    expect(isHungry(state, "p3")).toBe(true);
    expect(isHungry(state, "p1")).toBe(false);
    expect(isHungry(state, "nobody")).toBe(false);
  });

  it("a household that cannot eat is in krisis next season, and the village meters drop", () => {
    const state = fedVillage();
    setHand(state, "p2", { beras: 1 });
    const meters = { ...state.meters };
    endPhase(state);
    const p2 = player(state, "p2");
    expect(p2.krisis).toBe(true);
    expect(p2.hand.beras).toBe(0);
    expect(player(state, "p1").krisis).toBe(false);
    expect(state.meters).toEqual({
      welfare: meters.welfare + KRISIS_COST.welfare,
      harmony: meters.harmony + KRISIS_COST.harmony,
      unity: meters.unity,
    });
    expect(state.news.at(-1)).toMatchObject({
      kind: "krisis",
      what: { key: "news.krisis", params: { name: "Budi" } },
    });
    endPhase(state);
    expect(state.season).toBe(2);
    expect(p2.tenaga).toBe(3);
  });

  it("each household in krisis costs the village meters again", () => {
    const state = fedVillage();
    setHand(state, "p2", {});
    setHand(state, "p3", {});
    const { welfare, harmony } = state.meters;
    endPhase(state);
    expect(state.meters.welfare).toBe(welfare + 2 * KRISIS_COST.welfare);
    expect(state.meters.harmony).toBe(harmony + 2 * KRISIS_COST.harmony);
    expect(state.news.filter((n) => n.kind === "krisis")).toHaveLength(2);
  });

  it("a household in krisis that eats again leaves krisis", () => {
    const state = fedVillage();
    setHand(state, "p2", {});
    endPhase(state);
    expect(player(state, "p2").krisis).toBe(true);
    endPhase(state); // season 2's warning
    setHand(state, "p2", { beras: 2 });
    endPhase(state); // season 2's action window
    endPhase(state); // season 2's night
    expect(player(state, "p2").krisis).toBe(false);
    expect(player(state, "p2").hand.beras).toBe(0);
  });

  it("a neighbour's gift of beras keeps a household out of krisis (bantu tetangga)", () => {
    const state = fedVillage();
    setHand(state, "p2", { beras: 0 });
    must(state, "p1", { type: "giveAid", to: "p2", give: { beras: 2 } });
    endPhase(state);
    expect(player(state, "p2").krisis).toBe(false);
  });

  it("without a koperasi even one missing beras means krisis", () => {
    const state = fedVillage();
    setHand(state, "p4", { beras: 1 });
    endPhase(state);
    expect(player(state, "p4").krisis).toBe(true);
  });

  it("the koperasi, once built, covers up to 2 beras of shortfall a night for the village", () => {
    expect(KOPERASI_BUFFER_PER_SEASON).toBe(2);
    const state = fedVillage();
    buildKoperasi(state);
    setHand(state, "p2", { beras: 1 });
    setHand(state, "p3", { beras: 1 });
    endPhase(state);
    expect(player(state, "p2").krisis).toBe(false);
    expect(player(state, "p3").krisis).toBe(false);
    expect(handOf(state, "p2").beras).toBe(0);
  });

  it("the koperasi's buffer is shared: two empty barns are more than it can cover", () => {
    const state = fedVillage();
    buildKoperasi(state);
    setHand(state, "p2", {});
    setHand(state, "p3", {});
    endPhase(state);
    // The buffer goes to households in seat order: p2 is covered, p3 is not.
    expect(player(state, "p2").krisis).toBe(false);
    expect(player(state, "p3").krisis).toBe(true);
  });

  it("the koperasi's buffer is there again every night", () => {
    const state = fedVillage();
    buildKoperasi(state);
    setHand(state, "p2", {});
    endPhase(state);
    expect(player(state, "p2").krisis).toBe(false);
    endPhase(state);
    endPhase(state);
    setHand(state, "p2", {});
    endPhase(state);
    expect(state).toMatchObject({ season: 2, phase: "night" });
    expect(player(state, "p2").krisis).toBe(false);
  });
});
