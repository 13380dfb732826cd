import { describe, expect, it } from "vitest";
import {
  BANJIR,
  createGame,
  type Difficulty,
  type EventKind,
  GATHER_YIELD,
  type GameState,
  PANEN_RAYA_BONUS,
  planEvents,
  startGame,
} from "../../shared/src/index.ts";
import {
  calmSeasons,
  endPhase,
  handOf,
  metersAfter,
  must,
  player,
  projectId,
  seatSpecs,
  setAllHands,
  setHand,
  village,
  workInTurn,
} from "./helpers.ts";

const DIFFICULTIES: readonly Difficulty[] = ["mudah", "sedang", "sulit"];

/** A calm, well-fed village of 4 in the warning phase of `season`, which will bring `event`. */
function villageBefore(season: number, event: EventKind): GameState {
  const state = village(4);
  calmSeasons(state);
  state.events[season] = event;
  startGame(state, 0);
  setAllHands(state, { beras: 30 });
  while (!(state.season === season && state.phase === "warning")) endPhase(state);
  return state;
}

/** Villagers clean the gutters together. */
function cleanGutters(state: GameState): void {
  workInTurn(state, projectId(state, "selokan"), state.playerOrder);
}

/** What a flood leaves of `n` units of beras, kayu or batu. */
function afterFlood(n: number): number {
  return n - Math.floor(n * BANJIR.stockLossFraction);
}

describe("the flood (banjir)", () => {
  it("the flood comes when the gutters are not cleaned before the rain", () => {
    const state = villageBefore(3, "hujan");
    setAllHands(state, { beras: 5, kayu: 4, batu: 3, uang: 7 });
    const meters = { ...state.meters };
    endPhase(state); // the warning ends: the rain falls
    expect(state.phase).toBe("action");
    expect(state.flooded).toBe(true);
    // Beras, kayu and batu lose their share (a household keeps the odd unit); uang is safe.
    expect(BANJIR.stockLossFraction).toBeGreaterThan(0);
    for (const id of state.playerOrder)
      expect(handOf(state, id)).toEqual({
        beras: afterFlood(5),
        kayu: afterFlood(4),
        batu: afterFlood(3),
        uang: 7,
      });
    expect(afterFlood(4)).toBeLessThan(4);
    expect(state.meters).toEqual(metersAfter(meters, { welfare: BANJIR.welfare, harmony: BANJIR.harmony }));
    expect(state.news.at(-1)).toMatchObject({ season: 3, kind: "event", what: { key: "news.banjir" } });
  });

  it("after a flood the gutters are still dirty and can be cleaned before the next rain", () => {
    const state = villageBefore(3, "hujan");
    const gutters = projectId(state, "selokan");
    endPhase(state);
    expect(state.projects[gutters]!.status).toBe("open");
    expect(Object.values(state.projects).filter((p) => p.kind === "selokan")).toHaveLength(1);
  });

  it("clean gutters keep the village dry, and the rain opens new gutters to clean before the next rain", () => {
    const dry = villageBefore(2, "tenang");
    dry.events[3] = "hujan";
    endPhase(dry);
    cleanGutters(dry);
    const oldGutters = Object.values(dry.projects).find((p) => p.kind === "selokan")!;
    expect(oldGutters.status).toBe("done");
    endPhase(dry); // night of season 2
    endPhase(dry); // season 3's warning
    setAllHands(dry, { beras: 5, kayu: 4, batu: 3, uang: 7 });
    const meters = { ...dry.meters };
    endPhase(dry); // the rain falls
    expect(dry.flooded).toBe(false);
    for (const id of dry.playerOrder)
      expect(handOf(dry, id)).toEqual({ beras: 5, kayu: 4, batu: 3, uang: 7 });
    expect(dry.meters).toEqual(meters);
    expect(dry.news.at(-1)).toMatchObject({ kind: "event", what: { key: "news.hujanSafe" } });
    const open = Object.values(dry.projects).filter((p) => p.kind === "selokan" && p.status === "open");
    expect(open).toHaveLength(1);
    expect(open[0]!.id).not.toBe(oldGutters.id);
  });

  it("a calm season brings no flood even with dirty gutters", () => {
    const state = villageBefore(3, "tenang");
    const hands = state.playerOrder.map((id) => handOf(state, id));
    endPhase(state);
    expect(state.flooded).toBe(false);
    expect(state.playerOrder.map((id) => handOf(state, id))).toEqual(hands);
  });
});

