/**
 * The student's debrief after a game, built only from what the game recorded (the `debrief` reply:
 * the whole cooperation log, the meters' history, the households, the result and the projects).
 * Pure: it returns ids, text keys and numbers, never prose; the client words them in the student's
 * language. Text keys (`debrief.*`) live in the client's learning dictionary; parameters that are
 * content ids use the shared names (`project`, `goal`, `kind`, `position`), so the client can show
 * them by their translated names.
 */
import { FORMS, type Form } from "../content/forms.ts";
import { COOP_PURPOSES, type CoopPurpose } from "../content/glossary.ts";
import type { HouseholdRecord } from "../protocol/learning.ts";
import { STAR_METER, WIN_MIN_HARMONY, WIN_MIN_WELFARE } from "../rules/outcome.ts";
import type { CoopLogEntry, GameResult, Meters, SeasonMeters, TextRef } from "../rules/types.ts";

export interface DebriefInput {
  log: readonly CoopLogEntry[];
  meterHistory: readonly SeasonMeters[];
  households: readonly HouseholdRecord[];
  result: GameResult | null;
  projects: readonly { kind: string; status: string }[];
  mySeatId: string;
  /**
   * The meters at the very end, when the caller knows them (the synced state). A game the teacher
   * stops mid-season ends after the last entry of `meterHistory`; without this, that entry is used.
   */
  meters?: Meters | null;
}

/** One form in the village's timeline. */
export interface FormSummary {
  form: Form;
  /** Cooperation-log entries of this form (every act, as the teacher's report counts them). */
  count: number;
  /** Seasons in which it happened, ascending. */
  seasons: number[];
  /** The distinct things done this way, in the order they first happened (`debrief.thing.*`). */
  things: TextRef[];
}

/** How my contribution compares with the village's average household. */
export type Versus = "above" | "near" | "below";

/** My own part (the guard against one student playing for everyone: each sees their own share). */
export interface MyPart {
  /** Log entries I took part in, per form. */
  forms: Record<Form, number>;
  total: number;
  /** Units I gave the village (project resources, labour, aid). */
  contributed: number;
  /** What a household of this village gave on average (all households, bots included; one decimal). */
  average: number;
  versus: Versus;
  trustKept: number;
  trustBroken: number;
}

/** One purpose of kerja sama (tujuan kerja sama): reached or not, and why, from the data. */
export interface PurposeVerdict {
  purpose: CoopPurpose;
  achieved: boolean;
  /** `debrief.why.*` with its numbers. */
  reason: TextRef;
}

/** The one question to think about: what if the village had used this form (more)? */
export interface WhatIf {
  form: Form;
  /** How often the village used it. */
  count: number;
  /** A purpose the village missed that this form serves in the game, or null. */
  purpose: CoopPurpose | null;
}

export interface Debrief {
  forms: FormSummary[];
  /** Cooperation-log entries in all. */
  total: number;
  /** Null when my seat is not among the households (a spectator, a stale seat id). */
  me: MyPart | null;
  purposes: PurposeVerdict[];
  whatIf: WhatIf;
  /** The meters at the end, or null when nothing says what they were. */
  meters: Meters | null;
}

/**
 * Which purposes each form serves in Bangun Desa (by the game's rules), most direct first:
 * projects build the bridge (tujuan bersama), finish heavy work sooner and raise unity; the harga
 * gabah agreement keeps the peace (a failed talk costs harmony); co-opting the tokoh ends his
 * harmony drain, and a near-unanimous musyawarah raises unity; a koalisi's fair raises welfare and
 * its plastic campaign keeps harmony; a joint venture raises welfare each season it pays.
 */
export const FORM_SERVES: Record<Form, readonly CoopPurpose[]> = {
  gotongRoyong: ["tujuanBersama", "efisiensi", "persatuan"],
  bargaining: ["keharmonisan"],
  kooptasi: ["keharmonisan", "persatuan"],
  koalisi: ["kesejahteraan", "keharmonisan", "persatuan"],
  jointVenture: ["kesejahteraan"],
};

/** Within this share of the average (at least one unit) a contribution counts as "near" it. */
const NEAR_AVERAGE = 0.2;

type Params = Record<string, string | number>;

/**
 * A log entry as one distinct "thing" of its form: an identity (entries with the same identity are
 * the same thing) and how it reads. Projects and coalitions are one thing each, marked done once
 * finished; aid and trades are counted; an agreement, a co-option and a venture are each their own.
 */
