/**
 * Kooptasi: the tokoh pemuda arrives from outside, his unrest grows and drains harmony and he
 * protests, until a musyawarah gives him a place in the structure. The same vote can bring an idle
 * villager onto a project committee.
 */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CONFIG,
  ERROR_CODES,
  FORM_OPENS_IN_SEASON,
  type GameState,
  labourCapPerPlayer,
  ROLES,
  requiredVillagers,
  startGame,
  TOKOH,
  TOKOH_ID,
  type TokohPosition,
} from "../../shared/src/index.ts";
import {
  act,
  agreeRicePrice,
  calmSeasons,
  endPhase,
  must,
  player,
  projectId,
  setAllHands,
  supply,
  toAction,
  village,
  work,
} from "./helpers.ts";

/** The season the tokoh arrives when one new idea opens each season: with kooptasi. */
const ARRIVES = FORM_OPENS_IN_SEASON.kooptasi;
/** The first season his unrest has reached TOKOH.protestAt (it grows each night he is outside). */
const PROTESTS =
  ARRIVES + Math.max(0, Math.ceil((TOKOH.protestAt - TOKOH.startUnrest) / TOKOH.unrestPerSeason));
/** Seasons enough to watch him arrive, protest and protest again. */
const SEASONS = Math.max(DEFAULT_CONFIG.seasons, PROTESTS + 1, ARRIVES + 3);

/**
 * A calm, well-fed village of 4 at the start of season 1 (default: one new idea per season). Its harga
 * gabah is settled (as if agreed at the harvest), so the harvest night costs no harmony
 * (RICE_TALK_FAILED): the tokoh is the only one who moves harmony, and the village lives to his protests.
 */
function calmVillage(openAllForms = false): GameState {
  const state = village(4, { config: { openAllForms, seasons: SEASONS } });
  calmSeasons(state);
  startGame(state, 0);
  setAllHands(state, { beras: 30, kayu: 10, batu: 10, uang: 10 });
  agreeRicePrice(state);
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
  it("the tokoh arrives when kooptasi opens, with TOKOH.startUnrest", () => {
    const state = calmVillage();
    toWarning(state, ARRIVES - 1);
    expect(state.tokoh.status).toBe("absent");
    toWarning(state, ARRIVES);
    expect(state.tokoh).toMatchObject({ status: "outside", unrest: TOKOH.startUnrest });
    expect(state.news.some((n) => n.what.key === "news.tokohArrives" && n.season === ARRIVES)).toBe(true);
  });

  it("with every form open he arrives in season TOKOH.earlyArrivalSeason", () => {
    const state = calmVillage(true);
    expect(TOKOH.earlyArrivalSeason).toBeLessThan(ARRIVES);
    toWarning(state, TOKOH.earlyArrivalSeason - 1);
    expect(state.tokoh.status).toBe("absent");
    toWarning(state, TOKOH.earlyArrivalSeason);
    expect(state.tokoh).toMatchObject({ status: "outside", unrest: TOKOH.startUnrest });
  });
});

describe("unrest", () => {
  it("unrest rises every season until the tokoh is co-opted and stays flat after", () => {
    const state = calmVillage();
    toAction(state, ARRIVES);
    expect(state.tokoh.unrest).toBe(TOKOH.startUnrest);
    toAction(state, ARRIVES + 1);
    expect(state.tokoh.unrest).toBe(TOKOH.startUnrest + TOKOH.unrestPerSeason);
    cooptTokoh(state, "sekolah");
    expect(state.tokoh.status).toBe("coopted");
    const flat = state.tokoh.unrest;
    for (const season of [ARRIVES + 2, ARRIVES + 3]) {
      toAction(state, season);
      expect(state.tokoh.unrest).toBe(flat);
    }
  });

  it("unrest drains harmony each night (unrest / harmonyDrainDivisor)", () => {
    const state = calmVillage();
    toAction(state, ARRIVES);
    const harmony = state.meters.harmony;
    endPhase(state);
    expect(state.phase).toBe("night");
    expect(state.meters.harmony).toBe(harmony - Math.floor(TOKOH.startUnrest / TOKOH.harmonyDrainDivisor));
  });

  it("the drain grows with his unrest, night after night while he stays outside", () => {
    const state = calmVillage();
    for (let season = ARRIVES; season <= PROTESTS; season++) {
      toAction(state, season);
      const unrest = TOKOH.startUnrest + (season - ARRIVES) * TOKOH.unrestPerSeason;
      expect(state.tokoh.unrest).toBe(unrest);
      const harmony = state.meters.harmony;
      endPhase(state);
      expect(state.meters.harmony, `night ${season}`).toBe(
        harmony - Math.floor(unrest / TOKOH.harmonyDrainDivisor),
      );
    }
  });

  it("a co-opted tokoh drains no harmony", () => {
    const state = calmVillage();
    toAction(state, ARRIVES);
    cooptTokoh(state, "sekolah");
    const harmony = state.meters.harmony;
    endPhase(state);
    expect(state.meters.harmony).toBe(harmony);
  });

  it("his demand (tuntutanTokoh) adds TOKOH.demandUnrest while he is outside", () => {
    const state = calmVillage();
    state.events[ARRIVES + 1] = "tuntutanTokoh";
    toWarning(state, ARRIVES + 1);
    const unrest = state.tokoh.unrest;
    endPhase(state); // the demand strikes as the action window opens
    expect(state.tokoh.unrest).toBe(unrest + TOKOH.demandUnrest);
    expect(state.news.at(-1)!.what.key).toBe("news.tuntutanTokoh");
  });

  it("his demand adds nothing once he is co-opted", () => {
    const state = calmVillage();
    state.events[ARRIVES + 1] = "tuntutanTokoh";
    toAction(state, ARRIVES);
    cooptTokoh(state, "sekolah");
    toWarning(state, ARRIVES + 1);
    const unrest = state.tokoh.unrest;
    endPhase(state);
    expect(state.tokoh.unrest).toBe(unrest);
    expect(state.news.at(-1)!.what.key).toBe("news.tuntutanTokohHeard");
  });
});

