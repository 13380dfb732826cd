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
}

/** Test and teacher knobs forwarded from the URL (e.g. `?actionSeconds=20&seed=7`). */
function soloOptionsFromUrl(): Omit<Extract<JoinRequest, { mode: "solo" }>, "mode" | "name" | "lang"> {
  const q = new URLSearchParams(location.search);
  const int = (name: string): number | undefined => {
    const v = q.get(name);
    return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const difficulty = q.get("difficulty");
  return {
    actionSeconds: int("actionSeconds"),
    warningSeconds: int("warningSeconds"),
    nightSeconds: int("nightSeconds"),
    openAllForms: q.get("openAllForms") === "1" ? true : undefined,
    seed: int("seed"),
    bots: int("bots"),
    difficulty:
      difficulty === "mudah" || difficulty === "sedang" || difficulty === "sulit" ? difficulty : undefined,
  };
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
    setProgress(70, "load.art");
    startGame(net, lang, (value) => {
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
  byId("solo-button").addEventListener("click", () => {
    const name = (byId("name-input") as HTMLInputElement).value.trim().slice(0, NAME_MAX);
    void play({ mode: "solo", name, lang, ...soloOptionsFromUrl() });
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
