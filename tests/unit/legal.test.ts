/**
 * Seeded property tests: the menu of legal actions, the cooperative bot and whole bot games.
 * Chance comes only from the game's own PRNG (seeds 1..200); every failure message names its seed.
 */
import { describe, expect, it } from "vitest";
import {
  type Action,
  apply,
  type Bundle,
  chooseCooperativeAction,
  createGame,
  type Difficulty,
  type GameState,
  isHungry,
  legalActions,
  needsAid,
  PROJECT_KINDS,
  RESOURCES,
  randomInt,
  SITE_IDS,
  seedFrom,
  startGame,
} from "../../shared/src/index.ts";
import { act, endPhase, playGame, seatSpecs, villageStock } from "./helpers.ts";

const DIFFICULTIES: readonly Difficulty[] = ["mudah", "sedang", "sulit"];

/** A seeded game of 3–6 seats, 4 seasons, started: its size and difficulty follow the seed. */
function seededGame(seed: number, seasons = 4): GameState {
  const seats = 3 + (seed % 4);
  const state = createGame(seatSpecs(seats, seed % 2), seed, {
    seasons,
    difficulty: DIFFICULTIES[seed % 3]!,
  });
  startGame(state, 0);
  return state;
}

/** The chooser's own PRNG: the same mulberry32 as the game, seeded apart so the game's draws do not shift. */
function chooser(seed: number): { rng: number } {
  return { rng: seedFrom(`chooser-${seed}`) };
}

function pick<T>(rng: { rng: number }, items: readonly T[]): T {
  return items[randomInt(rng, items.length)]!;
}

/** A random bundle of 1–3 units of random resources. */
function randomBundle(rng: { rng: number }): Bundle {
  const bundle: Bundle = {};
  const n = 1 + randomInt(rng, 3);
  for (let i = 0; i < n; i++) {
    const r = pick(rng, RESOURCES);
    bundle[r] = (bundle[r] ?? 0) + 1 + randomInt(rng, 4);
  }
  return bundle;
}

/** Any well-formed action, legal or not (amounts are whole and non-negative, as the protocol ensures). */
function randomAction(state: GameState, rng: { rng: number }): Action {
  const projects = Object.keys(state.projects);
  switch (randomInt(rng, 4)) {
    case 0:
      return { type: "gather", site: pick(rng, SITE_IDS), tenaga: randomInt(rng, 8) + 1 };
    case 1:
      return {
        type: "contribute",
        projectId: randomInt(rng, 10) === 0 ? "nowhere-0" : pick(rng, projects),
        tenaga: randomInt(rng, 7),
        give: randomInt(rng, 2) === 0 ? {} : randomBundle(rng),
      };
    case 2:
      return { type: "giveAid", to: pick(rng, [...state.playerOrder, "stranger"]), give: randomBundle(rng) };
    default:
      return { type: "done" };
  }
}

/** Move the clock to the next action window, or to the end of the game. Returns false when it ended. */
function nextActionWindow(state: GameState): boolean {
  do endPhase(state);
  while (state.phase !== "action" && state.phase !== "ended");
  return state.phase === "action";
}

