/**
 * The HUD redraws a part (top bar rows, meters, teacher notices, household, action buttons, foot)
 * only when its model changed (client/src/ui/hudModel.ts; the part is drawn from the model alone).
 * These tests change, one at a time, every fact a part shows and check that its model changes: a
 * fact left out of a model would leave the HUD showing an old value.
 */
import { describe, expect, it } from "vitest";
import {
  actionsModel,
  footModel,
  householdModel,
  infoRowModel,
  metersModel,
  teacherModel,
  topRowModel,
} from "../../client/src/ui/hudModel.ts";
import { type GameState, METER_MAX } from "../../shared/src/index.ts";
import { syncVillage, VillageState } from "../../shared/src/schema/index.ts";
import { calmSeasons, must, projectId, setAllHands, toAction, village } from "./helpers.ts";

const ME = "p1";

/** Season 1's action window in a village of 4 with every form open and full hands. */
function game(): GameState {
  const state = village(4, { config: { openAllForms: true } });
  state.meters.harmony = METER_MAX;
  calmSeasons(state);
  toAction(state, 1);
  setAllHands(state, { beras: 6, kayu: 4, batu: 4, uang: 4 });
  return state;
}

function synced(state: GameState): VillageState {
  const v = new VillageState();
  syncVillage(v, state, "DESA01");
  return v;
}

const otherRole = (role: string): string => (role === "pedagang" ? "tukang" : "pedagang");

/** Every model of the HUD as JSON, by part. */
function models(v: VillageState, lang: "id" | "en" = "id", dismissed = -1, open = false) {
  const me = v.players.get(ME)!;
  return {
    topRow: JSON.stringify(topRowModel(v, lang)),
    infoRow: JSON.stringify(infoRowModel(v, lang)),
    meters: JSON.stringify(metersModel(v, lang)),
    teacher: JSON.stringify(teacherModel(v, lang, dismissed)),
    household: JSON.stringify(householdModel(me, lang)),
    actions: JSON.stringify(actionsModel(v, me, lang)),
    foot: JSON.stringify(footModel(v, me, lang, open)),
  };
}
type Part = keyof ReturnType<typeof models>;

/** The parts whose model differs between two states. */
function changed(a: ReturnType<typeof models>, b: ReturnType<typeof models>): Part[] {
  return (Object.keys(a) as Part[]).filter((k) => a[k] !== b[k]);
}

/** Change one synced field and return the parts whose model changed. */
function afterChange(change: (v: VillageState) => void): Part[] {
  const v = synced(game());
  const before = models(v);
  change(v);
  return changed(before, models(v));
}

/** Play one action in the rules, sync, and return the parts whose model changed. */
function afterAction(action: (state: GameState) => void): Part[] {
  const state = game();
  const before = models(synced(state));
  action(state);
  return changed(before, models(synced(state)));
}

