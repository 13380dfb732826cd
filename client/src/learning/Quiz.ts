import {
  QUIZ_LETTERS,
  type QuizItem,
  type QuizItemResult,
  type QuizReply,
  quizItem,
  type SubmitQuizReply,
  scoreQuiz,
} from "@bangun-desa/shared";
import type { Lang } from "../i18n.ts";
import type { Network } from "../net/Network.ts";
import { h } from "../ui/dom.ts";
import { lt } from "./text.ts";

/** A scored quiz: what the server counted, and each item's result. */
export interface QuizScoreView {
  correct: number;
  total: number;
  results: QuizItemResult[];
}

/** What the quiz needs from the screen that shows it. */
export interface QuizHost {
  readonly net: Network;
  lang(): Lang;
  /** Draw the quiz again, then move focus to the element with this id (if any). */
  rerender(focusId?: string): void;
  /** The score is known (just handed in, or handed in before). */
  scored(score: QuizScoreView): void;
  /** Back to the debrief. */
  back(): void;
}

type Phase = "idle" | "loading" | "loadFailed" | "asking" | "sending" | "sendFailed" | "scored";

/** Answers in progress survive a reload of this tab (a phone that slept), for the same items. */
const PROGRESS_KEY = "bangun-desa.quizProgress";

interface Progress {
  ids: string[];
  answers: (number | null)[];
}

function readProgress(ids: readonly string[]): (number | null)[] | null {
  try {
    const p = JSON.parse(sessionStorage.getItem(PROGRESS_KEY) ?? "null") as Progress | null;
    if (!p || p.ids.join() !== ids.join() || p.answers.length !== ids.length) return null;
    return p.answers.map((a) => (Number.isInteger(a) && (a as number) >= 0 && (a as number) < 5 ? a : null));
  } catch {
    return null;
  }
}

function storeProgress(progress: Progress | null): void {
  try {
    if (progress) sessionStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    else sessionStorage.removeItem(PROGRESS_KEY);
  } catch {
    // No storage: a reload starts the quiz again.
  }
}

/**
 * The after-game quiz: the room's 10 items (`quiz`), one at a time with options A–E as big buttons;
 * after each answer the right one and the item's explanation; at the end the answers go to the room
 * (`submitQuiz`), which scores them and keeps the score for the teacher. A quiz handed in before
 * shows its score straight away. Texts come from the shared quiz bank, in the current language.
 */
export class Quiz {
  private phase: Phase = "idle";
  private ids: string[] = [];
  private items: QuizItem[] = [];
  private answers: (number | null)[] = [];
  private index = 0;
  private score: QuizScoreView | null = null;
  /** The room's `quiz` reply, asked for once (the debrief asks early, to know if it was handed in). */
  private reply: Promise<QuizReply | null> | null = null;

  constructor(private readonly host: QuizHost) {}

  /** Ask the room for the quiz now (once), so the debrief knows whether it was already handed in. */
  prefetch(): Promise<QuizReply | null> {
    if (!this.reply) {
      this.reply = this.host.net.ask<QuizReply>("quiz");
      void this.reply.then((r) => {
        if (r) this.take(r);
        else this.reply = null;
      });
    }
    return this.reply;
  }

  /** True once the score is known. */
  get done(): boolean {
    return this.score !== null;
  }

  /** Open the quiz: the score if it is known, else the items (loading them first if needed). */
  async start(): Promise<void> {
    if (this.phase === "scored" || this.phase === "asking") {
      this.host.rerender(this.phase === "asking" ? "quiz-stem" : "quiz-title");
      return;
    }
    this.phase = "loading";
    this.host.rerender("quiz-title");
    const reply = await this.prefetch();
    if (!reply || this.items.length === 0) {
      this.phase = "loadFailed";
      this.host.rerender("quiz-retry");
      return;
    }
    // `take` has run meanwhile: the quiz may turn out to be handed in already.
    this.host.rerender((this.phase as Phase) === "scored" ? "quiz-title" : "quiz-stem");
  }

  private take(reply: QuizReply): void {
    const items = reply.itemIds.map((id) => quizItem(id));
    if (items.some((i) => i === undefined)) return;
    this.ids = [...reply.itemIds];
    this.items = items as QuizItem[];
    if (reply.submitted) {
      const scored = scoreQuiz(this.ids, reply.submitted.answers);
      this.answers = [...reply.submitted.answers];
      this.finish({
        correct: reply.submitted.correct,
        total: reply.submitted.total,
        results: scored.ok ? scored.results : [],
      });
      return;
    }
    if (this.phase === "scored") return;
    this.answers = readProgress(this.ids) ?? this.ids.map(() => null);
    const next = this.answers.indexOf(null);
    this.index = next < 0 ? this.ids.length - 1 : next;
    this.phase = "asking";
  }

