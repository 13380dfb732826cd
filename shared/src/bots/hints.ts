import type { Form } from "../content/forms.ts";
import type { Action, GameState, TextRef } from "../rules/types.ts";
import { chooseCooperativeAction } from "./cooperative.ts";

/** A hint for a solo player: a cooperative move, the form of cooperation it is, and why it helps. */
export interface Hint {
  action: Action;
  form: Form | null;
  why: TextRef;
}

/** Which form of cooperation an action practises (null for moves that are not one by themselves). */
export function formOfAction(state: GameState, action: Action): Form | null {
  switch (action.type) {
    case "contribute":
    case "giveAid":
      return "gotongRoyong";
    case "offerTrade":
    case "counterTrade":
    case "acceptTrade":
    case "rejectTrade":
    case "cancelTrade":
    case "tradeWithMarket":
    case "proposeRicePrice":
    case "acceptRicePrice":
      return "bargaining";
    case "proposeVote":
      return action.topic === "priority" ? null : "kooptasi";
    case "castVote": {
      const vote = state.votes[action.voteId];
      return vote && vote.topic !== "priority" ? "kooptasi" : null;
    }
    case "proposeCoalition":
    case "joinCoalition":
    case "pledgeCoalition":
    case "leaveCoalition":
      return "koalisi";
    case "proposeVenture":
    case "acceptVenture":
    case "workVenture":
      return "jointVenture";
    default:
      return null;
  }
}

function why(state: GameState, action: Action): TextRef {
  switch (action.type) {
    case "contribute": {
      const kind = state.projects[action.projectId]?.kind ?? "jembatan";
      return { key: `hint.contribute.${kind}`, params: { project: kind } };
    }
    case "giveAid":
      return { key: "hint.aid", params: { name: state.players[action.to]?.name ?? "" } };
    case "gather":
      return { key: "hint.gather", params: { site: action.site } };
    default:
      return { key: `hint.${action.type}` };
  }
}

/**
 * Suggest what the student could do now: the move a cooperative villager would make in the
 * student's place (from the student's own hand and public state only), with its form and reason.
 */
export function suggestHint(state: GameState, playerId: string): Hint | null {
  const action = chooseCooperativeAction(state, playerId);
  if (!action || action.type === "done") return null;
  return { action, form: formOfAction(state, action), why: why(state, action) };
}
