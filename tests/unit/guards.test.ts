import { describe, expect, it } from "vitest";
import { type Action, apply, ERROR_CODES } from "../../shared/src/index.ts";
import { handOf, toAction as toActionPhase, village } from "./helpers.ts";

/** Regressions found by reading the rules: ids and amounts from the wire are never trusted. */
describe("the rules do not trust the wire", () => {
  const ctx = (actor: string) => ({ actor, now: 0 });

  it.each(["toString", "constructor", "__proto__", "hasOwnProperty"])(
    "an id like %s finds no player, project or site",
    (id) => {
      const state = village(5);
      toActionPhase(state, 1);
      const before = structuredClone(state);
      const attempts: Action[] = [
        { type: "giveAid", to: id, give: { beras: 1 } },
        { type: "contribute", projectId: id, tenaga: 1, give: {} },
        { type: "gather", site: id as "sawah", tenaga: 1 },
      ];
      const errors = attempts.map((a) => {
        const r = apply(state, a, ctx("p1"));
        return r.ok ? "ok" : r.error;
      });
      expect(errors).toEqual([
        ERROR_CODES.unknownPlayer,
        ERROR_CODES.unknownProject,
        ERROR_CODES.unknownSite,
      ]);
      expect(apply(state, { type: "done" }, ctx(id))).toMatchObject({
        ok: false,
        error: ERROR_CODES.unknownPlayer,
      });
      expect(state).toEqual(before);
    },
  );

  it.each([
    { type: "gather", site: "sawah", tenaga: -2 },
    { type: "gather", site: "sawah", tenaga: 0.5 },
    { type: "contribute", projectId: "selokan-1", tenaga: -1, give: {} },
    { type: "giveAid", to: "p2", give: { beras: -5, uang: 1 } },
    { type: "giveAid", to: "p2", give: { beras: 1e9 } },
    { type: "giveAid", to: "p2", give: { emas: 1 } },
  ] as unknown as Action[])("a bad amount is refused and changes nothing: %j", (action) => {
    const state = village(5);
    toActionPhase(state, 1);
    const before = structuredClone(state);
    expect(apply(state, action, ctx("p1"))).toEqual({ ok: false, error: ERROR_CODES.badAmount });
    expect(state).toEqual(before);
    expect(handOf(state, "p2")).toEqual(handOf(before, "p2"));
  });
});
