import { own } from "./guard.ts";
import { FOOD_PER_HOUSEHOLD } from "./season.ts";
import type { GameState } from "./types.ts";

/**
 * Public signal: this household's rice barn cannot feed it tonight. Shown on the map to everyone
 * (an empty barn is visible in a village) so neighbours can help; the hand itself stays private.
 */
export function isHungry(state: GameState, playerId: string): boolean {
  const p = own(state.players, playerId);
  return p ? p.hand.beras < FOOD_PER_HOUSEHOLD : false;
}

/**
 * Public signal: this household needs its neighbours' help (gotong royong): it is in krisis or a
 * musibah struck its house. Everyday needs, such as a barn that is merely low, go through
 * bargaining instead (see docs/decisions.md).
 */
export function needsAid(state: GameState, playerId: string): boolean {
  const p = own(state.players, playerId);
  return p ? p.krisis || p.houseDamaged : false;
}
