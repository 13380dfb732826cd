/**
 * Entry point: the plain-HTML join screen. Nothing heavy is imported here: the Colyseus SDK and
 * Phaser are dynamic imports, fetched only once the student chooses how to play.
 */
import "./styles.css";
// The join screen must stay tiny: the shared package's index would pull zod and every rule into
// this first chunk, so the dependency-free code module is imported by path (until shared exports it).
import { CODE_ALPHABET, CODE_LENGTH, normaliseCode } from "@bangun-desa/shared/codes";
import { prefetchGame } from "./game/prefetch.ts";
import { type Lang, storedLang, storeLang, type UiKey, ui } from "./i18n.ts";
import { renderHistory } from "./learning/history.ts";
import type { ClassLobby } from "./lobby/ClassLobby.ts";
import { type ClassSession, readClassSession, sessionFor, storeClassSession } from "./lobby/classSession.ts";
import type { JoinRequest } from "./net/joinRequest.ts";
import { serverBack } from "./net/serverBack.ts";
import { newSeatKey, readPracticeSeat, readStoredToken, storePracticeSeat } from "./net/token.ts";
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
  renderHistory(lang);
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

/** Back to the join screen with a message (already in the student's language). */
function backToJoin(message: string): void {
  byId("loading-screen").hidden = true;
  byId("lobby-screen").hidden = true;
  byId("join-screen").hidden = false;
  byId("join-error").textContent = message;
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
  // The game's code (Phaser, the bulk of the download) keeps coming while the small network chunk
  // connects: on a slow phone network the join's round trips then cost no extra time.
  const game = import("./game/startGame.ts");
  game.catch(() => undefined); // awaited below; an early failure must not be reported as unhandled
  try {
    const { Network } = await import("./net/Network.ts");
    setProgress(20, "load.connect");
    const net = new Network(lang);
    await net.connect(request);
    setProgress(45, "load.code");
    // Without the game's code the seat is useless: give it back before showing the error.
    const { startGame } = await game.catch(async (error: unknown) => {
      await net.leave().catch(() => undefined);
      throw error;
    });
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
    // A stale reconnection token (the seat expired, or the server restarted): a class student goes
    // back through their class, a practice player to their seat with its key, anyone else to the
    // join screen.
    const session = readClassSession();
    if (request.mode === "reconnect" && session) {
      void joinByCode(session.code, session.name, true);
      return;
    }
    const seat = readPracticeSeat();
    if (request.mode === "reconnect" && seat) {
      void play({ mode: "code", roomId: seat.roomId, name: seat.name, lang, seatKey: seat.seatKey });
      return;
    }
    if (request.mode === "code") storePracticeSeat(null);
    showError(request.mode === "reconnect" ? null : joinErrorKey(error));
  }
}

// ── Joining by code: a practice village, or a teacher's class (lobby, then a seat) ───────────

/**
 * Resolve a code (rate-limited by the server) and join what it names. `auto` is a return after a
 * reload: a class that is gone then simply leads to the join screen.
 */
async function joinByCode(code: string, name: string, auto = false, retries = 3): Promise<void> {
  showError(null);
  let lookup: { kind: "kelas" | "desa"; roomId: string };
  try {
    const res = await fetch(`${apiBase()}/api/kode/${encodeURIComponent(code)}`);
    if (res.status === 404 || res.status === 429) {
      if (auto) storeClassSession(null);
      showError(res.status === 404 ? (auto ? "join.classEnded" : "join.codeNotFound") : "join.tooManyTries");
      return;
    }
    if (!res.ok) throw new Error(String(res.status));
    lookup = await res.json();
  } catch {
    if (auto && retries > 0) {
      // Going back to the class by itself: the server may be restarting, so wait for it (a few
      // times, so an answering server whose lookup keeps failing is not asked in a loop).
      showError("net.waitingServer");
      if (await serverBack(apiBase())) return joinByCode(code, name, true, retries - 1);
    }
    showError("join.failed");
    return;
  }
  if (lookup.kind === "desa") {
    void play({ mode: "code", roomId: lookup.roomId, name, lang, seatKey: newSeatKey() });
    return;
  }
  await joinClass(lookup.roomId, sessionFor(code, name), auto);
}

function apiBase(): string {
  return import.meta.env.DEV ? `${location.protocol}//${location.hostname}:2567` : "";
}

