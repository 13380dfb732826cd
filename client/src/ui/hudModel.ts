/**
 * What each part of the HUD shows, as plain data (numbers, flags and the translated words), read
 * from the synced state. The HUD builds a part's elements from its model alone and only when the
 * model changed (see `Hud.part`): a patch arrives several times a second while bots act, and most
 * of them change nothing in the top bar or the household card, yet rebuilding those cost tens of
 * milliseconds on a slow phone. Because a part is drawn from its model only, whatever a part shows
 * must be in its model; a model is compared as JSON, so it holds data, never elements or functions.
 */
import {
  FORM_OPENS_IN_SEASON,
  formOpenIn,
  RESOURCES,
  type Resource,
  translate,
  WIN_MIN_HARMONY,
  WIN_MIN_WELFARE,
} from "@bangun-desa/shared";
import type { PlayerSchema, VillageState } from "@bangun-desa/shared/schema";
import { type Lang, type UiKey, ui } from "../i18n.ts";
import { venturesOfferedTo, voteAwaitsMe } from "./partnerships.ts";
import { incomingOpen, riceAwaitsMe } from "./trade.ts";

type Translate = (key: string, params?: Record<string, string | number>) => string;

const METERS = [
  { key: "welfare", icon: "sejahtera", pattern: "dots", goal: WIN_MIN_WELFARE },
  { key: "harmony", icon: "harmoni", pattern: "stripes", goal: WIN_MIN_HARMONY },
  { key: "unity", icon: "persatuan", pattern: "solid", goal: null },
] as const;

const PHASE_ICON: Record<string, string> = { warning: "⚠", action: "⚒", night: "☾", ended: "★", lobby: "…" };

/** A project's name as the village says it ("Selokan", "Rumah Bu Sari"). */
export function projectName(g: Translate, state: VillageState, projectId: string): string {
  const p = state.projects.get(projectId);
  if (!p) return "";
  const owner = state.players.get(p.ownerId)?.name ?? "";
  return p.kind === "rumah" ? g("project.rumah", { name: owner }) : g(`projectName.${p.kind}`);
}

/** A role's or meter's short name: the explanation in parentheses is left out. */
export const short = (text: string): string => text.replace(/\s*\(.*\)$/, "");

/** The interface's words in one language. */
const uiIn =
  (lang: Lang) =>
  (key: UiKey, params?: Record<string, string | number>): string =>
    ui(lang, key, params);

/** Top bar, first row: season, phase, pause, language button (the countdown is `Hud.tick`'s). */
export function topRowModel(state: VillageState, lang: Lang) {
  const t = uiIn(lang);
  return {
    season: t("hud.season", { season: state.season, seasons: state.seasons }),
    phase: state.phase,
    phaseIcon: PHASE_ICON[state.phase] ?? "",
    phaseName: translate(lang, `phase.${state.phase}`),
    paused: state.paused ? `⏸ ${t("hud.paused")}` : null,
    langButton: lang === "id" ? "EN" : "ID",
    langLabel: `${lang === "id" ? "EN" : "ID"}: ${t("lang.switchLabel")}`,
  };
}

/** Top bar, second row: the village's code or number, the priority project, the agreed rice price. */
export function infoRowModel(state: VillageState, lang: Lang) {
  const t = uiIn(lang);
  const g: Translate = (key, params) => translate(lang, key, params);
  return {
    // The Kamus button's words follow the language.
    lang,
    code: state.code
      ? { text: t("hud.code", { code: state.code }), title: t("hud.codeLabel") }
      : { text: t("hud.village", { n: state.villageNumber }), title: null },
    priority: state.priorityProjectId
      ? t("hud.priority", { project: projectName(g, state, state.priorityProjectId) })
      : null,
    ricePrice: state.ricePrice > 0 ? t("rice.agreed", { price: state.ricePrice }) : null,
  };
}

/** The village's meters, each with its goal where the village must reach one to win. */
export function metersModel(state: VillageState, lang: Lang) {
  const t = uiIn(lang);
  return {
    label: t("hud.meters"),
    meters: METERS.map((m) => ({
      key: m.key,
      icon: m.icon,
      pattern: m.pattern,
      name: short(translate(lang, `meter.${m.key}`)),
      value: state[m.key],
      goal: m.goal,
      goalTitle: m.goal === null ? null : t("hud.meterGoal", { min: m.goal }),
    })),
  };
}