describe("the HUD's models", () => {
  it("are equal for equal states (an unchanged part is not redrawn)", () => {
    const state = game();
    expect(changed(models(synced(state)), models(synced(state)))).toEqual([]);
  });

  it("change with every fact of the top bar", () => {
    expect(afterChange((v) => (v.season += 1))).toContain("topRow");
    expect(afterChange((v) => (v.seasons += 1))).toContain("topRow");
    expect(afterChange((v) => (v.phase = "night"))).toContain("topRow");
    expect(afterChange((v) => (v.paused = true))).toContain("topRow");
    expect(afterChange((v) => (v.code = "OTHER1"))).toContain("infoRow");
    expect(
      afterChange((v) => {
        v.code = "";
        v.villageNumber = 3;
      }),
    ).toContain("infoRow");
    expect(afterChange((v) => (v.ricePrice = 3))).toContain("infoRow");
    for (const meter of ["welfare", "harmony", "unity"] as const)
      expect(afterChange((v) => (v[meter] = v[meter] === 50 ? 51 : 50))).toContain("meters");
  });

  it("show the priority project by name, and a house by its owner's name", () => {
    const state = game();
    const v = synced(state);
    const rumah = [...v.projects.values()].find((p) => p.kind === "rumah");
    const selokan = projectId(state, "selokan");
    v.priorityProjectId = selokan;
    const first = infoRowModel(v, "id").priority;
    expect(first).toBeTruthy();
    if (rumah) {
      v.priorityProjectId = rumah.id;
      const house = infoRowModel(v, "id").priority;
      v.players.get(rumah.ownerId)!.name = "Nama Lain";
      expect(infoRowModel(v, "id").priority).not.toBe(house);
    }
    v.priorityProjectId = "";
    expect(infoRowModel(v, "id").priority).toBeNull();
  });

  it("change with the teacher's pause and message, and when the message is closed", () => {
    expect(afterChange((v) => (v.paused = true))).toContain("teacher");
    expect(
      afterChange((v) => {
        v.broadcast = "Halo kelas";
        v.broadcastId = 1;
      }),
    ).toContain("teacher");
    const v = synced(game());
    v.broadcast = "Halo kelas";
    v.broadcastId = 2;
    expect(teacherModel(v, "id", -1).broadcast).not.toBeNull();
    expect(teacherModel(v, "id", 2).broadcast).toBeNull();
  });

  it("change with every fact of my household", () => {
    expect(afterChange((v) => (v.players.get(ME)!.name = "Nama Lain"))).toContain("household");
    expect(afterChange((v) => (v.players.get(ME)!.role = otherRole(v.players.get(ME)!.role)))).toContain(
      "household",
    );
    expect(afterChange((v) => (v.players.get(ME)!.tenaga += 1))).toContain("household");
    for (const r of ["beras", "kayu", "batu", "uang"] as const)
      expect(afterChange((v) => (v.players.get(ME)![r] += 1))).toContain("household");
    for (const flag of ["krisis", "hungry", "houseDamaged"] as const)
      expect(afterChange((v) => (v.players.get(ME)![flag] = !v.players.get(ME)![flag]))).toContain(
        "household",
      );
  });

  it("change with the buttons' state: phase, done, forms opening, and what waits for my answer", () => {
    expect(afterChange((v) => (v.phase = "night"))).toEqual(expect.arrayContaining(["actions", "foot"]));
    expect(afterChange((v) => (v.players.get(ME)!.done = true))).toEqual(
      expect.arrayContaining(["actions", "foot"]),
    );
    expect(afterChange((v) => (v.openAllForms = false))).toContain("actions");
    expect(afterChange((v) => (v.phase = "ended"))).toContain("actions");
    // An offer to me, a vote I have not cast, a venture offered to me: each a badge.
    expect(
      afterAction((s) => must(s, "p2", { type: "offerTrade", to: ME, give: { kayu: 1 }, get: { uang: 1 } })),
    ).toContain("actions");
    expect(
      afterAction((s) =>
        must(s, "p2", { type: "proposeVote", topic: "priority", projectId: projectId(s, "selokan") }),
      ),
    ).toContain("actions");
    expect(
      afterAction((s) =>
        must(s, "p2", {
          type: "proposeVenture",
          to: ME,
          kind: "eksporKopi",
          give: { uang: 2 },
          ask: { kayu: 1 },
          share: 30,
        }),
      ),
    ).toContain("actions");
    // An offer between two others is no badge of mine.
    expect(
      afterAction((s) =>
        must(s, "p2", { type: "offerTrade", to: "p3", give: { kayu: 1 }, get: { uang: 1 } }),
      ),
    ).not.toContain("actions");
  });

  it("change with every villager's name, role and signs in the list", () => {
    for (const id of ["p1", "p2", "p4"]) {
      expect(afterChange((v) => (v.players.get(id)!.name = "Nama Lain"))).toContain("foot");
      expect(afterChange((v) => (v.players.get(id)!.role = otherRole(v.players.get(id)!.role)))).toContain(
        "foot",
      );
      expect(afterChange((v) => (v.players.get(id)!.done = !v.players.get(id)!.done))).toContain("foot");
      expect(afterChange((v) => (v.players.get(id)!.krisis = !v.players.get(id)!.krisis))).toContain("foot");
      expect(afterChange((v) => (v.players.get(id)!.isBot = !v.players.get(id)!.isBot))).toContain("foot");
    }
    // A person who lost the connection is marked (a bot never is).
    expect(
      afterChange((v) => {
        v.players.get("p2")!.isBot = false;
        v.players.get("p2")!.connected = !v.players.get("p2")!.connected;
      }),
    ).toContain("foot");
    // The order is the seats'.
    expect(
      afterChange((v) => {
        const a = v.players.get("p2")!;
        const b = v.players.get("p3")!;
        [a.seat, b.seat] = [b.seat, a.seat];
      }),
    ).toContain("foot");
    // The list folded or unfolded.
    const v = synced(game());
    expect(models(v, "id", -1, true).foot).not.toBe(models(v, "id", -1, false).foot);
  });

  it("change with the language, every part", () => {
    const v = synced(game());
    v.broadcast = "Halo kelas";
    v.broadcastId = 1;
    v.paused = true;
    v.players.get(ME)!.krisis = true;
    expect(changed(models(v, "id"), models(v, "en")).sort()).toEqual(
      ["actions", "foot", "household", "infoRow", "meters", "teacher", "topRow"].sort(),
    );
  });

  it("do not change when only what the HUD does not show changes (another household's hand)", () => {
    expect(afterChange((v) => (v.players.get("p2")!.beras += 1))).toEqual([]);
    expect(afterChange((v) => (v.players.get("p2")!.location = "sawah"))).toEqual([]);
  });
});
