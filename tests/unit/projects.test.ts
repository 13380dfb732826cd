import { describe, expect, it } from "vitest";
import {
  DAMAGED_HOUSE_TENAGA_PENALTY,
  ERROR_CODES,
  FOOD_PER_HOUSEHOLD,
  type GameState,
  IGNORED_MUSIBAH,
  isBuilt,
  labourCapPerPlayer,
  labourers,
  MIN_TENAGA,
  newProject,
  PROJECT_KINDS,
  PROJECTS,
  projectStage,
  REFERENCE_HOUSEHOLDS,
  RESOURCES,
  ROLES,
  requiredVillagers,
  sizedProject,
} from "../../shared/src/index.ts";
import {
  act,
  calmSeasons,
  endPhase,
  handOf,
  metersAfter,
  must,
  player,
  projectId,
  setAllHands,
  setHand,
  supply,
  supplyAll,
  toAction,
  village,
  villageAt,
  work,
  workInTurn,
} from "./helpers.ts";

/** Seasons in these villages: enough for the bridge's labour however its season cap is tuned. */
const SEASONS = 12;
/** Plenty of food for those seasons, and materials for any one project. */
const RICH = { beras: 2 * SEASONS * FOOD_PER_HOUSEHOLD, kayu: 10, batu: 10, uang: 5 };

/** A calm village of `n` in season 1's action window; every household has plenty of food and materials. */
function richVillage(n = 5): GameState {
  const state = villageAt(n, 1, { config: { seasons: SEASONS } });
  calmSeasons(state);
  setAllHands(state, RICH);
  return state;
}

/** Give the bridge every resource it needs, so only labour is left. */
function supplyBridge(state: GameState, from = "p1"): string {
  const id = projectId(state, "jembatan");
  supplyAll(state, id, from);
  return id;
}

/**
 * For scenarios that run many seasons: the tokoh pemuda is seated on the school's committee from
 * the start, so his protest (which blocks the open project with the most labour) never blocks the bridge.
 */
function tokohOnTheSchool(state: GameState): void {
  state.tokoh = {
    status: "coopted",
    unrest: 0,
    position: "penasihat",
    projectId: projectId(state, "sekolah"),
    blockedProjectId: null,
  };
}

/** A village where a musibah struck season 1: returns the owner of the damaged house and the rumah project. */
function afterMusibah(): { state: GameState; owner: string; rumah: string } {
  const state = village(5, { config: { seasons: SEASONS } });
  calmSeasons(state);
  state.events[1] = "musibah";
  toAction(state, 1);
  setAllHands(state, RICH);
  const owner = state.playerOrder.find((id) => player(state, id).houseDamaged);
  if (!owner) throw new Error("the musibah struck no house");
  return { state, owner, rumah: projectId(state, "rumah") };
}

