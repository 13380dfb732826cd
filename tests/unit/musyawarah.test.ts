/**
 * Musyawarah (deliberation): one proposal at a time, every household votes once, a majority of
 * households decides, near-consensus raises unity, and a coalition votes as a bloc.
 */
import { describe, expect, it } from "vitest";
import {
  CONSENSUS_SHARE,
  CONSENSUS_UNITY,
  ERROR_CODES,
  type GameState,
  PRIORITY_UNITY,
  PROJECTS,
} from "../../shared/src/index.ts";
import {
  act,
  calmSeasons,
  endPhase,
  metersAfter,
  must,
  projectId,
  setAllHands,
  toAction,
  village,
  workInTurn,
} from "./helpers.ts";

/** A calm, well-fed village of `n` households in season 1's action window. */
function calmVillage(n: number, openAllForms = false): GameState {
  const state = village(n, { config: { openAllForms } });
  calmSeasons(state);
  toAction(state, 1);
  setAllHands(state, { beras: 30, kayu: 10, batu: 10, uang: 10 });
  return state;
}

/** `proposer` proposes making the gutters the village's priority; returns the vote's id. */
function proposePriority(
  state: GameState,
  proposer: string,
  kind: "selokan" | "sekolah" = "selokan",
): string {
  must(state, proposer, { type: "proposeVote", topic: "priority", projectId: projectId(state, kind) });
  return Object.values(state.votes).at(-1)!.id;
}

function vote(state: GameState, voter: string, voteId: string, choice: "yes" | "no"): void {
  must(state, voter, { type: "castVote", voteId, choice });
}

describe("proposing", () => {
  it("any villager may propose, and proposing is voting yes", () => {
    const state = calmVillage(4);
    const id = proposePriority(state, "p3");
    expect(state.votes[id]).toMatchObject({
      topic: "priority",
      proposer: "p3",
      season: 1,
      projectId: projectId(state, "selokan"),
      status: "open",
      votes: { p3: "yes" },
    });
  });

  it("a priority vote is open from season 1", () => {
    const state = calmVillage(4);
    expect(state.season).toBe(1);
    expect(
      act(state, "p1", { type: "proposeVote", topic: "priority", projectId: projectId(state, "sekolah") }),
    ).toEqual({ ok: true });
  });

  it("only one musyawarah is open at a time", () => {
    const state = calmVillage(4);
    proposePriority(state, "p1");
    expect(
      act(state, "p2", { type: "proposeVote", topic: "priority", projectId: projectId(state, "sekolah") }),
    ).toEqual({ ok: false, error: ERROR_CODES.voteOpen });
  });

  it("a vote needs a known, open project", () => {
    const state = calmVillage(4);
    expect(act(state, "p1", { type: "proposeVote", topic: "priority", projectId: "nowhere" })).toEqual({
      ok: false,
      error: ERROR_CODES.unknownProject,
    });
    expect(act(state, "p1", { type: "proposeVote", topic: "priority" })).toEqual({
      ok: false,
      error: ERROR_CODES.unknownProject,
    });
    expect(Object.keys(state.votes)).toHaveLength(0);
  });
});

