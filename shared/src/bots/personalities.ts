import { ROLES } from "../content/roles.ts";
import { SITE_IDS, SITES } from "../content/sites.ts";
import { legalActions } from "../rules/legal.ts";
import { nextRandom } from "../rules/rng.ts";
import { FOOD_PER_HOUSEHOLD } from "../rules/season.ts";
import type { Action, Difficulty, GameState } from "../rules/types.ts";
import { chooseBargainingAction } from "./bargaining.ts";
import { chooseCooperativeAction, NO_HOLD } from "./cooperative.ts";

/**
 * Bot personalities: kooperatif (helps the village), pedagang (a hard bargainer who still helps),
 * pemalas (a free-rider: looks after itself only), balasBudi (tit-for-tat: cooperates while the
 * village does), acak (random legal moves). `hatiHati` is the careful stand-in that keeps a
 * disconnected student's household going without giving anything away.
 */
export const PERSONALITIES = ["kooperatif", "pedagang", "pemalas", "balasBudi", "acak"] as const;
export type Personality = (typeof PERSONALITIES)[number] | "hatiHati";

/** How often a bot follows its plan rather than slipping into a random legal move, by difficulty. */
export const BOT_SKILL: Record<Difficulty, number> = { mudah: 1, sedang: 0.77, sulit: 0.73 };

/** The bots' own source of chance (not the game's RNG, so bots never change the game's events). */
export interface BotRng {
  rng: number;
}

/** A random legal move: first a kind of move, then one of that kind (so no kind crowds out the rest). */
function randomLegal(legal: Action[], rng: BotRng): Action | null {
  const kinds = [...new Set(legal.map((a) => a.type))].filter((t) => t !== "done");
  if (kinds.length === 0) return null;
  const kind = kinds[Math.floor(nextRandom(rng) * kinds.length)]!;
  const choices = legal.filter((a) => a.type === kind);
  return choices[Math.floor(nextRandom(rng) * choices.length)]!;
}

/** Looks after its own household only: gathers, eats, answers offers greedily, never gives. */
function chooseSelfishAction(
  state: GameState,
  playerId: string,
  legal: Action[],
  greed: number,
): Action | null {
  const me = state.players[playerId]!;
  const answer = chooseBargainingAction(state, playerId, legal, greed);
  // It haggles over the harga gabah like anyone (a good price is in its own interest).
  const selfServing = ["acceptTrade", "rejectTrade", "proposeRicePrice", "acceptRicePrice"];
  if (answer && selfServing.includes(answer.type)) return answer;
  // It does not bother to bargain back: a counter it would make becomes a plain no.
  if (answer?.type === "counterTrade") {
    const refuse = legal.find((a) => a.type === "rejectTrade" && a.offerId === answer.offerId);
    if (refuse) return refuse;
  }
  const vote = legal.find((a) => a.type === "castVote" && a.choice === "yes");
  if (vote) return vote;
  if (me.tenaga <= 0) return null;
  const specialty = ROLES[me.role].specialty;
  const wantFood = me.hand.beras < FOOD_PER_HOUSEHOLD * 2 && specialty !== "beras";
  const resource = wantFood ? "beras" : (specialty ?? "beras");
  const site = SITE_IDS.find((s) => SITES[s].resource === resource)!;
  return { type: "gather", site, tenaga: 1 };
}

/** Tit-for-tat: cooperate while most neighbours helped the village last season; else look after oneself. */
function villageCooperatedLastSeason(state: GameState, playerId: string): boolean {
  if (state.season <= 1) return true;
  const others = state.playerOrder.filter((id) => id !== playerId);
  const helped = new Set<string>();
  for (const entry of state.log) {
    if (entry.season !== state.season - 1) continue;
    for (const actor of entry.actors) if (actor !== playerId) helped.add(actor);
  }
  return helped.size * 2 >= others.length;
}

/**
 * One bot move for `playerId` with the given personality: always one of `legalActions`, or null
 * when the bot has nothing more to do this window. Reads only public state and its own hand.
 * `hold` names kinds of action the bot leaves to others for now (the room lets people propose
 * a musyawarah first).
 */
export function chooseBotAction(
  state: GameState,
  playerId: string,
  personality: Personality,
  rng: BotRng,
  skill = 1,
  hold: ReadonlySet<Action["type"]> = NO_HOLD,
): Action | null {
  const legal = legalActions(state, playerId).filter((a) => !hold.has(a.type));
  if (legal.length === 0) return null;
  if (personality === "acak" || nextRandom(rng) >= skill) return randomLegal(legal, rng);
  switch (personality) {
    case "kooperatif":
      return chooseCooperativeAction(state, playerId, hold);
    case "pedagang": {
      const hard = chooseBargainingAction(state, playerId, legal, 1.25);
      return hard ?? chooseCooperativeAction(state, playerId, hold);
    }
    case "pemalas":
      return chooseSelfishAction(state, playerId, legal, 1.5);
    case "hatiHati": {
      const refuse = legal.find((a) => a.type === "rejectTrade");
      if (refuse) return refuse;
      // It makes no agreement for the absent student: no trade, no harga gabah.
      const agreements = new Set<Action["type"]>(["acceptTrade", "proposeRicePrice", "acceptRicePrice"]);
      return chooseSelfishAction(
        state,
        playerId,
        legal.filter((a) => !agreements.has(a.type)),
        Infinity,
      );
    }
    case "balasBudi":
      return villageCooperatedLastSeason(state, playerId)
        ? chooseCooperativeAction(state, playerId, hold)
        : chooseSelfishAction(state, playerId, legal, 1);
  }
}

/** The bots a solo village gets at each difficulty (seat order after the student). */
export function soloPersonalities(difficulty: Difficulty, bots: number): Personality[] {
  const mix: Record<Difficulty, Personality[]> = {
    mudah: ["kooperatif", "kooperatif", "kooperatif", "kooperatif", "kooperatif"],
    sedang: ["kooperatif", "pedagang", "kooperatif", "balasBudi", "kooperatif"],
    sulit: ["pedagang", "balasBudi", "kooperatif", "pemalas", "pedagang"],
  };
  return mix[difficulty].slice(0, bots);
}
