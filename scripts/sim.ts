// The balance simulator: plays seeded bot-only games through the shared rules engine and prints
// one JSON object. Usage:
//   npm run sim -- --games 1000 --setup cooperative --difficulty sedang --seed 1 --json [--without koalisi]
import { FORMS, type Form, SETUPS, type Setup, simulate } from "../shared/src/index.ts";

const DIFFICULTIES = ["mudah", "sedang", "sulit"] as const;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1]!.startsWith("--")
    ? process.argv[i + 1]!
    : fallback;
}

function fail(message: string): never {
  console.error(`sim: ${message}`);
  process.exit(2);
}

const games = Number(arg("games", "1000"));
const setup = arg("setup", "cooperative") as Setup;
const difficulty = arg("difficulty", "sedang") as (typeof DIFFICULTIES)[number];
const seed = Number(arg("seed", "1"));
const withoutArg = arg("without", "");
if (!Number.isInteger(games) || games < 1) fail("--games must be a whole number ≥ 1");
if (!SETUPS.includes(setup)) fail(`--setup must be one of ${SETUPS.join(", ")}`);
if (!DIFFICULTIES.includes(difficulty)) fail(`--difficulty must be one of ${DIFFICULTIES.join(", ")}`);
if (!Number.isInteger(seed)) fail("--seed must be a whole number");
if (withoutArg && !FORMS.includes(withoutArg as Form)) fail(`--without must be one of ${FORMS.join(", ")}`);

const started = performance.now();
const report = simulate({
  games,
  setup,
  difficulty,
  seed,
  without: (withoutArg || undefined) as Form | undefined,
});
const minutes = (performance.now() - started) / 60_000;
const out = { ...report, gamesPerMinute: Math.round(games / minutes) };
if (process.argv.includes("--json")) console.log(JSON.stringify(out));
else console.log(out);
