import {
  CONSENSUS_SHARE,
  CONSENSUS_UNITY,
  TOKOH,
  TOKOH_ID,
  TOKOH_POSITIONS,
  VOTE_TOPICS,
} from "../content/partnerships.ts";
import { FORM_OPENS_IN_SEASON } from "../content/trade.ts";
import { ERROR_CODES } from "../protocol/errors.ts";
import { own, reject } from "./guard.ts";
import { addNews, changeMeters, logCooperation } from "./log.ts";
import { addOutsideLabour } from "./projects.ts";
import type {
  ApplyResult,
  CastVoteAction,
  GameState,
  PlayerState,
  ProposeVoteAction,
  VoteState,
} from "./types.ts";

/** The musyawarah now open, if any (one at a time). */
export function openVote(state: GameState): VoteState | undefined {
  return Object.values(state.votes).find((v) => v.status === "open");
}

/** A villager who has given nothing to any project this game is idle (a committee can bring him in). */
export function isIdle(state: GameState, playerId: string): boolean {
  return (state.players[playerId]?.contributed ?? 1) === 0;
}

/**
 * Propose a decision for the village: co-opt the tokoh pemuda (a place as penasihat or pembina of a
 * project), bring an idle villager onto a project committee, or choose the priority project.
 */
export function applyProposeVote(
  state: GameState,
  player: PlayerState,
  action: ProposeVoteAction,
): ApplyResult {
  if (!VOTE_TOPICS.includes(action.topic)) return reject(ERROR_CODES.badVoteTopic);
  if (openVote(state)) return reject(ERROR_CODES.voteOpen);
  const project = action.projectId === undefined ? undefined : own(state.projects, action.projectId);
  if (!project) return reject(ERROR_CODES.unknownProject);
  if (project.status !== "open") return reject(ERROR_CODES.projectClosed);
  let playerId: string | null = null;
  let position: VoteState["position"] = null;
  if (action.topic === "cooptTokoh") {
    if (state.tokoh.status !== "outside") return reject(ERROR_CODES.tokohNotOutside);
    if (!action.position || !TOKOH_POSITIONS.includes(action.position))
      return reject(ERROR_CODES.badVoteTopic);
    position = action.position;
  } else if (action.topic === "cooptPlayer") {
    const target = action.playerId === undefined ? undefined : own(state.players, action.playerId);
    if (!target) return reject(ERROR_CODES.unknownPlayer);
    if (!isIdle(state, target.id)) return reject(ERROR_CODES.playerNotIdle, { name: target.name });
    playerId = target.id;
  }
  const id = `v${state.nextDealId++}`;
  state.votes[id] = {
    id,
    topic: action.topic,
    proposer: player.id,
    season: state.season,
    projectId: project.id,
    playerId,
    position,
    // Proposing is agreeing.
    votes: { [player.id]: "yes" },
    status: "open",
  };
  castBloc(state, player.id, state.votes[id]!, "yes");
  resolveVoteIfComplete(state, state.votes[id]!);
  return { ok: true };
}

/** Members of an active coalition vote as a bloc: one member's vote is the others' too. */
function castBloc(state: GameState, voterId: string, vote: VoteState, choice: "yes" | "no"): void {
  for (const coalition of Object.values(state.coalitions)) {
    if (coalition.status !== "active" || !coalition.members.includes(voterId)) continue;
    for (const member of coalition.members) if (!vote.votes[member]) vote.votes[member] = choice;
  }
}

export function applyCastVote(state: GameState, player: PlayerState, action: CastVoteAction): ApplyResult {
  const vote = own(state.votes, action.voteId);
  if (!vote) return reject(ERROR_CODES.unknownVote);
  if (vote.status !== "open") return reject(ERROR_CODES.voteClosed);
  if (vote.votes[player.id]) return reject(ERROR_CODES.alreadyVoted);
  vote.votes[player.id] = action.choice;
  castBloc(state, player.id, vote, action.choice);
  resolveVoteIfComplete(state, vote);
  return { ok: true };
}

function resolveVoteIfComplete(state: GameState, vote: VoteState): void {
  if (state.playerOrder.every((id) => vote.votes[id])) resolveVote(state, vote);
}

/**
 * Count a musyawarah: a majority of households decides; near-consensus (≥ 80 % of households)
 * raises unity. A passed decision applies at once.
 */
