/**
 * The class report (`#report`): headline, one section per village (outcome, stars, projects, a
 * line chart of its meters over the seasons, cooperation counts per form and season) and the
 * students (a table and a stacked bar chart of forms per student), with CSV / JSON downloads,
 * printing and deleting the class's data. The report is built on the server (shared
 * `buildClassReport`); this module only draws it, always through text nodes.
 *
 * It covers the page (body.report-open hides the other screens in CSS), so a live class behind it
 * can keep redrawing; "Kembali" uncovers whatever was there.
 */
import {
  type ClassReport,
  type CreatedClass,
  FORMS,
  type Form,
  GLOSSARY_BY_ID,
  type GlossaryId,
  type StudentReport,
  translate,
  translateRef,
  type VillageReport,
} from "@bangun-desa/shared";
import { h, replaceChildren } from "../ui/dom.ts";
import { ApiError } from "./api.ts";
import { formsChart, METER_KEYS, type MeterKey, meterChart } from "./charts.ts";
import { deleteClassData, formatDate, offerForget } from "./history.ts";
import { announce, byId, errorText, onLangChange, page, showError, t } from "./page.ts";
import { type CsvSeparator, fetchCsv, fetchReport, safeName, saveBlob } from "./reportApi.ts";
import { pastClasses, rememberClass } from "./store.ts";
import type { GuruKey } from "./strings.ts";

interface Open {
  created: CreatedClass;
  from: HTMLElement | null;
  report: ClassReport | null;
  /** Bumped on every load, so an old answer never draws over a newer one. */
  load: number;
}

let open: Open | null = null;
let loads = 0;

const section = () => byId("report");
const body = () => byId("report-body");

// ── Opening and closing ────────────────────────────────────────────────────

export async function openReport(created: CreatedClass, from: HTMLElement | null = null): Promise<void> {
  open = { created, from, report: null, load: ++loads };
  document.body.classList.add("report-open");
  section().hidden = false;
  byId("report-title").textContent = t("report.title", { code: created.code });
  window.scrollTo(0, 0);
  byId("report-title").focus();
  await load();
}

export function closeReport(): void {
  if (!open) return;
  const from = open.from;
  open = null;
  section().hidden = true;
  document.body.classList.remove("report-open");
  replaceChildren(body());
  if (from?.isConnected && from.offsetParent !== null) from.focus();
  else byId("content").focus();
}

export function reportIsOpen(): boolean {
  return open !== null;
}

async function load(): Promise<void> {
  if (!open) return;
  const mine = open;
  mine.load = ++loads;
  section().setAttribute("aria-busy", "true");
  replaceChildren(body(), h("p", { class: "report-status", role: "status" }, t("report.loading")));
  try {
    const report = await fetchReport(mine.created);
    if (open !== mine || mine.load !== loads) return;
    mine.report = report;
    // The list shows the date the server recorded (classes from before the list had none).
    if (typeof report.createdAt === "number" && report.createdAt > 0) {
      const known = pastClasses().find((c) => c.roomId === mine.created.roomId);
      if (!known || known.createdAt !== report.createdAt) rememberClass(mine.created, report.createdAt);
    }
    render();
  } catch (error) {
    if (open !== mine || mine.load !== loads) return;
    const code = error instanceof ApiError ? error.code : "network";
    renderFailure(code, error instanceof ApiError ? error.params : undefined);
  } finally {
    if (open === mine) section().removeAttribute("aria-busy");
  }
}

function renderFailure(code: string, params?: Record<string, string | number>): void {
  if (!open) return;
  const created = open.created;
  const gone = code === "codeNotFound";
  const text =
    code === "network" ? t("report.failed") : gone ? t("report.notFound") : errorText(code, params);
  replaceChildren(
    body(),
    h("p", { class: "form-error report-error", role: "alert" }, text),
    h(
      "div",
      { class: "button-row" },
      h(
        "button",
        { class: "btn btn-primary", type: "button", id: "report-retry", on: { click: () => void load() } },
        h("span", { "aria-hidden": "true" }, "⟲"),
        ` ${t("report.retry")}`,
      ),
      gone &&
        pastClasses().some((c) => c.roomId === created.roomId) &&
        h(
          "button",
          {
            class: "btn btn-danger",
            type: "button",
            id: "report-forget",
            on: {
              click: () =>
                void offerForget(created).then((forgotten) => {
                  if (forgotten) closeReport();
                }),
            },
          },
          h("span", { "aria-hidden": "true" }, "✕"),
          ` ${t("report.forget")}`,
        ),
    ),
  );
}

