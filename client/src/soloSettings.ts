/**
 * The solo-practice choices of the join screen: difficulty, how many computer villagers, and
 * whether the hint card is shown. The last choice is remembered on this device; URL knobs
 * (`?difficulty=sulit&bots=2&hints=0`) prefill the picker for teachers' links and tests.
 * Part of the entry chunk, so it imports nothing from the shared package.
 */
export const DIFFICULTIES = ["mudah", "sedang", "sulit"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
/** What the room's join options accept (2–5 bots). */
export const BOT_CHOICES = [2, 3, 4, 5] as const;

export interface SoloSettings {
  difficulty: Difficulty;
  bots: number;
  hints: boolean;
}

/** The room's own defaults (VillageRoom: 4 bots, sedang); hints are on in practice. */
export const SOLO_DEFAULTS: SoloSettings = { difficulty: "sedang", bots: 4, hints: true };

const SOLO_KEY = "bangun-desa.solo";
const GAME_HINTS_KEY = "bangun-desa.gameHints";

export function isDifficulty(value: unknown): value is Difficulty {
  return DIFFICULTIES.includes(value as Difficulty);
}

export function isBotChoice(value: unknown): value is number {
  return BOT_CHOICES.includes(value as (typeof BOT_CHOICES)[number]);
}

/** The choice remembered on this device (only the parts that are still valid). */
function storedSoloSettings(): Partial<SoloSettings> {
  try {
    const raw = JSON.parse(localStorage.getItem(SOLO_KEY) ?? "{}") as Record<string, unknown>;
    return {
      ...(isDifficulty(raw.difficulty) ? { difficulty: raw.difficulty } : {}),
      ...(isBotChoice(raw.bots) ? { bots: raw.bots } : {}),
      ...(typeof raw.hints === "boolean" ? { hints: raw.hints } : {}),
    };
  } catch {
    return {};
  }
}

export function storeSoloSettings(settings: SoloSettings): void {
  try {
    localStorage.setItem(SOLO_KEY, JSON.stringify(settings));
  } catch {
    // No storage (private mode): the choice lasts for this page only.
  }
}

/** What the picker starts with: the URL's knobs, else the remembered choice, else the defaults. */
export function initialSoloSettings(fromUrl: Partial<SoloSettings>): SoloSettings {
  const stored = storedSoloSettings();
  return {
    difficulty: fromUrl.difficulty ?? stored.difficulty ?? SOLO_DEFAULTS.difficulty,
    bots: fromUrl.bots ?? stored.bots ?? SOLO_DEFAULTS.bots,
    hints: fromUrl.hints ?? stored.hints ?? SOLO_DEFAULTS.hints,
  };
}

/**
 * Whether this tab's village shows hints: kept per tab next to the reconnection token, so a reload
 * mid-game (which rejoins by token, without the picker) brings the hint card back as it was.
 */
export function storeGameHints(on: boolean): void {
  try {
    sessionStorage.setItem(GAME_HINTS_KEY, on ? "1" : "0");
  } catch {
    // No storage: a reload then plays on without hints.
  }
}

export function gameHints(): boolean {
  try {
    return sessionStorage.getItem(GAME_HINTS_KEY) === "1";
  } catch {
    return false;
  }
}
