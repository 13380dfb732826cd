import { describe, expect, it } from "vitest";
import { BOT_SKILL, FORMS, simulate } from "../../shared/src/index.ts";

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
    // Design: free-riders lose at least 95 % of games; in a handful of games, none is won.
    const report = simulate({ games: 10, setup: "freeRiders", difficulty: "sedang", seed: 1 });
    expect(report.wins).toBe(0);
  });

  it("free-riders following their own plan give nothing and only haggle over the harga gabah", () => {
    // At mudah bots never slip into a random move (BOT_SKILL 1), so this is the pemalas plan alone; at
    // sedang and sulit their random slips may join or pledge to a koalisi now and then.
    expect(BOT_SKILL.mudah).toBe(1);
    const games = 10;
    const report = simulate({ games, setup: "freeRiders", difficulty: "mudah", seed: 1 });
    expect(report.wins).toBe(0);
    for (const form of FORMS) if (form !== "bargaining") expect(report.formCounts[form], form).toBe(0);
    // Nobody offers a trade, so the only bargaining is the harga gabah: at most one agreement a game.
    expect(report.formCounts.bargaining).toBeGreaterThan(0);
    expect(report.formCounts.bargaining).toBeLessThanOrEqual(games);
  });

  it("random bots finish their games within the per-window move budget", () => {
    const report = simulate({ games: 3, setup: "random", difficulty: "sedang", seed: 1 });
    expect(report.games).toBe(3);
    expect(report.winRate).toBeLessThan(1);
  });
});
