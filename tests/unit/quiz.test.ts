/**
 * The after-game quiz: a bank of case-based items with five options and one right answer, a seeded
 * draw of ten that always covers the five forms, and scoring that refuses what it cannot score.
 */
import { describe, expect, it } from "vitest";
import {
  COOP_FACTORS,
  COOP_PURPOSES,
  drawQuiz,
  FORMS,
  type Form,
  GLOSSARY,
  LANGS,
  QUIZ,
  QUIZ_LENGTH,
  QUIZ_LETTERS,
  QUIZ_TAGS,
  type QuizItem,
  quizItem,
  scoreQuiz,
  tagEntry,
} from "../../shared/src/index.ts";

const isForm = (tag: string): tag is Form => (FORMS as readonly string[]).includes(tag);
const itemsTagged = (tag: string) => QUIZ.filter((item) => item.tag === tag);

/** A term's short name as it appears in running text: "Bargaining (tawar-menawar)" → "bargaining". */
const shortName = (term: string) => term.replace(/\s*\(.*\)$/, "").toLowerCase();

/** The glossary entry whose term is this option, if any. */
const entryOfOption = (option: QuizItem["options"][number]) =>
  GLOSSARY.find((e) => e.term.id === option.id && e.term.en === option.en);

describe("the quiz bank", () => {
  it("has at least 48 items with unique, well-formed ids", () => {
    expect(QUIZ.length).toBeGreaterThanOrEqual(48);
    const ids = QUIZ.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^q-[a-z]{2}-\d{2}$/);
  });

  it("every item has a stem, five distinct options and an explanation in both languages", () => {
    for (const item of QUIZ) {
      expect(item.options, item.id).toHaveLength(5);
      for (const lang of LANGS) {
        expect(item.stem[lang].trim(), `${item.id} stem ${lang}`).not.toBe("");
        expect(item.explanation[lang].trim(), `${item.id} explanation ${lang}`).not.toBe("");
        const options = item.options.map((o) => o[lang].trim());
        expect(
          options.every((o) => o !== ""),
          `${item.id} options ${lang}`,
        ).toBe(true);
        expect(new Set(options).size, `${item.id} options ${lang}`).toBe(5);
      }
    }
  });

  it("every answer is a whole number 0–4 and the right option is the term of the item's tag", () => {
    for (const item of QUIZ) {
      expect([0, 1, 2, 3, 4], item.id).toContain(item.answer);
      expect(item.options[item.answer], item.id).toEqual(tagEntry(item.tag).term);
    }
  });

  it("every tag is a form, a factor or a purpose, and the id prefix follows the tag", () => {
    const prefix = (item: QuizItem) =>
      isForm(item.tag)
        ? { gotongRoyong: "gr", bargaining: "bg", kooptasi: "ko", koalisi: "kl", jointVenture: "jv" }[
            item.tag
          ]
        : item.tag.startsWith("factor:")
          ? "fa"
          : "pu";
    for (const item of QUIZ) {
      expect(QUIZ_TAGS, item.id).toContain(item.tag);
      expect(item.id.slice(2, 4), item.id).toBe(prefix(item));
    }
  });

  it("has at least 7 items on every form, covers all five factors and at least 3 purposes", () => {
    for (const form of FORMS) expect(itemsTagged(form).length, form).toBeGreaterThanOrEqual(7);
    for (const factor of COOP_FACTORS)
      expect(itemsTagged(`factor:${factor}`).length, factor).toBeGreaterThan(0);
    expect(QUIZ.filter((item) => item.tag.startsWith("factor:")).length).toBeGreaterThanOrEqual(5);
    const purposes = QUIZ.filter((item) => item.tag.startsWith("purpose:"));
    expect(purposes.length).toBeGreaterThanOrEqual(3);
    for (const item of purposes) expect(COOP_PURPOSES.map((p) => `purpose:${p}`)).toContain(item.tag);
  });

  it("a form item's wrong options are other forms and accommodation forms, at least one of each kind", () => {
    for (const item of QUIZ.filter((q) => isForm(q.tag))) {
      const wrong = item.options.filter((_, i) => i !== item.answer).map(entryOfOption);
      for (const entry of wrong) {
        expect(entry?.kind === "accommodation" || entry?.kind === "form", item.id).toBe(true);
        expect(entry?.id, item.id).not.toBe(item.tag);
      }
      expect(
        wrong.some((e) => e?.kind === "accommodation"),
        item.id,
      ).toBe(true);
    }
  });

  it("a purpose item offers no second purpose, so exactly one option can be right", () => {
    for (const item of QUIZ.filter((q) => q.tag.startsWith("purpose:"))) {
      const purposes = item.options.map(entryOfOption).filter((e) => e?.kind === "purpose");
      expect(purposes, item.id).toHaveLength(1);
    }
  });

  it("the explanation names the right answer, and for a form item also a wrong option it rules out", () => {
    for (const item of QUIZ) {
      const text = item.explanation.id.toLowerCase();
      expect(text, item.id).toContain(shortName(tagEntry(item.tag).term.id));
      if (!isForm(item.tag)) continue;
      const ruledOut = item.options.filter((o, i) => i !== item.answer && text.includes(shortName(o.id)));
      expect(ruledOut.length, item.id).toBeGreaterThan(0);
    }
  });

  it("spreads the right answers over A–E: no letter holds more than 30 %", () => {
    const counts = QUIZ_LETTERS.map((_, i) => QUIZ.filter((item) => item.answer === i).length);
    for (const [i, n] of counts.entries()) {
      expect(n / QUIZ.length, `letter ${QUIZ_LETTERS[i]}`).toBeLessThanOrEqual(0.3);
      expect(n, `letter ${QUIZ_LETTERS[i]}`).toBeGreaterThan(0);
    }
  });
});

