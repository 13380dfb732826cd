import {
  buildDebrief,
  type CoopLogEntry,
  type Debrief,
  type DebriefInput,
  type DebriefReply,
  type Form,
  type FormSummary,
  PURPOSE_GLOSSARY,
  START_METERS,
  type TextRef,
  translate,
} from "@bangun-desa/shared";
import type { VillageState } from "@bangun-desa/shared/schema";
import { ASSET_URLS } from "../game/assets.ts";
import { type Lang, type UiKey, ui } from "../i18n.ts";
import type { Network } from "../net/Network.ts";
import { h, replaceChildren } from "../ui/dom.ts";
import { recordGame } from "./history.ts";
import type { Kamus } from "./Kamus.ts";
import { Quiz, type QuizScoreView } from "./Quiz.ts";
import { learnText, lt } from "./text.ts";

/** What the result screen needs from the HUD. */
export interface ResultHost {
  readonly net: Network;
  lang(): Lang;
  readonly kamus: Kamus;
  playAgain(): void;
  /** Switch ID ⇄ EN (the top bar's button is out of reach under this dialog). */
  switchLang(): void;
}

/** Seasons as short runs: [1, 2, 3, 5] → "1–3, 5". */
function seasonList(seasons: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < seasons.length; ) {
    let j = i;
    while (j + 1 < seasons.length && seasons[j + 1] === seasons[j]! + 1) j++;
    runs.push(j > i ? `${seasons[i]}–${seasons[j]}` : `${seasons[i]}`);
    i = j + 1;
  }
  return runs.join(", ");
}

function parseParams(json: string): Record<string, string | number> {
  try {
    return JSON.parse(json || "{}") as Record<string, string | number>;
  } catch {
    return {};
  }
}

/**
 * What the synced state still holds, as a debrief input: used when the room does not answer
 * `debrief` (the synced log keeps only its latest entries, so the screen says it is partial).
 */
function inputFromState(state: VillageState, seatId: string): DebriefInput {
  return {
    log: [...state.log].map(
      (e): CoopLogEntry => ({
        seq: e.seq,
        form: e.form as Form,
        season: e.season,
        actors: [...e.actors],
        what: { key: e.key, params: parseParams(e.params) },
      }),
    ),
    meterHistory: [{ season: 0, ...START_METERS }],
    households: [...state.players.values()].map((p) => ({
      seatId: p.id,
      studentId: "",
      name: p.name,
      role: p.role,
      isBot: p.isBot,
      contributed: p.contributed,
      trustKept: p.trustKept,
      trustBroken: p.trustBroken,
    })),
    result: null,
    projects: [...state.projects.values()].map((p) => ({ kind: p.kind, status: p.status })),
    mySeatId: seatId,
  };
}

/**
 * The end of the game in one dialog: the result (title, stars, why), then the debrief built by the
 * shared `buildDebrief` from the room's `debrief` reply — the village's cooperation by form, my own
 * part, the purposes of kerja sama reached and missed, one what-if question — and the quiz. The
 * game goes into this device's history when the result shows, and again with the quiz score.
 */
export class ResultScreen {
  private state: VillageState | null = null;
  private debrief: Debrief | null = null;
  /** The debrief came from the synced state only (the room did not answer). */
  private partial = false;
  private view: "debrief" | "quiz" = "debrief";
  private readonly quiz: Quiz;
  private historyId = "";

  constructor(
    readonly dialog: HTMLDialogElement,
    private readonly host: ResultHost,
  ) {
    this.quiz = new Quiz({
      net: host.net,
      lang: () => host.lang(),
      rerender: (focusId) => this.render(focusId),
      scored: (score) => this.scored(score),
      back: () => {
        this.view = "debrief";
        this.render("quiz-start");
      },
    });
    // The result is the end: Esc does not close it (the Kamus over it still closes with Esc).
    dialog.addEventListener("cancel", (e) => e.preventDefault());
  }

  get shown(): boolean {
    return this.state !== null;
  }

  /** Show the result (once) and start building the debrief. */
  show(state: VillageState): void {
    if (this.state) return;
    this.state = state;
    const lastSeq = state.log.length > 0 ? state.log[state.log.length - 1]!.seq : 0;
    this.historyId = [
      state.code || `desa${state.villageNumber}`,
      this.host.net.seatId,
      state.seasons,
      lastSeq,
    ].join("|");
    this.record(null);
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.scrollTop = 0;
    void this.load(state);
  }

  /** The language changed: draw again. */
  refresh(): void {
    if (this.state) this.render();
  }

