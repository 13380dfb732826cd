/**
 * The bots, as the design describes them: kooperatif helps the village, pedagang bargains hard and
 * otherwise helps, pemalas looks after itself only, balas budi answers the village in kind, acak plays
 * any legal move, and the careful stand-in (hatiHati) keeps a household going without giving anything
 * away. Every bot chooses from `legalActions`, reads no other household's hand, and is deterministic
 * given its own RNG. Seeded: every failure message names its seed.
 */
import { describe, expect, it } from "vitest";
import {
  type Action,
  type ActionType,
  advance,
  apply,
  BOT_SKILL,
  type Bundle,
  chooseBotAction,
  chooseCooperativeAction,
  createGame,
  type Difficulty,
  FOOD_PER_HOUSEHOLD,
  type GameState,
  isHungry,
  labourers,
  labourRoomFor,
  legalActions,
  PERSONALITIES,
  type Personality,
  PROJECTS,
  RESOURCES,
  randomInt,
  requiredVillagers,
  resourceValues,
  SETUPS,
  seedFrom,
  setupPersonalities,
  startGame,
} from "../../shared/src/index.ts";
import {
  calmSeasons,
  endPhase,
  hasEnded,
  must,
  player,
  projectId,
  setHand,
  supplyAll,
  toAction,
  village,
  work,
} from "./helpers.ts";

const DIFFICULTIES: readonly Difficulty[] = ["mudah", "sedang", "sulit"];
/** Every personality a seat can have, the stand-in included. */
const ALL_PERSONALITIES: readonly Personality[] = [...PERSONALITIES, "hatiHati"];
/** The three answers to an offer. */
const ANSWERS: readonly ActionType[] = ["acceptTrade", "rejectTrade", "counterTrade"];

/** A fresh bot RNG (the bots' own chance, apart from the game's). */
function botRng(seed: number | string): { rng: number } {
  return { rng: seedFrom(`bot:${seed}`) };
}

/**
 * Seeded mid-game states to check the bots against: bot-only villages of 3–6 seats with every
 * personality at the table, half with all forms open, snapshotted every few moves of the action windows.
 */
