/**
 * Seeded fuzz of bargaining: random sequences of offers, counters, accepts, rejects, cancels and pasar
 * trades, by any actor (including unknown ids and "toString"), with any amounts (negative,
 * fractional, huge) and any offer ids (real and fake), in season 2's action window of a 5-seat village.
 *
 * The seed is pinned; on a failure fast-check prints the seed and the shrunk path to replay it
 * (`fc.assert(prop, { seed, path })`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Action,
  type Bundle,
  ERROR_CODES,
  type GameState,
  marketCost,
  RESOURCES,
  type Resource,
} from "../../shared/src/index.ts";
import { act, setHand, villageAt, villageStock } from "./helpers.ts";

const SEED = 20_250_611;
const NUM_RUNS = 300;

const SEATS = ["p1", "p2", "p3", "p4", "p5"];
const STRANGERS = ["p9", "toString", "__proto__", ""];

/** An offer id: a real one (by index among the open offers, or among all made so far) or a fake one. */
type OfferRef = { open: number } | { any: number } | { fake: string };
/** Who acts: a named seat (or a stranger), or the receiver or proposer of the offer the step names. */
type ActorRef = { seat: string } | { side: "to" | "from" };

/** A step of the fuzz, resolved against the state when it is played (offer ids exist only by then). */
type Step =
  | { actor: ActorRef; kind: "offerTrade"; to: string; give: Bundle; get: Bundle }
  | { actor: ActorRef; kind: "counterTrade"; offer: OfferRef; give: Bundle; get: Bundle }
  | { actor: ActorRef; kind: "acceptTrade" | "rejectTrade" | "cancelTrade"; offer: OfferRef }
  | { actor: ActorRef; kind: "tradeWithMarket"; give: Resource; get: Resource; amount: number }
  | { actor: ActorRef; kind: "giveAid"; to: string; give: Bundle };

/** Amounts a client might send: mostly small whole numbers, sometimes nonsense. */
const amount = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, -0, 0.5, 1.5, 999, 1000, 1e9, Number.NaN, Infinity) },
);
/** Any bundle at all (often with the same resource on both sides, so mostly refused). */
const anyBundle: fc.Arbitrary<Bundle> = fc.record(
  { beras: amount, kayu: amount, batu: amount, uang: amount },
  { requiredKeys: [] },
);
/** Terms as people write them: some resources given, others asked for, 1–3 of each. */
const sensibleTerms: fc.Arbitrary<{ give: Bundle; get: Bundle }> = fc
  .tuple(
    fc.shuffledSubarray([...RESOURCES], { minLength: 2, maxLength: 4 }),
    fc.integer({ min: 1, max: 3 }),
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
  )
  .map(([resources, split, amounts]) => {
    const cut = Math.min(split, resources.length - 1);
    const give: Bundle = {};
    const get: Bundle = {};
    resources.forEach((r, i) => {
      if (i < cut) give[r] = amounts[i]!;
      else get[r] = amounts[i]!;
    });
    return { give, get };
  });
