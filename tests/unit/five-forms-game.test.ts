/**
 * Whole games: cooperative bots on every seat play seeded six-season games with the default
 * one-new-idea-per-season opening. Every game meets all five forms of kerja sama, ends with a result,
 * and every line of its cooperation log translates fully in both languages.
 */
import { describe, expect, it } from "vitest";
import {
  chooseCooperativeAction,
  createGame,
  DICTIONARIES,
  FORM_OPENS_IN_SEASON,
  FORMS,
  type GameState,
  LANGS,
  translateRef,
} from "../../shared/src/index.ts";
import { playGame, seatSpecs } from "./helpers.ts";

/** Parameters whose values are content ids, and the key prefix of their names. */
const NAMED_PARAMS: Record<string, string> = {
  goal: "goal.",
  kind: "venture.",
  position: "position.",
  topic: "topic.",
  project: "projectName.",
};

/**
 * A village of 4 has no pedagang, so no harga gabah talk: its bargaining comes only from trades,
 * which cooperative bots make when a household runs short of beras with goods to pay for it. Since
 * the balance rules households gather their own food first, and some 4-seat games (seed 7 among
 * them) pass without a trade; the 4-seat seeds here are games in which one happens.
 */
const GAMES: { seats: number; seed: number }[] = [
  { seats: 4, seed: 1 },
  { seats: 4, seed: 8 },
  { seats: 5, seed: 23 },
  { seats: 5, seed: 99 },
  { seats: 6, seed: 5 },
  { seats: 6, seed: 2024 },
];

/** A whole six-season game of cooperative bots (every seat a bot). */
function botGame(seats: number, seed: number): GameState {
  return playGame(createGame(seatSpecs(seats, 0), seed), chooseCooperativeAction);
}

describe("a seeded whole game in which all five forms occur", () => {
  for (const { seats, seed } of GAMES) {
    it(`${seats} cooperative villagers, seed ${seed}: every form is in the log and the game ends with a result`, () => {
      const state = botGame(seats, seed);
      expect(state.phase, `seed ${seed}`).toBe("ended");
      expect(state.season).toBe(state.config.seasons);
      expect(state.result).not.toBeNull();
      const forms = new Set(state.log.map((e) => e.form));
      for (const form of FORMS) expect(forms.has(form), `${form} missing (seed ${seed})`).toBe(true);
      // Each form first appears no earlier than the season it opens in.
      for (const form of FORMS) {
        const first = state.log.find((e) => e.form === form)!.season;
        expect(first, `${form} (seed ${seed})`).toBeGreaterThanOrEqual(FORM_OPENS_IN_SEASON[form]);
      }
    });
  }

  it("every log entry of those games translates fully in both languages", () => {
    for (const { seats, seed } of GAMES) {
      const state = botGame(seats, seed);
      for (const entry of [...state.log, ...state.news]) {
        for (const lang of LANGS) {
          const text = translateRef(lang, entry.what);
          expect(text, `${lang} ${entry.what.key} (seed ${seed})`).not.toBe(entry.what.key);
          expect(text, `${lang} ${entry.what.key} (seed ${seed})`).not.toMatch(/\{\w+\}/);
          // Content ids (a goal, a venture kind, a position, a project) are shown by their names.
          const dict = DICTIONARIES[lang] as Record<string, string>;
          for (const [name, value] of Object.entries(entry.what.params ?? {})) {
            const prefix = NAMED_PARAMS[name];
            if (prefix) expect(dict[`${prefix}${value}`], `${lang} ${prefix}${value}`).toBeTruthy();
          }
        }
      }
    }
  });
});
