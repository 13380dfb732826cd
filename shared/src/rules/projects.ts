import { PRIORITY_UNITY } from "../content/partnerships.ts";
import { PROJECTS, type ProjectKind, sizedProject } from "../content/projects.ts";
import { emptyHand, RESOURCES, type Resource } from "../content/resources.ts";
import { addNews, changeMeters, logCooperation } from "./log.ts";
import type { GameState, ProjectState } from "./types.ts";

/** Open a new project on the map. */
export function newProject(
  state: GameState,
  kind: ProjectKind,
  ownerId: string | null,
  deadlineSeason: number | null,
): ProjectState {
  const id = `${kind}-${state.nextProjectId++}`;
  const sized = sizedProject(kind, state.playerOrder.length);
  const project: ProjectState = {
    id,
    kind,
    status: "open",
    needs: sized.needs,
    labourNeeded: sized.labour,
    labourCapPerSeason: sized.labourCapPerSeason,
    given: emptyHand(),
    labour: 0,
    labourBy: {},
    labourThisSeason: 0,
    helpers: [],
    ownerId,
    deadlineSeason,
    doneSeason: null,
  };
  state.projects[id] = project;
  return project;
}

/** How much of `resource` the project still needs. */
export function resourceStillNeeded(project: ProjectState, resource: Resource): number {
  return Math.max(0, (project.needs[resource] ?? 0) - project.given[resource]);
}

/**
 * Distinct villagers a project needs in this village: the project's minimum, or every household
 * when the village is smaller than that (a 3-household village builds the bridge with all three).
 */
export function requiredVillagers(state: GameState, project: ProjectState): number {
  const def = PROJECTS[project.kind];
  const households = state.playerOrder.length - (def.ownerExcluded && project.ownerId ? 1 : 0);
  return Math.max(2, Math.min(def.minVillagers, households));
}

/**
 * Most labour one villager may give: ceil(labour / required villagers), so finishing the labour
 * always takes at least that many people (the rule is structural, not a late check).
 */
export function labourCapPerPlayer(state: GameState, project: ProjectState): number {
  return Math.ceil(project.labourNeeded / requiredVillagers(state, project));
}

/**
 * How many labour units `playerId` may still give now: limited by the project's remaining labour,
 * the per-villager cap (so ≥ k villagers are needed) and the per-season cap.
 */
export function labourRoomFor(state: GameState, project: ProjectState, playerId: string): number {
  const def = PROJECTS[project.kind];
  if (def.ownerExcluded && project.ownerId === playerId) return 0;
  let room = Math.min(
    project.labourNeeded - project.labour,
    labourCapPerPlayer(state, project) - (project.labourBy[playerId] ?? 0),
  );
  if (project.labourCapPerSeason !== null)
    room = Math.min(room, project.labourCapPerSeason - project.labourThisSeason);
  return Math.max(0, room);
}

/** Distinct villagers who gave labour (the "≥ k villagers" count). */
export function labourers(project: ProjectState): number {
  return Object.values(project.labourBy).filter((n) => n > 0).length;
}

/** True when every resource and all labour are in, from enough distinct villagers. */
export function isComplete(state: GameState, project: ProjectState): boolean {
  return (
    RESOURCES.every((r) => resourceStillNeeded(project, r) === 0) &&
    project.labour >= project.labourNeeded &&
    labourers(project) >= requiredVillagers(state, project)
  );
}

/** Construction stage 0–3 for the map, from the share of resources and labour given. */
export function projectStage(project: ProjectState): number {
  if (project.status === "done") return 3;
  let need = project.labourNeeded;
  let have = project.labour;
  for (const r of RESOURCES) {
    need += project.needs[r] ?? 0;
    have += project.given[r];
  }
  const share = need === 0 ? 0 : have / need;
  if (share === 0) return 0;
  return share < 0.5 ? 1 : 2;
}

/** The open project of a kind (there is at most one selokan, sekolah, jembatan, koperasi at a time). */
export function openProjectOf(state: GameState, kind: ProjectKind): ProjectState | undefined {
  return Object.values(state.projects).find((p) => p.kind === kind && p.status === "open");
}

export function isBuilt(state: GameState, kind: ProjectKind): boolean {
  return Object.values(state.projects).some((p) => p.kind === kind && p.status === "done");
}

/**
 * Finish a project whose resources and labour are all in: the meters gain its reward (and unity
 * if it was the village's chosen priority), and the cooperation log names everyone who helped.
 */
export function completeIfDone(state: GameState, project: ProjectState): void {
  if (project.status !== "open" || !isComplete(state, project)) return;
  const def = PROJECTS[project.kind];
  project.status = "done";
  project.doneSeason = state.season;
  changeMeters(state, def.reward);
  if (state.priorityProjectId === project.id) changeMeters(state, { unity: PRIORITY_UNITY });
  if (project.kind === "rumah" && project.ownerId) {
    const owner = state.players[project.ownerId];
    if (owner) owner.houseDamaged = false;
  }
  // The owner of a rebuilt house may give materials, but the helpers are the neighbours.
  const helpers = project.helpers.filter((id) => !(def.ownerExcluded && id === project.ownerId));
  logCooperation(state, "gotongRoyong", helpers, {
    key: `coop.done.${project.kind}`,
    params: { count: helpers.length },
  });
  addNews(state, "project", { key: `news.done.${project.kind}` });
}

/** Labour from someone who is not a household (the co-opted tokoh), within the same caps. */
export function addOutsideLabour(
  state: GameState,
  project: ProjectState,
  workerId: string,
  units: number,
): number {
  const labour = Math.min(units, labourRoomFor(state, project, workerId));
  if (labour <= 0) return 0;
  project.labour += labour;
  project.labourThisSeason += labour;
  project.labourBy[workerId] = (project.labourBy[workerId] ?? 0) + labour;
  if (!project.helpers.includes(workerId)) project.helpers.push(workerId);
  completeIfDone(state, project);
  return labour;
}
