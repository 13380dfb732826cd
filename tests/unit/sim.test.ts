import { describe, expect, it } from "vitest";
import { FORMS, simulate } from "../../shared/src/index.ts";

/** A small version of `npm run sim`: the simulator plays whole seeded games through the rules. */
describe("the balance simulator", () => {
  it("reports every field for a small cooperative run, and the same seed gives the same report", () => {
    const a = simulate({ games: 12, setup: "cooperative", difficulty: "sedang", seed: 3 });
    const b = simulate({ games: 12, setup: "cooperative", difficulty: "sedang", seed: 3 });
    expect(a).toEqual(b);
    expect(a.games).toBe(12);
    expect(a.wins).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(a.wins) && a.wins <= 12).toBe(true);
    expect(a.winRate).toBeCloseTo(a.wins / 12);
    expect(a.ci95).toBeGreaterThanOrEqual(0);
    expect(a.ci95).toBeCloseTo(1.96 * Math.sqrt((a.winRate * (1 - a.winRate)) / 12));
    expect(a.idleWindowRate).toBeGreaterThanOrEqual(0);
    expect(a.idleWindowRate).toBeLessThanOrEqual(1);
    expect(a.maxContributionShare).toBeGreaterThan(0);
    for (const form of FORMS) expect(a.formCounts[form]).toBeGreaterThan(0);
  });

  it("a form switched off never appears in the cooperation log", () => {
    for (const form of FORMS) {
      const report = simulate({
        games: 4,
        setup: "cooperative",
        difficulty: "sedang",
        seed: 5,
        without: form,
      });
      expect(report.formCounts[form]).toBe(0);
      expect(report.without).toBe(form);
    }
  });

  it("free-riders alone never build the bridge", () => {
    const report = simulate({ games: 10, setup: "freeRiders", difficulty: "sedang", seed: 1 });
    expect(report.wins).toBe(0);
    expect(report.formCounts.koalisi).toBe(0);
  });

  it("random bots finish their games within the per-window move budget", () => {
    const report = simulate({ games: 3, setup: "random", difficulty: "sedang", seed: 1 });
    expect(report.games).toBe(3);
    expect(report.winRate).toBeLessThan(1);
  });
});