// ── Actions ────────────────────────────────────────────────────────────────

async function downloadCsv(sep: CsvSeparator, button: HTMLButtonElement): Promise<void> {
  if (!open) return;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    const { blob, name } = await fetchCsv(open.created, page.lang, sep);
    saveBlob(blob, name);
    showError(null);
    announce(t("report.downloaded", { name }));
  } catch (error) {
    const code = error instanceof ApiError ? error.code : "network";
    showError(code === "network" ? t("report.failed") : errorText(code));
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

function downloadJson(): void {
  if (!open?.report) return;
  const report = open.report;
  const day =
    typeof report.createdAt === "number" ? new Date(report.createdAt).toISOString().slice(0, 10) : "";
  const name =
    safeName(`laporan-${report.code || open.created.code}${day ? `-${day}` : ""}.json`) ?? "laporan.json";
  saveBlob(new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: "application/json" }), name);
  announce(t("report.downloaded", { name }));
}

async function deleteData(): Promise<void> {
  if (!open) return;
  const created = open.created;
  if (await deleteClassData(created)) {
    if (open?.created.roomId === created.roomId) closeReport();
  }
}

/** Printing shows every table, including the numbers behind the charts. */
function printReport(): void {
  const closed = [...section().querySelectorAll<HTMLDetailsElement>("details:not([open])")];
  for (const d of closed) d.open = true;
  window.addEventListener(
    "afterprint",
    () => {
      for (const d of closed) d.open = false;
    },
    { once: true },
  );
  window.print();
}

// ── Drawing ────────────────────────────────────────────────────────────────

const num = (value: unknown): number => {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
};

function formName(form: string): string {
  return translate(page.lang, `form.${form}`);
}

function villageLabel(index: number): string {
  return t("board.village", { n: num(index) + 1 });
}

function roleName(role: string): string {
  if (!role) return "–";
  const text = translate(page.lang, `role.${role}`);
  return text === `role.${role}` ? role : text;
}