/** Join the class lobby, wait there for Mulai, then take the reserved seat in the village. */
async function joinClass(roomId: string, session: ClassSession, auto: boolean): Promise<void> {
  byId("join-screen").hidden = true;
  byId("loading-screen").hidden = false;
  setProgress(10, "load.class");
  // The game's code loads while the student waits in the lobby.
  const game = import("./game/startGame.ts");
  game.catch(() => undefined);
  let lobbyModule: typeof import("./lobby/ClassLobby.ts") | null = null;
  let lobby: ClassLobby;
  try {
    lobbyModule = await import("./lobby/ClassLobby.ts");
    lobby = new lobbyModule.ClassLobby();
    await lobby.join(roomId, session, lang);
  } catch (error) {
    const code = error instanceof Error ? error.message : "";
    if (auto || code === "kicked" || code === "classEnded") storeClassSession(null);
    const known = lobbyModule?.errorText(lang, code) ?? null;
    backToJoin(auto ? "" : (known ?? ui(lang, joinErrorKey(error))));
    return;
  }
  const { errorText } = lobbyModule;
  storeClassSession(session);
  // The class's language is what the screen starts in (the game's ID/EN button still switches).
  const classLang = lobby.state?.lang;
  if ((classLang === "id" || classLang === "en") && classLang !== lang) {
    lang = classLang;
    applyLang();
  }
  byId("loading-screen").hidden = true;
  byId("lobby-screen").hidden = false;
  const render = (): void => renderLobby(lobby);
  lobby.events.on("state", render);
  render();
  const leave = (): void => {
    storeClassSession(null);
    void lobby.leave();
    backToJoin("");
  };
  byId("lobby-leave").onclick = leave;
  lobby.events.on("closed", (reason) => {
    if (reason !== "lost") storeClassSession(null);
    if (reason === "lost") {
      // The server went away (a restart): back to the class by itself once it answers again.
      backToJoin(ui(lang, "net.waitingServer"));
      void serverBack(apiBase()).then((back) => {
        if (back) void joinByCode(session.code, session.name, true);
        else backToJoin(ui(lang, "join.lostClass"));
      });
      return;
    }
    backToJoin(
      ui(
        lang,
        reason === "kicked" ? "join.kicked" : reason === "ended" ? "join.classEnded" : "join.lostClass",
      ),
    );
  });
  lobby.events.on("seatError", (code) => {
    byId("lobby-error").textContent = errorText(lang, code) ?? ui(lang, "join.failed");
  });
  lobby.events.on("seat", (seat) => {
    byId("lobby-screen").hidden = true;
    void play({ mode: "seat", reservation: seat.reservation, lang }).then(() => lobby.leave());
  });
  void lobby.claimSeatIfPlaying();
}

/** The lobby: hello, my village and who is in it, the teacher's latest message. */
function renderLobby(lobby: ClassLobby): void {
  const state = lobby.state;
  const me = state?.students.get(lobby.studentId);
  if (!state || !me) return;
  byId("lobby-hello").textContent = ui(lang, "lobby.hello", { name: me.name });
  const n = me.village + 1;
  const mates = [...state.students.values()].filter((s) => s.village === me.village && s.id !== me.id);
  byId("lobby-village").textContent = ui(lang, mates.length > 0 ? "lobby.mates" : "lobby.alone", { n });
  const list = byId("lobby-mates");
  const items = [me, ...mates].map((s) => {
    const li = document.createElement("li");
    li.textContent = s.id === me.id ? ui(lang, "lobby.you", { name: s.name }) : s.name;
    return li;
  });
  list.replaceChildren(...items);
  const broadcast = byId("lobby-broadcast");
  broadcast.hidden = state.broadcast === "";
  broadcast.textContent = state.broadcast ? ui(lang, "lobby.teacher", { text: state.broadcast }) : "";
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
    void joinByCode(code, name);
  });
  // The QR code on the teacher's screen opens the page with the class code filled in.
  const fromLink = new URLSearchParams(location.search).get("kode");
  if (fromLink) codeInput.value = normaliseCode(fromLink).slice(0, CODE_LENGTH);
  // A reload during a game: go straight back to the same seat (or, failing that, through the class).
  const token = readStoredToken();
  const session = readClassSession();
  if (token) void play({ mode: "reconnect", token, lang });
  else if (session) void joinByCode(session.code, session.name, true);
  if (session) {
    (byId("name-input") as HTMLInputElement).value = session.name;
    if (!fromLink) codeInput.value = session.code;
  }
  // Every handler is attached: the join screen is usable (scripts/bench-client.ts waits for this).
  document.documentElement.dataset.joinReady = "1";
  performance.mark("join-ready");
  prefetchGame();
}

init();
