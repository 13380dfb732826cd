import { type TextRef, translate } from "@bangun-desa/shared";
import { type Lang, ui } from "../i18n.ts";
import type { LearningKey } from "../learningStrings.ts";

type Params = Record<string, string | number>;

/** `ui` for the learning strings (added to the UI dictionary by `startGame`). */
const lookup = ui as (lang: Lang, key: string, params?: Params) => string;

/** A learning string in `lang`, its `{name}` placeholders filled. */
export function lt(lang: Lang, key: LearningKey, params?: Params): string {
  return lookup(lang, key, params);
}

/**
 * A text the shared debrief returns (`debrief.thing.*`, `debrief.why.*`) in `lang`. Its template
 * is a learning string; the shared `translate` then fills it, showing the content ids it carries
 * (`{project}`, `{goal}`, `{kind}`, `{position}`) by their translated names, as in the captions
 * (a template that is not one of the shared keys is used as it is).
 */
export function learnText(lang: Lang, ref: TextRef): string {
  return translate(lang, lookup(lang, ref.key), ref.params);
}
