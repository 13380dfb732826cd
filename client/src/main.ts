/**
 * Entry point: the plain-HTML join screen. Nothing heavy is imported here: the Colyseus SDK and
 * Phaser are dynamic imports, fetched only once the student chooses how to play.
 */
import "./styles.css";
// The join screen must stay tiny: the shared package's index would pull zod and every rule into
// this first chunk, so the dependency-free code module is imported by path (until shared exports it).
import { CODE_ALPHABET, CODE_LENGTH, normaliseCode } from "@bangun-desa/shared/codes";
import { type Lang, storedLang, storeLang, type UiKey, ui } from "./i18n.ts";
import type { JoinRequest } from "./net/joinRequest.ts";
import { readStoredToken } from "./net/token.ts";
import {
  gameHints,
  initialSoloSettings,
  isBotChoice,
  isDifficulty,
  SOLO_DEFAULTS,
  type SoloSettings,
  storeGameHints,
  storeSoloSettings,
} from "./soloSettings.ts";

/** A code is exactly what the server makes: CODE_LENGTH characters of its look-alike-free alphabet. */
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
const NAME_MAX = 20;

let lang: Lang = storedLang();

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

/** Fill every `data-i18n` element of the static page in the current language. */
function applyLang(): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    el.textContent = ui(lang, el.dataset.i18n as UiKey);
  }
  byId("lang-toggle").setAttribute("aria-label", ui(lang, "lang.switchLabel"));
  byId("load-progress").setAttribute("aria-label", ui(lang, "load.progress"));
  document.title = ui(lang, "app.title");
  renderSoloSummary();
}

type SoloRequest = Extract<JoinRequest, { mode: "solo" }>;

/**
 * Test and teacher knobs from the URL (e.g. `?actionSeconds=20&seed=7&bots=2&difficulty=sulit`):
 * the timing ones are forwarded as they are; `bots`, `difficulty` and `hints` (0/1) prefill the
 * solo picker, whose choice is what gets sent.
 */