const terms = fc.oneof(
  { weight: 4, arbitrary: sensibleTerms },
  { weight: 1, arbitrary: fc.record({ give: anyBundle, get: anyBundle }) },
);
/** Mostly real seats, sometimes a stranger: ids that must never find anything. */
const someone = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...SEATS) },
  { weight: 1, arbitrary: fc.constantFrom(...STRANGERS) },
);
const seat: fc.Arbitrary<ActorRef> = someone.map((id) => ({ seat: id }));
/** Proposers lean towards Ani, so that one villager sometimes reaches the cap on open offers. */
const proposer: fc.Arbitrary<ActorRef> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ seat: "p1" }) },
  { weight: 2, arbitrary: seat },
);
/** For answers: usually the right person, often the wrong one. */
const answerer = (side: "to" | "from"): fc.Arbitrary<ActorRef> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant({ side }) }, { weight: 2, arbitrary: seat });
const offerRef: fc.Arbitrary<OfferRef> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ open: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ any: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ fake: fc.constantFrom("o999", "o0", "toString", "__proto__", "") }) },
);
const resource = fc.constantFrom(...RESOURCES);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(proposer, someone, terms)
      .map(([actor, to, t]): Step => ({ actor, kind: "offerTrade", to, ...t })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(answerer("to"), offerRef, terms)
      .map(([actor, offer, t]): Step => ({ actor, kind: "counterTrade", offer, ...t })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(answerer("to"), offerRef)
      .map(([actor, offer]): Step => ({ actor, kind: "acceptTrade", offer })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(answerer("to"), offerRef)
      .map(([actor, offer]): Step => ({ actor, kind: "rejectTrade", offer })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(answerer("from"), offerRef)
      .map(([actor, offer]): Step => ({ actor, kind: "cancelTrade", offer })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        seat,
        resource,
        resource,
        fc.oneof(fc.integer({ min: 1, max: 2 }), fc.constantFrom(0, -1, 0.5, 1e9)),
      )
      .map(([actor, give, get, n]): Step => ({ actor, kind: "tradeWithMarket", give, get, amount: n })),
  },
  {
    // Giving to a neighbour between an offer and its answer can leave the proposer short.
    weight: 2,
    arbitrary: fc
      .tuple(seat, someone, sensibleTerms)
      .map(([actor, to, t]): Step => ({ actor, kind: "giveAid", to, give: t.give })),
  },
);

/** Hands of 0–8 of each resource for the five seats. */
const hands = fc.array(fc.record({ beras: fc.nat(8), kayu: fc.nat(8), batu: fc.nat(8), uang: fc.nat(8) }), {
  minLength: 5,
  maxLength: 5,
});

function resolveOffer(state: GameState, ref: OfferRef): string {
  if ("fake" in ref) return ref.fake;
  const all = Object.values(state.offers);
  const pool = "open" in ref ? all.filter((o) => o.status === "open") : all;
  const index = "open" in ref ? ref.open : ref.any;
  return pool.length === 0 ? "o1" : pool[index % pool.length]!.id;
}

/** The actor and the action of a step, in this state. */
function resolve(state: GameState, s: Step): { actor: string; action: Action } {
  let action: Action;
  switch (s.kind) {
    case "offerTrade":
      action = { type: "offerTrade", to: s.to, give: s.give, get: s.get };
      break;
    case "counterTrade":
      action = { type: "counterTrade", offerId: resolveOffer(state, s.offer), give: s.give, get: s.get };
      break;
    case "tradeWithMarket":
      action = { type: "tradeWithMarket", give: s.give, get: s.get, amount: s.amount };
      break;
    case "giveAid":
      action = { type: "giveAid", to: s.to, give: s.give };
      break;
    default:
      action = { type: s.kind, offerId: resolveOffer(state, s.offer) };
  }
  if ("seat" in s.actor) return { actor: s.actor.seat, action };
  const offerId = "offerId" in action ? action.offerId : "";
  const offer = Object.hasOwn(state.offers, offerId) ? state.offers[offerId] : undefined;
  return { actor: offer ? offer[s.actor.side] : "p1", action };
}

const ANSWERS = new Set(["acceptTrade", "rejectTrade", "cancelTrade", "counterTrade"]);

/**
 * Play the steps, checking the properties after each one. Counts accepted actions by type in
 * `succeeded` and collects refusal codes in `refused`, to show the generator reaches every path.
 */
function play(
  startHands: Bundle[],
  steps: Step[],
  succeeded: Map<string, number>,
  refused: Set<string>,
): void {
  const state = villageAt(5, 2);
  for (const [i, id] of SEATS.entries()) setHand(state, id, startHands[i]!);
  let expected = villageStock(state);
  /** Offer id → how many answers that close it succeeded. */
  const closedBy = new Map<string, number>();
  for (const s of steps) {
    const { actor, action } = resolve(state, s);
    const before = structuredClone(state);
    const cost =
      action.type === "tradeWithMarket" ? marketCost(state, action.give, action.get, action.amount) : 0;
    const result = act(state, actor, action);
    const what = `${actor} ${JSON.stringify(action)}`;

    if (!result.ok) {
      refused.add(result.error);
      // A refusal changes nothing at all.
      expect(state, what).toEqual(before);
      continue;
    }
    succeeded.set(action.type, (succeeded.get(action.type) ?? 0) + 1);
    if (action.type === "tradeWithMarket") {
      // The pasar is outside the village: its trade moves stock in and out, by its own rate.
      expected = { ...expected, [action.give]: expected[action.give] - cost };
      expected = { ...expected, [action.get]: expected[action.get] + action.amount };
    }
    if (ANSWERS.has(action.type) && "offerId" in action) {
      closedBy.set(action.offerId, (closedBy.get(action.offerId) ?? 0) + 1);
      expect(closedBy.get(action.offerId), `${what}: a second answer to one offer succeeded`).toBe(1);
      expect(before.offers[action.offerId]!.status, what).toBe("open");
      expect(state.offers[action.offerId]!.status, what).not.toBe("open");
    }
    // Offers once closed never reopen or change status.
    for (const [id, o] of Object.entries(before.offers)) {
      if (o.status !== "open") expect(state.offers[id]!.status, what).toBe(o.status);
    }
    // Trades between villagers conserve every resource; the pasar is accounted for above.
    expect(villageStock(state), what).toEqual(expected);
    for (const id of SEATS) {
      for (const r of RESOURCES) {
        const n = state.players[id]!.hand[r];
        expect(Number.isInteger(n) && n >= 0, `${what}: ${id}'s ${r} is ${n}`).toBe(true);
      }
    }
  }
}

describe("bargaining under random play (seeded)", () => {
  it(`conserves resources, keeps hands whole and non-negative, refusals change nothing, one answer per offer (seed ${SEED})`, () => {
    const succeeded = new Map<string, number>();
    const refused = new Set<string>();
    fc.assert(
      fc.property(
        hands,
        fc.array(step, { minLength: 10, maxLength: 60, size: "medium" }),
        (startHands, steps) => {
          play(startHands, steps, succeeded, refused);
        },
      ),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    // The generator must reach the interesting paths, not only refusals.
    for (const type of [
      "offerTrade",
      "counterTrade",
      "acceptTrade",
      "rejectTrade",
      "cancelTrade",
      "tradeWithMarket",
    ]) {
      expect(succeeded.get(type) ?? 0, `successful ${type} steps`).toBeGreaterThan(20);
    }
    for (const code of [
      ERROR_CODES.badAmount,
      ERROR_CODES.unknownPlayer,
      ERROR_CODES.unknownOffer,
      ERROR_CODES.offerClosed,
      ERROR_CODES.notYourOffer,
      ERROR_CODES.cannotTradeSelf,
      ERROR_CODES.sameResource,
      ERROR_CODES.notEnoughResources,
      ERROR_CODES.partnerLacksResources,
      ERROR_CODES.tooManyOffers,
    ]) {
      expect(refused, `a ${code} refusal was reached`).toContain(code);
    }
  });
});
