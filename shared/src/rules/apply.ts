import { type EventKind, PANEN_RAYA_BONUS } from "../content/events.ts";
import type { Form } from "../content/forms.ts";
import { PROJECTS } from "../content/projects.ts";
import { type Bundle, bundleTotal, handCovers, RESOURCES } from "../content/resources.ts";
import { ROLES, type RoleId } from "../content/roles.ts";
import { GATHER_YIELD, SITES, type SiteId } from "../content/sites.ts";
import { FORM_OPENS_IN_SEASON } from "../content/trade.ts";
import { ERROR_CODES } from "../protocol/errors.ts";
import {
  applyJoinCoalition,
  applyLeaveCoalition,
  applyPledgeCoalition,
  applyProposeCoalition,
} from "./coalition.ts";
import { amountsAreValid, own, reject } from "./guard.ts";
import { logCooperation } from "./log.ts";
import { applyCastVote, applyProposeVote } from "./musyawarah.ts";
import { completeIfDone, labourCapPerPlayer, labourRoomFor, resourceStillNeeded } from "./projects.ts";
import { needsAid } from "./public.ts";
import {
  applyAcceptRicePrice,
  applyAcceptTrade,
  applyCancelTrade,
  applyCounterTrade,
  applyOfferTrade,
  applyProposeRicePrice,
  applyRejectTrade,
  applyTradeWithMarket,
} from "./trade.ts";
import type {
  Action,
  ActionContext,
  ApplyResult,
  ContributeAction,
  GameState,
  GatherAction,
  GiveAidAction,
  PlayerState,
} from "./types.ts";
import { applyAcceptVenture, applyProposeVenture, applyWorkVenture } from "./venture.ts";

/** Units one tenaga yields for this player at this site. */
export function gatherYield(state: GameState, player: PlayerState, site: GatherAction["site"]): number {
  return siteYield(player.role, site, state.events[state.season] ?? "tenang");
}

/** Units one tenaga yields for a role at a site in a season bringing `event` (the client shows it). */
export function siteYield(role: RoleId, site: SiteId, event: EventKind): number {
  const resource = SITES[site].resource;
  const specialty = ROLES[role].specialty === resource;
  let units: number = specialty ? GATHER_YIELD.specialty : GATHER_YIELD.other;
  if (specialty && resource === "beras" && event === "panenRaya") units += PANEN_RAYA_BONUS;
  return units;
}

function applyGather(state: GameState, player: PlayerState, action: GatherAction): ApplyResult {
  if (!own(SITES, action.site)) return reject(ERROR_CODES.unknownSite);
  if (player.tenaga < action.tenaga) return reject(ERROR_CODES.notEnoughTenaga, { have: player.tenaga });
  const resource = SITES[action.site].resource;
  player.tenaga -= action.tenaga;
  player.hand[resource] += gatherYield(state, player, action.site) * action.tenaga;
  player.location = action.site;
  return { ok: true };
}

function applyContribute(state: GameState, player: PlayerState, action: ContributeAction): ApplyResult {
  const project = own(state.projects, action.projectId);
  if (!project) return reject(ERROR_CODES.unknownProject);
  if (project.status !== "open") return reject(ERROR_CODES.projectClosed);
  if (!handCovers(player.hand, action.give)) return reject(ERROR_CODES.notEnoughResources);
  if (player.tenaga < action.tenaga) return reject(ERROR_CODES.notEnoughTenaga, { have: player.tenaga });
  const def = PROJECTS[project.kind];
  if (action.tenaga > 0 && def.ownerExcluded && project.ownerId === player.id) {
    return reject(ERROR_CODES.ownerCannotHelp);
  }

  // Clamp what is given to what the project still needs: nobody loses resources to an over-full project.
  const give: Bundle = {};
  for (const r of RESOURCES) {
    const amount = Math.min(action.give[r] ?? 0, resourceStillNeeded(project, r));
    if (amount > 0) give[r] = amount;
  }
  if (state.tokoh.blockedProjectId === project.id) return reject(ERROR_CODES.projectBlocked);
  // A villager co-opted onto this project's committee works one unit harder per tenaga there.
  const onCommittee = state.committees[project.id]?.includes(player.id) ?? false;
  const perTenaga = ROLES[player.role].labourPerTenaga + (onCommittee ? 1 : 0);
  const room = labourRoomFor(state, project, player.id);
  const labour = Math.min(action.tenaga * perTenaga, room);
  const tenagaSpent = Math.ceil(labour / perTenaga);
  if (action.tenaga > 0 && labour === 0 && bundleTotal(give) === 0) {
    const seasonCap = project.labourCapPerSeason;
    if (
      seasonCap !== null &&
      project.labourThisSeason >= seasonCap &&
      project.labour < project.labourNeeded
    ) {
      return reject(ERROR_CODES.seasonLabourCapReached);
    }
    if (project.labour < project.labourNeeded)
      return reject(ERROR_CODES.labourCapReached, { cap: labourCapPerPlayer(state, project) });
  }
  if (labour === 0 && bundleTotal(give) === 0) {
    return reject(
      action.tenaga === 0 && bundleTotal(action.give) === 0
        ? ERROR_CODES.nothingToGive
        : ERROR_CODES.projectNeedsNothingMore,
    );
  }

  for (const r of RESOURCES) {
    const amount = give[r] ?? 0;
    player.hand[r] -= amount;
    project.given[r] += amount;
  }
  player.tenaga -= tenagaSpent;
  project.labour += labour;
  project.labourThisSeason += labour;
  if (labour > 0) project.labourBy[player.id] = (project.labourBy[player.id] ?? 0) + labour;
  if (!project.helpers.includes(player.id)) project.helpers.push(player.id);
  player.contributed += bundleTotal(give) + labour;
  player.location = `project:${project.id}`;

  const log = logCooperation(state, "gotongRoyong", [player.id], {
    key: `coop.contribute.${project.kind}`,
    params: { name: player.name, labour, units: bundleTotal(give) },
  });
  completeIfDone(state, project);
  return { ok: true, log };
}