describe("the protest", () => {
  /** The first season unrest reached TOKOH.protestAt; the school has the most labour. */
  function protesting(): GameState {
    const state = calmVillage();
    toAction(state, ARRIVES);
    must(state, "p1", work(projectId(state, "sekolah"), 2));
    must(state, "p2", work(projectId(state, "selokan"), 1));
    toAction(state, PROTESTS);
    expect(state.tokoh.unrest).toBeGreaterThanOrEqual(TOKOH.protestAt);
    return state;
  }

  it("below TOKOH.protestAt he blocks nothing: not when he arrives, nor until his unrest reaches it", () => {
    // He does not protest the moment he arrives: the village has time to co-opt him.
    expect(TOKOH.startUnrest).toBeLessThan(TOKOH.protestAt);
    const state = calmVillage();
    for (let season = ARRIVES; season < PROTESTS; season++) {
      toAction(state, season);
      expect(state.tokoh.unrest).toBeLessThan(TOKOH.protestAt);
      expect(state.tokoh.blockedProjectId).toBeNull();
    }
  });

  it("at unrest ≥ TOKOH.protestAt he blocks the open project with the most labour for the season", () => {
    const state = protesting();
    const school = projectId(state, "sekolah");
    const labour = state.projects[school]!.labour;
    expect(state.tokoh.blockedProjectId).toBe(school);
    expect(act(state, "p3", work(school, 1))).toEqual({ ok: false, error: ERROR_CODES.projectBlocked });
    expect(act(state, "p3", supply(school, { kayu: 1 }))).toEqual({
      ok: false,
      error: ERROR_CODES.projectBlocked,
    });
    expect(state.projects[school]!.labour).toBe(labour);
    // Other projects go on.
    expect(act(state, "p3", work(projectId(state, "selokan"), 1)).ok).toBe(true);
  });

  it("the protest is chosen afresh each season: it follows the project with the most labour", () => {
    const state = protesting();
    const gutters = projectId(state, "selokan");
    must(state, "p3", work(gutters, 1));
    must(state, "p4", work(gutters, 1));
    expect(state.projects[gutters]!.labour).toBeGreaterThan(
      state.projects[projectId(state, "sekolah")]!.labour,
    );
    expect(state.projects[gutters]!.status).toBe("open");
    toAction(state, PROTESTS + 1);
    expect(state.tokoh.blockedProjectId).toBe(gutters);
  });

  it("co-opting him ends the protest at once", () => {
    const state = protesting();
    const school = projectId(state, "sekolah");
    cooptTokoh(state, "jembatan");
    expect(state.tokoh.blockedProjectId).toBeNull();
    expect(act(state, "p3", work(school, 1)).ok).toBe(true);
    toAction(state, PROTESTS + 1);
    expect(state.tokoh.blockedProjectId).toBeNull();
  });
});

