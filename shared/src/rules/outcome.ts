import { PROJECT_KINDS, type ProjectKind } from "../content/projects.ts";
import { isBuilt } from "./projects.ts";
import type { GameResult, GameState, TextRef } from "./types.ts";

/** Harmony the village must keep to win. */
export const WIN_MIN_HARMONY = 40;
/**
 * Welfare (kesejahteraan) the village must reach to win: one of the purposes of kerja sama. The
 * village starts far below it and raises it through the koperasi, the school, the bridge, a
 * koalisi's product fair and joint ventures.
 */
export const WIN_MIN_WELFARE = 60;
/** A meter at or above this earns a star. */
export const STAR_METER = 60;

/**
 * Win: the Jembatan Desa is built, harmony ≥ 40, welfare ≥ 60 and no household is in krisis at the end.
 * Stars: one for the win, one for harmony ≥ 60 (well above the minimum), one for unity ≥ 60 (the
 * purposes of kerja sama; welfare is already part of the win).
 */
export function decideResult(state: GameState, endedEarly = false): GameResult {
  const bridgeBuilt = isBuilt(state, "jembatan");
  const inKrisis = state.playerOrder.filter((id) => state.players[id]!.krisis).length;
  const reasons: TextRef[] = [];
  if (!bridgeBuilt) reasons.push({ key: "result.reason.noBridge" });
  if (state.meters.harmony < WIN_MIN_HARMONY) reasons.push({ key: "result.reason.lowHarmony" });
  if (state.meters.welfare < WIN_MIN_WELFARE) {
    reasons.push({ key: "result.reason.lowWelfare", params: { min: WIN_MIN_WELFARE } });
  }
  if (inKrisis > 0) reasons.push({ key: "result.reason.krisis", params: { count: inKrisis } });
  // A game the teacher stopped before its last season has no verdict: it says so, then what was missing.
  if (endedEarly) reasons.unshift({ key: "result.reason.endedEarly", params: { season: state.season } });
  const won = reasons.length === 0;
  if (won) reasons.push({ key: "result.reason.won" });
  let stars = 0;
  if (won) {
    stars = 1;
    if (state.meters.harmony >= STAR_METER) stars++;
    if (state.meters.unity >= STAR_METER) stars++;
  }
  const projectsDone = PROJECT_KINDS.filter((k: ProjectKind) => isBuilt(state, k));
  return { won, stars, reasons, bridgeBuilt, projectsDone, endedEarly };
}
