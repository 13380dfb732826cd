import { type TextRef, translate } from "@bangun-desa/shared";
import { type Lang, ui } from "../i18n.ts";
import type { LearningKey } from "../learningStrings.ts";

type Params = Record<string, string | number>;

/** A learning string in `lang` (added to the UI dictionary by `startGame`), placeholders filled. */
export function lt(lang: Lang, key: LearningKey, params?: Params): string {
  return ui(lang, key, params);
}

/**
 * A text the shared debrief returns (`debrief.thing.*`, `debrief.why.*`) in `lang`. Its template
 * is a learning string; the shared `translate` then fills it, showing the content ids it carries
 * (`{project}`, `{goal}`, `{kind}`, `{position}`) by their translated names, as in the captions
 * (a template that is not one of the shared keys is used as it is).
 */
export function learnText(lang: Lang, ref: TextRef): string {
  return translate(lang, ui(lang, ref.key as LearningKey), ref.params);
}
