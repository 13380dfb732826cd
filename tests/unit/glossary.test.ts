/**
 * The glossary: every form of kerja sama, the five factors and the five purposes the source text
 * names, and the accommodation forms the quiz uses as wrong options, each explained in both languages.
 */
import { describe, expect, it } from "vitest";
import {
  ACCOMMODATION_FORMS,
  ACCOMMODATION_GLOSSARY,
  ACCOMMODATION_NOTE,
  COOP_FACTORS,
  COOP_PURPOSES,
  DICTIONARIES,
  FACTOR_GLOSSARY,
  FORM_GLOSSARY,
  FORMS,
  GLOSSARY,
  type GlossaryEntry,
  glossaryEntry,
  LANGS,
  PURPOSE_GLOSSARY,
} from "../../shared/src/index.ts";

/** The bilingual texts of an entry, by field name. */
function textsOf(entry: GlossaryEntry) {
  const extra = entry.kind === "accommodation" ? { note: entry.note } : { inGame: entry.inGame };
  return { term: entry.term, definition: entry.definition, example: entry.example, ...extra };
}

describe("glossary", () => {
  it("has an entry of kind form for every Form, and for nothing else", () => {
    for (const form of FORMS) {
      expect(FORM_GLOSSARY[form].id).toBe(form);
      expect(FORM_GLOSSARY[form].kind).toBe("form");
    }
    const forms = GLOSSARY.filter((e) => e.kind === "form").map((e) => e.id);
    expect(forms).toEqual([...FORMS]);
  });

  it("names a form as the i18n captions do (form.<id>) in both languages", () => {
    for (const form of FORMS)
      for (const lang of LANGS)
        expect(FORM_GLOSSARY[form].term[lang]).toBe(DICTIONARIES[lang][`form.${form}`]);
  });

  it("lists exactly the five factors of the source text", () => {
    expect(COOP_FACTORS.map((f) => FACTOR_GLOSSARY[f].term.id)).toEqual([
      "Tujuan yang sama",
      "Kesadaran untuk saling membutuhkan",
      "Kerelaan untuk berbagi peran",
      "Solidaritas sosial",
      "Kepercayaan antarpihak",
    ]);
    expect(GLOSSARY.filter((e) => e.kind === "factor")).toHaveLength(5);
  });

  it("lists exactly the five purposes of the source text", () => {
    expect(COOP_PURPOSES.map((p) => PURPOSE_GLOSSARY[p].term.id)).toEqual([
      "Mencapai tujuan bersama",
      "Menjaga keharmonisan sosial",
      "Menumbuhkan rasa persatuan",
      "Meningkatkan efektivitas dan efisiensi kerja",
      "Meningkatkan kesejahteraan masyarakat",
    ]);
    expect(GLOSSARY.filter((e) => e.kind === "purpose")).toHaveLength(5);
  });

  it("marks the accommodation forms as not kerja sama", () => {
    expect([...ACCOMMODATION_FORMS].sort()).toEqual(
      ["ajudikasi", "arbitrase", "koersi", "kompromi", "konsiliasi", "mediasi", "toleransi"].sort(),
    );
    for (const id of ACCOMMODATION_FORMS) {
      const entry = ACCOMMODATION_GLOSSARY[id];
      expect(entry.kind).toBe("accommodation");
      expect(entry.note).toEqual(ACCOMMODATION_NOTE);
      expect((FORMS as readonly string[]).includes(id)).toBe(false);
    }
    expect(ACCOMMODATION_NOTE.id).toMatch(/bukan bentuk kerja sama/);
    expect(ACCOMMODATION_NOTE.en).toMatch(/not a form of kerja sama/);
  });

  it("every entry has every text in both languages, and the English term keeps the Indonesian one", () => {
    const blank: string[] = [];
    for (const entry of GLOSSARY)
      for (const [field, text] of Object.entries(textsOf(entry)))
        for (const lang of LANGS) if (!text[lang].trim()) blank.push(`${entry.id}.${field}.${lang}`);
    expect(blank).toEqual([]);
    for (const entry of GLOSSARY) expect(entry.term.en.startsWith(entry.term.id), entry.id).toBe(true);
  });

  it("gives the two languages different words for every text but the term", () => {
    for (const entry of GLOSSARY)
      for (const [field, text] of Object.entries(textsOf(entry)))
        if (field !== "term") expect(text.en, `${entry.id}.${field}`).not.toBe(text.id);
  });

  it("has unique ids, and finds an entry by id but not an unknown or inherited name", () => {
    const ids = GLOSSARY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(FORMS.length + COOP_FACTORS.length + COOP_PURPOSES.length + 7);
    expect(glossaryEntry("kooptasi")?.kind).toBe("form");
    expect(glossaryEntry("mediasi")?.kind).toBe("accommodation");
    expect(glossaryEntry("persaingan")).toBeUndefined();
    expect(glossaryEntry("toString")).toBeUndefined();
  });
});
