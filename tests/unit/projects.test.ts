import { describe, expect, it } from "vitest";
import {
  ERROR_CODES,
  type GameState,
  IGNORED_MUSIBAH,
  isBuilt,
  labourCapPerPlayer,
  labourers,
  PROJECTS,
  projectStage,
  requiredVillagers,
} from "../../shared/src/index.ts";
import {
  act,
  calmSeasons,
  endPhase,
  handOf,
  must,
  player,
  projectId,
  setAllHands,
  setHand,
  supply,
  toAction,
  village,
  villageAt,
  work,
} from "./helpers.ts";

/** A calm village of `n` in season 1's action window; every household has plenty of food and materials. */
function richVillage(n = 5): GameState {
  const state = villageAt(n, 1, { config: { seasons: 8 } });
  calmSeasons(state);
  setAllHands(state, { beras: 20, kayu: 10, batu: 10, uang: 5 });
  return state;
}

/** Give the bridge every resource it needs, so only labour is left. */
function supplyBridge(state: GameState, from = "p1"): string {
  const id = projectId(state, "jembatan");
  must(state, from, supply(id, { kayu: 8, batu: 8, uang: 4 }));
  return id;
}

/** A village where a musibah struck season 1: returns the owner of the damaged house and the rumah project. */
function afterMusibah(): { state: GameState; owner: string; rumah: string } {
  const state = village(5, { config: { seasons: 8 } });
  calmSeasons(state);
  state.events[1] = "musibah";
  toAction(state, 1);
  setAllHands(state, { beras: 20, kayu: 10, batu: 10, uang: 5 });
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

  it("no project can be finished by fewer villagers than it needs: the per-villager cap is labour / villagers", () => {
    for (const seats of [3, 4, 5, 6]) {
      const state = village(seats);
      for (const project of Object.values(state.projects)) {
        const needed = requiredVillagers(state, project);
        expect(needed).toBeLessThanOrEqual(seats);
        expect(labourCapPerPlayer(state, project) * (needed - 1)).toBeLessThan(PROJECTS[project.kind].labour);
      }
    }
  });

  it("a village of 3 households builds the bridge with all three", () => {
    const state = village(3);
    const bridge = Object.values(state.projects).find((p) => p.kind === "jembatan")!;
    expect(requiredVillagers(state, bridge)).toBe(3);
    expect(labourCapPerPlayer(state, bridge) * 3).toBeGreaterThanOrEqual(PROJECTS.jembatan.labour);
  });

  it("the bridge cannot be finished by fewer than 4 villagers", () => {
    const state = richVillage();
    const id = supplyBridge(state);
    for (let season = 1; season <= 4; season++) {
      toAction(state, season);
      for (const p of ["p1", "p2", "p3"]) act(state, p, work(id, 6));
    }
    const bridge = state.projects[id]!;
    expect(bridge.status).toBe("open");
    expect(bridge.labour).toBe(3 * labourCapPerPlayer(state, bridge));
    expect(bridge.labourBy).toEqual({ p1: 2, p2: 2, p3: 2 });
    expect(act(state, "p1", work(id, 1))).toEqual({
      ok: false,
      error: ERROR_CODES.labourCapReached,
      params: { cap: 2 },
    });
    must(state, "p5", work(id, 2));
    expect(bridge.status).toBe("done");
    expect(labourers(bridge)).toBe(4);
  });

  it("the gutters need 3 villagers", () => {
    const state = richVillage();
    const id = projectId(state, "selokan");
    must(state, "p1", work(id, 6));
    must(state, "p2", work(id, 6));
    const gutters = state.projects[id]!;
    expect(gutters.labour).toBe(4);
    expect(gutters.status).toBe("open");
    const before = structuredClone(state);
    expect(act(state, "p1", work(id, 1))).toMatchObject({ ok: false, error: ERROR_CODES.labourCapReached });
    expect(state).toEqual(before);
    must(state, "p3", work(id, 2));
    expect(gutters.status).toBe("done");
    expect(gutters.doneSeason).toBe(1);
  });

  it("the bridge takes at least 2 seasons: the village may give it only 4 labour a season", () => {
    const state = richVillage();
    const id = supplyBridge(state);
    must(state, "p1", work(id, 2));
    must(state, "p2", work(id, 2));
    const before = structuredClone(state);
    expect(act(state, "p3", work(id, 1))).toEqual({ ok: false, error: ERROR_CODES.seasonLabourCapReached });
    expect(state).toEqual(before);
    toAction(state, 2);
    expect(state.projects[id]!.labourThisSeason).toBe(0);
    must(state, "p3", work(id, 2));
    must(state, "p5", work(id, 2));
    expect(state.projects[id]).toMatchObject({ status: "done", doneSeason: 2, labour: 8 });
  });

  it("a tukang's tenaga counts double", () => {
    const state = richVillage();
    const id = projectId(state, "selokan");
    expect(player(state, "p4").role).toBe("tukang");
    must(state, "p4", work(id, 1));
    expect(state.projects[id]!.labour).toBe(2);
    expect(state.projects[id]!.labourBy.p4).toBe(2);
    expect(player(state, "p4").tenaga).toBe(5);
  });

  it("labour beyond what a villager may still give costs no tenaga", () => {
    const state = richVillage();
    const koperasi = projectId(state, "koperasi");
    must(state, "p4", work(koperasi, 3));
    expect(state.projects[koperasi]!.labour).toBe(1);
    expect(player(state, "p4").tenaga).toBe(5);
    const gutters = projectId(state, "selokan");
    must(state, "p1", work(gutters, 6));
    expect(state.projects[gutters]!.labour).toBe(2);
    expect(player(state, "p1").tenaga).toBe(4);
  });

  it("over-giving is clamped to what is still needed: nothing is lost", () => {
    const state = richVillage();
    const id = projectId(state, "sekolah");
    must(state, "p2", supply(id, { kayu: 10, batu: 3, beras: 5 }));
    expect(state.projects[id]!.given).toEqual({ beras: 0, kayu: 4, batu: 3, uang: 0 });
    expect(handOf(state, "p2")).toEqual({ beras: 20, kayu: 6, batu: 7, uang: 5 });
    expect(player(state, "p2").contributed).toBe(7);
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
    for (const p of ["p1", "p2", "p3"]) must(state, p, work(id, 2));
    expect(act(state, "p5", work(id, 1))).toEqual({ ok: false, error: ERROR_CODES.projectClosed });
    expect(act(state, "p5", work("menara-99", 1))).toEqual({ ok: false, error: ERROR_CODES.unknownProject });
  });

  it("every contribution writes a gotong royong entry {form, actors, season, what} to the cooperation log", () => {
    const state = richVillage();
    const id = projectId(state, "sekolah");
    const result = act(state, "p2", { type: "contribute", projectId: id, tenaga: 1, give: { kayu: 2 } });
    expect(result.ok).toBe(true);
    const entry = state.log.at(-1);
    expect(entry).toEqual({
      seq: expect.any(Number),
      form: "gotongRoyong",
      actors: ["p2"],
      season: 1,
      what: { key: "coop.contribute.sekolah", params: { name: "Budi", labour: 1, units: 2 } },
    });
    expect(result.ok && result.log).toEqual(entry);
    expect(player(state, "p2").contributed).toBe(3);
    expect(player(state, "p2").location).toBe(`project:${id}`);
  });

  it("a finished project raises the meters by its reward and logs the work of all its helpers together", () => {
    const state = richVillage();
    const id = projectId(state, "sekolah");
    const meters = { ...state.meters };
    must(state, "p5", supply(id, { kayu: 4, batu: 4 }));
    for (const p of ["p1", "p2", "p3"]) must(state, p, work(id, 2));
    const school = state.projects[id]!;
    expect(school.status).toBe("done");
    expect(isBuilt(state, "sekolah")).toBe(true);
    expect(projectStage(school)).toBe(3);
    expect(state.meters).toEqual({
      welfare: meters.welfare + 5,
      harmony: meters.harmony,
      unity: meters.unity + 15,
    });
    const done = state.log.at(-1)!;
    expect(done).toMatchObject({
      form: "gotongRoyong",
      season: 1,
      what: { key: "coop.done.sekolah", params: { count: 4 } },
    });
    expect([...done.actors].sort()).toEqual(["p1", "p2", "p3", "p5"]);
    expect(state.news.at(-1)).toMatchObject({ kind: "project", what: { key: "news.done.sekolah" } });
  });

  it("a gift of resources only makes a helper, but not a labourer", () => {
    const state = richVillage();
    const id = projectId(state, "sekolah");
    must(state, "p5", supply(id, { kayu: 1 }));
    expect(state.projects[id]!.helpers).toEqual(["p5"]);
    expect(labourers(state.projects[id]!)).toBe(0);
  });

  it("a project's stage on the map grows from 0 to 3 with the share given", () => {
    const state = richVillage();
    const id = projectId(state, "selokan");
    const gutters = state.projects[id]!;
    expect(projectStage(gutters)).toBe(0);
    must(state, "p1", work(id, 2));
    expect(projectStage(gutters)).toBe(1);
    must(state, "p2", work(id, 2));
    expect(projectStage(gutters)).toBe(2);
    must(state, "p3", work(id, 2));
    expect(projectStage(gutters)).toBe(3);
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
    must(state, owner, supply(rumah, { kayu: 3 }));
    expect(state.projects[rumah]!.given.kayu).toBe(3);
  });

  it("two neighbours rebuild a damaged house: harmony rises and the house costs no more tenaga", () => {
    const { state, owner, rumah } = afterMusibah();
    const helpers = state.playerOrder.filter((id) => id !== owner).slice(0, 2);
    const meters = { ...state.meters };
    must(state, helpers[0]!, supply(rumah, { kayu: 3, batu: 1 }));
    must(state, helpers[0]!, work(rumah, 6));
    expect(state.projects[rumah]!.status).toBe("open");
    must(state, helpers[1]!, work(rumah, 6));
    expect(state.projects[rumah]!.status).toBe("done");
    expect(player(state, owner).houseDamaged).toBe(false);
    expect(state.meters.harmony).toBe(meters.harmony + 10);
    expect(state.meters.unity).toBe(meters.unity + 5);
    toAction(state, 2);
    expect(player(state, owner).tenaga).toBe(6);
  });

  it("an unrebuilt house fails at its deadline and costs harmony", () => {
    const { state, owner, rumah } = afterMusibah();
    endPhase(state); // season 1's night: still time
    expect(state.projects[rumah]!.status).toBe("open");
    toAction(state, 2);
    expect(player(state, owner).tenaga).toBe(6 - 2);
    const meters = { ...state.meters };
    endPhase(state); // season 2's night: the deadline
    expect(state.projects[rumah]!.status).toBe("failed");
    expect(state.meters.harmony).toBe(meters.harmony + IGNORED_MUSIBAH.harmony);
    expect(state.meters.unity).toBe(meters.unity + IGNORED_MUSIBAH.unity);
    expect(state.news.some((n) => n.what.key === "news.rumahFailed" && n.season === 2)).toBe(true);
  });
});