function projectName(kind: string): string {
  if (kind === "rumah") {
    const name = translate(page.lang, "projectName.rumah");
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
  const text = translate(page.lang, `project.${kind}`);
  return text === `project.${kind}` ? kind : text;
}

/** A quiz tag in words: a form's name, or "Faktor: …" / "Tujuan: …" from the glossary. */
export function tagName(tag: string): string {
  const [kind, id] = tag.includes(":") ? tag.split(":", 2) : ["form", tag];
  const term = GLOSSARY_BY_ID[id as GlossaryId]?.term?.[page.lang];
  if (kind === "form") return (FORMS as readonly string[]).includes(id!) ? formName(id!) : tag;
  if (!term) return tag;
  if (kind === "factor") return t("report.tag.factor", { term });
  if (kind === "purpose") return t("report.tag.purpose", { term });
  return term;
}

function meterName(key: MeterKey): string {
  return translate(page.lang, `meter.${key}`);
}

function th(text: string, scope: "col" | "row", extra: Record<string, string> = {}): HTMLElement {
  return h("th", { scope, ...extra }, text);
}

function headline(report: ClassReport): HTMLElement {
  const villages = Array.isArray(report.villages) ? report.villages.length : 0;
  const students = Array.isArray(report.students) ? report.students.length : 0;
  const item = (key: GuruKey, value: string | Node, cls = "") =>
    h("div", { class: `report-fact ${cls}`.trim() }, h("dt", {}, t(key)), h("dd", {}, value));
  return h(
    "dl",
    { class: "report-summary", "aria-label": t("report.summary") },
    item("report.code", report.code || open!.created.code, "report-fact-code"),
    item("report.created", formatDate(report.createdAt)),
    item("report.ended", report.endedAt ? formatDate(report.endedAt) : t("report.notEnded")),
    item("report.villageCount", String(villages)),
    item("report.studentCount", String(students)),
  );
}

function actions(): HTMLElement {
  const button = (id: string, icon: string, key: GuruKey, click: (e: Event) => void, cls = "btn") =>
    h(
      "button",
      {
        id,
        class: cls,
        type: "button",
        title: id === "download-csv-semicolon" ? t("report.csvSemicolonHint") : undefined,
        on: { click },
      },
      h("span", { "aria-hidden": "true" }, icon),
      ` ${t(key)}`,
    );
  return h(
    "div",
    { class: "button-row report-actions", role: "group", "aria-label": t("report.actions") },
    button(
      "download-csv",
      "⇩",
      "report.csv",
      (e) => void downloadCsv("comma", e.currentTarget as HTMLButtonElement),
    ),
    button(
      "download-csv-semicolon",
      "⇩",
      "report.csvSemicolon",
      (e) => void downloadCsv("semicolon", e.currentTarget as HTMLButtonElement),
    ),
    button("download-json", "⇩", "report.json", () => downloadJson()),
    button("print-report", "≡", "report.print", () => printReport()),
    button("delete-class", "✕", "report.delete", () => void deleteData(), "btn btn-danger"),
  );
}

function outcomeLine(v: VillageReport): HTMLElement {
  const outcome = ["won", "lost", "endedEarly", "playing"].includes(v.outcome) ? v.outcome : "playing";
  const icon = { won: "★", lost: "•", endedEarly: "■", playing: "▶" }[outcome];
  const stars = Math.max(0, Math.min(3, Math.round(num(v.stars))));
  return h(
    "p",
    { class: `report-outcome outcome-${outcome}`, "data-outcome": outcome },
    h(
      "span",
      { class: "report-outcome-word" },
      h("span", { "aria-hidden": "true" }, icon),
      ` ${t(`report.outcome.${outcome}` as GuruKey)}`,
    ),
    h(
      "span",
      { class: "report-stars" },
      h("span", { "aria-hidden": "true" }, `${"★".repeat(stars)}${"☆".repeat(3 - stars)} `),
      num(v.stars) === 1 ? t("report.oneStar") : t("board.stars", { n: num(v.stars) }),
    ),
    num(v.seasons) > 0 &&
      h(
        "span",
        { class: "report-season" },
        t("board.season", { season: num(v.season), seasons: num(v.seasons) }),
      ),
  );
}

function metersFigure(v: VillageReport): HTMLElement {
  const history = Array.isArray(v.meterHistory) ? v.meterHistory : [];
  const village = villageLabel(v.index);
  const sorted = [...history].sort((a, b) => num(a.season) - num(b.season));
  const first = sorted[0];
  const last = sorted.at(-1);
  const summary =
    first && last
      ? t("chart.meters.label", {
          village,
          from: num(first.season),
          to: num(last.season),
          lines: METER_KEYS.map((k) =>
            t("chart.meters.line", { meter: meterName(k), from: num(first[k]), to: num(last[k]) }),
          ).join("; "),
        })
      : t("chart.meters.empty", { village });
  const captionId = `chart-meters-${v.index}-caption`;
  return h(
    "figure",
    { class: "report-figure", "aria-labelledby": captionId },
    h("figcaption", { id: captionId }, t("report.meters")),
    sorted.length === 0
      ? h("p", { class: "hint", id: `chart-meters-${v.index}` }, summary)
      : h(
          "div",
          { class: "chart", tabindex: 0, role: "group", "aria-labelledby": captionId },
          meterChart(`chart-meters-${v.index}`, sorted, {
            summary,
            season: t("chart.season"),
            value: t("chart.value"),
            meters: {
              welfare: meterName("welfare"),
              harmony: meterName("harmony"),
              unity: meterName("unity"),
            },
          }),
        ),
    sorted.length > 0 &&
      h(
        "details",
        { class: "report-numbers" },
        h("summary", {}, t("report.metersTable")),
        h(
          "div",
          {
            class: "table-scroll",
            role: "region",
            tabindex: 0,
            "aria-label": `${t("report.metersTable")} · ${village}`,
          },
          h(
            "table",
            { class: "report-table", "data-table": `meters-${v.index}` },
            h("caption", { class: "visually-hidden" }, `${t("report.meters")} · ${village}`),
            h(
              "thead",
              {},
              h("tr", {}, th(t("chart.season"), "col"), ...METER_KEYS.map((k) => th(meterName(k), "col"))),
            ),
            h(
              "tbody",
              {},
              ...sorted.map((p) =>
                h(
                  "tr",
                  {},
                  th(String(num(p.season)), "row"),
                  ...METER_KEYS.map((k) => h("td", { class: "num" }, String(num(p[k])))),
                ),
              ),
            ),
          ),
        ),
      ),
  );
}

function timelineTable(v: VillageReport): HTMLElement {
  const timeline = Array.isArray(v.timeline) ? v.timeline : [];
  const captionId = `timeline-${v.index}-caption`;
  const label = `${t("report.timeline")} · ${villageLabel(v.index)}`;
  if (timeline.length === 0) {
    return h(
      "div",
      { class: "report-timeline" },
      h("h5", { id: captionId }, t("report.timeline")),
      h("p", { class: "hint" }, t("report.timelineEmpty")),
    );
  }
  const seasonsSeen = timeline.map((e) => num(e.season));
  const lastSeason = Math.max(num(v.season), ...seasonsSeen);
  const firstSeason = Math.min(1, ...seasonsSeen);
  const seasons: number[] = [];
  for (let s = firstSeason; s <= lastSeason; s++) seasons.push(s);
  const counts = new Map<string, number>();
  for (const e of timeline)
    counts.set(`${e.form}:${num(e.season)}`, (counts.get(`${e.form}:${num(e.season)}`) ?? 0) + 1);
  const totalOf = (form: Form) => num(v.forms?.[form]) || timeline.filter((e) => e.form === form).length;
  return h(
    "div",
    { class: "report-timeline" },
    h("h5", { id: captionId }, t("report.timeline")),
    h(
      "div",
      { class: "table-scroll", role: "region", tabindex: 0, "aria-label": label },
      h(
        "table",
        { class: "report-table", "data-table": `timeline-${v.index}` },
        h("caption", { class: "visually-hidden" }, label),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col", rowspan: 2 }, t("report.form")),
            h("th", { scope: "colgroup", colspan: seasons.length, class: "season-group" }, t("chart.season")),
            h("th", { scope: "col", rowspan: 2, class: "num" }, t("report.total")),
          ),
          h(
            "tr",
            { class: "season-row" },
            ...seasons.map((s) =>
              h(
                "th",
                { scope: "col", class: "num" },
                h("span", { class: "visually-hidden" }, `${t("chart.season")} `),
                String(s),
              ),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          ...FORMS.map((form) =>
            h(
              "tr",
              { "data-form": form },
              th(formName(form), "row"),
              ...seasons.map((s) => {
                const n = counts.get(`${form}:${s}`) ?? 0;
                return h("td", { class: `num${n === 0 ? " zero" : ""}` }, String(n));
              }),
              h("td", { class: "num total" }, String(totalOf(form))),
            ),
          ),
        ),
      ),
    ),
  );
}

function villageSection(v: VillageReport): HTMLElement {
  const titleId = `report-village-${v.index}-title`;
  const done = Array.isArray(v.projectsDone) ? v.projectsDone : [];
  const reasons = Array.isArray(v.reasons) ? v.reasons : [];
  return h(
    "article",
    { class: "card report-village", id: `report-village-${v.index}`, "aria-labelledby": titleId },
    h("h4", { id: titleId }, villageLabel(v.index)),
    outcomeLine(v),
    h(
      "p",
      { class: "report-projects" },
      h("strong", {}, `${t("report.projects")}: `),
      done.length === 0 ? t("report.noProjects") : done.map((k) => projectName(String(k))).join(", "),
    ),
    reasons.length > 0 &&
      h(
        "ul",
        { class: "report-reasons", "aria-label": t("report.reasons") },
        ...reasons.map((ref) => h("li", {}, translateRef(page.lang, ref))),
      ),
    metersFigure(v),
    timelineTable(v),
  );
}

function formsFigure(students: readonly StudentReport[]): HTMLElement {
  const totals = FORMS.map(
    (f) => `${formName(f)} ${students.reduce((sum, s) => sum + num(s.forms?.[f]), 0)}`,
  );
  const any = students.some((s) => FORMS.some((f) => num(s.forms?.[f]) > 0));
  const summary = t("chart.forms.label", { n: students.length, totals: totals.join(", ") });
  const captionId = "chart-forms-caption";
  return h(
    "figure",
    { class: "report-figure", "aria-labelledby": captionId },
    h("figcaption", { id: captionId }, t("report.formsChart")),
    !any && h("p", { class: "hint" }, t("chart.forms.empty")),
    h(
      "div",
      { class: "chart", tabindex: 0, role: "group", "aria-labelledby": captionId },
      formsChart(
        "chart-forms",
        students.map((s) => ({ name: String(s.name), note: villageLabel(s.village), counts: s.forms ?? {} })),
        {
          summary,
          axis: t("chart.count"),
          forms: Object.fromEntries(FORMS.map((f) => [f, formName(f)])) as Record<Form, string>,
        },
      ),
    ),
  );
}

function missedCell(s: StudentReport): HTMLElement {
  const missed = s.quiz && Array.isArray(s.quiz.missed) ? s.quiz.missed : [];
  if (!s.quiz) return h("td", { class: "missed" }, "–");
  if (missed.length === 0) return h("td", { class: "missed" }, t("report.noneMissed"));
  return h(
    "td",
    { class: "missed" },
    h(
      "ul",
      {},
      ...missed.map((m) =>
        h(
          "li",
          { "data-item": String(m.itemId) },
          h("span", { class: "item-id" }, String(m.itemId)),
          " ",
          h("span", { class: "item-tag" }, `· ${tagName(String(m.tag))}`),
        ),
      ),
    ),
  );
}

function studentsTable(students: readonly StudentReport[]): HTMLElement {
  const captionId = "report-students-caption";
  const numCell = (n: unknown) => h("td", { class: "num" }, String(num(n)));
  return h(
    "div",
    { class: "table-scroll table-students", role: "region", tabindex: 0, "aria-labelledby": captionId },
    h(
      "table",
      { id: "report-students", class: "report-table" },
      h("caption", { id: captionId }, t("report.studentsCaption")),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          th(t("col.name"), "col", { class: "col-name" }),
          th(t("col.village"), "col"),
          th(t("col.role"), "col"),
          ...FORMS.map((f) => th(formName(f), "col", { "data-form": f })),
          th(t("col.contributed"), "col"),
          th(t("col.trades"), "col"),
          th(t("col.trustKept"), "col"),
          th(t("col.trustBroken"), "col"),
          th(t("col.quiz"), "col"),
          th(t("col.missed"), "col"),
        ),
      ),
      h(
        "tbody",
        {},
        ...students.map((s) =>
          h(
            "tr",
            { "data-student": String(s.studentId) },
            th(String(s.name), "row", { class: "col-name" }),
            h("td", { class: "nowrap" }, villageLabel(s.village)),
            h("td", {}, roleName(String(s.role ?? ""))),
            ...FORMS.map((f) => numCell(s.forms?.[f])),
            numCell(s.contributed),
            numCell(s.trades),
            numCell(s.trustKept),
            numCell(s.trustBroken),
            s.quiz
              ? h("td", { class: "num quiz" }, `${num(s.quiz.correct)}/${num(s.quiz.total)}`)
              : h(
                  "td",
                  { class: "num quiz" },
                  h("span", { "aria-hidden": "true" }, "–"),
                  h("span", { class: "visually-hidden" }, t("report.noQuiz")),
                ),
            missedCell(s),
          ),
        ),
      ),
    ),
  );
}

