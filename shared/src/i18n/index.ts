import type { Lang, TextRef } from "../rules/types.ts";
import { EN } from "./en.ts";
import { ID } from "./id.ts";

export type StringKey = keyof typeof ID;
/** Every language must translate every key (a missing English text fails the type check). */
export type Dictionary = Record<StringKey, string>;

export const DICTIONARIES: Record<Lang, Dictionary> = { id: ID, en: EN };
export const LANGS: readonly Lang[] = ["id", "en"];

/**
 * Translate a key into `lang`, filling `{name}` placeholders from `params`.
 * An unknown key returns the key itself, so a missing text is visible rather than blank.
 */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const dict = DICTIONARIES[lang] as Record<string, string>;
  const template = dict[key] ?? (DICTIONARIES.id as Record<string, string>)[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    // Parameters that are content ids (a goal, a venture kind …) are shown by their translated name.
    const prefix = ID_PARAMS[name];
    const label = prefix ? dict[`${prefix}${value}`] : undefined;
    return label ?? String(value);
  });
}

/** Parameter names whose values are content ids, and the key prefix of their names. */
const ID_PARAMS: Record<string, string> = {
  goal: "goal.",
  kind: "venture.",
  position: "position.",
  topic: "topic.",
  project: "projectName.",
  site: "site.",
};

/** Translate a TextRef (as stored in the cooperation log and news). */
export function translateRef(lang: Lang, ref: TextRef): string {
  return translate(lang, ref.key, ref.params);
}