describe("drawing a quiz", () => {
  const SEEDS = Array.from({ length: 200 }, (_, i) => i * 7919 + 1);

  it("gives the same items in the same order for the same seed", () => {
    for (const seed of SEEDS)
      expect(
        drawQuiz(seed).map((q) => q.id),
        `seed ${seed}`,
      ).toEqual(drawQuiz(seed).map((q) => q.id));
  });

  it("draws 10 distinct items covering all five forms, for 200 seeds", () => {
    for (const seed of SEEDS) {
      const draw = drawQuiz(seed);
      expect(draw, `seed ${seed}`).toHaveLength(QUIZ_LENGTH);
      expect(new Set(draw.map((q) => q.id)).size, `seed ${seed}`).toBe(QUIZ_LENGTH);
      for (const form of FORMS)
        expect(
          draw.some((q) => q.tag === form),
          `seed ${seed}: ${form}`,
        ).toBe(true);
    }
  });

  it("varies between seeds, reaches every item of the bank, and shuffles the order", () => {
    const draws = SEEDS.map((seed) => drawQuiz(seed));
    expect(new Set(draws.map((d) => d.map((q) => q.id).join())).size).toBeGreaterThan(190);
    const seen = new Set(draws.flat().map((q) => q.id));
    expect([...QUIZ.map((q) => q.id)].filter((id) => !seen.has(id))).toEqual([]);
    // The five guaranteed form items are not always the first five.
    const formsFirst = draws.filter((d) => new Set(d.slice(0, 5).map((q) => q.tag)).size === 5).length;
    expect(formsFirst).toBeLessThan(SEEDS.length / 2);
  });

  it("takes other counts: fewer than five gives distinct forms, the whole bank gives every item once", () => {
    const three = drawQuiz(42, 3);
    expect(three).toHaveLength(3);
    expect(new Set(three.map((q) => q.tag)).size).toBe(3);
    expect(three.every((q) => isForm(q.tag))).toBe(true);
    const all = drawQuiz(42, QUIZ.length);
    expect(all.map((q) => q.id).sort()).toEqual(QUIZ.map((q) => q.id).sort());
  });

  it("refuses a count that is not a whole number from 1 to the size of the bank", () => {
    for (const count of [0, -1, 2.5, QUIZ.length + 1, Number.NaN])
      expect(() => drawQuiz(1, count), `count ${count}`).toThrow(RangeError);
  });

  it("leaves the bank untouched", () => {
    const before = QUIZ.map((q) => q.id);
    drawQuiz(7, QUIZ.length);
    expect(QUIZ.map((q) => q.id)).toEqual(before);
  });
});

describe("scoring a quiz", () => {
  const draw = drawQuiz(2024);
  const ids = draw.map((q) => q.id);
  const right: number[] = draw.map((q) => q.answer);
  const wrong = draw.map((q) => (q.answer + 1) % 5);

  it("counts every right answer", () => {
    const score = scoreQuiz(ids, right);
    expect(score).toMatchObject({ ok: true, correct: 10, total: 10 });
  });

  it("counts none when every answer is wrong, and a blank (null) as wrong", () => {
    expect(scoreQuiz(ids, wrong)).toMatchObject({ ok: true, correct: 0, total: 10 });
    expect(
      scoreQuiz(
        ids,
        ids.map(() => null),
      ),
    ).toMatchObject({ ok: true, correct: 0, total: 10 });
  });

  it("reports per item which option was chosen and whether it was right", () => {
    const mixed: (number | null)[] = right.map((a, i) => (i % 2 === 0 ? a : (a + 2) % 5));
    mixed[1] = null;
    const score = scoreQuiz(ids, mixed);
    if (!score.ok) throw new Error(score.message);
    expect(score.correct).toBe(5);
    expect(score.results[0]).toEqual({
      itemId: ids[0],
      tag: draw[0]!.tag,
      chosen: right[0],
      answer: right[0],
      correct: true,
    });
    expect(score.results[1]).toMatchObject({ chosen: null, correct: false });
    expect(score.results.map((r) => r.correct)).toEqual(ids.map((_, i) => i % 2 === 0));
  });

  it("finds every item of the bank by id", () => {
    for (const item of QUIZ) expect(quizItem(item.id)).toBe(item);
    expect(quizItem("q-xx-99")).toBeUndefined();
  });

  it("refuses an unknown item id and says which one", () => {
    const score = scoreQuiz([...ids.slice(0, 3), "q-xx-99"], [...right.slice(0, 3), 0]);
    expect(score).toMatchObject({ ok: false, error: "unknownItem", at: 3 });
    if (!score.ok) expect(score.message).toContain("q-xx-99");
  });

  it("refuses an answer outside 0–4 or not a whole number", () => {
    for (const bad of [5, -1, 1.5, Number.NaN]) {
      const answers = [...right];
      answers[4] = bad;
      expect(scoreQuiz(ids, answers), `answer ${bad}`).toMatchObject({
        ok: false,
        error: "badAnswer",
        at: 4,
      });
    }
  });

  it("refuses a repeated item and lists of different lengths", () => {
    expect(scoreQuiz([ids[0]!, ids[0]!], [0, 0])).toMatchObject({ ok: false, error: "duplicateItem", at: 1 });
    expect(scoreQuiz(ids, right.slice(0, 9))).toMatchObject({ ok: false, error: "lengthMismatch", at: 9 });
  });
});