function render(): void {
  if (!open?.report) return;
  const report = open.report;
  byId("report-title").textContent = t("report.title", { code: report.code || open.created.code });
  const villages = Array.isArray(report.villages)
    ? [...report.villages].sort((a, b) => a.index - b.index)
    : [];
  const students = Array.isArray(report.students) ? report.students : [];
  replaceChildren(
    body(),
    headline(report),
    actions(),
    h(
      "section",
      { class: "report-part", "aria-labelledby": "report-villages-title" },
      h("h3", { id: "report-villages-title" }, t("report.villages")),
      villages.length === 0
        ? h("p", { class: "hint" }, t("report.noVillages"))
        : h("div", { class: "report-villages" }, ...villages.map(villageSection)),
    ),
    h(
      "section",
      { class: "report-part report-students-part", "aria-labelledby": "report-students-title" },
      h("h3", { id: "report-students-title" }, t("report.students")),
      students.length === 0
        ? h("p", { class: "hint" }, t("report.noStudents"))
        : h(
            "div",
            {},
            h("p", { class: "hint report-scroll-hint" }, t("report.scrollHint")),
            studentsTable(students),
            formsFigure(students),
          ),
    ),
  );
}

function init(): void {
  byId("report-back").addEventListener("click", () => closeReport());
  onLangChange(() => {
    if (!open) return;
    if (open.report) render();
    else byId("report-title").textContent = t("report.title", { code: open.created.code });
  });
}

init();
