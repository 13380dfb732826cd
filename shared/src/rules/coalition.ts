import { IGNORED_KAMPANYE } from "../content/events.ts";
import {
  COALITION_GOALS,
  COALITION_MIN_MEMBERS,
  COALITIONS,
  type CoalitionGoal,
  PAMERAN_UANG_PER_MEMBER,
} from "../content/partnerships.ts";
import { type Bundle, bundleTotal, emptyHand, handCovers, RESOURCES } from "../content/resources.ts";
import { ERROR_CODES } from "../protocol/errors.ts";
import { own, reject } from "./guard.ts";
import { addNews, changeMeters, logCooperation } from "./log.ts";
import { newProject, openProjectOf } from "./projects.ts";
import type {
  ApplyResult,
  CoalitionState,
  GameState,
  PlayerState,
  PledgeCoalitionAction,
  ProposeCoalitionAction,
  Rejection,
} from "./types.ts";

/** What the coalition's pool still lacks. */
export function poolStillNeeded(coalition: CoalitionState): Bundle {
  const needs = COALITIONS[coalition.goal].needs;
  const out: Bundle = {};
  for (const r of RESOURCES) {
    const lack = (needs[r] ?? 0) - coalition.pool[r];
    if (lack > 0) out[r] = lack;
  }
  return out;
}

function liveCoalition(state: GameState, id: string): CoalitionState | Rejection {
  const coalition = own(state.coalitions, id);
  if (!coalition) return reject(ERROR_CODES.unknownCoalition);
  if (coalition.status !== "forming" && coalition.status !== "active")
    return reject(ERROR_CODES.coalitionClosed);
  return coalition;
}

/** Whether a coalition has already achieved this goal in this game. */
export function goalAchieved(state: GameState, goal: CoalitionGoal): boolean {
  return Object.values(state.coalitions).some((c) => c.goal === goal && c.status === "succeeded");
}

/** Propose a coalition for one named goal, with a deadline; the proposer is its first member. */
export function applyProposeCoalition(
  state: GameState,
  player: PlayerState,
  action: ProposeCoalitionAction,
): ApplyResult {
  if (!COALITION_GOALS.includes(action.goal)) return reject(ERROR_CODES.badMessage);
  const exists = Object.values(state.coalitions).some(
    (c) => c.goal === action.goal && (c.status === "forming" || c.status === "active"),
  );
  if (exists) return reject(ERROR_CODES.coalitionExists);
  // Each goal is a one-off: a campaign or a product fair that has succeeded is not held again.
  if (goalAchieved(state, action.goal)) return reject(ERROR_CODES.coalitionGoalDone);
  const id = `k${state.nextDealId++}`;
  state.coalitions[id] = {
    id,
    goal: action.goal,
    proposer: player.id,
    members: [player.id],
    leftEarly: [],
    pool: emptyHand(),
    pledges: {},
    status: "forming",
    deadlineSeason: state.season + COALITIONS[action.goal].seasons - 1,
  };
  return { ok: true };
}

/** Join; with the third member the coalition starts and pledges open. */
export function applyJoinCoalition(state: GameState, player: PlayerState, coalitionId: string): ApplyResult {
  const coalition = liveCoalition(state, coalitionId);
  if ("ok" in coalition) return coalition;
  if (coalition.members.includes(player.id)) return reject(ERROR_CODES.alreadyMember);
  coalition.members.push(player.id);
  coalition.leftEarly = coalition.leftEarly.filter((id) => id !== player.id);
  if (coalition.status === "forming" && coalition.members.length >= COALITION_MIN_MEMBERS) {
    coalition.status = "active";
    logCooperation(state, "koalisi", [...coalition.members], {
      key: "coop.coalitionFormed",
      params: { goal: coalition.goal, count: coalition.members.length },
    });
  }
  return { ok: true };
}