describe("gotong royong projects", () => {
  it("the village starts with the gutters, the school, the koperasi and the bridge open", () => {
    const state = village(3);
    expect(Object.values(state.projects).map((p) => [p.kind, p.status])).toEqual([
      ["selokan", "open"],
      ["sekolah", "open"],
      ["koperasi", "open"],
      ["jembatan", "open"],
    ]);
  });

  it("no project can be finished by fewer villagers than it needs, and it can be finished by them", () => {
    for (const seats of [3, 4, 5, 6]) {
      const state = village(seats);
      const projects = [
        ...Object.values(state.projects),
        newProject(state, "rumah", state.playerOrder[0]!, state.season + 1),
      ];
      for (const project of projects) {
        const needed = requiredVillagers(state, project);
        const cap = labourCapPerPlayer(state, project);
        expect(needed, `${project.kind} in ${seats}`).toBeLessThanOrEqual(seats);
        expect(cap * (needed - 1), `${project.kind} in ${seats}`).toBeLessThan(project.labourNeeded);
        expect(cap * needed, `${project.kind} in ${seats}`).toBeGreaterThanOrEqual(project.labourNeeded);
      }
    }
  });

  it("projects are sized to the village: the design's numbers for five households, scaled for others", () => {
    for (const kind of PROJECT_KINDS) {
      const five = village(REFERENCE_HOUSEHOLDS);
      const at5 =
        Object.values(five.projects).find((p) => p.kind === kind) ?? newProject(five, kind, null, null);
      expect(at5.needs).toEqual(PROJECTS[kind].needs);
      expect(at5.labourNeeded).toBe(PROJECTS[kind].labour);
      expect(at5.labourCapPerSeason).toBe(PROJECTS[kind].labourCapPerSeason);
    }
    const small = sizedProject("jembatan", 3);
    const big = sizedProject("jembatan", 6);
    for (const r of RESOURCES) {
      expect(small.needs[r] ?? 0).toBeLessThanOrEqual(PROJECTS.jembatan.needs[r] ?? 0);
      expect(big.needs[r] ?? 0).toBeGreaterThanOrEqual(PROJECTS.jembatan.needs[r] ?? 0);
    }
    expect(small.labour).toBeLessThan(PROJECTS.jembatan.labour);
    expect(big.labour).toBeGreaterThan(PROJECTS.jembatan.labour);
  });

  it("a village of 3 households builds the bridge with all three", () => {
    const state = village(3);
    const bridge = Object.values(state.projects).find((p) => p.kind === "jembatan")!;
    expect(requiredVillagers(state, bridge)).toBe(3);
    expect(labourCapPerPlayer(state, bridge) * 3).toBeGreaterThanOrEqual(bridge.labourNeeded);
  });

  it("the bridge cannot be finished by fewer villagers than its minVillagers", () => {
    const state = richVillage();
    tokohOnTheSchool(state);
    const id = supplyBridge(state);
    const bridge = state.projects[id]!;
    const needed = requiredVillagers(state, bridge);
    expect(needed).toBe(Math.min(PROJECTS.jembatan.minVillagers, state.playerOrder.length));
    const cap = labourCapPerPlayer(state, bridge);
    const few = state.playerOrder.slice(0, needed - 1);
    const last = state.playerOrder[needed - 1]!;
    // Season after season, one villager too few give all the labour they may.
    for (let season = 1; few.some((p) => (bridge.labourBy[p] ?? 0) < cap); season++) {
      toAction(state, season);
      for (const p of few) act(state, p, work(id, player(state, p).tenaga));
    }
    expect(bridge.status).toBe("open");
    expect(bridge.labour).toBe(few.length * cap);
    expect(bridge.labour).toBeLessThan(PROJECTS.jembatan.labour);
    expect(bridge.labourBy).toEqual(Object.fromEntries(few.map((p) => [p, cap])));
    // In a fresh season (so the season's cap is not the reason) they may give no more.
    toAction(state, state.season + 1);
    expect(act(state, few[0]!, work(id, 1))).toEqual({
      ok: false,
      error: ERROR_CODES.labourCapReached,
      params: { cap },
    });
    // One more villager finishes it.
    for (;;) {
      must(state, last, work(id, player(state, last).tenaga));
      if (bridge.status !== "open") break;
      toAction(state, state.season + 1);
    }
    expect(bridge.status).toBe("done");
    expect(labourers(bridge)).toBe(needed);
  });

  it("the gutters need their minVillagers villagers", () => {
    const state = richVillage();
    const id = projectId(state, "selokan");
    const gutters = state.projects[id]!;
    const needed = requiredVillagers(state, gutters);
    expect(needed).toBe(Math.min(PROJECTS.selokan.minVillagers, state.playerOrder.length));
    const cap = labourCapPerPlayer(state, gutters);
    const few = state.playerOrder.slice(0, needed - 1);
    for (const p of few) must(state, p, work(id, player(state, p).tenaga));
    expect(gutters.labour).toBe(few.length * cap);
    expect(gutters.status).toBe("open");
    const before = structuredClone(state);
    expect(act(state, "p1", work(id, 1))).toMatchObject({ ok: false, error: ERROR_CODES.labourCapReached });
    expect(state).toEqual(before);
    const last = state.playerOrder[needed - 1]!;
    must(state, last, work(id, player(state, last).tenaga));
    expect(gutters.status).toBe("done");
    expect(gutters.doneSeason).toBe(1);
  });

  it("the bridge takes at least 2 seasons: the village may give it only labourCapPerSeason labour a season", () => {
    const seasonCap = PROJECTS.jembatan.labourCapPerSeason;
    expect(seasonCap).not.toBeNull();
    expect(PROJECTS.jembatan.labour).toBeGreaterThan(seasonCap!);
    const state = richVillage();
    tokohOnTheSchool(state);
    const id = supplyBridge(state);
    const bridge = state.projects[id]!;
    // The villagers, in seat order, give all they may this season.
    const gave = workInTurn(state, id, state.playerOrder);
    expect(bridge.labourThisSeason).toBe(seasonCap);
    expect(bridge.status).toBe("open");
    const idle = state.playerOrder.find((p) => !gave.includes(p))!;
    const before = structuredClone(state);
    expect(act(state, idle, work(id, 1))).toEqual({ ok: false, error: ERROR_CODES.seasonLabourCapReached });
    expect(state).toEqual(before);
    for (let season = 2; bridge.status === "open"; season++) {
      toAction(state, season);
      expect(bridge.labourThisSeason).toBe(0);
      workInTurn(state, id, state.playerOrder);
      expect(bridge.labourThisSeason).toBeLessThanOrEqual(seasonCap!);
    }
    expect(bridge).toMatchObject({
      status: "done",
      doneSeason: Math.ceil(PROJECTS.jembatan.labour / seasonCap!),
      labour: PROJECTS.jembatan.labour,
    });
  });

  it("a tukang's tenaga counts ROLES.tukang.labourPerTenaga times", () => {
    expect(ROLES.tukang.labourPerTenaga).toBeGreaterThan(1);
    const state = richVillage();
    expect(player(state, "p4").role).toBe("tukang");
    // The open project with the most room for one villager's labour.
    const project = Object.values(state.projects).sort(
      (a, b) => labourCapPerPlayer(state, b) - labourCapPerPlayer(state, a),
    )[0]!;
    const labour = Math.min(ROLES.tukang.labourPerTenaga, labourCapPerPlayer(state, project));
    must(state, "p4", work(project.id, 1));
    expect(project.labour).toBe(labour);
    expect(project.labourBy.p4).toBe(labour);
    expect(player(state, "p4").tenaga).toBe(state.config.tenagaPerSeason - 1);
  });

  it("labour beyond what a villager may still give costs no tenaga", () => {
    const state = richVillage();
    const koperasi = projectId(state, "koperasi");
    const koperasiCap = labourCapPerPlayer(state, state.projects[koperasi]!);
    const perTenaga = ROLES.tukang.labourPerTenaga;
    player(state, "p4").tenaga = Math.ceil(koperasiCap / perTenaga) + 2;
    must(state, "p4", work(koperasi, Math.ceil(koperasiCap / perTenaga) + 2));
    expect(state.projects[koperasi]!.labour).toBe(koperasiCap);
    expect(player(state, "p4").tenaga).toBe(2);
    const gutters = projectId(state, "selokan");
    const guttersCap = labourCapPerPlayer(state, state.projects[gutters]!);
    player(state, "p1").tenaga = guttersCap + 2;
    must(state, "p1", work(gutters, guttersCap + 2));
    expect(state.projects[gutters]!.labour).toBe(guttersCap);
    expect(player(state, "p1").tenaga).toBe(2);
  });

  it("over-giving is clamped to what is still needed: nothing is lost", () => {
    const state = richVillage();
    const id = projectId(state, "sekolah");
    const needs = PROJECTS.sekolah.needs;
    // Two more of every resource than the school needs (so also two of what it does not need).
    const offered = Object.fromEntries(RESOURCES.map((r) => [r, (needs[r] ?? 0) + 2]));
    setHand(state, "p2", offered);
    must(state, "p2", supply(id, offered));
    expect(state.projects[id]!.given).toEqual(Object.fromEntries(RESOURCES.map((r) => [r, needs[r] ?? 0])));
    expect(handOf(state, "p2")).toEqual({ beras: 2, kayu: 2, batu: 2, uang: 2 });
    expect(player(state, "p2").contributed).toBe(RESOURCES.reduce((sum, r) => sum + (needs[r] ?? 0), 0));
  });

  it("a project refuses what it does not need (projectNeedsNothingMore) and an empty gift (nothingToGive)", () => {
    const state = richVillage();
    const gutters = projectId(state, "selokan");
    const before = structuredClone(state);
    expect(act(state, "p2", supply(gutters, { kayu: 2 }))).toEqual({
      ok: false,
      error: ERROR_CODES.projectNeedsNothingMore,
    });
    expect(act(state, "p2", supply(gutters, {}))).toEqual({ ok: false, error: ERROR_CODES.nothingToGive });
    expect(state).toEqual(before);
  });

  it("nobody can give what they do not hold (notEnoughResources)", () => {
    const state = richVillage();
    setHand(state, "p3", { batu: 1 });
    const before = structuredClone(state);
    expect(act(state, "p3", supply(projectId(state, "sekolah"), { batu: 2 }))).toEqual({
      ok: false,
      error: ERROR_CODES.notEnoughResources,
    });
    expect(state).toEqual(before);
  });

  it("labour needs tenaga (notEnoughTenaga)", () => {
    const state = richVillage();
    player(state, "p3").tenaga = 1;
    expect(act(state, "p3", work(projectId(state, "selokan"), 2))).toMatchObject({
      ok: false,
      error: ERROR_CODES.notEnoughTenaga,
    });
  });

  it("a finished project takes nothing more (projectClosed); a project that does not exist is refused", () => {
    const state = richVillage();
    const id = projectId(state, "selokan");
    workInTurn(state, id, ["p1", "p2", "p3", "p4"]);
    expect(state.projects[id]!.status).toBe("done");
    expect(act(state, "p5", work(id, 1))).toEqual({ ok: false, error: ERROR_CODES.projectClosed });
    expect(act(state, "p5", work("menara-99", 1))).toEqual({ ok: false, error: ERROR_CODES.unknownProject });
  });

  it("every contribution writes a gotong royong entry {form, actors, season, what} to the cooperation log", () => {
    const state = richVillage();
    const id = projectId(state, "sekolah");
    const labour = ROLES[player(state, "p2").role].labourPerTenaga;
    const units = Math.min(2, PROJECTS.sekolah.needs.kayu ?? 0);
    const result = act(state, "p2", { type: "contribute", projectId: id, tenaga: 1, give: { kayu: 2 } });
    expect(result.ok).toBe(true);
    const entry = state.log.at(-1);
    expect(entry).toEqual({
      seq: expect.any(Number),
      form: "gotongRoyong",
      actors: ["p2"],
      season: 1,
      what: { key: "coop.contribute.sekolah", params: { name: "Budi", labour, units } },
    });
    expect(result.ok && result.log).toEqual(entry);
    expect(player(state, "p2").contributed).toBe(labour + units);
    expect(player(state, "p2").location).toBe(`project:${id}`);
  });

  it("a finished project raises the meters by its reward and logs the work of all its helpers together", () => {
    const state = richVillage();
    const id = projectId(state, "sekolah");
    const meters = { ...state.meters };
    supplyAll(state, id, "p5");
    const workers = workInTurn(state, id, ["p1", "p2", "p3", "p4"]);
    const school = state.projects[id]!;
    expect(school.status).toBe("done");
    expect(isBuilt(state, "sekolah")).toBe(true);
    expect(projectStage(school)).toBe(3);
    expect(state.meters).toEqual(metersAfter(meters, PROJECTS.sekolah.reward));
    const done = state.log.at(-1)!;
    expect(done).toMatchObject({
      form: "gotongRoyong",
      season: 1,
      what: { key: "coop.done.sekolah", params: { count: workers.length + 1 } },
    });
    expect([...done.actors].sort()).toEqual([...workers, "p5"].sort());
    expect(state.news.at(-1)).toMatchObject({ kind: "project", what: { key: "news.done.sekolah" } });
  });

  it("a gift of resources only makes a helper, but not a labourer", () => {
    const state = richVillage();
    const id = projectId(state, "sekolah");
    must(state, "p5", supply(id, { kayu: 1 }));
    expect(state.projects[id]!.helpers).toEqual(["p5"]);
    expect(labourers(state.projects[id]!)).toBe(0);
  });

  it("a project's stage on the map grows from 0 to 3 with the share given: 1 below half, 2 from half, 3 done", () => {
    const state = richVillage();
    const id = projectId(state, "selokan");
    const gutters = state.projects[id]!;
    expect(projectStage(gutters)).toBe(0);
    const { needs, labour } = PROJECTS.selokan;
    const total = labour + RESOURCES.reduce((sum, r) => sum + (needs[r] ?? 0), 0);
    const stages: number[] = [];
    for (const p of state.playerOrder) {
      if (workInTurn(state, id, [p]).length === 0) continue;
      const share = (gutters.labour + RESOURCES.reduce((sum, r) => sum + gutters.given[r], 0)) / total;
      stages.push(projectStage(gutters));
      if (gutters.status === "done") expect(projectStage(gutters)).toBe(3);
      else expect(projectStage(gutters), `share ${share}`).toBe(share < 0.5 ? 1 : 2);
    }
    expect(stages.length).toBeGreaterThan(1);
    expect(stages.at(-1)).toBe(3);
    expect(stages).toEqual([...stages].sort());
  });

  it("a musibah opens a rumah project for the damaged house, due by the next season's night", () => {
    const { state, owner, rumah } = afterMusibah();
    expect(state.projects[rumah]).toMatchObject({
      kind: "rumah",
      ownerId: owner,
      deadlineSeason: 2,
      status: "open",
    });
  });

  it("the owner of a damaged house cannot give labour to its rebuilding, but can give materials", () => {
    const { state, owner, rumah } = afterMusibah();
    const before = structuredClone(state);
    expect(act(state, owner, work(rumah, 1))).toEqual({ ok: false, error: ERROR_CODES.ownerCannotHelp });
    expect(state).toEqual(before);
    const needs = PROJECTS.rumah.needs;
    must(state, owner, supply(rumah, needs));
    expect(state.projects[rumah]!.given).toEqual(
      Object.fromEntries(RESOURCES.map((r) => [r, needs[r] ?? 0])),
    );
  });

  it("neighbours rebuild a damaged house: harmony rises and the house costs no more tenaga", () => {
    const { state, owner, rumah } = afterMusibah();
    const house = state.projects[rumah]!;
    const helpers = state.playerOrder.filter((id) => id !== owner).slice(0, requiredVillagers(state, house));
    const meters = { ...state.meters };
    supplyAll(state, rumah, helpers[0]!);
    for (const helper of helpers.slice(0, -1)) must(state, helper, work(rumah, player(state, helper).tenaga));
    expect(house.status).toBe("open");
    must(state, helpers.at(-1)!, work(rumah, player(state, helpers.at(-1)!).tenaga));
    expect(house.status).toBe("done");
    expect(player(state, owner).houseDamaged).toBe(false);
    expect(PROJECTS.rumah.reward.harmony).toBeGreaterThan(0);
    expect(state.meters).toEqual(metersAfter(meters, PROJECTS.rumah.reward));
    toAction(state, 2);
    expect(player(state, owner).tenaga).toBe(state.config.tenagaPerSeason);
  });

  it("an unrebuilt house fails at its deadline and costs harmony", () => {
    const { state, owner, rumah } = afterMusibah();
    endPhase(state); // season 1's night: still time
    expect(state.projects[rumah]!.status).toBe("open");
    toAction(state, 2);
    expect(player(state, owner).tenaga).toBe(
      Math.max(MIN_TENAGA, state.config.tenagaPerSeason - DAMAGED_HOUSE_TENAGA_PENALTY),
    );
    const meters = { ...state.meters };
    endPhase(state); // season 2's night: the deadline
    expect(state.projects[rumah]!.status).toBe("failed");
    expect(state.meters).toEqual(metersAfter(meters, IGNORED_MUSIBAH));
    expect(state.news.some((n) => n.what.key === "news.rumahFailed" && n.season === 2)).toBe(true);
  });
});
