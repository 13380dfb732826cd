/**
 * The events that belong to the later forms: the price drop at the pasar, the tokoh's demand and
 * the plastic-waste campaign. They come only once their idea is open, and every event can be
 * forecast in both languages.
 */
import { describe, expect, it } from "vitest";
import {
  DICTIONARIES,
  type Difficulty,
  ERROR_CODES,
  EVENT_KINDS,
  FOOD_PER_HOUSEHOLD,
  LANGS,
  LATE_EVENTS_FROM,
  MARKET_RATE,
  marketCost,
  PRICE_DROP_EXTRA,
  planEvents,
  RESOURCES,
  translate,
} from "../../shared/src/index.ts";
import { act, calmSeasons, endPhase, handOf, setAllHands, setHand, toAction, village } from "./helpers.ts";

const DIFFICULTIES: readonly Difficulty[] = ["mudah", "sedang", "sulit"];

/**
 * A calm village of 4 in the lobby, fed for every night, to be moved with `toAction(…, { keepPeace })`:
 * an idle village that starves, quarrels over the harga gabah and leaves the tokoh outside runs out of
 * harmony in season 3 and never reaches the later seasons.
 */
function peacefulVillage() {
  const state = village(4);
  calmSeasons(state);
  setAllHands(state, { beras: 10 * FOOD_PER_HOUSEHOLD });
  return state;
}

function plans(): { seasons: number; difficulty: Difficulty; seed: number; events: string[] }[] {
  const out = [];
  for (let seasons = 4; seasons <= 10; seasons++)
    for (const difficulty of DIFFICULTIES)
      for (let seed = 1; seed <= 60; seed++)
        out.push({ seasons, difficulty, seed, events: planEvents({ rng: seed }, seasons, difficulty) });
  return out;
}

describe("planning the late events", () => {
  it("kampanyeSampah and tuntutanTokoh never come before season LATE_EVENTS_FROM", () => {
    for (const { seasons, difficulty, seed, events } of plans()) {
      for (const late of ["kampanyeSampah", "tuntutanTokoh"]) {
        const at = events.indexOf(late);
        if (at >= 0)
          expect(at, `${late} in ${seasons}/${difficulty}/${seed}`).toBeGreaterThanOrEqual(LATE_EVENTS_FROM);
        expect(events.lastIndexOf(late)).toBe(at); // at most once
      }
    }
  });

  it("when there is room from season LATE_EVENTS_FROM, both late events are planned", () => {
    for (const { seasons, difficulty, seed, events } of plans()) {
      if (seasons < LATE_EVENTS_FROM + 4) continue;
      for (const late of ["kampanyeSampah", "tuntutanTokoh"])
        expect(events, `${late} in ${seasons}/${difficulty}/${seed}`).toContain(late);
    }
  });

  it("a default six-season game brings at least the campaign", () => {
    for (const difficulty of DIFFICULTIES)
      for (let seed = 1; seed <= 60; seed++)
        expect(planEvents({ rng: seed }, 6, difficulty)).toContain("kampanyeSampah");
  });
});

describe("harga turun (a price drop)", () => {
  it("in a hargaTurun season the pasar asks PRICE_DROP_EXTRA more per unit", () => {
    const state = village(4);
    calmSeasons(state);
    state.events[3] = "hargaTurun";
    toAction(state, 2);
    expect(marketCost(state, "kayu", "uang", 1)).toBe(MARKET_RATE);
    toAction(state, 3);
    expect(PRICE_DROP_EXTRA).toBeGreaterThan(0);
    for (const give of RESOURCES)
      for (const get of RESOURCES)
        if (give !== get) expect(marketCost(state, give, get, 2)).toBe((MARKET_RATE + PRICE_DROP_EXTRA) * 2);
  });

  it("a trade at the pasar costs the dearer price that season", () => {
    const state = village(4);
    calmSeasons(state);
    state.events[3] = "hargaTurun";
    toAction(state, 3);
    setHand(state, "p1", { kayu: MARKET_RATE });
    expect(act(state, "p1", { type: "tradeWithMarket", give: "kayu", get: "uang", amount: 1 })).toEqual({
      ok: false,
      error: ERROR_CODES.notEnoughResources,
      params: { need: MARKET_RATE + PRICE_DROP_EXTRA },
    });
    setHand(state, "p1", { kayu: MARKET_RATE + PRICE_DROP_EXTRA });
    expect(act(state, "p1", { type: "tradeWithMarket", give: "kayu", get: "uang", amount: 1 })).toEqual({
      ok: true,
    });
    expect(handOf(state, "p1")).toEqual({ beras: 0, kayu: 0, batu: 0, uang: 1 });
  });

  it("the price drop is news when it strikes; the next season the pasar is back to normal", () => {
    const state = peacefulVillage();
    state.events[3] = "hargaTurun";
    toAction(state, 3, { keepPeace: true });
    expect(state.news.some((n) => n.season === 3 && n.what.key === "news.hargaTurun")).toBe(true);
    endPhase(state);
    toAction(state, 4, { keepPeace: true });
    expect(marketCost(state, "kayu", "uang", 1)).toBe(MARKET_RATE);
  });
});

describe("the plastic-waste campaign", () => {
  it("kampanyeSampah is news when it strikes", () => {
    const state = peacefulVillage();
    state.events[4] = "kampanyeSampah";
    toAction(state, 4, { keepPeace: true });
    expect(state.news.some((n) => n.season === 4 && n.what.key === "news.kampanyeSampah")).toBe(true);
  });
});

describe("every event can be forecast", () => {
  it("every event kind has a name and a warning text in both languages", () => {
    for (const lang of LANGS) {
      const dict = DICTIONARIES[lang] as Record<string, string>;
      for (const kind of EVENT_KINDS) {
        expect(dict[`event.${kind}`], `${lang} event.${kind}`).toBeTruthy();
        expect(dict[`event.${kind}.warn`], `${lang} event.${kind}.warn`).toBeTruthy();
        const warning = translate(lang, `event.${kind}.warn`, { season: 5 });
        expect(warning).not.toMatch(/\{\w+\}/);
        expect(warning).toContain("5");
      }
    }
  });
});
