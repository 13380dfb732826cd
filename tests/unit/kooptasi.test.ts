/**
 * Kooptasi: the tokoh pemuda arrives from outside, his unrest grows and drains harmony and he
 * protests, until a musyawarah gives him a place in the structure. The same vote can bring an idle
 * villager onto a project committee.
 */
import { describe, expect, it } from "vitest";
import {
  ERROR_CODES,
  FORM_OPENS_IN_SEASON,
  type GameState,
  startGame,
  TOKOH,
  TOKOH_ID,
  type TokohPosition,
} from "../../shared/src/index.ts";
import {
  act,
  calmSeasons,
  endPhase,
  must,
  projectId,
  setAllHands,
  supply,
  toAction,
  village,
  work,
} from "./helpers.ts";

/** A calm, well-fed village of 4 in the lobby (default: one new idea per season). */
function calmVillage(openAllForms = false): GameState {
  const state = village(4, { config: { openAllForms } });
  calmSeasons(state);
  startGame(state, 0);
  setAllHands(state, { beras: 30, kayu: 10, batu: 10, uang: 10 });
  return state;
}

/** Move to the warning phase of `season` (the tokoh's season-start effects have just happened). */
function toWarning(state: GameState, season: number): void {
  while (!(state.season === season && state.phase === "warning")) endPhase(state);
}

/** Propose co-opting the tokoh; the others vote yes; returns the vote. */
function cooptTokoh(
  state: GameState,
  kind: "selokan" | "sekolah" | "jembatan",
  position: TokohPosition = "pembina",
) {
  must(state, "p1", {
    type: "proposeVote",
    topic: "cooptTokoh",
    projectId: projectId(state, kind),
    position,
  });
  const vote = Object.values(state.votes).at(-1)!;
  for (const p of ["p2", "p3", "p4"]) must(state, p, { type: "castVote", voteId: vote.id, choice: "yes" });
  return vote;
}

describe("the tokoh pemuda arrives", () => {
  it("the tokoh arrives in season 3 with TOKOH.startUnrest", () => {
    const state = calmVillage();
    toWarning(state, 2);
    expect(state.tokoh.status).toBe("absent");
    toWarning(state, FORM_OPENS_IN_SEASON.kooptasi);
    expect(state.tokoh).toMatchObject({ status: "outside", unrest: TOKOH.startUnrest });
    expect(state.news.some((n) => n.what.key === "news.tokohArrives" && n.season === 3)).toBe(true);
  });

  it("with every form open he arrives in season 2", () => {
    const state = calmVillage(true);
    toWarning(state, 2);
    expect(state.tokoh).toMatchObject({ status: "outside", unrest: TOKOH.startUnrest });
  });
});

describe("unrest", () => {
  it("unrest rises every season until the tokoh is co-opted and stays flat after", () => {
    const state = calmVillage();
    toAction(state, 3);
    expect(state.tokoh.unrest).toBe(TOKOH.startUnrest);
    toAction(state, 4);
    expect(state.tokoh.unrest).toBe(TOKOH.startUnrest + TOKOH.unrestPerSeason);
    cooptTokoh(state, "sekolah");
    expect(state.tokoh.status).toBe("coopted");
    const flat = state.tokoh.unrest;
    for (const season of [5, 6]) {
      toAction(state, season);
      expect(state.tokoh.unrest).toBe(flat);
    }
  });

  it("unrest drains harmony each night (unrest / harmonyDrainDivisor)", () => {
    const state = calmVillage();
    toAction(state, 3);
    const harmony = state.meters.harmony;
    endPhase(state);
    expect(state.phase).toBe("night");
    expect(state.meters.harmony).toBe(harmony - Math.floor(TOKOH.startUnrest / TOKOH.harmonyDrainDivisor));
  });

  it("a co-opted tokoh drains no harmony", () => {
    const state = calmVillage();
    toAction(state, 3);
    cooptTokoh(state, "sekolah");
    const harmony = state.meters.harmony;
    endPhase(state);
    expect(state.meters.harmony).toBe(harmony);
  });

  it("his demand (tuntutanTokoh) adds TOKOH.demandUnrest while he is outside", () => {
    const state = calmVillage();
    state.events[4] = "tuntutanTokoh";
    toWarning(state, 4);
    const unrest = state.tokoh.unrest;
    endPhase(state); // the demand strikes as the action window opens
    expect(state.tokoh.unrest).toBe(unrest + TOKOH.demandUnrest);
    expect(state.news.at(-1)!.what.key).toBe("news.tuntutanTokoh");
  });

  it("his demand adds nothing once he is co-opted", () => {
    const state = calmVillage();
    state.events[4] = "tuntutanTokoh";
    toAction(state, 3);
    cooptTokoh(state, "sekolah");
    toWarning(state, 4);
    const unrest = state.tokoh.unrest;
    endPhase(state);
    expect(state.tokoh.unrest).toBe(unrest);
    expect(state.news.at(-1)!.what.key).toBe("news.tuntutanTokohHeard");
  });
});