  private async load(state: VillageState): Promise<void> {
    const reply = await this.host.net.ask<DebriefReply>("debrief");
    const meters = { welfare: state.welfare, harmony: state.harmony, unity: state.unity };
    const input: DebriefInput = reply
      ? {
          log: reply.log,
          meterHistory: reply.meterHistory,
          households: reply.households,
          result: reply.result,
          projects: reply.projects,
          mySeatId: this.host.net.seatId,
          meters,
        }
      : { ...inputFromState(state, this.host.net.seatId), meters };
    this.partial = !reply;
    this.debrief = buildDebrief(input);
    this.render();
    void this.quiz.prefetch().then(() => this.render());
  }

  private scored(score: QuizScoreView): void {
    this.record({ correct: score.correct, total: score.total });
    if (this.view === "debrief") this.render();
  }

  private record(quiz: { correct: number; total: number } | null): void {
    const s = this.state;
    if (!s) return;
    recordGame({
      id: this.historyId,
      won: s.won,
      endedEarly: s.endedEarly,
      stars: s.stars,
      season: s.season,
      seasons: s.seasons,
      quiz,
      difficulty: s.difficulty,
    });
  }

  private render(focusId?: string): void {
    const state = this.state;
    if (!state) return;
    const quiz = this.view === "quiz";
    this.dialog.setAttribute("aria-labelledby", quiz ? "quiz-title" : "result-title");
    replaceChildren(this.dialog, this.langButton(), ...(quiz ? this.quiz.render() : this.debriefView(state)));
    if (focusId) {
      const target = this.dialog.querySelector<HTMLElement>(`#${focusId}`);
      target?.focus();
      if (focusId === "quiz-title" || focusId === "quiz-stem") this.dialog.scrollTop = 0;
    }
  }

  private langButton(): HTMLElement {
    const lang = this.host.lang();
    const other = lang === "id" ? "EN" : "ID";
    return h(
      "button",
      {
        class: "lang-btn result-lang",
        type: "button",
        "data-key": "result-lang",
        "aria-label": `${other}: ${this.t("lang.switchLabel")}`,
        on: { click: () => this.host.switchLang() },
      },
      other,
    );
  }

  private t(key: UiKey, params?: Record<string, string | number>): string {
    return ui(this.host.lang(), key, params);
  }

  private debriefView(state: VillageState): (Node | null)[] {
    const lang = this.host.lang();
    let reasons: TextRef[] = [];
    try {
      reasons = JSON.parse(state.resultReasons || "[]");
    } catch {
      reasons = [];
    }
    const stars = state.stars;
    const d = this.debrief;
    return [
      h("img", { class: "logo", src: ASSET_URLS["ui/logo"] ?? "", alt: "", width: 200, height: 75 }),
      h(
        "h2",
        { id: "result-title", tabindex: -1, autofocus: true },
        this.t(state.won ? "result.won" : state.endedEarly ? "result.endedEarly" : "result.lost"),
      ),
      h(
        "p",
        { class: "stars" },
        ...[1, 2, 3].map((i) =>
          h(
            "span",
            { class: i <= stars ? "star on" : "star off", "aria-hidden": "true" },
            i <= stars ? "★" : "☆",
          ),
        ),
        h("span", { class: "stars-text" }, this.t("result.stars", { n: stars })),
      ),
      h("h3", {}, this.t("result.why")),
      h("ul", { class: "reasons" }, ...reasons.map((r) => h("li", {}, translate(lang, r.key, r.params)))),
      ...(d
        ? [
            this.partial ? h("p", { class: "debrief-partial" }, lt(lang, "debrief.partial")) : null,
            this.timeline(lang, d),
            this.myPart(lang, d),
            this.purposes(lang, d),
            this.whatIf(lang, d),
          ]
        : [h("p", { class: "debrief-loading", role: "status" }, lt(lang, "debrief.loading"))]),
      h(
        "div",
        { class: "debrief-quiz" },
        this.quiz.done ? null : h("p", { class: "hint" }, lt(lang, "debrief.quizHint")),
        h(
          "button",
          {
            class: "btn btn-primary btn-big",
            type: "button",
            id: "quiz-start",
            "data-key": "quiz-start",
            on: {
              click: () => {
                this.view = "quiz";
                void this.quiz.start();
              },
            },
          },
          lt(lang, this.quiz.done ? "debrief.quizResult" : "debrief.quizStart"),
        ),
      ),
      h(
        "button",
        {
          class: "btn btn-secondary btn-big",
          type: "button",
          "data-key": "again",
          on: { click: () => this.host.playAgain() },
        },
        this.t("result.again"),
      ),
    ];
  }

  private formName(lang: Lang, form: Form): string {
    return translate(lang, `form.${form}`);
  }