function thingOf(entry: CoopLogEntry): { id: string; key: string; params: Params } | null {
  const key = entry.what.key;
  const p = entry.what.params ?? {};
  const project = /^coop\.(contribute|done)\.(\w+)$/.exec(key);
  if (project) {
    const done = project[1] === "done";
    return {
      id: `project:${project[2]}`,
      key: done ? "debrief.thing.projectDone" : "debrief.thing.project",
      params: { project: project[2]! },
    };
  }
  switch (key) {
    case "coop.aid":
      return { id: "aid", key: "debrief.thing.aid", params: {} };
    case "coop.trade":
      return { id: "trade", key: "debrief.thing.trades", params: {} };
    case "coop.ricePrice":
      return { id: `rice:${p.price}`, key: "debrief.thing.ricePrice", params: { price: p.price ?? "" } };
    case "coop.cooptTokoh":
      return {
        id: `tokoh:${p.position}:${p.project}`,
        key: "debrief.thing.cooptTokoh",
        params: { position: p.position ?? "", project: p.project ?? "" },
      };
    case "coop.cooptPlayer":
      return {
        id: `committee:${p.name}:${p.project}`,
        key: "debrief.thing.cooptPlayer",
        params: { name: p.name ?? "", project: p.project ?? "" },
      };
    case "coop.coalitionFormed":
    case "coop.coalitionDone":
      return {
        id: `coalition:${p.goal}`,
        key: key === "coop.coalitionDone" ? "debrief.thing.coalitionDone" : "debrief.thing.coalition",
        params: { goal: p.goal ?? "" },
      };
    case "coop.ventureFounded":
      return { id: `venture:${p.kind}`, key: "debrief.thing.venture", params: { kind: p.kind ?? "" } };
    default:
      return null;
  }
}

/** A thing seen again: a finished project or coalition stays finished; aid, trades, ventures count up. */
const UPGRADES: Record<string, string> = {
  "debrief.thing.project": "debrief.thing.projectDone",
  "debrief.thing.coalition": "debrief.thing.coalitionDone",
};
/** Things shown with how often they happened (`n`). */
const COUNTED: readonly string[] = ["debrief.thing.aid", "debrief.thing.trades", "debrief.thing.venture"];

function summariseForm(form: Form, entries: readonly CoopLogEntry[]): FormSummary {
  const mine = entries.filter((e) => e.form === form);
  const things = new Map<string, TextRef & { params: Params }>();
  for (const entry of mine) {
    const thing = thingOf(entry);
    if (!thing) continue;
    const seen = things.get(thing.id);
    if (!seen) {
      const counted = COUNTED.includes(thing.key);
      things.set(thing.id, { key: thing.key, params: counted ? { ...thing.params, n: 1 } : thing.params });
    } else if (COUNTED.includes(seen.key)) {
      seen.params.n = Number(seen.params.n) + 1;
    } else if (UPGRADES[seen.key] === thing.key) {
      seen.key = thing.key;
    }
  }
  return {
    form,
    count: mine.length,
    seasons: [...new Set(mine.map((e) => e.season))].sort((a, b) => a - b),
    things: [...things.values()],
  };
}

function myPart(input: DebriefInput, log: readonly CoopLogEntry[]): MyPart | null {
  const me = input.households.find((h) => h.seatId === input.mySeatId);
  if (!me) return null;
  const forms = Object.fromEntries(FORMS.map((f) => [f, 0])) as Record<Form, number>;
  for (const entry of log) if (entry.actors.includes(me.seatId)) forms[entry.form]++;
  const sum = input.households.reduce((n, h) => n + h.contributed, 0);
  const exact = sum / input.households.length;
  const margin = Math.max(1, exact * NEAR_AVERAGE);
  const versus: Versus =
    me.contributed > exact + margin ? "above" : me.contributed < exact - margin ? "below" : "near";
  return {
    forms,
    total: FORMS.reduce((n, f) => n + forms[f], 0),
    contributed: me.contributed,
    average: Math.round(exact * 10) / 10,
    versus,
    trustKept: me.trustKept,
    trustBroken: me.trustBroken,
  };
}

/** The meters at the end: the caller's, else the latest season in the history. */
function finalMeters(input: DebriefInput): Meters | null {
  if (input.meters) return input.meters;
  const last = [...input.meterHistory].sort((a, b) => a.season - b.season).at(-1);
  return last ? { welfare: last.welfare, harmony: last.harmony, unity: last.unity } : null;
}