describe("voting", () => {
  it("every household votes once", () => {
    const state = calmVillage(4);
    const id = proposePriority(state, "p1");
    expect(act(state, "p1", { type: "castVote", voteId: id, choice: "no" })).toEqual({
      ok: false,
      error: ERROR_CODES.alreadyVoted,
    });
    vote(state, "p2", id, "no");
    expect(act(state, "p2", { type: "castVote", voteId: id, choice: "yes" })).toEqual({
      ok: false,
      error: ERROR_CODES.alreadyVoted,
    });
    expect(state.votes[id]!.votes).toEqual({ p1: "yes", p2: "no" });
  });

  it("a vote that does not exist cannot be voted on", () => {
    const state = calmVillage(4);
    for (const voteId of ["v999", "toString", "__proto__"]) {
      expect(act(state, "p1", { type: "castVote", voteId, choice: "yes" })).toEqual({
        ok: false,
        error: ERROR_CODES.unknownVote,
      });
    }
  });

  it("a decided vote takes no more votes", () => {
    const state = calmVillage(5);
    const id = proposePriority(state, "p1");
    vote(state, "p2", id, "yes");
    endPhase(state); // the night counts it
    expect(state.votes[id]!.status).toBe("failed");
    toAction(state, 2);
    expect(act(state, "p3", { type: "castVote", voteId: id, choice: "yes" })).toEqual({
      ok: false,
      error: ERROR_CODES.voteClosed,
    });
  });

  it("the vote resolves as soon as every household has voted", () => {
    const state = calmVillage(4);
    const id = proposePriority(state, "p1");
    vote(state, "p2", id, "yes");
    vote(state, "p3", id, "no");
    expect(state.votes[id]!.status).toBe("open");
    vote(state, "p4", id, "yes");
    expect(state.votes[id]!.status).toBe("passed");
    expect(state.phase).toBe("action");
    expect(state.priorityProjectId).toBe(projectId(state, "selokan"));
  });
});

describe("a majority of households decides", () => {
  it("a tie is not a majority", () => {
    const state = calmVillage(4);
    const id = proposePriority(state, "p1");
    vote(state, "p2", id, "yes");
    vote(state, "p3", id, "no");
    vote(state, "p4", id, "no");
    expect(state.votes[id]!.status).toBe("failed");
    expect(state.priorityProjectId).toBeNull();
  });

  it("at night an open vote is counted with the votes cast: a majority of households passes it", () => {
    const state = calmVillage(5);
    const id = proposePriority(state, "p1");
    vote(state, "p2", id, "yes");
    vote(state, "p3", id, "yes");
    expect(state.votes[id]!.status).toBe("open");
    endPhase(state);
    expect(state.phase).toBe("night");
    expect(state.votes[id]!.status).toBe("passed");
    expect(state.priorityProjectId).toBe(projectId(state, "selokan"));
  });

  it("at night, yes from fewer than half the households fails even with no vote against", () => {
    const state = calmVillage(5);
    const id = proposePriority(state, "p1");
    vote(state, "p2", id, "yes");
    endPhase(state);
    expect(state.votes[id]!.status).toBe("failed");
    expect(state.priorityProjectId).toBeNull();
  });
});

describe("near-consensus (≥ CONSENSUS_SHARE of households agreeing) raises unity", () => {
  /** A priority vote in a village of 5: p1 proposes, and `yes` households in all vote yes, the rest no. */
  function voteOfFive(yes: number): { before: GameState["meters"]; after: GameState["meters"] } {
    const state = calmVillage(5);
    const before = { ...state.meters };
    const id = proposePriority(state, "p1");
    for (const [i, p] of ["p2", "p3", "p4", "p5"].entries()) vote(state, p, id, i + 2 <= yes ? "yes" : "no");
    expect(Object.values(state.votes[id]!.votes).filter((v) => v === "yes")).toHaveLength(yes);
    expect(state.votes[id]!.status).toBe("passed");
    return { before, after: state.meters };
  }

  it("the fewest households that make a near-consensus raise unity by CONSENSUS_UNITY", () => {
    const { before, after } = voteOfFive(Math.ceil(CONSENSUS_SHARE * 5));
    expect(after).toEqual(metersAfter(before, { unity: CONSENSUS_UNITY }));
  });

  it("a split vote passes without raising unity", () => {
    // A bare majority of five is not a near-consensus.
    expect(3).toBeLessThan(CONSENSUS_SHARE * 5);
    const { before, after } = voteOfFive(3);
    expect(after).toEqual(before);
  });
});