describe("musibah", () => {
  it("a musibah damages one house and opens a rumah project with a deadline", () => {
    const state = villageBefore(2, "musibah");
    endPhase(state);
    const damaged = state.playerOrder.filter((id) => player(state, id).houseDamaged);
    expect(damaged).toHaveLength(1);
    const owner = player(state, damaged[0]!);
    const rumah = Object.values(state.projects).filter((p) => p.kind === "rumah");
    expect(rumah).toHaveLength(1);
    expect(rumah[0]).toMatchObject({ ownerId: owner.id, deadlineSeason: 3, status: "open" });
    expect(state.news.at(-1)).toMatchObject({
      season: 2,
      kind: "event",
      what: { key: "news.musibah", params: { name: owner.name } },
    });
  });

  it("a musibah does not strike a house that is already damaged", () => {
    const state = villageBefore(2, "musibah");
    for (const id of ["p1", "p2", "p4"]) player(state, id).houseDamaged = true;
    endPhase(state);
    const rumah = Object.values(state.projects).find((p) => p.kind === "rumah");
    expect(rumah?.ownerId).toBe("p3");
  });

  it("which house a musibah strikes follows the seed", () => {
    const owners = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const runs = [1, 2].map(() => {
        const state = createGame(seatSpecs(4), seed);
        calmSeasons(state);
        state.events[2] = "musibah";
        startGame(state, 0);
        while (!(state.season === 2 && state.phase === "action")) endPhase(state);
        return state.playerOrder.find((id) => player(state, id).houseDamaged);
      });
      expect(runs[0]).toBe(runs[1]);
      owners.add(runs[0]!);
    }
    expect(owners.size).toBeGreaterThan(1);
  });
});

describe("panen raya", () => {
  it("a good harvest is announced as the season opens", () => {
    const state = villageBefore(2, "panenRaya");
    setHand(state, "p1", {});
    endPhase(state);
    expect(state.news.at(-1)).toMatchObject({ kind: "event", what: { key: "news.panenRaya" } });
    must(state, "p1", { type: "gather", site: "sawah", tenaga: 1 });
    expect(handOf(state, "p1").beras).toBe(GATHER_YIELD.specialty + PANEN_RAYA_BONUS);
  });
});

describe("the plan of events", () => {
  it("is the same for the same seed", () => {
    for (let seed = 1; seed <= 50; seed++) {
      expect(planEvents({ rng: seed }, 6, "sedang")).toEqual(planEvents({ rng: seed }, 6, "sedang"));
      expect(createGame(seatSpecs(3), seed).events).toEqual(createGame(seatSpecs(3), seed).events);
    }
  });

  it("differs across seeds", () => {
    const plans = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) plans.add(planEvents({ rng: seed }, 6, "sedang").join(","));
    expect(plans.size).toBeGreaterThan(5);
  });

  it("always brings rain, never before season 3, so the warning two seasons ahead leaves time to clean", () => {
    for (const difficulty of DIFFICULTIES) {
      for (let seasons = 4; seasons <= 10; seasons++) {
        for (let seed = 1; seed <= 200; seed++) {
          const events = planEvents({ rng: seed }, seasons, difficulty);
          const where = `seed ${seed}, ${seasons} seasons, ${difficulty}`;
          expect(events, where).toHaveLength(seasons + 1);
          expect(events.slice(0, 3), where).not.toContain("hujan");
          expect(events.slice(3), where).toContain("hujan");
        }
      }
    }
  });

  it("the first season is calm and a musibah never strikes in the last season, so a house can be rebuilt", () => {
    for (const difficulty of DIFFICULTIES) {
      for (let seasons = 4; seasons <= 10; seasons++) {
        for (let seed = 1; seed <= 200; seed++) {
          const events = planEvents({ rng: seed }, seasons, difficulty);
          const where = `seed ${seed}, ${seasons} seasons, ${difficulty}`;
          expect(events[1], where).toBe("tenang");
          expect(events[seasons], where).not.toBe("musibah");
        }
      }
    }
  });

  it("a hard game brings two musibah and no panen raya; easier games one musibah", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const count = (events: EventKind[], kind: EventKind) => events.filter((e) => e === kind).length;
      const sulit = planEvents({ rng: seed }, 6, "sulit");
      expect(count(sulit, "musibah"), `seed ${seed}`).toBe(2);
      expect(count(sulit, "panenRaya"), `seed ${seed}`).toBe(0);
      for (const difficulty of ["mudah", "sedang"] as const) {
        expect(count(planEvents({ rng: seed }, 6, difficulty), "musibah"), `seed ${seed}`).toBe(1);
      }
    }
  });
});