  private finish(score: QuizScoreView): void {
    this.score = score;
    this.phase = "scored";
    storeProgress(null);
    this.host.scored(score);
  }

  private choose(option: number): void {
    if (this.phase !== "asking" || this.answers[this.index] !== null) return;
    this.answers[this.index] = option;
    storeProgress({ ids: this.ids, answers: this.answers });
    this.host.rerender("quiz-next");
  }

  private next(): void {
    if (this.index < this.ids.length - 1) {
      this.index++;
      this.host.rerender("quiz-stem");
    } else {
      void this.submit();
    }
  }

  private async submit(): Promise<void> {
    this.phase = "sending";
    this.host.rerender("quiz-status");
    const reply = await this.host.net.ask<SubmitQuizReply>("submitQuiz", { answers: this.answers });
    if (reply) {
      this.finish({ correct: reply.correct, total: reply.total, results: reply.results });
      this.host.rerender("quiz-title");
      return;
    }
    // Refused: perhaps handed in already (from another tab); the room's `quiz` reply says so.
    const again = await this.host.net.ask<QuizReply>("quiz");
    if (again?.submitted) {
      this.take(again);
      this.host.rerender("quiz-title");
      return;
    }
    this.phase = "sendFailed";
    this.host.rerender("quiz-send");
  }

  /** The quiz screen's content for its current phase. */
  render(): (Node | null)[] {
    const lang = this.host.lang();
    if (this.phase === "scored" && this.score) return this.scoreView(lang, this.score);
    const head = h("h2", { id: "quiz-title", tabindex: -1 }, lt(lang, "quiz.title"));
    const back = h(
      "button",
      {
        class: "btn quiz-back",
        type: "button",
        "data-key": "quiz-back",
        on: { click: () => this.host.back() },
      },
      lt(lang, "quiz.back"),
    );
    if (this.phase === "loading" || this.phase === "idle") {
      return [
        head,
        h("p", { class: "quiz-status", id: "quiz-status", role: "status" }, lt(lang, "quiz.loading")),
      ];
    }
    if (this.phase === "loadFailed") {
      return [
        head,
        h("p", { class: "quiz-status warn", id: "quiz-status", role: "alert" }, lt(lang, "quiz.loadFailed")),
        h(
          "button",
          {
            class: "btn btn-primary btn-big",
            type: "button",
            id: "quiz-retry",
            "data-key": "quiz-retry",
            on: { click: () => void this.start() },
          },
          lt(lang, "quiz.retry"),
        ),
        back,
      ];
    }
    return [head, ...this.itemView(lang), back];
  }