/** The meters at the start (season 0, else the earliest recorded), or the end ones when none is. */
function startMeters(input: DebriefInput, end: Meters): Meters {
  const first = [...input.meterHistory].sort((a, b) => a.season - b.season)[0];
  return first ?? end;
}

/** Distinct villagers in the log's entries with these keys. */
function actorsOf(log: readonly CoopLogEntry[], keys: readonly string[]): number {
  return new Set(log.filter((e) => keys.includes(e.what.key)).flatMap((e) => e.actors)).size;
}

/**
 * Each purpose of kerja sama, reached or missed, with its reason from the data:
 * - tujuan bersama: the jembatan desa stands (the goal no household can reach alone, the source's
 *   own example);
 * - keharmonisan: harmony ended at or above what winning needs (WIN_MIN_HARMONY);
 * - persatuan: unity ended at or above the star mark (STAR_METER);
 * - kesejahteraan: welfare ended at or above what winning needs (WIN_MIN_WELFARE);
 * - efisiensi ("heavy work done faster together"): the village finished more of the projects it had
 *   than it let fail or left unfinished — most of the work got done within the seasons it had.
 */
function purposes(
  input: DebriefInput,
  log: readonly CoopLogEntry[],
  meters: Meters | null,
): PurposeVerdict[] {
  const verdicts: Record<CoopPurpose, PurposeVerdict> = {} as Record<CoopPurpose, PurposeVerdict>;

  const bridgeBuilt =
    input.result?.bridgeBuilt ?? input.projects.some((p) => p.kind === "jembatan" && p.status === "done");
  const builders = actorsOf(log, ["coop.contribute.jembatan", "coop.done.jembatan"]);
  verdicts.tujuanBersama = {
    purpose: "tujuanBersama",
    achieved: bridgeBuilt,
    reason: bridgeBuilt
      ? { key: "debrief.why.bridgeBuilt", params: { count: builders } }
      : builders > 0
        ? { key: "debrief.why.bridgeUnfinished", params: { count: builders } }
        : { key: "debrief.why.bridgeNotStarted" },
  };

  const meter = (purpose: CoopPurpose, name: keyof Meters, min: number): PurposeVerdict => {
    if (!meters) return { purpose, achieved: false, reason: { key: "debrief.why.noMeters" } };
    const value = meters[name];
    const start = startMeters(input, meters)[name];
    const achieved = value >= min;
    return {
      purpose,
      achieved,
      reason: { key: `debrief.why.${name}${achieved ? "Ok" : "Low"}`, params: { value, min, start } },
    };
  };
  verdicts.keharmonisan = meter("keharmonisan", "harmony", WIN_MIN_HARMONY);
  verdicts.persatuan = meter("persatuan", "unity", STAR_METER);
  verdicts.kesejahteraan = meter("kesejahteraan", "welfare", WIN_MIN_WELFARE);

  const done = input.projects.filter((p) => p.status === "done").length;
  const total = input.projects.length;
  const efficient = done > total - done;
  verdicts.efisiensi = {
    purpose: "efisiensi",
    achieved: efficient,
    reason: { key: efficient ? "debrief.why.efficient" : "debrief.why.inefficient", params: { done, total } },
  };

  return COOP_PURPOSES.map((p) => verdicts[p]);
}

/**
 * The what-if question: the form the village used least (the one it can learn most about). Among
 * equally unused forms, one that serves a purpose the village missed comes first (the first missed
 * purpose, in teaching order, that one of them serves); otherwise the first in teaching order.
 */
function whatIf(forms: readonly FormSummary[], verdicts: readonly PurposeVerdict[]): WhatIf {
  const least = Math.min(...forms.map((f) => f.count));
  const candidates = forms.filter((f) => f.count === least).map((f) => f.form);
  for (const verdict of verdicts) {
    if (verdict.achieved) continue;
    const form = candidates.find((f) => FORM_SERVES[f].includes(verdict.purpose));
    if (form) return { form, count: least, purpose: verdict.purpose };
  }
  return { form: candidates[0]!, count: least, purpose: null };
}

/** Build the debrief of one game for one household. */
export function buildDebrief(input: DebriefInput): Debrief {
  const log = [...input.log].sort((a, b) => a.seq - b.seq);
  const forms = FORMS.map((form) => summariseForm(form, log));
  const meters = finalMeters(input);
  const verdicts = purposes(input, log, meters);
  return {
    forms,
    total: log.length,
    me: myPart(input, log),
    purposes: verdicts,
    whatIf: whatIf(forms, verdicts),
    meters,
  };
}
