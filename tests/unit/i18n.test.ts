import { describe, expect, it } from "vitest";
import {
  chooseCooperativeAction,
  createGame,
  DICTIONARIES,
  ERROR_CODES,
  EVENT_KINDS,
  FORMS,
  LANGS,
  PROJECT_KINDS,
  RESOURCES,
  ROLE_IDS,
  SITE_IDS,
  translate,
  translateRef,
} from "../../shared/src/index.ts";
import { playGame, seatSpecs } from "./helpers.ts";

const ID = DICTIONARIES.id as Record<string, string>;
const EN = DICTIONARIES.en as Record<string, string>;

/** Keys missing from a language's dictionary (empty texts count as missing). */
function missing(keys: readonly string[]): string[] {
  return LANGS.flatMap((lang) => {
    const dict = DICTIONARIES[lang] as Record<string, string>;
    return keys.filter((k) => !dict[k]?.trim()).map((k) => `${lang}: ${k}`);
  });
}

/** The `{placeholders}` of a text, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe("translations", () => {
  it("every Indonesian key exists in English and every English key in Indonesian", () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(ID).sort());
  });

  it("no text is empty", () => {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(DICTIONARIES[lang]))
        expect(text.trim(), `${lang} ${key}`).not.toBe("");
    }
  });

  it("both languages fill the same {placeholders} in every text", () => {
    for (const key of Object.keys(ID))
      expect(placeholders(EN[key] ?? ""), key).toEqual(placeholders(ID[key]!));
  });

  it("every error code has an error.<code> text", () => {
    expect(missing(Object.values(ERROR_CODES).map((c) => `error.${c}`))).toEqual([]);
  });

  it("every project kind, role, site, resource, form and event kind has its texts", () => {
    const keys = [
      ...PROJECT_KINDS.flatMap((k) => [`project.${k}`, `project.${k}.desc`]),
      ...ROLE_IDS.flatMap((r) => [`role.${r}`, `role.${r}.desc`]),
      ...SITE_IDS.map((s) => `site.${s}`),
      ...RESOURCES.map((r) => `res.${r}`),
      ...FORMS.flatMap((f) => [`form.${f}`, `form.${f}.short`]),
      ...EVENT_KINDS.flatMap((e) => [`event.${e}`, `event.${e}.warn`]),
      ...["lobby", "warning", "action", "night", "ended"].map((p) => `phase.${p}`),
      ...["welfare", "harmony", "unity"].map((m) => `meter.${m}`),
    ];
    expect(missing(keys)).toEqual([]);
  });

  it("every log and news text the rules can write exists", () => {
    const keys = [
      ...PROJECT_KINDS.flatMap((k) => [`coop.contribute.${k}`, `coop.done.${k}`, `news.done.${k}`]),
      "coop.aid",
      ...["banjir", "hujanSafe", "musibah", "panenRaya", "krisis", "rumahFailed", "won", "lost"].map(
        (n) => `news.${n}`,
      ),
      ...["won", "noBridge", "lowHarmony", "krisis"].map((r) => `result.reason.${r}`),
    ];
    expect(missing(keys)).toEqual([]);
  });

  it("translate fills {params}, and leaves a placeholder it has no value for", () => {
    expect(translate("id", "error.notEnoughTenaga", { have: 2 })).toBe("Tenagamu tidak cukup (sisa 2).");
    expect(translate("en", "news.musibah", { name: "Budi" })).toContain("Budi");
    expect(translate("en", "news.musibah")).toContain("{name}");
    expect(translate("en", "news.musibah", { other: "x" })).toContain("{name}");
    expect(translateRef("id", { key: "coop.aid", params: { name: "Ani", to: "Budi", units: 3 } })).toBe(
      "Ani membantu Budi tanpa minta balasan (3 barang).",
    );
  });

  it("an unknown key shows itself rather than a blank", () => {
    expect(translate("en", "no.such.key")).toBe("no.such.key");
  });

  it("everything written in whole bot games translates fully in both languages", () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const state = createGame(seatSpecs(3 + (seed % 4), 0), seed, {
        difficulty: seed % 2 ? "sulit" : "sedang",
      });
      playGame(state, chooseCooperativeAction);
      const refs = [
        ...state.log.map((e) => e.what),
        ...state.news.map((n) => n.what),
        ...state.result!.reasons,
      ];
      for (const ref of refs) {
        seen.add(ref.key);
        for (const lang of LANGS) {
          const text = translateRef(lang, ref);
          expect(text, `${lang} ${ref.key} (seed ${seed})`).not.toBe(ref.key);
          expect(text, `${lang} ${ref.key} (seed ${seed})`).not.toMatch(/\{\w+\}/);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});