export function resolveVote(state: GameState, vote: VoteState): void {
  if (vote.status !== "open") return;
  const households = state.playerOrder.length;
  const yes = Object.values(vote.votes).filter((v) => v === "yes").length;
  const no = Object.values(vote.votes).filter((v) => v === "no").length;
  vote.status = yes * 2 > households ? "passed" : "failed";
  if (Math.max(yes, no) >= CONSENSUS_SHARE * households) changeMeters(state, { unity: CONSENSUS_UNITY });
  addNews(state, "vote", { key: `news.vote.${vote.status}`, params: { topic: vote.topic, yes, no } });
  if (vote.status !== "passed") return;
  const voters = Object.keys(vote.votes).filter((id) => vote.votes[id] === "yes");
  if (vote.topic === "priority") {
    state.priorityProjectId = vote.projectId;
  } else if (vote.topic === "cooptTokoh" && state.tokoh.status === "outside") {
    state.tokoh.status = "coopted";
    state.tokoh.position = vote.position;
    state.tokoh.projectId = vote.projectId;
    state.tokoh.blockedProjectId = null;
    logCooperation(state, "kooptasi", voters, {
      key: "coop.cooptTokoh",
      params: { position: vote.position ?? "pembina", project: state.projects[vote.projectId!]?.kind ?? "" },
    });
  } else if (vote.topic === "cooptPlayer" && vote.playerId && vote.projectId) {
    const committee = state.committees[vote.projectId] ?? [];
    if (!committee.includes(vote.playerId)) committee.push(vote.playerId);
    state.committees[vote.projectId] = committee;
    const name = state.players[vote.playerId]?.name ?? "";
    logCooperation(state, "kooptasi", [vote.playerId, ...voters.filter((v) => v !== vote.playerId)], {
      key: "coop.cooptPlayer",
      params: { name, project: state.projects[vote.projectId]?.kind ?? "" },
    });
  }
}

/** At night: votes still open are counted with the votes cast. */
export function closeOpenVotes(state: GameState): void {
  for (const vote of Object.values(state.votes)) if (vote.status === "open") resolveVote(state, vote);
}

/**
 * The season the tokoh pemuda arrives: when kooptasi opens, or early when the teacher opened every
 * form (the client shows it from the synced `openAllForms`).
 */
export function tokohArrivalSeason(openAllForms: boolean): number {
  return openAllForms ? TOKOH.earlyArrivalSeason : FORM_OPENS_IN_SEASON.kooptasi;
}

/** The tokoh arrives in the kooptasi season; while outside, his unrest grows and drains harmony. */
export function tokohAtSeasonStart(state: GameState, arrivesInSeason: number): void {
  const tokoh = state.tokoh;
  if (tokoh.status === "absent" && state.season >= arrivesInSeason) {
    tokoh.status = "outside";
    tokoh.unrest = TOKOH.startUnrest;
    addNews(state, "event", { key: "news.tokohArrives" });
  }
  tokoh.blockedProjectId = null;
  if (tokoh.status === "outside" && tokoh.unrest >= TOKOH.protestAt) {
    // The protest blocks the open project closest to completion (the one that hurts most).
    const target = Object.values(state.projects)
      .filter((p) => p.status === "open" && p.kind !== "rumah")
      .sort((a, b) => b.labour - a.labour)[0];
    if (target) {
      tokoh.blockedProjectId = target.id;
      addNews(state, "event", { key: "news.protest", params: { project: target.kind } });
    }
  }
  if (tokoh.status === "coopted") {
    const project = tokoh.projectId ? state.projects[tokoh.projectId] : undefined;
    const target =
      project?.status === "open"
        ? project
        : Object.values(state.projects).find((p) => p.kind === "jembatan" && p.status === "open");
    if (target) {
      tokoh.projectId = target.id;
      addOutsideLabour(state, target, TOKOH_ID, TOKOH.labourWhenCoopted);
    }
    changeMeters(state, { welfare: TOKOH.shareWelfare });
  }
}

/** At night: the tokoh's unrest grows while he is outside, and drains harmony. */
export function tokohAtNight(state: GameState): void {
  const tokoh = state.tokoh;
  if (tokoh.status !== "outside") return;
  changeMeters(state, { harmony: -Math.floor(tokoh.unrest / TOKOH.harmonyDrainDivisor) });
  tokoh.unrest = Math.min(100, tokoh.unrest + TOKOH.unrestPerSeason);
}
