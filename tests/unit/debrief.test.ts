/**
 * The student's debrief, built from a hand-made game record: the timeline grouped by form, my own
 * part, the purposes of kerja sama reached and missed (each with its reason), and the one what-if
 * question.
 */
import { describe, expect, it } from "vitest";
import {
  buildDebrief,
  type CoopLogEntry,
  type DebriefInput,
  type Form,
  type GameResult,
  type HouseholdRecord,
  type SeasonMeters,
  STAR_METER,
  WIN_MIN_HARMONY,
  WIN_MIN_WELFARE,
} from "../../shared/src/index.ts";

let seq = 0;
/** One log entry: `entry("gotongRoyong", 1, ["p1"], "coop.contribute.selokan")`. */
function entry(
  form: Form,
  season: number,
  actors: string[],
  key: string,
  params: Record<string, string | number> = {},
): CoopLogEntry {
  return { seq: ++seq, form, season, actors, what: { key, params } };
}

function household(seatId: string, contributed: number, trustKept = 0, trustBroken = 0): HouseholdRecord {
  return {
    seatId,
    studentId: "",
    name: seatId.toUpperCase(),
    role: "petani",
    isBot: seatId !== "p1",
    contributed,
    trustKept,
    trustBroken,
  };
}

const HOUSEHOLDS = [household("p1", 12, 3, 1), household("p2", 8), household("p3", 6), household("p4", 4)];

/** A game of four seasons: lots of gotong royong, two trades, the tokoh co-opted; no koalisi, no venture. */
function gameLog(): CoopLogEntry[] {
  seq = 0;
  return [
    entry("gotongRoyong", 1, ["p1"], "coop.contribute.selokan", { name: "P1", labour: 1, units: 0 }),
    entry("gotongRoyong", 1, ["p2"], "coop.contribute.selokan", { name: "P2", labour: 1, units: 0 }),
    entry("gotongRoyong", 1, ["p3"], "coop.contribute.selokan", { name: "P3", labour: 1, units: 0 }),
    entry("gotongRoyong", 1, ["p1", "p2", "p3"], "coop.done.selokan", { count: 3 }),
    entry("gotongRoyong", 2, ["p2", "p4"], "coop.aid", { name: "P2", to: "P4", units: 2 }),
    entry("bargaining", 2, ["p1", "p2"], "coop.trade", {
      from: "P1",
      to: "P2",
      give: "2 beras",
      get: "1 kayu",
    }),
    entry("gotongRoyong", 2, ["p1"], "coop.contribute.sekolah", { name: "P1", labour: 1, units: 2 }),
    entry("bargaining", 3, ["p3", "p4"], "coop.trade", {
      from: "P3",
      to: "P4",
      give: "1 batu",
      get: "1 uang",
    }),
    entry("kooptasi", 3, ["p1", "p2", "p3"], "coop.cooptTokoh", { position: "pembina", project: "jembatan" }),
    entry("gotongRoyong", 3, ["p4", "p1"], "coop.aid", { name: "P4", to: "P1", units: 1 }),
    entry("gotongRoyong", 4, ["p1"], "coop.contribute.jembatan", { name: "P1", labour: 1, units: 3 }),
    entry("gotongRoyong", 4, ["p2"], "coop.contribute.jembatan", { name: "P2", labour: 2, units: 0 }),
  ];
}

const HISTORY: SeasonMeters[] = [
  { season: 0, welfare: 30, harmony: 50, unity: 40 },
  { season: 1, welfare: 32, harmony: 55, unity: 40 },
  { season: 4, welfare: 45, harmony: 62, unity: 58 },
];

const LOST: GameResult = {
  won: false,
  stars: 0,
  reasons: [{ key: "result.reason.noBridge" }],
  bridgeBuilt: false,
  projectsDone: ["selokan"],
  endedEarly: false,
};

function input(over: Partial<DebriefInput> = {}): DebriefInput {
  return {
    log: gameLog(),
    meterHistory: HISTORY,
    households: HOUSEHOLDS,
    result: LOST,
    projects: [
      { kind: "selokan", status: "done" },
      { kind: "sekolah", status: "open" },
      { kind: "jembatan", status: "open" },
      { kind: "koperasi", status: "open" },
    ],
    mySeatId: "p1",
    ...over,
  };
}

