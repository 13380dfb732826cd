/**
 * Hints for a solo player: the move a cooperative villager would make in the student's place, the form
 * of cooperation it practises, and a reason the student can read in both languages. Seeded states come
 * from bot-only games; every failure message names its state.
 */
import { describe, expect, it } from "vitest";
import {
  type Action,
  apply,
  chooseBotAction,
  chooseCooperativeAction,
  DICTIONARIES,
  type Difficulty,
  FOOD_PER_HOUSEHOLD,
  type Form,
  formOfAction,
  type GameState,
  isHungry,
  LANGS,
  legalActions,
  PERSONALITIES,
  seedFrom,
  startGame,
  suggestHint,
  translate,
  type VoteState,
} from "../../shared/src/index.ts";
import { calmSeasons, endPhase, hasEnded, playGame, setHand, toAction, village } from "./helpers.ts";

const DIFFICULTIES: readonly Difficulty[] = ["mudah", "sedang", "sulit"];

/** Mid-game states of seeded 3–6 seat villages (p1 a person, the rest bots of every personality). */
function corpus(games: number): GameState[] {
  const states: GameState[] = [];
  for (let g = 1; g <= games; g++) {
    const state = village(3 + (g % 4), {
      people: 1,
      seed: 100 + g,
      config: { seasons: 5, openAllForms: g % 2 === 0, difficulty: DIFFICULTIES[g % 3]! },
    });
    const rng = { rng: seedFrom(`hints:${g}`) };
    let moves = 0;
    startGame(state, 0);
    while (!hasEnded(state)) {
      if (state.phase === "action") {
        for (let round = 0; round < 8; round++) {
          state.playerOrder.forEach((id, seat) => {
            if (++moves % 7 === 0) states.push(structuredClone(state));
            const personality = PERSONALITIES[(g + seat) % PERSONALITIES.length]!;
            const action = chooseBotAction(state, id, personality, rng, 0.95);
            if (action && action.type !== "done")
              apply(state, action, { actor: id, now: state.phaseEndsAt - 1 });
          });
        }
      }
      endPhase(state);
    }
  }
  return states;
}

const STATES = corpus(30);

/** A 5-seat village in season 1's action window: p1 (petani) is the student, p2–p5 are bots. */
function soloVillage(): GameState {
  const state = village(5, { people: 1, seed: 9 });
  calmSeasons(state);
  return toAction(state, 1);
}

describe("a hint", () => {
  it("suggests a legal action, names its form and gives a reason both languages translate in full", () => {
    const forms = new Set<Form | null>();
    let hints = 0;
    for (const [i, state] of STATES.entries()) {
      for (const id of state.playerOrder) {
        const hint = suggestHint(state, id);
        if (!hint) continue;
        hints++;
        const where = `state ${i} ${id} ${JSON.stringify(hint.action)}`;
        const legal = legalActions(state, id).map((a) => JSON.stringify(a));
        expect(legal, where).toContain(JSON.stringify(hint.action));
        expect(hint.action.type, where).not.toBe("done");
        expect(hint.form, where).toBe(formOfAction(state, hint.action));
        forms.add(hint.form);
        for (const lang of LANGS) {
          expect(Object.hasOwn(DICTIONARIES[lang], hint.why.key), `${where}: ${lang} ${hint.why.key}`).toBe(
            true,
          );
          const text = translate(lang, hint.why.key, hint.why.params);
          expect(text, `${where}: ${lang}`).not.toMatch(/\{\w+\}/);
          expect(text.length, `${where}: ${lang}`).toBeGreaterThan(10);
        }
      }
    }
    expect(hints).toBeGreaterThan(1_000);
    // A solo player meets several forms through hints, not only gotong royong.
    expect(forms.has("gotongRoyong")).toBe(true);
    expect(forms.has("bargaining")).toBe(true);
  });

  it("is the move a cooperative villager would make in the student's place", () => {
    for (const [i, state] of STATES.entries()) {
      if (i % 3 !== 0) continue;
      for (const id of state.playerOrder) {
        const move = chooseCooperativeAction(state, id);
        const hint = suggestHint(state, id);
        if (!move || move.type === "done") expect(hint, `state ${i} ${id}`).toBeNull();
        else expect(hint?.action, `state ${i} ${id}`).toEqual(move);
      }
    }
  });

  it("suggests feeding a neighbour in krisis to a petani with beras to spare: gotong royong", () => {
    const state = soloVillage();
    setHand(state, "p1", { beras: 4 * FOOD_PER_HOUSEHOLD });
    setHand(state, "p3", { beras: 0, batu: 2 });
    state.players.p3!.krisis = true;
    const hint = suggestHint(state, "p1");
    expect(hint).not.toBeNull();
    expect(hint!.action).toMatchObject({ type: "giveAid", to: "p3", give: { beras: 1 } });
    expect(hint!.form).toBe("gotongRoyong");
    expect(hint!.why).toEqual({ key: "hint.aid", params: { name: "Citra" } });
    expect(translate("id", hint!.why.key, hint!.why.params)).toContain("Citra");
    expect(translate("en", hint!.why.key, hint!.why.params)).toContain("Citra");
  });

  it("does not tell the petani to give away the rice its own household eats tonight", () => {
    const state = soloVillage();
    setHand(state, "p1", { beras: FOOD_PER_HOUSEHOLD });
    setHand(state, "p3", { beras: 0, batu: 2 });
    state.players.p3!.krisis = true;
    const hint = suggestHint(state, "p1");
    expect(hint).not.toBeNull();
    expect(hint?.action.type).not.toBe("giveAid");
  });

  it("does not suggest aid for a neighbour whose barn is merely low (not in krisis, house whole)", () => {
    const state = soloVillage();
    setHand(state, "p1", { beras: 4 * FOOD_PER_HOUSEHOLD });
    setHand(state, "p3", { beras: 0, batu: 2 });
    expect(isHungry(state, "p3")).toBe(true);
    const hint = suggestHint(state, "p1");
    expect(hint).not.toBeNull();
    expect(hint?.action.type).not.toBe("giveAid");
  });

  it("returns null when nothing is left to do: tenaga spent and nothing to give", () => {
    const state = soloVillage();
    setHand(state, "p2", { beras: FOOD_PER_HOUSEHOLD });
    state.players.p2!.tenaga = 0;
    expect(legalActions(state, "p2").some((a) => a.type === "done")).toBe(true);
    expect(suggestHint(state, "p2")).toBeNull();
  });

  it("returns null outside the action window and after the game", () => {
    const state = village(4, { people: 1, seed: 3, config: { seasons: 4 } });
    startGame(state, 0);
    expect(state.phase).toBe("warning");
    expect(suggestHint(state, "p1")).toBeNull();
    playGame(state, () => null);
    expect(hasEnded(state)).toBe(true);
    for (const id of state.playerOrder) expect(suggestHint(state, id)).toBeNull();
  });
});

