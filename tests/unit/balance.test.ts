import { describe, expect, it } from "vitest";
import { FORMS, simulate } from "../../shared/src/index.ts";
import { FORM_MATTERS_POINTS, runBalance } from "../../shared/src/sim/balance.ts";

/** A smoke version of `npm run balance`: the whole target table on a few games. */
describe("the balance report", () => {
  const rows = runBalance({ games: 6, seed: 2 });
  const row = (label: string) => {
    const found = rows.find((r) => r.label === label);
    if (!found) throw new Error(`no row ${label}`);
    return found;
  };

  it("has a line for every target of the design, and one per form switched off", () => {
    for (const label of [
      "cooperative, sedang",
      "cooperative, mudah",
      "cooperative, sulit",
      "freeRiders",
      "random",
      "oneFreeRider",
      "twoFreeRiders",
    ]) {
      expect(row(label).target).not.toBe("—");
      expect(typeof row(label).pass).toBe("boolean");
    }
    for (const form of FORMS)
      expect(row(`cooperative without ${form}`).target).toContain(`${FORM_MATTERS_POINTS}`);
    // No clock given: no speed line (speed is measured by the script, not by a timed test).
    expect(rows.some((r) => r.label.startsWith("simulator speed"))).toBe(false);
  });

  it("judges a line from the same numbers the simulator gives", () => {
    const coop = simulate({ games: 6, setup: "cooperative", difficulty: "sedang", seed: 2 });
    expect(row("cooperative, sedang").measured.startsWith(`${(coop.winRate * 100).toFixed(1)} %`)).toBe(true);
    expect(row("cooperative, sedang").pass).toBe(coop.winRate >= 0.75 && coop.winRate <= 0.85);
    const free = simulate({ games: 6, setup: "freeRiders", difficulty: "sedang", seed: 2 });
    expect(row("freeRiders").pass).toBe(free.winRate <= 0.05);
    const off = simulate({
      games: 6,
      setup: "cooperative",
      difficulty: "sedang",
      seed: 2,
      without: "kooptasi",
    });
    expect(row("cooperative without kooptasi").pass).toBe(
      (coop.winRate - off.winRate) * 100 >= FORM_MATTERS_POINTS,
    );
  });
});