  private itemView(lang: Lang): (Node | null)[] {
    const item = this.items[this.index]!;
    const total = this.items.length;
    const chosen = this.answers[this.index] ?? null;
    const answered = chosen !== null;
    const last = this.index === total - 1;
    const sending = this.phase === "sending";
    const right = item.options[item.answer]![lang];
    return [
      h(
        "p",
        { class: "quiz-progress", id: "quiz-progress" },
        lt(lang, "quiz.progress", { n: this.index + 1, total }),
      ),
      h("progress", {
        class: "quiz-bar",
        max: total,
        value: this.answers.filter((a) => a !== null).length,
        "aria-hidden": "true",
      }),
      h("p", { class: "quiz-stem", id: "quiz-stem", tabindex: -1, "data-item": item.id }, item.stem[lang]),
      h(
        "div",
        { class: "quiz-options", role: "group", "aria-label": lt(lang, "quiz.options") },
        ...item.options.map((option, i) => {
          const isRight = answered && i === item.answer;
          const isWrongChoice = answered && i === chosen && i !== item.answer;
          const state = isRight ? " right" : isWrongChoice ? " wrong" : answered ? " other" : "";
          return h(
            "button",
            {
              class: `quiz-option${state}${i === chosen ? " chosen" : ""}`,
              type: "button",
              "data-option": i,
              "data-item": item.id,
              "aria-pressed": i === chosen ? "true" : "false",
              "aria-disabled": answered ? "true" : null,
              on: { click: () => this.choose(i) },
            },
            h("span", { class: "quiz-letter" }, QUIZ_LETTERS[i]!),
            h("span", { class: "quiz-option-text" }, option[lang]),
            isRight || isWrongChoice
              ? h("span", { class: "quiz-mark", "aria-hidden": "true" }, isRight ? "✓" : "✗")
              : null,
            isRight || i === chosen
              ? h(
                  "span",
                  { class: "visually-hidden" },
                  ` (${[isRight ? lt(lang, "quiz.rightAnswer") : "", i === chosen ? lt(lang, "quiz.yourChoice") : ""].filter(Boolean).join(", ")})`,
                )
              : null,
          );
        }),
      ),
      h(
        "div",
        { class: "quiz-feedback", id: "quiz-feedback", role: "status" },
        answered
          ? h(
              "p",
              { class: chosen === item.answer ? "quiz-verdict right" : "quiz-verdict wrong" },
              h("span", { "aria-hidden": "true" }, chosen === item.answer ? "✓ " : "✗ "),
              chosen === item.answer
                ? lt(lang, "quiz.right")
                : lt(lang, "quiz.wrong", { letter: QUIZ_LETTERS[item.answer], answer: right }),
            )
          : null,
        answered ? h("p", { class: "quiz-explanation" }, item.explanation[lang]) : null,
      ),
      this.phase === "sending" || this.phase === "sendFailed"
        ? h(
            "p",
            {
              class: this.phase === "sendFailed" ? "quiz-status warn" : "quiz-status",
              id: "quiz-status",
              tabindex: -1,
              role: this.phase === "sendFailed" ? "alert" : "status",
            },
            lt(lang, this.phase === "sendFailed" ? "quiz.sendFailed" : "quiz.sending"),
          )
        : null,
      answered
        ? h(
            "button",
            {
              class: "btn btn-primary btn-big",
              type: "button",
              id: this.phase === "sendFailed" ? "quiz-send" : "quiz-next",
              "data-key": this.phase === "sendFailed" ? "quiz-send" : "quiz-next",
              disabled: sending,
              on: { click: () => this.next() },
            },
            lt(lang, this.phase === "sendFailed" ? "quiz.retry" : last ? "quiz.finish" : "quiz.next"),
          )
        : null,
    ];
  }

  private scoreView(lang: Lang, score: QuizScoreView): (Node | null)[] {
    const missed = score.results.filter((r) => !r.correct);
    const optionText = (item: QuizItem, i: number | null) =>
      i === null ? lt(lang, "quiz.blank") : `${QUIZ_LETTERS[i]}. ${item.options[i]![lang]}`;
    return [
      h("h2", { id: "quiz-title", tabindex: -1 }, lt(lang, "quiz.resultTitle")),
      h(
        "p",
        { class: "quiz-score", id: "quiz-score" },
        lt(lang, "quiz.score", { correct: score.correct, total: score.total }),
      ),
      missed.length === 0 && score.results.length > 0
        ? h(
            "p",
            { class: "quiz-all-right" },
            h("span", { "aria-hidden": "true" }, "★ "),
            lt(lang, "quiz.allRight"),
          )
        : null,
      missed.length > 0 ? h("h3", {}, lt(lang, "quiz.missed")) : null,
      missed.length > 0
        ? h(
            "ol",
            { class: "quiz-missed" },
            ...missed.map((r) => {
              const item = quizItem(r.itemId);
              if (!item) return null;
              return h(
                "li",
                { class: "quiz-missed-item", "data-item": r.itemId },
                h("p", { class: "quiz-stem" }, item.stem[lang]),
                h(
                  "p",
                  { class: "quiz-your" },
                  h("span", { "aria-hidden": "true" }, "✗ "),
                  lt(lang, "quiz.yourAnswer", { answer: optionText(item, r.chosen) }),
                ),
                h(
                  "p",
                  { class: "quiz-correct" },
                  h("span", { "aria-hidden": "true" }, "✓ "),
                  lt(lang, "quiz.correctAnswer", { answer: optionText(item, r.answer) }),
                ),
                h("p", { class: "quiz-explanation" }, item.explanation[lang]),
              );
            }),
          )
        : null,
      h(
        "button",
        {
          class: "btn btn-primary btn-big",
          type: "button",
          "data-key": "quiz-back",
          id: "quiz-back",
          on: { click: () => this.host.back() },
        },
        lt(lang, "quiz.back"),
      ),
    ];
  }
}