describe("the timeline by form", () => {
  it("counts every act of each form and lists its distinct things in the order they happened", () => {
    const d = buildDebrief(input());
    expect(d.total).toBe(12);
    expect(d.forms.map((f) => [f.form, f.count])).toEqual([
      ["gotongRoyong", 9],
      ["bargaining", 2],
      ["kooptasi", 1],
      ["koalisi", 0],
      ["jointVenture", 0],
    ]);
    const gotong = d.forms[0]!;
    expect(gotong.seasons).toEqual([1, 2, 3, 4]);
    // The selokan once (finished), aid counted, then the school and the bridge, still unfinished.
    expect(gotong.things).toEqual([
      { key: "debrief.thing.projectDone", params: { project: "selokan" } },
      { key: "debrief.thing.aid", params: { n: 2 } },
      { key: "debrief.thing.project", params: { project: "sekolah" } },
      { key: "debrief.thing.project", params: { project: "jembatan" } },
    ]);
    expect(d.forms[1]!.things).toEqual([{ key: "debrief.thing.trades", params: { n: 2 } }]);
    expect(d.forms[2]!.things).toEqual([
      { key: "debrief.thing.cooptTokoh", params: { position: "pembina", project: "jembatan" } },
    ]);
    expect(d.forms[3]).toEqual({ form: "koalisi", count: 0, seasons: [], things: [] });
  });

  it("reads the log in the order it was written, whatever order it arrives in", () => {
    const shuffled = gameLog().reverse();
    expect(buildDebrief(input({ log: shuffled })).forms).toEqual(buildDebrief(input()).forms);
  });

  it("shows a koalisi that succeeded once, as succeeded, and counts the joint ventures of each kind", () => {
    seq = 100;
    const log = [
      entry("koalisi", 4, ["p1", "p2", "p3"], "coop.coalitionFormed", { goal: "kampanyeSampah", count: 3 }),
      entry("jointVenture", 5, ["p1", "p4"], "coop.ventureFounded", {
        kind: "eksporKopi",
        from: "P1",
        to: "P4",
        share: 60,
      }),
      entry("koalisi", 5, ["p1", "p2", "p3"], "coop.coalitionDone", { goal: "kampanyeSampah", count: 3 }),
      entry("jointVenture", 5, ["p2", "p3"], "coop.ventureFounded", {
        kind: "penggilinganPadi",
        from: "P2",
        to: "P3",
      }),
      entry("jointVenture", 6, ["p2", "p4"], "coop.ventureFounded", {
        kind: "eksporKopi",
        from: "P2",
        to: "P4",
      }),
      entry("bargaining", 3, ["p1", "p5"], "coop.ricePrice", { from: "P1", to: "P5", price: 3 }),
    ];
    const d = buildDebrief(input({ log }));
    expect(d.forms[3]!.things).toEqual([
      { key: "debrief.thing.coalitionDone", params: { goal: "kampanyeSampah" } },
    ]);
    expect(d.forms[4]!.things).toEqual([
      { key: "debrief.thing.venture", params: { kind: "eksporKopi", n: 2 } },
      { key: "debrief.thing.venture", params: { kind: "penggilinganPadi", n: 1 } },
    ]);
    expect(d.forms[1]!.things).toEqual([{ key: "debrief.thing.ricePrice", params: { price: 3 } }]);
  });
});

describe("my part", () => {
  it("counts the acts I took part in per form, and compares my contribution with the village average", () => {
    const me = buildDebrief(input()).me!;
    expect(me.forms).toEqual({ gotongRoyong: 5, bargaining: 1, kooptasi: 1, koalisi: 0, jointVenture: 0 });
    expect(me.total).toBe(7);
    expect(me.contributed).toBe(12);
    expect(me.average).toBe(7.5);
    expect(me.versus).toBe("above");
    expect([me.trustKept, me.trustBroken]).toEqual([3, 1]);
  });

  it("is near the average within a fifth of it, and below it further down", () => {
    expect(buildDebrief(input({ mySeatId: "p2" })).me!.versus).toBe("near");
    expect(buildDebrief(input({ mySeatId: "p4" })).me!.versus).toBe("below");
    // Two units either way of a small average still count as near it (at least one unit of margin).
    const small = [household("p1", 1), household("p2", 2), household("p3", 3)];
    expect(buildDebrief(input({ households: small, mySeatId: "p1" })).me!.versus).toBe("near");
  });

  it("is missing for a seat that is not a household", () => {
    expect(buildDebrief(input({ mySeatId: "nobody" })).me).toBeNull();
  });
});

