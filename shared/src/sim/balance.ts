import { FORMS } from "../content/forms.ts";
import type { Difficulty } from "../rules/types.ts";
import { type Setup, type SimReport, simulate } from "./simulate.ts";

/** One line of the balance report: what was measured against which target of the design. */
export interface BalanceRow {
  label: string;
  measured: string;
  target: string;
  /** null for a line that is reported for information and has no target. */
  pass: boolean | null;
}

export interface BalanceOptions {
  games: number;
  seed: number;
  /** Milliseconds from some fixed point (the script passes performance.now); for the speed line. */
  clock?: () => number;
}

/** Most contributions one player may make in cooperative games (design: no one carries the village). */
export const MAX_CONTRIBUTION_SHARE = 0.35;
/** Share of seat × action windows that must offer a useful action. */
export const MIN_USEFUL_WINDOW_SHARE = 0.9;
/** The simulator's speed target on one core. */
export const MIN_GAMES_PER_MINUTE = 1000;
/** Switching one form off must cost at least this many points of wins. */
export const FORM_MATTERS_POINTS = 10;

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const rate = (r: SimReport): string => `${pct(r.winRate)} ± ${(r.ci95 * 100).toFixed(1)}`;

/**
 * Run the design's balance target table. Each finished line is handed to `onRow` as soon as it is
 * known (a full run takes minutes). Pure apart from the optional clock.
 */
export function runBalance(
  options: BalanceOptions,
  onRow: (row: BalanceRow) => void = () => {},
): BalanceRow[] {
  const rows: BalanceRow[] = [];
  const add = (row: BalanceRow): void => {
    rows.push(row);
    onRow(row);
  };
  const run = (setup: Setup, difficulty: Difficulty = "sedang", without?: (typeof FORMS)[number]) =>
    simulate({ games: options.games, setup, difficulty, seed: options.seed, without });
  const between = (r: SimReport, lo: number, hi: number) => r.winRate >= lo && r.winRate <= hi;

  const clock = options.clock;
  const t0 = clock?.() ?? 0;
  const coop = run("cooperative");
  const coopMs = (clock?.() ?? 0) - t0;
  add({
    label: "cooperative, sedang",
    measured: rate(coop),
    target: "75–85 % wins",
    pass: between(coop, 0.75, 0.85),
  });
  const easy = run("cooperative", "mudah");
  add({
    label: "cooperative, mudah",
    measured: rate(easy),
    target: "≥ 95 % wins",
    pass: easy.winRate >= 0.95,
  });
  const hard = run("cooperative", "sulit");
  add({
    label: "cooperative, sulit",
    measured: rate(hard),
    target: "50–60 % wins",
    pass: between(hard, 0.5, 0.6),
  });
  const free = run("freeRiders");
  add({ label: "freeRiders", measured: rate(free), target: "≥ 95 % losses", pass: free.winRate <= 0.05 });
  const random = run("random");
  add({ label: "random", measured: rate(random), target: "≥ 99 % losses", pass: random.winRate <= 0.01 });
  const one = run("oneFreeRider");
  add({ label: "oneFreeRider", measured: rate(one), target: "50–70 % wins", pass: between(one, 0.5, 0.7) });
  const two = run("twoFreeRiders");
  add({ label: "twoFreeRiders", measured: rate(two), target: "≤ 30 % wins", pass: two.winRate <= 0.3 });
  const tft = run("titForTat");
  add({ label: "titForTat (no target)", measured: rate(tft), target: "—", pass: null });
  for (const form of FORMS) {
    const off = run("cooperative", "sedang", form);
    const drop = (coop.winRate - off.winRate) * 100;
    add({
      label: `cooperative without ${form}`,
      measured: `${rate(off)} (${drop.toFixed(1)} points fewer)`,
      target: `≥ ${FORM_MATTERS_POINTS} points fewer wins`,
      pass: drop >= FORM_MATTERS_POINTS,
    });
  }
  add({
    label: "useful action in an action window (cooperative)",
    measured: pct(1 - coop.idleWindowRate),
    target: `≥ ${MIN_USEFUL_WINDOW_SHARE * 100} % of windows`,
    pass: 1 - coop.idleWindowRate >= MIN_USEFUL_WINDOW_SHARE,
  });
  add({
    label: "largest share of contributions by one player (worst cooperative game)",
    measured: pct(coop.maxContributionShare),
    target: `≤ ${MAX_CONTRIBUTION_SHARE * 100} %`,
    pass: coop.maxContributionShare <= MAX_CONTRIBUTION_SHARE,
  });
  if (clock) {
    const perMinute = Math.round(options.games / (coopMs / 60_000));
    add({
      label: "simulator speed (cooperative, one core)",
      measured: `${perMinute} games/min`,
      target: `≥ ${MIN_GAMES_PER_MINUTE} games/min`,
      pass: perMinute >= MIN_GAMES_PER_MINUTE,
    });
  }
  return rows;
}