describe("legal actions", () => {
  it("every action on the menu is accepted by the rules (seeds 1..200)", () => {
    const refused: string[] = [];
    let checked = 0;
    let aidChecked = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const state = seededGame(seed);
      const rng = chooser(seed);
      while (nextActionWindow(state)) {
        for (let step = 0; step < 25; step++) {
          const actor = pick(rng, state.playerOrder);
          const legal = legalActions(state, actor);
          if (step % 10 === 0) {
            // Every gather, contribute and done on the menu, and a sample of the many alike gifts of aid.
            const aid = legal.filter((a) => a.type === "giveAid");
            const sample = [
              ...legal.filter((a) => a.type !== "giveAid"),
              ...(aid.length ? [pick(rng, aid), pick(rng, aid)] : []),
            ];
            for (const action of sample) {
              const result = apply(structuredClone(state), action, { actor, now: 0 });
              if (!result.ok)
                refused.push(`seed ${seed}: ${actor} ${JSON.stringify(action)} → ${result.error}`);
              checked++;
              if (action.type === "giveAid") aidChecked++;
            }
          }
          if (legal.length > 0) expect(act(state, actor, pick(rng, legal)).ok, `seed ${seed}`).toBe(true);
        }
      }
    }
    expect(refused).toEqual([]);
    expect(checked).toBeGreaterThan(5_000);
    // Aid is on the menu only for a household in need, which these games do produce.
    expect(aidChecked).toBeGreaterThan(0);
  }, 120_000);

  it("nobody has anything on the menu outside the action window, nor a stranger within it", () => {
    const state = seededGame(7);
    expect(state.phase).toBe("warning");
    for (const id of state.playerOrder) expect(legalActions(state, id)).toEqual([]);
    nextActionWindow(state);
    expect(legalActions(state, "stranger")).toEqual([]);
    expect(legalActions(state, state.playerOrder[0]!).length).toBeGreaterThan(0);
  });

  it("a refused action changes nothing (seeds 1..200)", () => {
    const changed: string[] = [];
    let refused = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const state = seededGame(seed);
      const rng = chooser(seed);
      while (nextActionWindow(state)) {
        for (let step = 0; step < 30; step++) {
          const actor = randomInt(rng, 12) === 0 ? "stranger" : pick(rng, state.playerOrder);
          const action = randomAction(state, rng);
          const before = JSON.stringify(state);
          const result = act(state, actor, action);
          if (result.ok) continue;
          refused++;
          if (JSON.stringify(state) !== before) {
            changed.push(`seed ${seed}: ${actor} ${JSON.stringify(action)} → ${result.error}`);
          }
        }
      }
    }
    expect(changed).toEqual([]);
    expect(refused).toBeGreaterThan(1_000);
  });

  it("no hand ever holds a negative amount (seeds 1..200)", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const state = seededGame(seed);
      const rng = chooser(seed);
      while (nextActionWindow(state)) {
        for (let step = 0; step < 30; step++)
          act(state, pick(rng, state.playerOrder), randomAction(state, rng));
        for (const id of state.playerOrder) {
          const p = state.players[id]!;
          for (const r of RESOURCES) expect(p.hand[r], `seed ${seed}: ${id} ${r}`).toBeGreaterThanOrEqual(0);
          expect(p.tenaga, `seed ${seed}: ${id} tenaga`).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it("giving aid moves resources between households and never makes or loses any (seeds 1..200)", () => {
    let given = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const state = seededGame(seed);
      const rng = chooser(seed);
      nextActionWindow(state);
      // Some households are in need (in krisis, or a musibah damaged the house); the rest are not.
      for (const id of state.playerOrder) {
        const need = randomInt(rng, 3);
        state.players[id]!.krisis = need === 1;
        state.players[id]!.houseDamaged = need === 2;
      }
      for (let step = 0; step < 20; step++) {
        const actor = pick(rng, state.playerOrder);
        const to = pick(rng, state.playerOrder);
        const give = randomBundle(rng);
        const stock = villageStock(state);
        const result = act(state, actor, { type: "giveAid", to, give });
        expect(villageStock(state), `seed ${seed}`).toEqual(stock);
        if (result.ok) given++;
        if (to === actor) expect(result, `seed ${seed}`).toMatchObject({ ok: false, error: "cannotAidSelf" });
        else if (!needsAid(state, to))
          expect(result, `seed ${seed}`).toMatchObject({ ok: false, error: "aidNotNeeded" });
      }
    }
    expect(given).toBeGreaterThan(100);
  });

  it("aid goes only to a neighbour in krisis or whose house is damaged: the menu offers no other", () => {
    const state = seededGame(3);
    nextActionWindow(state);
    const [giver, inKrisis, damaged, fine] = state.playerOrder as [string, string, string, string];
    state.players[giver]!.hand.beras = 5;
    state.players[inKrisis]!.krisis = true;
    state.players[damaged]!.houseDamaged = true;
    // A neighbour with an empty barn is hungry, but that alone is for bargaining, not aid.
    state.players[fine]!.hand.beras = 0;
    expect(isHungry(state, fine)).toBe(true);
    expect([needsAid(state, inKrisis), needsAid(state, damaged), needsAid(state, fine)]).toEqual([
      true,
      true,
      false,
    ]);
    const aidTo = new Set(legalActions(state, giver).flatMap((a) => (a.type === "giveAid" ? [a.to] : [])));
    expect(aidTo).toEqual(new Set([inKrisis, damaged]));
  });

  it("aid to a neighbour who is not in need is refused (aidNotNeeded) and changes nothing", () => {
    const state = seededGame(3);
    nextActionWindow(state);
    const [giver, receiver] = state.playerOrder as [string, string];
    state.players[giver]!.hand.beras = 5;
    state.players[receiver]!.hand.beras = 0;
    const before = JSON.stringify(state);
    expect(act(state, giver, { type: "giveAid", to: receiver, give: { beras: 2 } })).toEqual({
      ok: false,
      error: "aidNotNeeded",
      params: { name: state.players[receiver]!.name },
    });
    expect(JSON.stringify(state)).toBe(before);
    expect(legalActions(state, giver).some((a) => a.type === "giveAid" && a.to === receiver)).toBe(false);
  });

  it("a gift of aid is written to the cooperation log with giver and receiver", () => {
    const state = seededGame(3);
    nextActionWindow(state);
    const [giver, receiver] = state.playerOrder as [string, string];
    state.players[giver]!.hand.beras = 5;
    state.players[receiver]!.houseDamaged = true;
    const result = act(state, giver, { type: "giveAid", to: receiver, give: { beras: 2 } });
    expect(result.ok).toBe(true);
    expect(state.log.at(-1)).toMatchObject({
      form: "gotongRoyong",
      actors: [giver, receiver],
      season: 1,
      what: { key: "coop.aid", params: { units: 2 } },
    });
    expect(state.players[giver]!.contributed).toBe(2);
  });
});

