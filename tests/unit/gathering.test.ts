import { describe, expect, it } from "vitest";
import {
  ERROR_CODES,
  GATHER_YIELD,
  PANEN_RAYA_BONUS,
  ROLES,
  SITE_IDS,
  SITES,
  startGame,
} from "../../shared/src/index.ts";
import { act, calmSeasons, handOf, player, setHand, village, villageAt } from "./helpers.ts";

describe("gathering", () => {
  it("one tenaga at a site yields the site's resource and nothing else", () => {
    for (const site of SITE_IDS) {
      const state = villageAt(4);
      setHand(state, "p4", {});
      const result = act(state, "p4", { type: "gather", site, tenaga: 1 });
      expect(result.ok).toBe(true);
      const hand = handOf(state, "p4");
      const resource = SITES[site].resource;
      expect(hand[resource]).toBeGreaterThan(0);
      for (const [r, n] of Object.entries(hand)) if (r !== resource) expect(n).toBe(0);
      expect(player(state, "p4").tenaga).toBe(state.config.tenagaPerSeason - 1);
      expect(player(state, "p4").location).toBe(site);
    }
  });

  it("a role's specialty yields GATHER_YIELD.specialty per tenaga, any other site GATHER_YIELD.other", () => {
    // Mutual need: a specialist gathers its own resource better than anything else.
    expect(GATHER_YIELD.specialty).toBeGreaterThan(GATHER_YIELD.other);
    expect(GATHER_YIELD.other).toBeGreaterThan(0);
    const state = villageAt(5);
    calmSeasons(state);
    // p1 petani → sawah, p2 penebang → hutan, p3 penambang → tambang, p5 pedagang → pasar
    const specialists = [
      ["p1", "sawah"],
      ["p2", "hutan"],
      ["p3", "tambang"],
      ["p5", "pasar"],
    ] as const;
    for (const [id, site] of specialists) {
      expect(ROLES[player(state, id).role].specialty).toBe(SITES[site].resource);
      setHand(state, id, {});
      player(state, id).tenaga = 4;
      expect(act(state, id, { type: "gather", site, tenaga: 2 }).ok).toBe(true);
      expect(handOf(state, id)[SITES[site].resource]).toBe(2 * GATHER_YIELD.specialty);
      // Off-specialty: a neighbouring site gives the lower yield.
      const other = site === "hutan" ? "tambang" : "hutan";
      expect(act(state, id, { type: "gather", site: other, tenaga: 2 }).ok).toBe(true);
      expect(handOf(state, id)[SITES[other].resource]).toBe(2 * GATHER_YIELD.other);
    }
  });

  it("the tukang has no specialty: every site yields GATHER_YIELD.other per tenaga", () => {
    const state = villageAt(4);
    expect(ROLES[player(state, "p4").role].specialty).toBeNull();
    setHand(state, "p4", {});
    player(state, "p4").tenaga = SITE_IDS.length;
    for (const site of SITE_IDS) expect(act(state, "p4", { type: "gather", site, tenaga: 1 }).ok).toBe(true);
    const y = GATHER_YIELD.other;
    expect(handOf(state, "p4")).toEqual({ beras: y, kayu: y, batu: y, uang: y });
  });

  it("panen raya adds PANEN_RAYA_BONUS beras per tenaga for the petani, and only for the petani", () => {
    expect(PANEN_RAYA_BONUS).toBeGreaterThan(0);
    const at = villageAt(4);
    at.events[1] = "panenRaya";
    setHand(at, "p1", {});
    setHand(at, "p2", {});
    expect(act(at, "p1", { type: "gather", site: "sawah", tenaga: 2 }).ok).toBe(true);
    expect(handOf(at, "p1").beras).toBe(2 * (GATHER_YIELD.specialty + PANEN_RAYA_BONUS));
    expect(act(at, "p2", { type: "gather", site: "sawah", tenaga: 2 }).ok).toBe(true);
    expect(handOf(at, "p2").beras).toBe(2 * GATHER_YIELD.other);
  });

  it("without panen raya the petani's sawah yields the usual GATHER_YIELD.specialty", () => {
    const state = villageAt(4);
    state.events[1] = "tenang";
    setHand(state, "p1", {});
    expect(act(state, "p1", { type: "gather", site: "sawah", tenaga: 1 }).ok).toBe(true);
    expect(handOf(state, "p1").beras).toBe(GATHER_YIELD.specialty);
  });

  it("gathering without enough tenaga is refused with notEnoughTenaga and changes nothing", () => {
    const state = villageAt(4);
    player(state, "p2").tenaga = 2;
    const before = structuredClone(state);
    const result = act(state, "p2", { type: "gather", site: "hutan", tenaga: 3 });
    expect(result).toEqual({ ok: false, error: ERROR_CODES.notEnoughTenaga, params: { have: 2 } });
    expect(state).toEqual(before);
  });

  it("a household with no tenaga left cannot gather at all", () => {
    const state = villageAt(4);
    player(state, "p1").tenaga = 0;
    const before = structuredClone(state);
    expect(act(state, "p1", { type: "gather", site: "sawah", tenaga: 1 })).toMatchObject({
      ok: false,
      error: ERROR_CODES.notEnoughTenaga,
    });
    expect(state).toEqual(before);
  });

  it("nobody may act outside the action window (wrongPhase)", () => {
    const state = village(4);
    startGame(state, 0);
    expect(state.phase).toBe("warning");
    const before = structuredClone(state);
    expect(act(state, "p1", { type: "gather", site: "sawah", tenaga: 1 })).toMatchObject({
      ok: false,
      error: ERROR_CODES.wrongPhase,
    });
    expect(state).toEqual(before);
  });

  it("nobody may act in the lobby before the game starts (wrongPhase)", () => {
    const state = village(4);
    expect(act(state, "p1", { type: "gather", site: "sawah", tenaga: 1 })).toMatchObject({
      ok: false,
      error: ERROR_CODES.wrongPhase,
    });
  });

  it("someone who is not a villager is refused (unknownPlayer)", () => {
    const state = villageAt(4);
    const before = structuredClone(state);
    expect(act(state, "stranger", { type: "gather", site: "sawah", tenaga: 1 })).toEqual({
      ok: false,
      error: ERROR_CODES.unknownPlayer,
    });
    expect(state).toEqual(before);
  });

  it("a site that is not on the map is refused (unknownSite)", () => {
    const state = villageAt(4);
    const before = structuredClone(state);
    const result = act(state, "p1", { type: "gather", site: "laut" as "sawah", tenaga: 1 });
    expect(result).toMatchObject({ ok: false, error: ERROR_CODES.unknownSite });
    expect(state).toEqual(before);
  });
});