function soloOptionsFromUrl(): {
  forward: Omit<SoloRequest, "mode" | "name" | "lang" | "bots" | "difficulty" | "hints">;
  picker: Partial<SoloSettings>;
} {
  const q = new URLSearchParams(location.search);
  const int = (name: string): number | undefined => {
    const v = q.get(name);
    return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const difficulty = q.get("difficulty");
  const bots = int("bots");
  const hints = q.get("hints");
  return {
    forward: {
      actionSeconds: int("actionSeconds"),
      warningSeconds: int("warningSeconds"),
      nightSeconds: int("nightSeconds"),
      openAllForms: q.get("openAllForms") === "1" ? true : undefined,
      seed: int("seed"),
    },
    picker: {
      ...(isDifficulty(difficulty) ? { difficulty } : {}),
      ...(isBotChoice(bots) ? { bots } : {}),
      ...(hints === "0" || hints === "1" ? { hints: hints === "1" } : {}),
    },
  };
}

// ── Solo picker: a radio group per choice plus the hints switch, inside a <details> ──────────

function radios(name: string): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name=${name}]`)];
}

/** The picker's current choice. */
function soloSettings(): SoloSettings {
  const difficulty = radios("difficulty").find((r) => r.checked)?.value;
  const bots = Number(radios("bots").find((r) => r.checked)?.value);
  return {
    difficulty: isDifficulty(difficulty) ? difficulty : SOLO_DEFAULTS.difficulty,
    bots: isBotChoice(bots) ? bots : SOLO_DEFAULTS.bots,
    hints: (byId("hints-input") as HTMLInputElement).checked,
  };
}

function showSoloSettings(settings: SoloSettings): void {
  for (const r of radios("difficulty")) r.checked = r.value === settings.difficulty;
  for (const r of radios("bots")) r.checked = Number(r.value) === settings.bots;
  (byId("hints-input") as HTMLInputElement).checked = settings.hints;
}

/** The one-line summary on the closed picker and the chosen difficulty's description. */
function renderSoloSummary(): void {
  const s = soloSettings();
  byId("solo-summary").textContent = ui(lang, "solo.summary", {
    difficulty: ui(lang, `solo.${s.difficulty}`),
    bots: s.bots,
    hints: ui(lang, s.hints ? "solo.withHints" : "solo.noHints"),
  });
  byId("difficulty-desc").textContent = ui(lang, `solo.${s.difficulty}.desc`);
}

function showError(key: UiKey | null): void {
  byId("join-error").textContent = key ? ui(lang, key) : "";
}

function setProgress(value: number, step: UiKey): void {
  (byId("load-progress") as HTMLProgressElement).value = value;
  byId("load-step").textContent = ui(lang, step);
}

/**
 * Load the network and game chunks in parallel (each finished chunk moves the bar), connect, then
 * hand over to Phaser, whose Preloader shows the art's real loading progress.
 */
async function play(request: JoinRequest): Promise<void> {
  byId("join-screen").hidden = true;
  byId("loading-screen").hidden = false;
  setProgress(5, "load.code");
  let loaded = 0;
  const tick = <T>(p: Promise<T>): Promise<T> =>
    p.then((m) => {
      loaded++;
      setProgress(5 + loaded * 25, loaded === 2 ? "load.connect" : "load.code");
      return m;
    });
  try {
    const [{ Network }, { startGame }] = await Promise.all([
      tick(import("./net/Network.ts")),
      tick(import("./game/startGame.ts")),
    ]);
    const net = new Network(lang);
    await net.connect(request);
    // Hints are for solo practice only; a reload rejoins with whatever this tab's game had.
    const hints = request.mode === "solo" ? request.hints : request.mode === "reconnect" && gameHints();
    storeGameHints(hints);
    setProgress(70, "load.art");
    startGame(net, lang, { hints }, (value) => {
      setProgress(70 + 30 * value, "load.art");
      if (value >= 1) byId("loading-screen").hidden = true;
    });
  } catch (error) {
    byId("loading-screen").hidden = true;
    byId("join-screen").hidden = false;
    // A stale reconnection token (seat expired) just leads back to the join screen.
    showError(request.mode === "reconnect" ? null : joinErrorKey(error));
  }
}

function joinErrorKey(error: unknown): UiKey {
  const message = error instanceof Error ? error.message : String(error);
  if (/not found|roomFull|locked|invalid room|expired/i.test(message)) return "join.notFound";
  return "join.failed";
}

function init(): void {
  applyLang();
  byId("lang-toggle").addEventListener("click", () => {
    lang = lang === "id" ? "en" : "id";
    storeLang(lang);
    applyLang();
    showError(null);
  });
  const url = soloOptionsFromUrl();
  showSoloSettings(initialSoloSettings(url.picker));
  renderSoloSummary();
  byId("solo-settings").addEventListener("change", () => {
    renderSoloSummary();
    storeSoloSettings(soloSettings());
  });
  byId("solo-button").addEventListener("click", () => {
    const name = (byId("name-input") as HTMLInputElement).value.trim().slice(0, NAME_MAX);
    const settings = soloSettings();
    storeSoloSettings(settings);
    void play({ mode: "solo", name, lang, ...url.forward, ...settings });
  });
  const codeInput = byId("code-input") as HTMLInputElement;
  codeInput.addEventListener("input", () => {
    codeInput.value = codeInput.value.toUpperCase();
  });
  byId("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const code = normaliseCode(codeInput.value);
    const name = (byId("name-input") as HTMLInputElement).value.trim();
    if (!CODE_PATTERN.test(code)) {
      showError("join.badCode");
      codeInput.setAttribute("aria-invalid", "true");
      codeInput.focus();
      return;
    }
    codeInput.removeAttribute("aria-invalid");
    if (name.length === 0 || name.length > NAME_MAX) {
      showError("join.badName");
      byId("name-input").focus();
      return;
    }
    showError(null);
    void play({ mode: "code", code, name, lang });
  });
  // A reload during a game: go straight back to the same seat.
  const token = readStoredToken();
  if (token) void play({ mode: "reconnect", token, lang });
}

init();