describe("the form of an action", () => {
  const vote = (id: string, topic: VoteState["topic"]): VoteState => ({
    id,
    topic,
    proposer: "p1",
    season: 1,
    projectId: null,
    playerId: null,
    position: null,
    votes: {},
    status: "open",
  });

  it("names each of the five forms for its own moves, and none for moves that are not one", () => {
    const state = soloVillage();
    state.votes.v1 = vote("v1", "priority");
    state.votes.v2 = vote("v2", "cooptTokoh");
    const cases: [Action, Form | null][] = [
      [{ type: "contribute", projectId: "selokan-1", tenaga: 1, give: {} }, "gotongRoyong"],
      [{ type: "giveAid", to: "p2", give: { beras: 1 } }, "gotongRoyong"],
      [{ type: "offerTrade", to: "p2", give: { beras: 1 }, get: { kayu: 1 } }, "bargaining"],
      [{ type: "counterTrade", offerId: "o1", give: { beras: 1 }, get: { kayu: 1 } }, "bargaining"],
      [{ type: "acceptTrade", offerId: "o1" }, "bargaining"],
      [{ type: "tradeWithMarket", give: "beras", get: "kayu", amount: 1 }, "bargaining"],
      [{ type: "proposeRicePrice", price: 3 }, "bargaining"],
      [
        { type: "proposeVote", topic: "cooptTokoh", projectId: "jembatan-4", position: "pembina" },
        "kooptasi",
      ],
      [{ type: "proposeVote", topic: "priority", projectId: "jembatan-4" }, null],
      [{ type: "castVote", voteId: "v2", choice: "yes" }, "kooptasi"],
      [{ type: "castVote", voteId: "v1", choice: "yes" }, null],
      [{ type: "proposeCoalition", goal: "kampanyeSampah" }, "koalisi"],
      [{ type: "pledgeCoalition", coalitionId: "c1", give: { uang: 1 } }, "koalisi"],
      [
        {
          type: "proposeVenture",
          to: "p2",
          kind: "penggilinganPadi",
          give: { beras: 2 },
          ask: {},
          share: 50,
        },
        "jointVenture",
      ],
      [{ type: "workVenture", ventureId: "v3" }, "jointVenture"],
      [{ type: "gather", site: "sawah", tenaga: 1 }, null],
      [{ type: "done" }, null],
    ];
    for (const [action, form] of cases)
      expect(formOfAction(state, action), JSON.stringify(action)).toBe(form);
  });
});
