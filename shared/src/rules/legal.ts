import { PROJECTS } from "../content/projects.ts";
import { RESOURCES } from "../content/resources.ts";
import { ROLES } from "../content/roles.ts";
import { SITE_IDS } from "../content/sites.ts";
import { labourRoomFor, resourceStillNeeded } from "./projects.ts";
import type { Action, GameState } from "./types.ts";

/**
 * Every action `playerId` may take now, in unit steps (one tenaga, one resource unit):
 * the menu that bots choose from and the client's buttons mirror. Each returned action is accepted
 * by `apply` in this state. Uses only the player's own hand and public state.
 */
export function legalActions(state: GameState, playerId: string): Action[] {
  const player = state.players[playerId];
  if (!player || state.phase !== "action") return [];
  const actions: Action[] = [];
  if (player.tenaga > 0) {
    for (const site of SITE_IDS) actions.push({ type: "gather", site, tenaga: 1 });
  }
  for (const project of Object.values(state.projects)) {
    if (project.status !== "open") continue;
    const def = PROJECTS[project.kind];
    if (player.tenaga > 0 && labourRoomFor(project, player.id) > 0) {
      actions.push({ type: "contribute", projectId: project.id, tenaga: 1, give: {} });
    }
    for (const r of RESOURCES) {
      if ((def.needs[r] ?? 0) > 0 && resourceStillNeeded(project, r) > 0 && player.hand[r] > 0) {
        actions.push({ type: "contribute", projectId: project.id, tenaga: 0, give: { [r]: 1 } });
      }
    }
  }
  for (const otherId of state.playerOrder) {
    if (otherId === playerId) continue;
    for (const r of RESOURCES) {
      if (player.hand[r] > 0) actions.push({ type: "giveAid", to: otherId, give: { [r]: 1 } });
    }
  }
  if (!player.done) actions.push({ type: "done" });
  return actions;
}

/** Labour one tenaga of this player gives at a project. */
export function labourPerTenaga(state: GameState, playerId: string): number {
  const p = state.players[playerId];
  return p ? ROLES[p.role].labourPerTenaga : 0;
}