describe("the cooperative bot", () => {
  it("only ever chooses actions from the legal menu (seeds 1..200)", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const state = seededGame(seed);
      playGame(state, (s, id) => {
        const action = chooseCooperativeAction(s, id);
        if (action) expect(legalActions(s, id), `seed ${seed}: ${id}`).toContainEqual(action);
        return action;
      });
      expect(state.phase, `seed ${seed}`).toBe("ended");
    }
  });

  it("plays whole seeded games to the end with a result (seeds 1..50, 6 seasons)", () => {
    let won = 0;
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      const state = seededGame(seed, 6);
      playGame(state, chooseCooperativeAction);
      expect(state.phase, `seed ${seed}`).toBe("ended");
      expect(state.result, `seed ${seed}`).not.toBeNull();
      expect(state.news.at(-1)?.kind, `seed ${seed}`).toBe("result");
      if (state.result!.won) won++;
      for (const k of state.result!.projectsDone) kinds.add(k);
      expect(state.log.length, `seed ${seed}`).toBeGreaterThan(0);
    }
    // Cooperation can win the game: the bridge gets built by bots alone in some villages.
    expect(won).toBeGreaterThan(0);
    expect(kinds.has("jembatan")).toBe(true);
    expect(PROJECT_KINDS).toContain("jembatan");
  });

  it("is deterministic: the same seed and the same bot actions give the same final state", () => {
    for (const seed of [1, 2, 17, 42, 99]) {
      const a = playGame(seededGame(seed, 6), chooseCooperativeAction);
      const b = playGame(seededGame(seed, 6), chooseCooperativeAction);
      expect(a, `seed ${seed}`).toEqual(b);
    }
  });

  it("different seeds give different games", () => {
    const a = playGame(seededGame(4, 6), chooseCooperativeAction);
    const b = playGame(seededGame(8, 6), chooseCooperativeAction);
    expect(a.events).not.toEqual(b.events);
  });

  it("a village where nobody works loses because the bridge is not built", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const state = seededGame(seed, 6);
      playGame(state, (s, id) => (s.players[id]!.done ? null : { type: "done" }));
      expect(state.phase, `seed ${seed}`).toBe("ended");
      expect(state.result, `seed ${seed}`).toMatchObject({ won: false, stars: 0, bridgeBuilt: false });
      expect(
        state.result!.reasons.map((r) => r.key),
        `seed ${seed}`,
      ).toContain("result.reason.noBridge");
      expect(state.log, `seed ${seed}`).toEqual([]);
    }
  });
});