function corpus(games: number): GameState[] {
  const states: GameState[] = [];
  for (let g = 1; g <= games; g++) {
    const seats = 3 + (g % 4);
    const state = village(seats, {
      people: g % 3 === 0 ? 1 : 0,
      seed: g,
      config: { seasons: 4, openAllForms: g % 2 === 0, difficulty: DIFFICULTIES[g % 3]! },
    });
    const mix = state.playerOrder.map((_, i) => ALL_PERSONALITIES[(g + i * 2) % ALL_PERSONALITIES.length]!);
    const rng = botRng(`corpus:${g}`);
    let moves = 0;
    startGame(state, 0);
    while (!hasEnded(state)) {
      if (state.phase === "action") {
        for (let round = 0; round < 8; round++) {
          state.playerOrder.forEach((id, seat) => {
            if (++moves % 9 === 0) states.push(structuredClone(state));
            const action = chooseBotAction(state, id, mix[seat]!, rng, 0.9);
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

const STATES = corpus(36);

/** A 5-seat village (p1 a person, p2–p5 bots) in season 1's action window, calm, every form open. */
function openVillage(): GameState {
  const state = village(5, { people: 1, seed: 4, config: { openAllForms: true } });
  calmSeasons(state);
  return toAction(state, 1);
}

/** Make an offer from `from` to `to` (it must be accepted by the rules) and return its id. */
function offer(state: GameState, from: string, to: string, give: Bundle, get: Bundle): string {
  must(state, from, { type: "offerTrade", to, give, get });
  return Object.values(state.offers).find((o) => o.status === "open" && o.from === from && o.to === to)!.id;
}

/** What a bundle is worth to `playerId` by its own valuation. */
function worthTo(state: GameState, playerId: string, bundle: Bundle): number {
  const values = resourceValues(state, player(state, playerId));
  return RESOURCES.reduce((sum, r) => sum + (bundle[r] ?? 0) * values[r], 0);
}

describe("kooperatif and pemalas at a neighbour's house", () => {
  /**
   * A musibah hits a household; neighbours have given the materials and as much labour as each
   * villager may: the house needs exactly one more distinct villager. Returns the state and who is who.
   */
  function houseNeedingOneMore() {
    const state = village(5, { people: 0, seed: 2 });
    calmSeasons(state);
    state.events[1] = "musibah";
    toAction(state, 1);
    const rumah = projectId(state, "rumah");
    const owner = state.projects[rumah]!.ownerId!;
    const neighbours = state.playerOrder.filter((id) => id !== owner && player(state, id).role !== "petani");
    const helpers = neighbours.slice(0, requiredVillagers(state, state.projects[rumah]!) - 1);
    const bot = neighbours[helpers.length]!;
    for (const helper of helpers) setHand(state, helper, { beras: FOOD_PER_HOUSEHOLD + 1 });
    supplyAll(state, rumah, helpers[0]!);
    for (const helper of helpers) must(state, helper, work(rumah, player(state, helper).tenaga));
    // Fed, nothing a project could use in hand: its only way to help is its labour.
    setHand(state, bot, { beras: FOOD_PER_HOUSEHOLD + 1 });
    return { state, rumah, owner, helpers, bot };
  }

  it("the house really needs one more villager: its helpers may give no more labour", () => {
    const { state, rumah, helpers, bot } = houseNeedingOneMore();
    const house = state.projects[rumah]!;
    expect(house.status).toBe("open");
    expect(helpers.length).toBeGreaterThan(0);
    expect(labourers(house)).toBe(helpers.length);
    expect(requiredVillagers(state, house)).toBe(helpers.length + 1);
    for (const helper of helpers) expect(labourRoomFor(state, house, helper)).toBe(0);
    expect(labourRoomFor(state, house, bot)).toBeGreaterThan(0);
    for (const id of state.playerOrder) expect(isHungry(state, id), id).toBe(false);
  });

  it("a kooperatif bot contributes to a project that needs one more villager", () => {
    const { state, rumah, owner, bot } = houseNeedingOneMore();
    const help: Action = { type: "contribute", projectId: rumah, tenaga: 1, give: {} };
    expect(chooseCooperativeAction(state, bot)).toEqual(help);
    expect(chooseBotAction(state, bot, "kooperatif", botRng(1))).toEqual(help);
    // Left to itself, it finishes the house with its neighbours.
    const moves = labourRoomFor(state, state.projects[rumah]!, bot);
    for (let i = 0; i < moves + 2 && state.projects[rumah]!.status === "open"; i++) {
      must(state, bot, chooseBotAction(state, bot, "kooperatif", botRng(i))!);
    }
    expect(state.projects[rumah]!.status).toBe("done");
    expect(player(state, owner).houseDamaged).toBe(false);
  });

  it("a pemalas bot does not: it gathers for itself while the house waits", () => {
    const { state, rumah, bot } = houseNeedingOneMore();
    const choice = chooseBotAction(state, bot, "pemalas", botRng(1));
    expect(choice?.type).toBe("gather");
    expect(state.projects[rumah]!.status).toBe("open");
  });
});

describe("pemalas and the careful stand-in never give anything away", () => {
  /**
   * The harga gabah talk serves the household itself (a good price for its own rice or money), so a
   * selfish bot takes part in it; it is never a gift: only the petani and the pedagang talk.
   */
  const RICE_TALK: readonly ActionType[] = ["proposeRicePrice", "acceptRicePrice"];

  function expectRiceTalkByItsParties(state: GameState, id: string, choice: Action, where: string): void {
    if (RICE_TALK.includes(choice.type))
      expect(["petani", "pedagang"], where).toContain(player(state, id).role);
  }

  it("a pemalas bot only gathers, votes, answers offers and haggles over the harga gabah, over many seeded states", () => {
    const seen = new Set<string>();
    for (const [i, state] of STATES.entries()) {
      for (const id of state.playerOrder) {
        const choice = chooseBotAction(state, id, "pemalas", botRng(i));
        if (!choice) continue;
        seen.add(choice.type);
        const where = `state ${i} ${id} ${JSON.stringify(choice)}`;
        expect(["gather", "castVote", "acceptTrade", "rejectTrade", ...RICE_TALK], where).toContain(
          choice.type,
        );
        expectRiceTalkByItsParties(state, id, choice, where);
      }
    }
    expect(seen.has("gather")).toBe(true);
    // Not vacuous: the corpus has harga gabah talks, and a pemalas petani or pedagang joins them.
    expect(seen.has("proposeRicePrice")).toBe(true);
  });

  it("the stand-in (hatiHati) never accepts an offer, gives or agrees for the student: it gathers, votes and turns offers down", () => {
    const seen = new Set<string>();
    for (const [i, state] of STATES.entries()) {
      for (const id of state.playerOrder) {
        const choice = chooseBotAction(state, id, "hatiHati", botRng(i));
        if (!choice) continue;
        seen.add(choice.type);
        const where = `state ${i} ${id} ${JSON.stringify(choice)}`;
        // No harga gabah talk either: a price is an agreement the absent student did not make.
        expect(["gather", "castVote", "rejectTrade"], where).toContain(choice.type);
      }
    }
    // Not vacuous: the stand-in did choose moves in the corpus.
    expect(seen.has("gather")).toBe(true);
    expect(seen.has("rejectTrade")).toBe(true);
  });
});

describe("pedagang bargains hard and otherwise cooperates", () => {
  it("accepts only clearly favourable offers (worth at least 1.25 times what it pays), a kooperatif any fair one", () => {
    const grid: [Bundle, Bundle][] = [];
    for (const give of RESOURCES)
      for (const get of RESOURCES)
        if (give !== get)
          for (const g of [1, 2, 3, 4, 5])
            for (const k of [1, 2, 4]) grid.push([{ [give]: g }, { [get]: k }]);
    let pedagangAccepted = 0;
    let pedagangDeclinedFair = 0;
    for (const [give, get] of grid) {
      const state = openVillage();
      setHand(state, "p1", { beras: 9, kayu: 9, batu: 9, uang: 9 });
      setHand(state, "p2", { beras: 5, kayu: 5, batu: 5, uang: 5 });
      const id = offer(state, "p1", "p2", give, get);
      const ratio = worthTo(state, "p2", give) / worthTo(state, "p2", get);
      const what = `${JSON.stringify(give)} for ${JSON.stringify(get)} (ratio ${ratio.toFixed(2)})`;
      const accept: Action = { type: "acceptTrade", offerId: id };
      const hard = chooseBotAction(state, "p2", "pedagang", botRng(1));
      const fair = chooseBotAction(state, "p2", "kooperatif", botRng(1));
      if (ratio >= 1.25) expect(hard, what).toEqual(accept);
      else expect(hard, what).not.toEqual(accept);
      if (ratio >= 1) expect(fair, what).toEqual(accept);
      else expect(fair, what).not.toEqual(accept);
      if (hard?.type === "acceptTrade") pedagangAccepted++;
      if (ratio >= 1 && ratio < 1.25) pedagangDeclinedFair++;
    }
    expect(pedagangAccepted).toBeGreaterThan(0);
    expect(pedagangDeclinedFair).toBeGreaterThan(0);
  });

  it("with no offer waiting for it, a pedagang does what a kooperatif would (seeded states)", () => {
    let compared = 0;
    for (const [i, state] of STATES.entries()) {
      for (const id of state.playerOrder) {
        const offered = Object.values(state.offers).some((o) => o.status === "open" && o.to === id);
        if (offered) continue;
        expect(chooseBotAction(state, id, "pedagang", botRng(i)), `state ${i} ${id}`).toEqual(
          chooseCooperativeAction(state, id),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});

describe("balas budi answers the village in kind", () => {
  /** A 5-bot village; in season 1 the `helpers` work on the bridge; then season 2's action window. */
  function afterSeasonOne(helpers: string[]): GameState {
    const state = village(5, { people: 0, seed: 6 });
    calmSeasons(state);
    toAction(state, 1);
    const bridge = projectId(state, "jembatan");
    for (const id of helpers) must(state, id, work(bridge, 1));
    toAction(state, 2);
    // No harga gabah talk in the way; p1 (petani) has rice to spare and a neighbour is in krisis
    // (aid is for a household in krisis or with a damaged house; a merely low barn is bargained for).
    state.ricePriceTalk.season = 0;
    setHand(state, "p1", { beras: 4 * FOOD_PER_HOUSEHOLD });
    setHand(state, "p3", { beras: 0, batu: 2 });
    player(state, "p3").krisis = true;
    return state;
  }

  it("cooperates in season 1, exactly as a kooperatif", () => {
    let compared = 0;
    for (const [i, state] of STATES.entries()) {
      if (state.season !== 1) continue;
      for (const id of state.playerOrder) {
        expect(chooseBotAction(state, id, "balasBudi", botRng(i)), `state ${i} ${id}`).toEqual(
          chooseCooperativeAction(state, id),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("after a season in which most neighbours helped, it feeds the neighbour in krisis", () => {
    const state = afterSeasonOne(["p2", "p3", "p4"]);
    const choice = chooseBotAction(state, "p1", "balasBudi", botRng(1));
    expect(choice).toMatchObject({ type: "giveAid", to: "p3", give: { beras: 1 } });
    expect(choice).toEqual(chooseCooperativeAction(state, "p1"));
  });

  it("after a season in which the others did nothing, it looks after itself (even if it helped alone)", () => {
    for (const helpers of [[], ["p1"]]) {
      const state = afterSeasonOne(helpers);
      expect(chooseCooperativeAction(state, "p1")?.type).toBe("giveAid");
      const choice = chooseBotAction(state, "p1", "balasBudi", botRng(1));
      expect(choice, `helpers ${helpers.join()}`).toEqual({ type: "gather", site: "sawah", tenaga: 1 });
    }
  });
});

describe("kooperatif: aid for those in need, bargaining for the rest", () => {
  /** A 5-bot village in season 2's action window: p1 (petani) has rice to spare, p3 an empty barn. */
  function hungryNeighbour(): GameState {
    const state = village(5, { people: 0, seed: 6 });
    calmSeasons(state);
    toAction(state, 2);
    state.ricePriceTalk.season = 0;
    setHand(state, "p1", { beras: 4 * FOOD_PER_HOUSEHOLD });
    setHand(state, "p3", { beras: 0, batu: 2 });
    return state;
  }

  it("feeds a neighbour in krisis, but not one whose barn is merely low (no aid is on its menu)", () => {
    const state = hungryNeighbour();
    expect(isHungry(state, "p3")).toBe(true);
    expect(player(state, "p3").krisis).toBe(false);
    expect(legalActions(state, "p1").some((a) => a.type === "giveAid")).toBe(false);
    expect(chooseCooperativeAction(state, "p1")?.type).not.toBe("giveAid");

    player(state, "p3").krisis = true;
    expect(chooseCooperativeAction(state, "p1")).toMatchObject({
      type: "giveAid",
      to: "p3",
      give: { beras: 1 },
    });
  });

  it("offers a fair 1-for-1 swap to a household that has given nothing while the village needs what it makes", () => {
    const state = hungryNeighbour();
    // Everyone but p2 (penebang: kayu, which the bridge still needs) has contributed something.
    for (const id of ["p1", "p3", "p4", "p5"]) player(state, id).contributed = 1;
    // The koperasi has its beras, so p3 keeps its spare beras for the swap rather than giving it.
    const koperasi = state.projects[projectId(state, "koperasi")]!;
    koperasi.given.beras = PROJECTS.koperasi.needs.beras ?? 0;
    setHand(state, "p3", { beras: FOOD_PER_HOUSEHOLD + 2 });
    player(state, "p3").tenaga = 0;
    const buy: Action = { type: "offerTrade", to: "p2", give: { beras: 1 }, get: { kayu: 1 } };
    expect(chooseCooperativeAction(state, "p3")).toEqual(buy);
    must(state, "p3", buy);
    // Among households that all helped, nobody is a hoarder: no such offer.
    const fair = hungryNeighbour();
    for (const id of fair.playerOrder) player(fair, id).contributed = 1;
    fair.projects[projectId(fair, "koperasi")]!.given.beras = PROJECTS.koperasi.needs.beras ?? 0;
    setHand(fair, "p3", { beras: FOOD_PER_HOUSEHOLD + 2 });
    player(fair, "p3").tenaga = 0;
    expect(chooseCooperativeAction(fair, "p3")?.type).not.toBe("offerTrade");
  });
});

describe("acak", () => {
  it("only chooses legal actions and never presses Selesai", () => {
    let chosen = 0;
    for (const [i, state] of STATES.entries()) {
      for (const id of state.playerOrder) {
        const legal = new Set(legalActions(state, id).map((a) => JSON.stringify(a)));
        const rng = botRng(`acak:${i}`);
        for (let draw = 0; draw < 3; draw++) {
          const choice = chooseBotAction(state, id, "acak", rng);
          if (!choice) {
            expect(
              [...legal].every((a) => a === JSON.stringify({ type: "done" })),
              `state ${i} ${id}`,
            ).toBe(true);
            continue;
          }
          chosen++;
          expect(choice.type, `state ${i} ${id}`).not.toBe("done");
          expect(legal.has(JSON.stringify(choice)), `state ${i} ${id} ${JSON.stringify(choice)}`).toBe(true);
        }
      }
    }
    expect(chosen).toBeGreaterThan(1_000);
  });
});

describe("answering offers", () => {
  /** Offers the bot may only accept or reject, and offers it could also counter (it pays ≥ 2 units). */
  const unitOffers: [Bundle, Bundle][] = [];
  const counterableOffers: [Bundle, Bundle][] = [];
  for (const give of RESOURCES)
    for (const get of RESOURCES)
      if (give !== get)
        for (const g of [1, 2, 3]) {
          unitOffers.push([{ [give]: g }, { [get]: 1 }]);
          for (const k of [2, 3]) counterableOffers.push([{ [give]: g }, { [get]: k }]);
        }

  /** Each bot seat's next move after p1's offer to it, for every offer and personality. */
  function answers(personalities: readonly Personality[], offers: [Bundle, Bundle][]): string[] {
    const unanswered: string[] = [];
    for (const personality of personalities) {
      for (const to of ["p2", "p3", "p4", "p5"]) {
        for (const [give, get] of offers) {
          const state = openVillage();
          setHand(state, "p1", { beras: 9, kayu: 9, batu: 9, uang: 9 });
          setHand(state, to, { beras: 4, kayu: 4, batu: 4, uang: 4 });
          const id = offer(state, "p1", to, give, get);
          const choice = chooseBotAction(state, to, personality, botRng(1));
          const answered =
            choice && ANSWERS.includes(choice.type) && "offerId" in choice && choice.offerId === id;
          if (!answered)
            unanswered.push(
              `${personality} ${to}: ${JSON.stringify(give)} for ${JSON.stringify(get)} → ${JSON.stringify(choice)}`,
            );
        }
      }
    }
    return unanswered;
  }

  it("every bot answers an offer it can only accept or reject on its next move", () => {
    expect(
      answers(
        ALL_PERSONALITIES.filter((p) => p !== "acak"),
        unitOffers,
      ),
    ).toEqual([]);
  });

  it("kooperatif, pedagang, balas budi and the stand-in answer an offer they could counter on their next move", () => {
    expect(answers(["kooperatif", "pedagang", "balasBudi", "hatiHati"], counterableOffers)).toEqual([]);
  });
});

describe("every bot plays by the rules", () => {
  it("no bot ever sends an illegal action across thousands of seeded games", () => {
    const refused: string[] = [];
    const offMenu: string[] = [];
    let games = 0;
    let actions = 0;
    const mixes: Personality[][] = SETUPS.map((setup) => setupPersonalities(setup));
    for (let g = 0; g < 1_800; g++) {
      const seats = 3 + (g % 4);
      const difficulty = DIFFICULTIES[g % 3]!;
      const base = mixes[g % (mixes.length + 2)];
      const mix = base
        ? base.slice(0, seats)
        : Array.from(
            { length: seats },
            (_, i) => ALL_PERSONALITIES[(g * 5 + i * 7) % ALL_PERSONALITIES.length]!,
          );
      while (mix.length < seats) mix.push("kooperatif");
      const state = createGame(
        mix.map((_, i) => ({ id: `s${i}`, name: `Bot ${i + 1}`, isBot: true })),
        seedFrom(`game:${g}`),
        { seasons: 3 + (g % 2), difficulty, openAllForms: g % 2 === 0 },
      );
      const rng = botRng(`game:${g}`);
      let now = 0;
      startGame(state, now);
      while (!hasEnded(state)) {
        if (state.phase === "action") {
          for (let round = 0; round < 6; round++) {
            state.playerOrder.forEach((id, seat) => {
              const action = chooseBotAction(state, id, mix[seat]!, rng, BOT_SKILL[difficulty]);
              if (!action) return;
              actions++;
              if (
                actions % 25 === 0 &&
                !legalActions(state, id).some((a) => JSON.stringify(a) === JSON.stringify(action))
              )
                offMenu.push(`game ${g}: ${mix[seat]} ${id} ${JSON.stringify(action)}`);
              const result = apply(state, action, { actor: id, now });
              if (!result.ok)
                refused.push(`game ${g}: ${mix[seat]} ${id} ${JSON.stringify(action)} → ${result.error}`);
            });
          }
        }
        now = state.phaseEndsAt;
        advance(state, now);
      }
      games++;
    }
    expect(refused).toEqual([]);
    expect(offMenu).toEqual([]);
    expect(games).toBeGreaterThanOrEqual(1_800);
    expect(actions).toBeGreaterThan(100_000);
  });
});

describe("bots read no hidden information", () => {
  it("a bot's choice does not change when another household's hand changes but everything public stays the same", () => {
    const perturb = { rng: seedFrom("perturb") };
    let compared = 0;
    for (const [i, state] of STATES.entries()) {
      if (i % 2 === 1) continue;
      for (const seat of state.playerOrder) {
        const other = structuredClone(state);
        for (const id of state.playerOrder) {
          if (id === seat) continue;
          // Whether a proposer can still pay for its own open offer or venture is left out: reported separately.
          const proposes =
            Object.values(state.offers).some((o) => o.status === "open" && o.from === id) ||
            Object.values(state.ventures).some((v) => v.status === "proposed" && v.proposer === id);
          if (proposes) continue;
          // `hungry` is public: the beras stays on the same side of the meal.
          const hungry = isHungry(state, id);
          other.players[id]!.hand = {
            beras: hungry
              ? randomInt(perturb, FOOD_PER_HOUSEHOLD)
              : FOOD_PER_HOUSEHOLD + randomInt(perturb, 8),
            kayu: randomInt(perturb, 10),
            batu: randomInt(perturb, 10),
            uang: randomInt(perturb, 10),
          };
        }
        for (const personality of ALL_PERSONALITIES) {
          const a = chooseBotAction(state, seat, personality, botRng(`${i}:${personality}`), 0.9);
          const b = chooseBotAction(other, seat, personality, botRng(`${i}:${personality}`), 0.9);
          expect(b, `state ${i} ${seat} ${personality}`).toEqual(a);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(2_000);
  });
});

describe("determinism", () => {
  it("the same state and the same bot RNG seed give the same action, and choosing changes nothing", () => {
    for (const [i, state] of STATES.entries()) {
      if (i % 6 !== 0) continue;
      const before = JSON.stringify(state);
      for (const seat of state.playerOrder) {
        for (const personality of ALL_PERSONALITIES) {
          const skill = BOT_SKILL[DIFFICULTIES[i % 3]!];
          const rngA = botRng(`${i}:${seat}`);
          const rngB = botRng(`${i}:${seat}`);
          const a = chooseBotAction(structuredClone(state), seat, personality, rngA, skill);
          const b = chooseBotAction(structuredClone(state), seat, personality, rngB, skill);
          expect(b, `state ${i} ${seat} ${personality}`).toEqual(a);
          expect(rngB.rng).toBe(rngA.rng);
          chooseBotAction(state, seat, personality, botRng(i), skill);
        }
      }
      expect(JSON.stringify(state), `state ${i}`).toBe(before);
    }
  });
});