/** Pledge resources into the shared pool (clamped to what the goal still needs). */
export function applyPledgeCoalition(
  state: GameState,
  player: PlayerState,
  action: PledgeCoalitionAction,
): ApplyResult {
  const coalition = liveCoalition(state, action.coalitionId);
  if ("ok" in coalition) return coalition;
  if (!coalition.members.includes(player.id)) return reject(ERROR_CODES.notMember);
  if (coalition.status !== "active")
    return reject(ERROR_CODES.coalitionNotStarted, { min: COALITION_MIN_MEMBERS });
  if (bundleTotal(action.give) === 0) return reject(ERROR_CODES.nothingToGive);
  if (!handCovers(player.hand, action.give)) return reject(ERROR_CODES.notEnoughResources);
  const lacking = poolStillNeeded(coalition);
  const give: Bundle = {};
  for (const r of RESOURCES) {
    const amount = Math.min(action.give[r] ?? 0, lacking[r] ?? 0);
    if (amount > 0) give[r] = amount;
  }
  if (bundleTotal(give) === 0) return reject(ERROR_CODES.poolNeedsNothingMore);
  const pledged = coalition.pledges[player.id] ?? emptyHand();
  for (const r of RESOURCES) {
    const amount = give[r] ?? 0;
    player.hand[r] -= amount;
    coalition.pool[r] += amount;
    pledged[r] += amount;
  }
  coalition.pledges[player.id] = pledged;
  player.contributed += bundleTotal(give);
  if (bundleTotal(poolStillNeeded(coalition)) === 0) succeed(state, coalition);
  return { ok: true };
}

/** Leave before the end: the pledge stays in the pool; if the coalition then fails, trust is lost. */
export function applyLeaveCoalition(state: GameState, player: PlayerState, coalitionId: string): ApplyResult {
  const coalition = liveCoalition(state, coalitionId);
  if ("ok" in coalition) return coalition;
  if (!coalition.members.includes(player.id)) return reject(ERROR_CODES.notMember);
  coalition.members = coalition.members.filter((id) => id !== player.id);
  coalition.leftEarly.push(player.id);
  return { ok: true };
}

function succeed(state: GameState, coalition: CoalitionState): void {
  coalition.status = "succeeded";
  changeMeters(state, COALITIONS[coalition.goal].reward);
  if (coalition.goal === "kampanyeSampah") {
    // Less plastic in the village: the gutters are clean for the next rain.
    const gutter = openProjectOf(state, "selokan");
    if (gutter) {
      gutter.status = "done";
      gutter.doneSeason = state.season;
    }
  } else {
    // The product fair sells the village's goods: every member earns uang.
    for (const id of coalition.members) state.players[id]!.hand.uang += PAMERAN_UANG_PER_MEMBER;
  }
  for (const id of coalition.members) state.players[id]!.trust.kept++;
  logCooperation(state, "koalisi", [...coalition.members], {
    key: "coop.coalitionDone",
    params: { goal: coalition.goal, count: coalition.members.length },
  });
  addNews(state, "coalition", { key: "news.coalitionDone", params: { goal: coalition.goal } });
}

/** At night: a coalition past its deadline dissolves; pledges go back, leavers lose trust. */
export function coalitionsAtNight(state: GameState): void {
  for (const coalition of Object.values(state.coalitions)) {
    if (coalition.status !== "forming" && coalition.status !== "active") continue;
    if (coalition.deadlineSeason > state.season) continue;
    coalition.status = "failed";
    for (const [id, pledged] of Object.entries(coalition.pledges)) {
      const p = state.players[id]!;
      for (const r of RESOURCES) p.hand[r] += pledged[r];
    }
    coalition.pool = emptyHand();
    for (const id of coalition.leftEarly) state.players[id]!.trust.broken++;
    addNews(state, "coalition", { key: "news.coalitionFailed", params: { goal: coalition.goal } });
  }
}

/** The night of the plastic-waste campaign's deadline, or null if the campaign never comes. */
export function kampanyeDeadline(state: GameState): number | null {
  const called = state.events.indexOf("kampanyeSampah");
  if (called < 0) return null;
  return Math.min(called + COALITIONS.kampanyeSampah.seasons - 1, state.config.seasons);
}

/**
 * At night: if the campaign's deadline passes without a koalisi carrying it out, plastic clogs the
 * gutters again (they must be cleaned before the next rain) and the village's harmony suffers.
 */
export function kampanyeAtNight(state: GameState): void {
  if (kampanyeDeadline(state) !== state.season) return;
  const done = Object.values(state.coalitions).some(
    (c) => c.goal === "kampanyeSampah" && c.status === "succeeded",
  );
  if (done) return;
  changeMeters(state, IGNORED_KAMPANYE);
  if (!openProjectOf(state, "selokan")) newProject(state, "selokan", null, null);
  addNews(state, "event", { key: "news.kampanyeIgnored" });
}