describe("the protest", () => {
  /** Season 5: unrest reached TOKOH.protestAt; the school has the most labour. */
  function protesting(): GameState {
    const state = calmVillage();
    toAction(state, 3);
    must(state, "p1", work(projectId(state, "sekolah"), 2));
    must(state, "p2", work(projectId(state, "selokan"), 1));
    toAction(state, 5);
    expect(state.tokoh.unrest).toBeGreaterThanOrEqual(TOKOH.protestAt);
    return state;
  }

  it("below TOKOH.protestAt he blocks nothing", () => {
    const state = calmVillage();
    toAction(state, 4);
    expect(state.tokoh.unrest).toBeLessThan(TOKOH.protestAt);
    expect(state.tokoh.blockedProjectId).toBeNull();
  });

  it("at unrest ≥ TOKOH.protestAt he blocks the open project with the most labour for the season", () => {
    const state = protesting();
    const school = projectId(state, "sekolah");
    expect(state.tokoh.blockedProjectId).toBe(school);
    expect(act(state, "p3", work(school, 1))).toEqual({ ok: false, error: ERROR_CODES.projectBlocked });
    expect(act(state, "p3", supply(school, { kayu: 1 }))).toEqual({
      ok: false,
      error: ERROR_CODES.projectBlocked,
    });
    expect(state.projects[school]!.labour).toBe(2);
    // Other projects go on.
    expect(act(state, "p3", work(projectId(state, "selokan"), 1)).ok).toBe(true);
  });

  it("the protest is chosen afresh each season: it follows the project with the most labour", () => {
    const state = protesting();
    const gutters = projectId(state, "selokan");
    must(state, "p3", work(gutters, 2));
    must(state, "p4", work(gutters, 1));
    toAction(state, 6);
    expect(state.tokoh.blockedProjectId).toBe(gutters);
  });

  it("co-opting him ends the protest at once", () => {
    const state = protesting();
    const school = projectId(state, "sekolah");
    cooptTokoh(state, "jembatan");
    expect(state.tokoh.blockedProjectId).toBeNull();
    expect(act(state, "p3", work(school, 1)).ok).toBe(true);
    toAction(state, 6);
    expect(state.tokoh.blockedProjectId).toBeNull();
  });
});

describe("co-opting the tokoh", () => {
  it("a passed cooptTokoh vote gives him his position and project, and logs kooptasi with the yes-voters", () => {
    const state = calmVillage();
    toAction(state, 3);
    const school = projectId(state, "sekolah");
    must(state, "p2", { type: "proposeVote", topic: "cooptTokoh", projectId: school, position: "penasihat" });
    const vote = Object.values(state.votes).at(-1)!;
    must(state, "p1", { type: "castVote", voteId: vote.id, choice: "yes" });
    must(state, "p3", { type: "castVote", voteId: vote.id, choice: "no" });
    must(state, "p4", { type: "castVote", voteId: vote.id, choice: "yes" });
    expect(vote.status).toBe("passed");
    expect(state.tokoh).toMatchObject({ status: "coopted", position: "penasihat", projectId: school });
    const entry = state.log.at(-1)!;
    expect(entry).toMatchObject({
      form: "kooptasi",
      season: 3,
      what: { key: "coop.cooptTokoh", params: { position: "penasihat", project: "sekolah" } },
    });
    expect([...entry.actors].sort()).toEqual(["p1", "p2", "p4"]);
  });

  it("a failed vote leaves him outside", () => {
    const state = calmVillage();
    toAction(state, 3);
    must(state, "p1", {
      type: "proposeVote",
      topic: "cooptTokoh",
      projectId: projectId(state, "sekolah"),
      position: "pembina",
    });
    const vote = Object.values(state.votes).at(-1)!;
    for (const p of ["p2", "p3", "p4"]) must(state, p, { type: "castVote", voteId: vote.id, choice: "no" });
    expect(vote.status).toBe("failed");
    expect(state.tokoh.status).toBe("outside");
    expect(state.log.some((e) => e.form === "kooptasi")).toBe(false);
  });

  it("co-opting needs a position (penasihat or pembina)", () => {
    const state = calmVillage();
    toAction(state, 3);
    expect(
      act(state, "p1", { type: "proposeVote", topic: "cooptTokoh", projectId: projectId(state, "sekolah") }),
    ).toEqual({ ok: false, error: ERROR_CODES.badVoteTopic });
    expect(act(state, "p1", { type: "proposeVote", topic: "cooptTokoh", position: "pembina" })).toEqual({
      ok: false,
      error: ERROR_CODES.unknownProject,
    });
    expect(Object.keys(state.votes)).toHaveLength(0);
  });

  it("from the next season he adds TOKOH.labourWhenCoopted labour to his project and takes his small share", () => {
    const state = calmVillage();
    toAction(state, 3);
    const school = projectId(state, "sekolah");
    cooptTokoh(state, "sekolah");
    expect(state.projects[school]!.labour).toBe(0);
    endPhase(state); // night
    const welfare = state.meters.welfare;
    endPhase(state); // season 4 begins
    expect(state.projects[school]!.labourBy[TOKOH_ID]).toBe(TOKOH.labourWhenCoopted);
    expect(state.projects[school]!.labour).toBe(TOKOH.labourWhenCoopted);
    expect(state.meters.welfare).toBe(welfare + TOKOH.shareWelfare);
  });

  it("the co-opted tokoh counts as a labourer: two villagers and he finish the gutters", () => {
    const state = calmVillage();
    toAction(state, 3);
    const gutters = projectId(state, "selokan");
    cooptTokoh(state, "selokan");
    must(state, "p1", work(gutters, 2));
    must(state, "p2", work(gutters, 2));
    expect(state.projects[gutters]!.status).toBe("open");
    toWarning(state, 4);
    expect(state.projects[gutters]!.status).toBe("done");
    expect(state.projects[gutters]!.helpers).toEqual(["p1", "p2", TOKOH_ID]);
  });

  it("proposing to co-opt him before kooptasi is open is formNotOpenYet", () => {
    const state = calmVillage();
    toAction(state, 2);
    expect(
      act(state, "p1", {
        type: "proposeVote",
        topic: "cooptTokoh",
        projectId: projectId(state, "sekolah"),
        position: "pembina",
      }),
    ).toEqual({ ok: false, error: ERROR_CODES.formNotOpenYet, params: { season: 3 } });
  });

  it("he can be co-opted only while he is outside", () => {
    const state = calmVillage(true);
    toAction(state, 1);
    expect(state.tokoh.status).toBe("absent");
    const propose = {
      type: "proposeVote",
      topic: "cooptTokoh",
      projectId: projectId(state, "sekolah"),
      position: "pembina",
    } as const;
    expect(act(state, "p1", propose)).toEqual({ ok: false, error: ERROR_CODES.tokohNotOutside });
    toAction(state, 2);
    cooptTokoh(state, "sekolah");
    expect(act(state, "p1", propose)).toEqual({ ok: false, error: ERROR_CODES.tokohNotOutside });
  });
});