describe("co-opting the tokoh", () => {
  it("a passed cooptTokoh vote gives him his position and project, and logs kooptasi with the yes-voters", () => {
    const state = calmVillage();
    toAction(state, ARRIVES);
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
      season: ARRIVES,
      what: { key: "coop.cooptTokoh", params: { position: "penasihat", project: "sekolah" } },
    });
    expect([...entry.actors].sort()).toEqual(["p1", "p2", "p4"]);
  });

  it("a failed vote leaves him outside", () => {
    const state = calmVillage();
    toAction(state, ARRIVES);
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
    toAction(state, ARRIVES);
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
    toAction(state, ARRIVES);
    const school = projectId(state, "sekolah");
    cooptTokoh(state, "sekolah");
    expect(state.projects[school]!.labour).toBe(0);
    endPhase(state); // night
    const welfare = state.meters.welfare;
    endPhase(state); // the next season begins
    // His labour counts within the same per-villager cap as anyone's.
    const labour = Math.min(TOKOH.labourWhenCoopted, labourCapPerPlayer(state, state.projects[school]!));
    expect(labour).toBeGreaterThan(0);
    expect(state.projects[school]!.labourBy[TOKOH_ID]).toBe(labour);
    expect(state.projects[school]!.labour).toBe(labour);
    expect(TOKOH.shareWelfare).toBeLessThan(0);
    expect(state.meters.welfare).toBe(welfare + TOKOH.shareWelfare);
  });

  it("the co-opted tokoh counts as a labourer: one villager too few and he finish the gutters", () => {
    const state = calmVillage();
    toAction(state, ARRIVES);
    const gutters = projectId(state, "selokan");
    const project = state.projects[gutters]!;
    cooptTokoh(state, "selokan");
    const villagers = state.playerOrder.slice(0, requiredVillagers(state, project) - 1);
    for (const p of villagers) must(state, p, work(gutters, player(state, p).tenaga));
    expect(project.status).toBe("open");
    // From the next season on he adds his labour until it is done.
    for (let season = ARRIVES + 1; project.status === "open" && season <= SEASONS; season++)
      toWarning(state, season);
    expect(project.status).toBe("done");
    expect(project.helpers).toEqual([...villagers, TOKOH_ID]);
  });

  it("proposing to co-opt him before kooptasi is open is formNotOpenYet", () => {
    const state = calmVillage();
    toAction(state, ARRIVES - 1);
    expect(
      act(state, "p1", {
        type: "proposeVote",
        topic: "cooptTokoh",
        projectId: projectId(state, "sekolah"),
        position: "pembina",
      }),
    ).toEqual({ ok: false, error: ERROR_CODES.formNotOpenYet, params: { season: ARRIVES } });
  });

  it("he can be co-opted only while he is outside", () => {
    const state = calmVillage(true);
    toAction(state, TOKOH.earlyArrivalSeason - 1);
    expect(state.tokoh.status).toBe("absent");
    const propose = {
      type: "proposeVote",
      topic: "cooptTokoh",
      projectId: projectId(state, "sekolah"),
      position: "pembina",
    } as const;
    expect(act(state, "p1", propose)).toEqual({ ok: false, error: ERROR_CODES.tokohNotOutside });
    toAction(state, TOKOH.earlyArrivalSeason);
    cooptTokoh(state, "sekolah");
    expect(act(state, "p1", propose)).toEqual({ ok: false, error: ERROR_CODES.tokohNotOutside });
  });
});

describe("co-opting an idle villager onto a project committee", () => {
  it("a passed cooptPlayer vote puts him on the committee and logs kooptasi", () => {
    const state = calmVillage();
    toAction(state, ARRIVES);
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
    toAction(state, ARRIVES);
    const bridge = projectId(state, "jembatan");
    const school = projectId(state, "sekolah");
    must(state, "p1", { type: "proposeVote", topic: "cooptPlayer", projectId: bridge, playerId: "p2" });
    const vote = Object.values(state.votes).at(-1)!;
    for (const p of ["p2", "p3", "p4"]) must(state, p, { type: "castVote", voteId: vote.id, choice: "yes" });
    const tenaga = state.players.p2!.tenaga;
    const perTenaga = ROLES[player(state, "p2").role].labourPerTenaga;
    must(state, "p2", work(bridge, 1));
    expect(state.projects[bridge]!.labourBy.p2).toBe(perTenaga + 1);
    expect(state.players.p2!.tenaga).toBe(tenaga - 1);
    // Elsewhere a penebang's tenaga counts as usual.
    must(state, "p2", work(school, 1));
    expect(state.projects[school]!.labourBy.p2).toBe(perTenaga);
  });

  it("a villager who already contributed is not idle", () => {
    const state = calmVillage();
    toAction(state, ARRIVES);
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

  it("co-opting a villager is kooptasi too: not before kooptasi opens", () => {
    const state = calmVillage();
    toAction(state, ARRIVES - 1);
    expect(
      act(state, "p1", {
        type: "proposeVote",
        topic: "cooptPlayer",
        projectId: projectId(state, "jembatan"),
        playerId: "p4",
      }),
    ).toEqual({ ok: false, error: ERROR_CODES.formNotOpenYet, params: { season: ARRIVES } });
  });

  it("the villager must exist", () => {
    const state = calmVillage();
    toAction(state, ARRIVES);
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
