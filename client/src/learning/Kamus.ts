import {
  COOP_FACTORS,
  COOP_PURPOSES,
  FACTOR_GLOSSARY,
  FORM_GLOSSARY,
  FORMS,
  type Form,
  type GlossaryId,
  PURPOSE_GLOSSARY,
  translate,
} from "@bangun-desa/shared";
import type { Lang } from "../i18n.ts";
import { h, replaceChildren } from "../ui/dom.ts";
import { lt } from "./text.ts";

type KamusEntry =
  | (typeof FORM_GLOSSARY)[Form]
  | (typeof FACTOR_GLOSSARY)[keyof typeof FACTOR_GLOSSARY]
  | (typeof PURPOSE_GLOSSARY)[keyof typeof PURPOSE_GLOSSARY];

const SECTIONS = [
  {
    id: "forms",
    title: "kamus.forms",
    jump: "kamus.jump.forms",
    intro: null,
    entries: () => FORMS.map((f) => FORM_GLOSSARY[f]),
  },
  {
    id: "factors",
    title: "kamus.factors",
    jump: "kamus.jump.factors",
    intro: "kamus.factorsIntro",
    entries: () => COOP_FACTORS.map((f) => FACTOR_GLOSSARY[f]),
  },
  {
    id: "purposes",
    title: "kamus.purposes",
    jump: "kamus.jump.purposes",
    intro: null,
    entries: () => COOP_PURPOSES.map((p) => PURPOSE_GLOSSARY[p]),
  },
] as const;

/**
 * The Kamus (glossary) a student can open at any time: the five forms of kerja sama, the five
 * factors that make people cooperate and the five purposes, each with its definition, a real-life
 * example and where it shows in this game (shared `content/glossary.ts`, in the current language).
 * A `<dialog>` over everything (even the result screen): Esc closes it and focus goes back to the
 * button that opened it. `open(id)` scrolls to an entry (`#kamus-<id>`) and focuses it.
 */
export class Kamus {
  readonly dialog = h("dialog", { class: "kamus", id: "kamus", "aria-labelledby": "kamus-title" });
  private renderedLang: Lang | null = null;

  constructor(private readonly lang: () => Lang) {}

  /** Open the Kamus, at the entry with this id when given. */
  open(focus?: GlossaryId): void {
    if (this.renderedLang !== this.lang()) this.render();
    if (!this.dialog.open) {
      this.dialog.showModal();
      this.dialog.scrollTop = 0;
    }
    const target = focus ? this.dialog.querySelector<HTMLElement>(`#kamus-${focus}`) : null;
    if (target) {
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    }
  }

  /** The language changed: an open Kamus is redrawn now, a closed one when it next opens. */
  refresh(): void {
    if (this.dialog.open) this.render();
    else this.renderedLang = null;
  }

  /** The top bar's Kamus button. */
  button(): HTMLElement {
    const lang = this.lang();
    return h(
      "button",
      {
        class: "kamus-btn",
        type: "button",
        "data-key": "kamus",
        "aria-label": lt(lang, "kamus.buttonLabel"),
        "aria-haspopup": "dialog",
        on: { click: () => this.open() },
      },
      h("span", { class: "kamus-mark", "aria-hidden": "true" }, "?"),
      lt(lang, "kamus.button"),
    );
  }

  /**
   * A button that opens the Kamus at this form: a small "?" (on a caption, a debrief line; its
   * name says what it opens), or a line of text such as "Baca di kamus".
   */
  link(form: Form, text?: string): HTMLElement {
    const lang = this.lang();
    return h(
      "button",
      {
        class: text ? "btn kamus-link-text" : "kamus-link",
        type: "button",
        "data-kamus": form,
        "aria-label": text ? null : lt(lang, "kamus.about", { form: translate(lang, `form.${form}`) }),
        "aria-haspopup": "dialog",
        on: { click: () => this.open(form) },
      },
      text ?? "?",
    );
  }

  private render(): void {
    const lang = this.lang();
    this.renderedLang = lang;
    replaceChildren(
      this.dialog,
      h(
        "form",
        { method: "dialog", class: "sheet-close" },
        h(
          "button",
          { class: "btn btn-close", "data-key": "kamus-close", type: "submit" },
          `✕ ${lt(lang, "kamus.close")}`,
        ),
      ),
      h("h2", { id: "kamus-title" }, lt(lang, "kamus.title")),
      h("p", { class: "intro" }, lt(lang, "kamus.intro")),
      h(
        "nav",
        { class: "kamus-nav", "aria-label": lt(lang, "kamus.contents") },
        ...SECTIONS.map((s) =>
          h(
            "button",
            {
              class: "btn kamus-jump",
              type: "button",
              "data-key": `kamus-jump-${s.id}`,
              on: { click: () => this.jump(s.id) },
            },
            lt(lang, s.jump),
          ),
        ),
      ),
      ...SECTIONS.map((s) =>
        h(
          "section",
          { class: "kamus-section", id: `kamus-section-${s.id}`, "aria-labelledby": `kamus-${s.id}-title` },
          h("h3", { id: `kamus-${s.id}-title`, tabindex: -1 }, lt(lang, s.title)),
          s.intro ? h("p", { class: "intro" }, lt(lang, s.intro)) : null,
          ...s.entries().map((e, i) => this.entry(lang, e, s.id === "forms" ? i + 1 : null)),
        ),
      ),
    );
  }

  private entry(lang: Lang, e: KamusEntry, n: number | null): HTMLElement {
    return h(
      "article",
      {
        class: `kamus-entry kamus-${e.kind}`,
        id: `kamus-${e.id}`,
        tabindex: -1,
        "aria-labelledby": `kamus-${e.id}-term`,
      },
      h("h4", { id: `kamus-${e.id}-term` }, n === null ? e.term[lang] : `${n}. ${e.term[lang]}`),
      h("p", { class: "kamus-def" }, e.definition[lang]),
      h("p", { class: "kamus-example" }, h("strong", {}, `${lt(lang, "kamus.example")}: `), e.example[lang]),
      h("p", { class: "kamus-ingame" }, h("strong", {}, `${lt(lang, "kamus.inGame")}: `), e.inGame[lang]),
    );
  }

  /** Scroll to a section and put focus on its heading (the nav's buttons). */
  private jump(section: string): void {
    const heading = this.dialog.querySelector<HTMLElement>(`#kamus-${section}-title`);
    heading?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
  }
}