describe("co-opting an idle villager onto a project committee", () => {
  it("a passed cooptPlayer vote puts him on the committee and logs kooptasi", () => {
    const state = calmVillage();
    toAction(state, 3);
    const bridge = projectId(state, "jembatan");
    must(state, "p1", { type: "proposeVote", topic: "cooptPlayer", projectId: bridge, playerId: "p4" });
    const vote = Object.values(state.votes).at(-1)!;
    for (const p of ["p2", "p3", "p4"]) must(state, p, { type: "castVote", voteId: vote.id, choice: "yes" });
    expect(vote.status).toBe("passed");
    expect(state.committees[bridge]).toEqual(["p4"]);
    const entry = state.log.at(-1)!;
    expect(entry).toMatchObject({
      form: "kooptasi",
      what: { key: "coop.cooptPlayer", params: { name: "Dewi", project: "jembatan" } },
    });
    expect(entry.actors[0]).toBe("p4");
    expect([...entry.actors].sort()).toEqual(["p1", "p2", "p3", "p4"]);
  });

  it("on the committee his labour there counts one more per tenaga", () => {
    const state = calmVillage();
    toAction(state, 3);
    const bridge = projectId(state, "jembatan");
    const school = projectId(state, "sekolah");
    must(state, "p1", { type: "proposeVote", topic: "cooptPlayer", projectId: bridge, playerId: "p2" });
    const vote = Object.values(state.votes).at(-1)!;
    for (const p of ["p2", "p3", "p4"]) must(state, p, { type: "castVote", voteId: vote.id, choice: "yes" });
    const tenaga = state.players.p2!.tenaga;
    must(state, "p2", work(bridge, 1));
    expect(state.projects[bridge]!.labourBy.p2).toBe(2);
    expect(state.players.p2!.tenaga).toBe(tenaga - 1);
    // Elsewhere a penebang's tenaga is still one unit.
    must(state, "p2", work(school, 1));
    expect(state.projects[school]!.labourBy.p2).toBe(1);
  });

  it("a villager who already contributed is not idle", () => {
    const state = calmVillage();
    toAction(state, 3);
    must(state, "p4", work(projectId(state, "selokan"), 1));
    expect(
      act(state, "p1", {
        type: "proposeVote",
        topic: "cooptPlayer",
        projectId: projectId(state, "jembatan"),
        playerId: "p4",
      }),
    ).toEqual({ ok: false, error: ERROR_CODES.playerNotIdle, params: { name: "Dewi" } });
  });

  it("co-opting a villager is kooptasi too: not before season 3", () => {
    const state = calmVillage();
    toAction(state, 2);
    expect(
      act(state, "p1", {
        type: "proposeVote",
        topic: "cooptPlayer",
        projectId: projectId(state, "jembatan"),
        playerId: "p4",
      }),
    ).toEqual({ ok: false, error: ERROR_CODES.formNotOpenYet, params: { season: 3 } });
  });

  it("the villager must exist", () => {
    const state = calmVillage();
    toAction(state, 3);
    expect(
      act(state, "p1", {
        type: "proposeVote",
        topic: "cooptPlayer",
        projectId: projectId(state, "jembatan"),
        playerId: "nobody",
      }),
    ).toEqual({ ok: false, error: ERROR_CODES.unknownPlayer });
  });
});
