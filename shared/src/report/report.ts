/**
 * The teacher's class report, built only from what the game recorded: each village's cooperation
 * log, households and meters' history, the class's students and their quiz results. Pure, so the
 * server builds it for JSON and CSV and a test can check it against a scripted game.
 */
import { FORMS, type Form } from "../content/forms.ts";
import { type QuizTag, scoreQuiz } from "../content/quiz.ts";
import { translate } from "../i18n/index.ts";
import type { HouseholdRecord } from "../protocol/learning.ts";
import type { CoopLogEntry, GameResult, Lang, SeasonMeters } from "../rules/types.ts";

/** What the store keeps of a class. */
export interface ClassMeta {
  id: string;
  code: string;
  createdAt: number;
  endedAt: number | null;
  settings: Record<string, unknown>;
}

/** What the store keeps of a village (written at every season's end and when it ends). */
export interface VillageRecord {
  index: number;
  seasons: number;
  season: number;
  phase: string;
  log: CoopLogEntry[];
  meterHistory: SeasonMeters[];
  households: HouseholdRecord[];
  projects: { kind: string; status: string }[];
  result: GameResult | null;
}

export interface StudentRecord {
  studentId: string;
  name: string;
  village: number;
}

export interface QuizRecord {
  studentId: string;
  itemIds: string[];
  answers: (number | null)[];
}

export type FormCounts = Record<Form, number>;

export interface StudentReport {
  studentId: string;
  name: string;
  village: number;
  role: string;
  /** Cooperation-log entries this student took part in, per form. */
  forms: FormCounts;
  /** Units given to the village (resources, labour, aid). */
  contributed: number;
  /** Trades completed (bargaining). */
  trades: number;
  trustKept: number;
  trustBroken: number;
  quiz: { correct: number; total: number; missed: { itemId: string; tag: QuizTag }[] } | null;
}

export interface VillageReport {
  index: number;
  outcome: "won" | "lost" | "endedEarly" | "playing";
  stars: number;
  season: number;
  seasons: number;
  meterHistory: SeasonMeters[];
  /** Entries per form, with the log itself for the timeline. */
  forms: FormCounts;
  timeline: CoopLogEntry[];
  projectsDone: string[];
  reasons: GameResult["reasons"];
}

export interface ClassReport {
  classId: string;
  code: string;
  createdAt: number;
  endedAt: number | null;
  settings: Record<string, unknown>;
  villages: VillageReport[];
  students: StudentReport[];
}

function noForms(): FormCounts {
  return Object.fromEntries(FORMS.map((f) => [f, 0])) as FormCounts;
}

function outcomeOf(v: VillageRecord): VillageReport["outcome"] {
  if (!v.result) return "playing";
  if (v.result.endedEarly) return "endedEarly";
  return v.result.won ? "won" : "lost";
}

export function buildClassReport(
  meta: ClassMeta,
  villages: readonly VillageRecord[],
  students: readonly StudentRecord[],
  quizzes: readonly QuizRecord[],
): ClassReport {
  const byIndex = new Map(villages.map((v) => [v.index, v]));
  const villageReports: VillageReport[] = [...villages]
    .sort((a, b) => a.index - b.index)
    .map((v) => {
      const forms = noForms();
      for (const e of v.log) forms[e.form]++;
      return {
        index: v.index,
        outcome: outcomeOf(v),
        stars: v.result?.stars ?? 0,
        season: v.season,
        seasons: v.seasons,
        meterHistory: v.meterHistory,
        forms,
        timeline: v.log,
        projectsDone: v.projects.filter((p) => p.status === "done").map((p) => p.kind),
        reasons: v.result?.reasons ?? [],
      };
    });
  const quizOf = new Map(quizzes.map((q) => [q.studentId, q]));
  const studentReports = [...students]
    .sort((a, b) => a.village - b.village || a.name.localeCompare(b.name, "id"))
    .map((s): StudentReport => {
      const village = byIndex.get(s.village);
      const household = village?.households.find((h) => h.studentId === s.studentId);
      const forms = noForms();
      let trades = 0;
      if (household) {
        for (const e of village!.log) {
          if (!e.actors.includes(household.seatId)) continue;
          forms[e.form]++;
          if (e.what.key === "coop.trade") trades++;
        }
      }
      const q = quizOf.get(s.studentId);
      const scored = q ? scoreQuiz(q.itemIds, q.answers) : null;
      return {
        studentId: s.studentId,
        name: s.name,
        village: s.village,
        role: household?.role ?? "",
        forms,
        contributed: household?.contributed ?? 0,
        trades,
        trustKept: household?.trustKept ?? 0,
        trustBroken: household?.trustBroken ?? 0,
        quiz:
          scored?.ok === true
            ? {
                correct: scored.correct,
                total: scored.total,
                missed: scored.results
                  .filter((r) => !r.correct)
                  .map((r) => ({ itemId: r.itemId, tag: r.tag })),
              }
            : null,
      };
    });
  return {
    classId: meta.id,
    code: meta.code,
    createdAt: meta.createdAt,
    endedAt: meta.endedAt,
    settings: meta.settings,
    villages: villageReports,
    students: studentReports,
  };
}

/** Column headings of the CSV, per language (the forms by their names, which stay Indonesian). */
function csvHeadings(lang: Lang): string[] {
  const form = (f: Form) => translate(lang, `form.${f}`);
  return lang === "id"
    ? [
        "Nama",
        "Desa",
        "Peran",
        ...FORMS.map(form),
        "Sumbangan",
        "Tawar-menawar",
        "Janji ditepati",
        "Janji diingkari",
        "Kuis benar",
        "Kuis soal",
        "Soal salah",
      ]
    : [
        "Name",
        "Desa",
        "Role",
        ...FORMS.map(form),
        "Contributed",
        "Trades",
        "Promises kept",
        "Promises broken",
        "Quiz correct",
        "Quiz items",
        "Items missed",
      ];
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote what needs it; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The report as CSV, one row per student: UTF-8 with a byte-order mark (so spreadsheets read
 * Indonesian names right), CRLF line ends (RFC 4180), comma-separated or, for spreadsheets set to
 * Indonesian (whose list separator is ";"), semicolon-separated.
 */
export function reportCsv(report: ClassReport, lang: Lang = "id", separator: "," | ";" = ","): string {
  const rows: (string | number)[][] = [csvHeadings(lang)];
  for (const s of report.students) {
    rows.push([
      s.name,
      s.village + 1,
      s.role,
      ...FORMS.map((f) => s.forms[f]),
      s.contributed,
      s.trades,
      s.trustKept,
      s.trustBroken,
      s.quiz?.correct ?? "",
      s.quiz?.total ?? "",
      s.quiz?.missed.map((m) => m.itemId).join(" ") ?? "",
    ]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(separator)).join("\r\n")}\r\n`;
}