/** The teacher's pause banner and message (class villages); `dismissed`: the message closed. */
export function teacherModel(state: VillageState, lang: Lang, dismissed: number) {
  const t = uiIn(lang);
  const message = state.broadcast !== "" && state.broadcastId !== dismissed;
  return {
    paused: state.paused && state.phase !== "ended" ? t("hud.pausedBanner") : null,
    broadcast: message
      ? {
          id: state.broadcastId,
          title: `${t("hud.broadcast")}: `,
          text: state.broadcast,
          close: t("hud.close"),
        }
      : null,
  };
}

/** My household: name, role, tenaga, hand and warnings. */
export function householdModel(me: PlayerSchema, lang: Lang) {
  const t = uiIn(lang);
  const warnings: string[] = [];
  if (me.krisis) warnings.push(t("hud.krisis"));
  if (me.hungry) warnings.push(t("hud.hungry"));
  if (me.houseDamaged) warnings.push(t("hud.houseDamaged"));
  return {
    label: t("hud.you"),
    role: me.role,
    name: me.name,
    roleName: translate(lang, `role.${me.role}`),
    tenaga: t("hud.tenaga", { n: me.tenaga }),
    handLabel: t("hud.hand"),
    hand: RESOURCES.map((r: Resource) => ({ res: r, n: me[r] })),
    warnings,
  };
}

/** The buttons of a form of cooperation that opens in a later season. */
type FormAct = "trade" | "musyawarah" | "koalisi" | "venture";

/** The action buttons: which are enabled, the forms not open yet, the badges waiting for me. */
export function actionsModel(state: VillageState, me: PlayerSchema, lang: Lang) {
  const t = uiIn(lang);
  const acting = state.phase === "action";
  const notEnded = state.phase !== "ended";
  const tradeOpen = formOpenIn(state.season, state.openAllForms, "bargaining") && notEnded;
  const tradeWaiting = tradeOpen ? incomingOpen(state, me.id).length + (riceAwaitsMe(state, me) ? 1 : 0) : 0;
  const form = (
    act: FormAct,
    key: UiKey,
    open: boolean,
    opensIn: number,
    waiting: number,
    waitingKey: UiKey | null,
  ) => ({
    act,
    label: t(key),
    open,
    note: open ? null : t("act.tradeOpensIn", { season: opensIn }),
    badge: open && waiting > 0 && waitingKey ? { n: waiting, text: `${waiting} ${t(waitingKey)}` } : null,
  });
  return {
    basic: (["gather", "projects", "aid"] as const).map((act) => ({
      act,
      label: t(`act.${act}`),
      enabled: acting,
    })),
    forms: [
      form(
        "trade",
        "act.trade",
        tradeOpen,
        FORM_OPENS_IN_SEASON.bargaining,
        tradeWaiting,
        "act.tradeWaiting",
      ),
      // Musyawarah itself (priority votes) is open from season 1; co-opting waits inside the panel.
      form(
        "musyawarah",
        "act.musyawarah",
        notEnded,
        FORM_OPENS_IN_SEASON.kooptasi,
        voteAwaitsMe(state, me.id) ? 1 : 0,
        "act.voteWaiting",
      ),
      form(
        "koalisi",
        "act.koalisi",
        formOpenIn(state.season, state.openAllForms, "koalisi") && notEnded,
        FORM_OPENS_IN_SEASON.koalisi,
        0,
        null,
      ),
      form(
        "venture",
        "act.venture",
        formOpenIn(state.season, state.openAllForms, "jointVenture") && notEnded,
        FORM_OPENS_IN_SEASON.jointVenture,
        venturesOfferedTo(state, me.id).length,
        "act.ventureWaiting",
      ),
    ],
    done: { label: t("act.done"), enabled: acting && !me.done },
  };
}

/** The foot of the bottom panel: what to do now, and the villagers (`open`: the list unfolded). */
export function footModel(state: VillageState, me: PlayerSchema, lang: Lang, open: boolean) {
  const t = uiIn(lang);
  const players = [...state.players.values()].sort((a, b) => a.seat - b.seat);
  return {
    hint: me.done ? t("hud.done") : state.phase === "action" ? t("act.doneHint") : t("hud.waitPhase"),
    open,
    title: `${t("players.title")} (${players.length})`,
    players: players.map((p) => {
      const tags: string[] = [short(translate(lang, `role.${p.role}`))];
      if (p.isBot) tags.push(t("players.bot"));
      else if (!p.connected) tags.push(t("players.offline"));
      if (p.done) tags.push(t("players.done"));
      if (p.krisis) tags.push(t("aid.krisis"));
      return { name: p.name, tags: tags.join(" · ") };
    }),
  };
}
