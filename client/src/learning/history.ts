/**
 * The games played on this device (solo practice and class games), kept in localStorage: the game
 * records each one when its result shows and again once the quiz is scored, and the join screen
 * lists them in a "Riwayat latihan" `<details>`. Part of the join chunk, so it stays tiny: plain
 * DOM, no shared imports, and its own small dictionary (Bahasa Indonesia first, English typed).
 */
import type { Lang } from "../i18n.ts";

export const HISTORY_KEY = "bangun-desa.history";
/** How many games the list keeps (the oldest go first). */
export const HISTORY_MAX = 20;

export interface HistoryEntry {
  /** The same game recorded twice (result, then quiz; or after a reload) is one entry. */
  id: string;
  /** When the game was first recorded (epoch ms). */
  date: number;
  won: boolean;
  endedEarly: boolean;
  stars: number;
  season: number;
  seasons: number;
  quiz: { correct: number; total: number } | null;
  difficulty: string;
}

const ID = {
  title: "Riwayat latihan",
  won: "Desa berhasil",
  lost: "Desa belum berhasil",
  endedEarly: "Dihentikan guru",
  season: "musim {season}/{seasons}",
  stars: "{n} dari 3 bintang",
  quiz: "Kuis: {correct} dari {total} benar",
  noQuiz: "Kuis belum dikerjakan",
  mudah: "Mudah",
  sedang: "Sedang",
  sulit: "Sulit",
  clear: "Hapus riwayat",
  clearConfirm: "Hapus semua riwayat latihan di perangkat ini?",
};

type HistoryKey = keyof typeof ID;

const EN: Record<HistoryKey, string> = {
  title: "Practice history",
  won: "The village succeeded",
  lost: "The village did not succeed",
  endedEarly: "Stopped by the teacher",
  season: "season {season}/{seasons}",
  stars: "{n} of 3 stars",
  quiz: "Quiz: {correct} of {total} right",
  noQuiz: "Quiz not taken",
  mudah: "Easy",
  sedang: "Medium",
  sulit: "Hard",
  clear: "Clear history",
  clearConfirm: "Clear all practice history on this device?",
};

function text(lang: Lang, key: HistoryKey, params: Record<string, string | number> = {}): string {
  return (lang === "en" ? EN : ID)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** Only well-formed entries survive a read (storage is the student's, and may hold anything). */
function isEntry(v: unknown): v is HistoryEntry {
  if (typeof v !== "object" || v === null) return false;
  const e = v as Record<string, unknown>;
  const quiz = e.quiz as Record<string, unknown> | null;
  return (
    typeof e.id === "string" &&
    isCount(e.date) &&
    typeof e.won === "boolean" &&
    typeof e.endedEarly === "boolean" &&
    isCount(e.stars) &&
    isCount(e.season) &&
    isCount(e.seasons) &&
    typeof e.difficulty === "string" &&
    (quiz === null || (typeof quiz === "object" && isCount(quiz.correct) && isCount(quiz.total)))
  );
}

/** The recorded games, oldest first. */
export function readHistory(): HistoryEntry[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? "[]");
    return Array.isArray(list) ? list.filter(isEntry).slice(-HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

function store(list: HistoryEntry[]): void {
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(list.slice(-HISTORY_MAX)));
  } catch {
    // No storage (private mode): the game is simply not remembered.
  }
}

/**
 * Record a game: a new one goes last (the oldest beyond HISTORY_MAX is dropped); one already listed
 * is updated where it stands and keeps its first date, and a quiz score once recorded is kept.
 */
export function recordGame(entry: Omit<HistoryEntry, "date">, now = Date.now()): void {
  const list = readHistory();
  const at = list.findIndex((e) => e.id === entry.id);
  if (at >= 0) {
    const old = list[at]!;
    list[at] = { ...old, ...entry, date: old.date, quiz: entry.quiz ?? old.quiz };
  } else {
    list.push({ ...entry, date: now });
  }
  store(list);
}

function clearHistory(): void {
  try {
    localStorage.removeItem(HISTORY_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

function item(lang: Lang, e: HistoryEntry): HTMLLIElement {
  const date = new Date(e.date);
  const time = document.createElement("time");
  time.dateTime = date.toISOString();
  time.textContent = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "id-ID", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
  const outcome = e.endedEarly ? "endedEarly" : e.won ? "won" : "lost";
  const mark = { won: "✓", lost: "✗", endedEarly: "■" }[outcome];
  const difficulty = e.difficulty === "mudah" || e.difficulty === "sedang" || e.difficulty === "sulit";
  const stars = Math.min(3, e.stars);
  const li = el(
    "li",
    `history-item history-${outcome}`,
    el("span", "history-date", time),
    el(
      "span",
      "history-result",
      el("span", "history-mark", mark),
      ` ${text(lang, outcome)} · ${text(lang, "season", { season: e.season, seasons: e.seasons })}`,
      difficulty ? ` · ${text(lang, e.difficulty as HistoryKey)}` : "",
    ),
    el(
      "span",
      "history-stars",
      el("span", "history-star-glyphs", "★".repeat(stars) + "☆".repeat(3 - stars)),
      el("span", "history-stars-text visually-hidden", text(lang, "stars", { n: stars })),
    ),
    el(
      "span",
      "history-quiz",
      e.quiz ? text(lang, "quiz", { correct: e.quiz.correct, total: e.quiz.total }) : text(lang, "noQuiz"),
    ),
  );
  li.querySelector(".history-mark")?.setAttribute("aria-hidden", "true");
  li.querySelector(".history-star-glyphs")?.setAttribute("aria-hidden", "true");
  return li;
}

/**
 * Fill the join screen's history (`#history`, hidden while there is nothing to show) in `lang`,
 * newest game first. Called at start and whenever the language changes.
 */
export function renderHistory(lang: Lang): void {
  const details = document.getElementById("history");
  const list = document.getElementById("history-list");
  const summary = document.getElementById("history-summary");
  const clear = document.getElementById("history-clear");
  if (!details || !list || !summary || !clear) return;
  const games = readHistory();
  details.hidden = games.length === 0;
  summary.textContent = `${text(lang, "title")} (${games.length})`;
  list.replaceChildren(...games.reverse().map((e) => item(lang, e)));
  clear.textContent = text(lang, "clear");
  clear.onclick = () => {
    if (!window.confirm(text(lang, "clearConfirm"))) return;
    clearHistory();
    renderHistory(lang);
  };
}