describe("the priority project", () => {
  /** The villagers finish the gutters together (nobody may do more than his share). */
  function cleanGutters(state: GameState): void {
    const gutters = projectId(state, "selokan");
    workInTurn(state, gutters, state.playerOrder);
    expect(state.projects[gutters]!.status).toBe("done");
  }

  it("finishing the project the village chose adds PRIORITY_UNITY", () => {
    const state = calmVillage(4);
    const id = proposePriority(state, "p1");
    vote(state, "p2", id, "yes");
    vote(state, "p3", id, "yes");
    vote(state, "p4", id, "no");
    expect(state.votes[id]!.status).toBe("passed");
    const meters = { ...state.meters };
    cleanGutters(state);
    expect(state.meters).toEqual(metersAfter(meters, PROJECTS.selokan.reward, { unity: PRIORITY_UNITY }));
  });

  it("finishing another project adds no priority unity", () => {
    const state = calmVillage(4);
    const id = proposePriority(state, "p1", "sekolah");
    vote(state, "p2", id, "yes");
    vote(state, "p3", id, "yes");
    vote(state, "p4", id, "no");
    const meters = { ...state.meters };
    cleanGutters(state);
    expect(state.meters).toEqual(metersAfter(meters, PROJECTS.selokan.reward));
  });
});

describe("a coalition votes as a bloc", () => {
  /** p1, p2 and p3 form a coalition (koalisi is open from season 1 in this village). */
  function withCoalition(): GameState {
    const state = calmVillage(5, true);
    must(state, "p1", { type: "proposeCoalition", goal: "pameranProduk" });
    const id = Object.keys(state.coalitions)[0]!;
    must(state, "p2", { type: "joinCoalition", coalitionId: id });
    must(state, "p3", { type: "joinCoalition", coalitionId: id });
    expect(state.coalitions[id]!.status).toBe("active");
    return state;
  }

  it("one member's vote is cast for the members who have not voted", () => {
    const state = withCoalition();
    const id = proposePriority(state, "p4");
    vote(state, "p2", id, "no");
    expect(state.votes[id]!.votes).toEqual({ p4: "yes", p1: "no", p2: "no", p3: "no" });
    expect(act(state, "p3", { type: "castVote", voteId: id, choice: "yes" })).toEqual({
      ok: false,
      error: ERROR_CODES.alreadyVoted,
    });
  });

  it("a member who voted before the coalition started keeps his own vote", () => {
    const state = calmVillage(5, true);
    must(state, "p1", { type: "proposeCoalition", goal: "pameranProduk" });
    const coalitionId = Object.keys(state.coalitions)[0]!;
    must(state, "p2", { type: "joinCoalition", coalitionId });
    const id = proposePriority(state, "p4");
    vote(state, "p2", id, "no");
    must(state, "p3", { type: "joinCoalition", coalitionId });
    vote(state, "p1", id, "yes");
    expect(state.votes[id]!.votes).toEqual({ p4: "yes", p2: "no", p1: "yes", p3: "yes" });
  });

  it("a member proposing brings the coalition's yes with him", () => {
    const state = withCoalition();
    const id = proposePriority(state, "p1");
    expect(state.votes[id]!.votes).toEqual({ p1: "yes", p2: "yes", p3: "yes" });
    // Three of five households: a majority even before the others vote.
    vote(state, "p4", id, "no");
    vote(state, "p5", id, "no");
    expect(state.votes[id]!.status).toBe("passed");
  });

  it("a coalition that has not started (two members) does not vote as a bloc", () => {
    const state = calmVillage(5, true);
    must(state, "p1", { type: "proposeCoalition", goal: "pameranProduk" });
    must(state, "p2", { type: "joinCoalition", coalitionId: Object.keys(state.coalitions)[0]! });
    const id = proposePriority(state, "p4");
    vote(state, "p1", id, "no");
    expect(state.votes[id]!.votes).toEqual({ p4: "yes", p1: "no" });
  });
});