describe("the purposes of kerja sama", () => {
  const verdicts = (d: ReturnType<typeof buildDebrief>) =>
    Object.fromEntries(d.purposes.map((p) => [p.purpose, p.achieved]));

  it("are reached or missed from the final meters, the bridge and the projects, each with its reason", () => {
    const d = buildDebrief(input());
    expect(d.purposes.map((p) => p.purpose)).toEqual([
      "tujuanBersama",
      "keharmonisan",
      "persatuan",
      "efisiensi",
      "kesejahteraan",
    ]);
    expect(verdicts(d)).toEqual({
      tujuanBersama: false,
      keharmonisan: true,
      persatuan: false,
      efisiensi: false,
      kesejahteraan: false,
    });
    const why = Object.fromEntries(d.purposes.map((p) => [p.purpose, p.reason]));
    expect(why.tujuanBersama).toEqual({ key: "debrief.why.bridgeUnfinished", params: { count: 2 } });
    expect(why.keharmonisan).toEqual({
      key: "debrief.why.harmonyOk",
      params: { value: 62, min: WIN_MIN_HARMONY, start: 50 },
    });
    expect(why.persatuan).toEqual({
      key: "debrief.why.unityLow",
      params: { value: 58, min: STAR_METER, start: 40 },
    });
    expect(why.kesejahteraan).toEqual({
      key: "debrief.why.welfareLow",
      params: { value: 45, min: WIN_MIN_WELFARE, start: 30 },
    });
    expect(why.efisiensi).toEqual({ key: "debrief.why.inefficient", params: { done: 1, total: 4 } });
  });

  it("count a bridge that stands, and efficiency once most of the projects are finished", () => {
    const won: GameResult = { ...LOST, won: true, stars: 2, bridgeBuilt: true, reasons: [] };
    const d = buildDebrief(
      input({
        result: won,
        meters: { welfare: WIN_MIN_WELFARE, harmony: 70, unity: STAR_METER },
        projects: [
          { kind: "selokan", status: "done" },
          { kind: "sekolah", status: "done" },
          { kind: "jembatan", status: "done" },
          { kind: "koperasi", status: "open" },
          { kind: "rumah", status: "failed" },
        ],
      }),
    );
    expect(verdicts(d)).toEqual({
      tujuanBersama: true,
      keharmonisan: true,
      persatuan: true,
      efisiensi: true,
      kesejahteraan: true,
    });
    expect(d.purposes[0]!.reason).toEqual({ key: "debrief.why.bridgeBuilt", params: { count: 2 } });
    expect(d.purposes[3]!.reason).toEqual({ key: "debrief.why.efficient", params: { done: 3, total: 5 } });
    // The caller's final meters win over the history's last season.
    expect(d.meters).toEqual({ welfare: WIN_MIN_WELFARE, harmony: 70, unity: STAR_METER });
  });

  it("half the projects finished is not yet efficient; a bridge nobody touched says so", () => {
    const d = buildDebrief(
      input({
        log: gameLog().filter((e) => !e.what.key.includes("jembatan")),
        projects: [
          { kind: "selokan", status: "done" },
          { kind: "jembatan", status: "open" },
        ],
      }),
    );
    expect(d.purposes[3]).toMatchObject({ achieved: false, reason: { params: { done: 1, total: 2 } } });
    expect(d.purposes[0]!.reason).toEqual({ key: "debrief.why.bridgeNotStarted" });
  });

  it("without any meters, the meter purposes are missed for want of data, not guessed", () => {
    const d = buildDebrief(input({ meterHistory: [] }));
    expect(d.meters).toBeNull();
    for (const p of d.purposes.filter((v) =>
      ["keharmonisan", "persatuan", "kesejahteraan"].includes(v.purpose),
    )) {
      expect(p).toMatchObject({ achieved: false, reason: { key: "debrief.why.noMeters" } });
    }
  });
});

describe("the what-if question", () => {
  it("asks about the least-used form, preferring one that serves a purpose the village missed", () => {
    // Koalisi and joint venture are both unused; welfare was missed and both serve it, but persatuan
    // (missed, earlier in teaching order) is served only by koalisi among them.
    expect(buildDebrief(input()).whatIf).toEqual({ form: "koalisi", count: 0, purpose: "persatuan" });
  });

  it("picks a joint venture when only welfare was missed and koalisi was used", () => {
    seq = 200;
    const log = [
      ...gameLog(),
      entry("koalisi", 4, ["p1", "p2", "p3"], "coop.coalitionFormed", { goal: "pameranProduk", count: 3 }),
    ];
    const d = buildDebrief(input({ log, meters: { welfare: 40, harmony: 70, unity: 70 } }));
    expect(d.whatIf).toEqual({ form: "jointVenture", count: 0, purpose: "kesejahteraan" });
  });

  it("takes the first least-used form in teaching order when every purpose was reached", () => {
    seq = 300;
    const log = [
      entry("gotongRoyong", 1, ["p1"], "coop.contribute.jembatan"),
      entry("gotongRoyong", 1, ["p2"], "coop.contribute.jembatan"),
      entry("bargaining", 2, ["p1", "p2"], "coop.trade"),
      entry("kooptasi", 3, ["p1"], "coop.cooptPlayer", { name: "P1", project: "sekolah" }),
      entry("koalisi", 4, ["p1", "p2", "p3"], "coop.coalitionFormed", { goal: "pameranProduk" }),
      entry("jointVenture", 5, ["p1", "p2"], "coop.ventureFounded", { kind: "penggilinganPadi" }),
      entry("jointVenture", 6, ["p3", "p4"], "coop.ventureFounded", { kind: "eksporKopi" }),
    ];
    const d = buildDebrief(
      input({
        log,
        result: { ...LOST, won: true, bridgeBuilt: true },
        meters: { welfare: 80, harmony: 80, unity: 80 },
        projects: [{ kind: "jembatan", status: "done" }],
      }),
    );
    expect(d.purposes.every((p) => p.achieved)).toBe(true);
    expect(d.whatIf).toEqual({ form: "bargaining", count: 1, purpose: null });
  });
});