function applyGiveAid(state: GameState, player: PlayerState, action: GiveAidAction): ApplyResult {
  const to = own(state.players, action.to);
  if (!to) return reject(ERROR_CODES.unknownPlayer);
  if (to.id === player.id) return reject(ERROR_CODES.cannotAidSelf);
  if (!needsAid(state, to.id)) return reject(ERROR_CODES.aidNotNeeded, { name: to.name });
  if (bundleTotal(action.give) === 0) return reject(ERROR_CODES.nothingToGive);
  if (!handCovers(player.hand, action.give)) return reject(ERROR_CODES.notEnoughResources);
  for (const r of RESOURCES) {
    const amount = action.give[r] ?? 0;
    player.hand[r] -= amount;
    to.hand[r] += amount;
  }
  player.contributed += bundleTotal(action.give);
  player.location = `house:${to.id}`;
  const log = logCooperation(state, "gotongRoyong", [player.id, to.id], {
    key: "coop.aid",
    params: { name: player.name, to: to.name, units: bundleTotal(action.give) },
  });
  return { ok: true, log };
}

/**
 * Apply one player's action. Every check runs before anything changes, so a rejection leaves the
 * state exactly as it was. The actor comes from the context (the connection), never from the action.
 */
export function apply(state: GameState, action: Action, ctx: ActionContext): ApplyResult {
  if (state.phase === "ended") return reject(ERROR_CODES.gameOver);
  const player = own(state.players, ctx.actor);
  if (!player) return reject(ERROR_CODES.unknownPlayer);
  if (!amountsAreValid(action)) return reject(ERROR_CODES.badAmount);
  if (state.paused) return reject(ERROR_CODES.paused);
  if (state.phase !== "action") return reject(ERROR_CODES.wrongPhase, { phase: state.phase });
  const gotongRoyong = action.type === "contribute" || action.type === "giveAid";
  if (gotongRoyong && !isFormOpen(state, "gotongRoyong")) {
    return reject(ERROR_CODES.formNotOpenYet, { season: FORM_OPENS_IN_SEASON.gotongRoyong });
  }
  switch (action.type) {
    case "gather":
      return applyGather(state, player, action);
    case "contribute":
      return applyContribute(state, player, action);
    case "giveAid":
      return applyGiveAid(state, player, action);
    case "done":
      player.done = true;
      return { ok: true };
    default:
      break;
  }
  const form =
    action.type === "proposeVote" && action.topic !== "priority" ? "kooptasi" : ACTION_FORM[action.type];
  if (form && !isFormOpen(state, form)) {
    return reject(ERROR_CODES.formNotOpenYet, { season: FORM_OPENS_IN_SEASON[form] });
  }
  switch (action.type) {
    case "offerTrade":
      return applyOfferTrade(state, player, action);
    case "counterTrade":
      return applyCounterTrade(state, player, action);
    case "acceptTrade":
      return applyAcceptTrade(state, player, action);
    case "rejectTrade":
      return applyRejectTrade(state, player, action.offerId);
    case "cancelTrade":
      return applyCancelTrade(state, player, action.offerId);
    case "tradeWithMarket":
      return applyTradeWithMarket(state, player, action);
    case "proposeRicePrice":
      return applyProposeRicePrice(state, player, action.price);
    case "acceptRicePrice":
      return applyAcceptRicePrice(state, player);
    case "proposeVote":
      return applyProposeVote(state, player, action);
    case "castVote":
      return applyCastVote(state, player, action);
    case "proposeCoalition":
      return applyProposeCoalition(state, player, action);
    case "joinCoalition":
      return applyJoinCoalition(state, player, action.coalitionId);
    case "pledgeCoalition":
      return applyPledgeCoalition(state, player, action);
    case "leaveCoalition":
      return applyLeaveCoalition(state, player, action.coalitionId);
    case "proposeVenture":
      return applyProposeVenture(state, player, action);
    case "acceptVenture":
      return applyAcceptVenture(state, player, action.ventureId);
    case "workVenture":
      return applyWorkVenture(state, player, action.ventureId);
  }
}

/** Which form of cooperation each action belongs to, for the one-new-idea-per-season opening. */
const ACTION_FORM: Partial<Record<Action["type"], Form>> = {
  offerTrade: "bargaining",
  counterTrade: "bargaining",
  acceptTrade: "bargaining",
  rejectTrade: "bargaining",
  cancelTrade: "bargaining",
  tradeWithMarket: "bargaining",
  proposeRicePrice: "bargaining",
  acceptRicePrice: "bargaining",
  proposeCoalition: "koalisi",
  joinCoalition: "koalisi",
  pledgeCoalition: "koalisi",
  leaveCoalition: "koalisi",
  proposeVenture: "jointVenture",
  acceptVenture: "jointVenture",
  workVenture: "jointVenture",
};

/** True when a form's actions are open this season (or the teacher opened all forms). */
export function isFormOpen(state: GameState, form: Form): boolean {
  return formOpenIn(state.season, state.config.openAllForms, form, state.config.disabledForms);
}

/** The same test from synced fields (the client uses it to show or hide a panel). */
export function formOpenIn(
  season: number,
  openAllForms: boolean,
  form: Form,
  disabled: readonly Form[] = [],
): boolean {
  if (disabled.includes(form)) return false;
  return openAllForms || season >= FORM_OPENS_IN_SEASON[form];
}