  /** "Gotong royong · 9 kali · musim 1, 2, 3 [?]" and the things done that way. */
  private timeline(lang: Lang, d: Debrief): HTMLElement {
    const line = (f: FormSummary) => {
      const used = f.count > 0;
      return h(
        "li",
        { class: `debrief-form${used ? "" : " unused"}`, "data-form": f.form },
        h(
          "p",
          { class: "debrief-form-head" },
          this.host.kamus.link(f.form),
          h("span", { class: "debrief-form-mark", "aria-hidden": "true" }, used ? "●" : "○"),
          h("strong", {}, this.formName(lang, f.form)),
          " · ",
          h(
            "span",
            { class: "debrief-count" },
            used
              ? f.count === 1
                ? lt(lang, "debrief.once")
                : lt(lang, "debrief.times", { n: f.count })
              : lt(lang, "debrief.notUsed"),
          ),
          used
            ? ` · ${lt(lang, f.seasons.length > 1 ? "debrief.inSeasons" : "debrief.inSeason", { list: seasonList(f.seasons) })}`
            : "",
        ),
        f.things.length > 0
          ? h("p", { class: "debrief-things" }, f.things.map((t) => learnText(lang, t)).join(", "))
          : null,
      );
    };
    return h(
      "section",
      { class: "debrief-section", id: "debrief-timeline", "aria-labelledby": "debrief-timeline-title" },
      h("h3", { id: "debrief-timeline-title" }, lt(lang, "debrief.timeline")),
      h("p", {}, d.total > 0 ? lt(lang, "debrief.total", { n: d.total }) : lt(lang, "debrief.totalNone")),
      h("ul", { class: "debrief-forms" }, ...d.forms.map(line)),
    );
  }

  private myPart(lang: Lang, d: Debrief): HTMLElement | null {
    const me = d.me;
    if (!me) return null;
    const number = new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 1 });
    const forms = d.forms.map((f) => f.form).filter((f) => me.forms[f] > 0);
    return h(
      "section",
      { class: "debrief-section", id: "debrief-me", "aria-labelledby": "debrief-me-title" },
      h("h3", { id: "debrief-me-title" }, lt(lang, "debrief.me")),
      h("p", {}, me.total > 0 ? lt(lang, "debrief.meTotal", { n: me.total }) : lt(lang, "debrief.meNone")),
      forms.length > 0
        ? h(
            "ul",
            { class: "debrief-my-forms" },
            ...forms.map((f) =>
              h(
                "li",
                { "data-form": f },
                lt(lang, "debrief.meForm", { form: this.formName(lang, f), n: me.forms[f] }),
              ),
            ),
          )
        : null,
      h(
        "p",
        { class: `debrief-versus versus-${me.versus}` },
        lt(lang, "debrief.contributed", { n: me.contributed, avg: number.format(me.average) }),
        " ",
        h("strong", {}, lt(lang, `debrief.versus.${me.versus}`)),
      ),
      h("p", {}, lt(lang, "debrief.trust", { kept: me.trustKept, broken: me.trustBroken })),
    );
  }

  private purposes(lang: Lang, d: Debrief): HTMLElement {
    return h(
      "section",
      { class: "debrief-section", id: "debrief-purposes", "aria-labelledby": "debrief-purposes-title" },
      h("h3", { id: "debrief-purposes-title" }, lt(lang, "debrief.purposes")),
      h(
        "ul",
        { class: "debrief-purpose-list" },
        ...d.purposes.map((p) =>
          h(
            "li",
            {
              class: `debrief-purpose ${p.achieved ? "achieved" : "missed"}`,
              "data-purpose": p.purpose,
              "data-achieved": p.achieved ? "true" : "false",
            },
            h(
              "p",
              { class: "purpose-head" },
              h("span", { class: "purpose-mark", "aria-hidden": "true" }, p.achieved ? "✓" : "✗"),
              h("strong", {}, PURPOSE_GLOSSARY[p.purpose].term[lang]),
              " ",
              h(
                "span",
                { class: "purpose-status" },
                lt(lang, p.achieved ? "debrief.achieved" : "debrief.missed"),
              ),
            ),
            h("p", { class: "purpose-why" }, learnText(lang, p.reason)),
          ),
        ),
      ),
    );
  }

  private whatIf(lang: Lang, d: Debrief): HTMLElement {
    const w = d.whatIf;
    const form = this.formName(lang, w.form);
    return h(
      "section",
      {
        class: "debrief-section debrief-whatif",
        id: "debrief-whatif",
        "aria-labelledby": "debrief-whatif-title",
      },
      h("h3", { id: "debrief-whatif-title" }, lt(lang, "debrief.whatIf")),
      h("p", { class: "whatif-question", "data-form": w.form }, lt(lang, `debrief.whatIf.${w.form}`)),
      h(
        "p",
        {},
        w.count > 0
          ? lt(lang, "debrief.whatIfUsed", { form, n: w.count })
          : lt(lang, "debrief.whatIfUnused", { form }),
        " ",
        this.host.kamus.link(w.form, lt(lang, "kamus.readMore")),
      ),
      w.purpose
        ? h("p", {}, lt(lang, "debrief.whatIfPurpose", { purpose: PURPOSE_GLOSSARY[w.purpose].term[lang] }))
        : null,
    );
  }
}
