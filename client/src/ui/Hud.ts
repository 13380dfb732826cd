import {
  type Bundle,
  type EventKind,
  FORM_OPENS_IN_SEASON,
  FORMS,
  type Form,
  formOpenIn,
  MARKET_RATE,
  needsAid,
  RESOURCES,
  type Resource,
  type RoleId,
  SITE_IDS,
  SITES,
  type SiteId,
  siteYield,
  TOKOH,
  TOKOH_ID,
  translate,
} from "@bangun-desa/shared";
import type {
  LogEntrySchema,
  NewsSchema,
  PlayerSchema,
  ProjectSchema,
  VillageState,
} from "@bangun-desa/shared/schema";
import { ASSET_URLS, iconUrl } from "../game/assets.ts";
import type { MapActions } from "../game/context.ts";
import { gameView } from "../game/gameView.ts";
import { type Lang, storeLang, type UiKey, ui } from "../i18n.ts";
import { Kamus } from "../learning/Kamus.ts";
import { ResultScreen } from "../learning/ResultScreen.ts";
import { lt } from "../learning/text.ts";
import { NETWORK_ERROR, type Network, serverUrl } from "../net/Network.ts";
import { serverBack } from "../net/serverBack.ts";
import { h, icon, replaceChildren } from "./dom.ts";
import { HintPanel } from "./HintPanel.ts";
import {
  actionsModel,
  footModel,
  householdModel,
  infoRowModel,
  metersModel,
  short,
  teacherModel,
  topRowModel,
} from "./hudModel.ts";
import { KoalisiPanel } from "./KoalisiPanel.ts";
import { clock, MusyawarahPanel } from "./MusyawarahPanel.ts";
import type { PanelHost } from "./panelHost.ts";
import { committeeOf, openVote, voteCounts } from "./partnerships.ts";
import { stepper } from "./stepper.ts";
import { TradePanel } from "./TradePanel.ts";
import { bundleWords, offerGet, offerGive } from "./trade.ts";
import { VenturePanel } from "./VenturePanel.ts";

const TOAST_MS = 4500;
const MAX_TOASTS = 3;
const NEED_KEY: Record<Resource, keyof ProjectSchema> = {
  beras: "needBeras",
  kayu: "needKayu",
  batu: "needBatu",
  uang: "needUang",
};

type Sheet =
  | { kind: "gather"; site: SiteId | null }
  | { kind: "projects"; focus: string | null }
  | { kind: "aid" }
  | { kind: "trade" }
  | { kind: "musyawarah" }
  | { kind: "koalisi" }
  | { kind: "venture" };

/** The idea card each form's opening season shows (gotong royong has the shared card). */
const IDEA_FORMS = ["bargaining", "kooptasi", "koalisi", "jointVenture"] as const;

/**
 * The HTML heads-up display over the map: top bar (season, phase, countdown, meters, code),
 * household card, action buttons and their panels, forecast and idea cards, captions, news,
 * errors, connection status and the result screen. It reads the synced state from the network
 * facade and sends every action through it; all text goes through i18n.
 */
export class Hud implements MapActions {
  private lang: Lang;
  private readonly top = h("header", { class: "topbar" });
  private readonly bottom = h("section", { class: "bottom" });
  private readonly overlay = h("div", { class: "map-overlay" });
  private readonly captions = h("div", { class: "captions", "aria-live": "polite" });
  private readonly errors = h("div", { class: "errors", role: "alert" });
  private readonly ticker = h("p", { class: "ticker", "aria-live": "polite" });
  /** The teacher's pause banner and latest message (class villages). */
  private readonly teacher = h("div", { class: "teacher-notices", role: "status" });
  /** The broadcast the student closed (a new message shows again). */
  private dismissedBroadcast = -1;
  private readonly status = h("div", { class: "net-status", role: "status", hidden: true });
  /** The seat was lost for good and the page waits for the server to reload itself. */
  private resuming = false;
  private readonly sheet = h("dialog", { class: "sheet", "aria-labelledby": "sheet-title" });
  private readonly card = h("dialog", { class: "card", "aria-labelledby": "card-title" });
  private readonly result = h("dialog", { class: "result", "aria-labelledby": "result-title" });
  private openSheet: Sheet | null = null;
  private readonly steppers = new Map<string, Bundle>();
  private aidTo = "";
  private cardSeason = -1;
  private latestNews: NewsSchema | null = null;
  /** The Kamus (glossary) dialog, open at any time from the top bar and the captions. */
  private readonly kamus: Kamus;
  /** The result, debrief and quiz, in the `result` dialog. */
  private readonly results: ResultScreen;
  private readonly trade: TradePanel;
  private readonly musyawarah: MusyawarahPanel;
  private readonly koalisi: KoalisiPanel;
  private readonly venture: VenturePanel;
  /** The hint card over the map (solo practice with hints on), or null. */
  private readonly hints: HintPanel | null;
  /** Offers already seen (those present at join are history, never announced). */
  private seenOffers: Set<string> | null = null;
  /** Votes and their status, and ventures already seen (history at join is never announced). */
  private seenVotes: Map<string, string> | null = null;
  private seenVentures: Set<string> | null = null;
  /** Each part's model as last drawn (see `part`). */
  private readonly drawnParts = new Map<string, string>();
  /** The villagers list starts open where there is room for it (the side column). */
  private playersOpen = window.matchMedia("(min-width: 900px)").matches;

  constructor(
    root: HTMLElement,
    private readonly net: Network,
    lang: Lang,
    options: { hints: boolean },
  ) {
    this.lang = lang;
    const host: PanelHost = {
      net,
      t: (key, params) => this.t(key, params),
      g: (key, params) => this.g(key, params),
      toast: (text, kind) => this.toast(text, kind),
      rerender: () => this.renderSheet(),
    };
    this.trade = new TradePanel(host);
    this.musyawarah = new MusyawarahPanel(host);
    this.koalisi = new KoalisiPanel(host);
    this.venture = new VenturePanel(host);
    this.hints = options.hints ? new HintPanel(host) : null;
    this.kamus = new Kamus(() => this.lang);
    this.results = new ResultScreen(this.result, {
      net,
      lang: () => this.lang,
      kamus: this.kamus,
      playAgain: () => void this.playAgain(),
      switchLang: () => this.switchLang(),
    });
    this.overlay.append(this.teacher, this.captions, this.errors, this.ticker);
    if (this.hints) this.overlay.append(this.hints.el);
    root.append(
      this.top,
      this.overlay,
      this.bottom,
      this.status,
      this.sheet,
      this.card,
      this.result,
      this.kamus.dialog,
    );
    this.sheet.addEventListener("close", () => {
      this.openSheet = null;
    });
    net.events.on("state", (s) => this.render(s));
    net.events.on("log", (e) => this.caption(e));
    net.events.on("news", (e) => this.news(e));
    net.events.on("phase", (phase) => this.onPhase(phase));
    net.events.on("error", (code, params) => this.error(code, params));
    net.events.on("connection", (status) => this.connection(status));
    window.setInterval(() => this.tick(), 250);
    // The first patch arrived before the HUD existed: catch up with it.
    if (net.state) {
      this.render(net.state);
      this.onPhase(net.state.phase);
    }
  }

  private t(key: UiKey, params?: Record<string, string | number>): string {
    return ui(this.lang, key, params);
  }

  private g(key: string, params?: Record<string, string | number>): string {
    return translate(this.lang, key, params);
  }

  // ── Map taps (MapActions) ────────────────────────────────────────────────────────────────

  openGather(site: SiteId | null): void {
    this.show({ kind: "gather", site });
  }

  openProject(projectId: string | null): void {
    this.show({ kind: "projects", focus: projectId });
  }

  openHouse(seatId: string): void {
    const state = this.net.state;
    if (!state) return;
    const rumah = [...state.projects.values()].find(
      (p) => p.kind === "rumah" && p.status === "open" && p.ownerId === seatId,
    );
    if (rumah) {
      this.openProject(rumah.id);
      return;
    }
    if (seatId === this.net.seatId) return;
    this.aidTo = seatId;
    this.show({ kind: "aid" });
  }

  /** Open the tawar-menawar sheet (`offers`: straight to the offers waiting for me). */
  openTrade(offers = false): void {
    const state = this.net.state;
    const me = this.net.me;
    if (!state || !me || !this.bargainingOpen(state)) return;
    this.trade.opened(state, me);
    if (offers) this.trade.showOffers();
    this.show({ kind: "trade" });
  }

  private bargainingOpen(state: VillageState): boolean {
    return formOpenIn(state.season, state.openAllForms, "bargaining");
  }

  /** Open the musyawarah sheet (votes and the tokoh pemuda; priority votes are open from season 1). */
  openMusyawarah(): void {
    const state = this.net.state;
    if (!state) return;
    this.musyawarah.opened(state);
    this.show({ kind: "musyawarah" });
  }

  openKoalisi(): void {
    const state = this.net.state;
    if (!state || !formOpenIn(state.season, state.openAllForms, "koalisi")) return;
    this.show({ kind: "koalisi" });
  }

  openVenture(): void {
    const state = this.net.state;
    if (!state || !formOpenIn(state.season, state.openAllForms, "jointVenture")) return;
    this.show({ kind: "venture" });
  }

  private show(sheet: Sheet): void {
    if (this.card.open || this.result.open) return;
    this.openSheet = sheet;
    this.renderSheet();
    if (!this.sheet.open) {
      this.sheet.showModal();
      this.sheet.scrollTop = 0;
    }
    const focus =
      sheet.kind === "gather" && sheet.site
        ? `gather-${sheet.site}`
        : sheet.kind === "projects" && sheet.focus
          ? `work-${sheet.focus}`
          : null;
    const target = focus ? this.sheet.querySelector<HTMLElement>(`[data-key="${focus}"]`) : null;
    if (target) {
      target.focus();
      target.scrollIntoView({ block: "center" });
    }
  }

  // ── Rendering from state ─────────────────────────────────────────────────────────────────

  private render(state: VillageState): void {
    this.announceOffers(state);
    this.announceVotes(state);
    this.announceVentures(state);
    this.renderTop(state);
    this.renderTeacher(state);
    this.renderBottom(state);
    if (this.openSheet && this.sheet.open) this.renderSheet();
    if (state.phase === "ended") this.showResult(state);
  }

  /**
   * The element of one part of the HUD for this render: the one on the page (`current`) when what
   * it shows has not changed since it was drawn, else `view(model)`, drawn from the model alone
   * (see hudModel.ts). `replaceChildren` keeps an unchanged part as it is and morphs a new drawing
   * into the old one.
   */
  private part<M>(name: string, current: Element | undefined, model: M, view: (m: M) => HTMLElement): Node {
    return this.drawnAlready(name, model) && current ? current : view(model);
  }

  /** Whether part `name` was last drawn from an equal model; the model is remembered as drawn. */
  private drawnAlready(name: string, model: unknown): boolean {
    const key = JSON.stringify(model);
    if (this.drawnParts.get(name) === key) return true;
    this.drawnParts.set(name, key);
    return false;
  }

  /** What the teacher says to every screen: the game is paused, or a short message. */
  private renderTeacher(state: VillageState): void {
    const m = teacherModel(state, this.lang, this.dismissedBroadcast);
    if (this.drawnAlready("teacher", m)) return;
    replaceChildren(
      this.teacher,
      m.paused
        ? h(
            "p",
            { class: "teacher-notice paused-banner", "data-key": "paused" },
            h("span", { "aria-hidden": "true" }, "⏸ "),
            m.paused,
          )
        : null,
      m.broadcast
        ? h(
            "div",
            { class: "teacher-notice broadcast", "data-key": "broadcast" },
            h("strong", {}, m.broadcast.title),
            h("span", { class: "broadcast-text" }, m.broadcast.text),
            h(
              "button",
              {
                class: "btn btn-small",
                type: "button",
                "aria-label": m.broadcast.close,
                on: {
                  click: () => {
                    this.dismissedBroadcast = m.broadcast?.id ?? -1;
                    const state = this.net.state;
                    if (state) this.renderTeacher(state);
                  },
                },
              },
              "✕",
            ),
          )
        : null,
    );
  }

  private renderTop(state: VillageState): void {
    const [row, info, meters] = this.top.children;
    replaceChildren(
      this.top,
      this.part("top-row", row, topRowModel(state, this.lang), (m) =>
        h(
          "div",
          { class: "top-row" },
          h("span", { class: "season" }, m.season),
          h(
            "span",
            { class: `phase phase-${m.phase}` },
            h("span", { "aria-hidden": "true" }, m.phaseIcon),
            ` ${m.phaseName}`,
          ),
          m.paused
            ? h("span", { class: "timer paused", "data-key": "paused" }, m.paused)
            : // Drawn with its text: `tick` keeps it up to date (and keeps this span while the row stays).
              h("span", { class: "timer", role: "timer" }, this.timerText()),
          h(
            "button",
            {
              class: "lang-btn",
              type: "button",
              "data-key": "lang",
              "aria-label": m.langLabel,
              on: { click: () => this.switchLang() },
            },
            m.langButton,
          ),
        ),
      ),
      this.part("top-info", info, infoRowModel(state, this.lang), (m) =>
        h(
          "div",
          { class: "top-row" },
          h("span", { class: "code", title: m.code.title }, m.code.text),
          m.priority
            ? h(
                "span",
                { class: "priority-chip", "data-key": "priority-chip" },
                h("span", { "aria-hidden": "true" }, "★"),
                m.priority,
              )
            : null,
          m.ricePrice
            ? h(
                "span",
                { class: "rice-price", "data-key": "rice-price" },
                icon(iconUrl("beras"), 18),
                m.ricePrice,
              )
            : null,
          this.kamus.button(),
        ),
      ),
      this.part("meters", meters, metersModel(state, this.lang), (m) =>
        h(
          "ul",
          { class: "meters", "aria-label": m.label },
          ...m.meters.map((meter) =>
            h(
              "li",
              {
                // The meters the village must reach to win carry their goal (a mark on the bar).
                class: `meter meter-${meter.key}${meter.goal !== null && meter.value < meter.goal ? " below-goal" : ""}`,
                title: meter.goalTitle,
              },
              h(
                "span",
                { class: "meter-head" },
                icon(iconUrl(meter.icon), 20),
                h("span", { class: "meter-label" }, meter.name),
                // Value and goal share one grid cell, so the bar keeps its column on a phone.
                h(
                  "span",
                  { class: "meter-num" },
                  h("b", { class: "meter-value" }, String(meter.value)),
                  meter.goal === null ? null : h("span", { class: "meter-goal" }, `/${meter.goal}`),
                ),
              ),
              h(
                "span",
                { class: `bar pattern-${meter.pattern}`, "aria-hidden": "true" },
                h("span", { style: `width:${meter.value}%` }),
                meter.goal === null ? null : h("i", { class: "goal-mark", style: `left:${meter.goal}%` }),
              ),
            ),
          ),
        ),
      ),
    );
    this.tick();
  }

  private renderBottom(state: VillageState): void {
    const me = this.net.me;
    if (!me) return;
    const [household, actions, foot] = this.bottom.children;
    replaceChildren(
      this.bottom,
      this.part("household", household, householdModel(me, this.lang), (m) =>
        h(
          "div",
          { class: "household", role: "group", "aria-label": m.label },
          h(
            "p",
            { class: "role-line" },
            icon(ASSET_URLS[`avatars/${m.role}`] ?? "", 28),
            h("strong", {}, m.name),
            ` · ${m.roleName} · `,
            icon(iconUrl("tenaga"), 20),
            h("span", { class: "tenaga" }, m.tenaga),
          ),
          h(
            "ul",
            { class: "hand", "aria-label": m.handLabel },
            ...m.hand.map(({ res, n }) =>
              h(
                "li",
                { class: "hand-item" },
                icon(iconUrl(res), 22),
                h("span", { class: "res-name" }, res),
                h("b", { class: "res-count", "data-res": res }, String(n)),
              ),
            ),
          ),
          ...m.warnings.map((text) =>
            h("p", { class: "warn" }, icon(iconUrl("krisis"), 20), h("span", {}, text)),
          ),
        ),
      ),
      this.part("actions", actions, actionsModel(state, me, this.lang), (m) => {
        const open: Record<string, () => void> = {
          gather: () => this.openGather(null),
          projects: () => this.openProject(null),
          aid: () => this.show({ kind: "aid" }),
          done: () => void this.net.request("done", {}),
          trade: () => this.openTrade(),
          musyawarah: () => this.openMusyawarah(),
          koalisi: () => this.openKoalisi(),
          venture: () => this.openVenture(),
        };
        const button = (
          act: string,
          extra: string,
          enabled: boolean,
          ...children: (Node | string | null)[]
        ) =>
          h(
            "button",
            {
              class: `btn act ${extra}`,
              type: "button",
              "data-key": `act-${act}`,
              "data-act": act,
              disabled: !enabled,
              on: { click: open[act] ?? (() => undefined) },
            },
            ...children,
          );
        return h(
          "div",
          { class: "actions" },
          ...m.basic.map((b) => button(b.act, "", b.enabled, b.label)),
          // The forms that open in a later season say when; a numbered badge: what waits for my answer.
          ...m.forms.map((f) =>
            button(
              f.act,
              f.act === "trade" ? "act-trade" : `act-form act-${f.act}`,
              f.open,
              h("span", {}, f.label),
              f.note ? h("small", { class: "act-note" }, f.note) : null,
              f.badge
                ? h(
                    "span",
                    { class: "badge", "data-key": `${f.act}-badge` },
                    h("span", { "aria-hidden": "true" }, String(f.badge.n)),
                    h("span", { class: "visually-hidden" }, f.badge.text),
                  )
                : null,
            ),
          ),
          button("done", "btn-done", m.done.enabled, m.done.label),
        );
      }),
      this.part("foot", foot, footModel(state, me, this.lang, this.playersOpen), (m) =>
        h(
          "div",
          { class: "bottom-foot" },
          h("p", { class: "phase-hint" }, m.hint),
          h(
            "details",
            {
              class: "players",
              open: m.open,
              on: {
                toggle: (e) => {
                  this.playersOpen = (e.target as HTMLDetailsElement).open;
                },
              },
            },
            h("summary", {}, m.title),
            h(
              "ul",
              {},
              ...m.players.map((p) =>
                h("li", { class: "player-name" }, h("strong", {}, p.name), ` · ${p.tags}`),
              ),
            ),
          ),
        ),
      ),
    );
  }

  /**
   * Musyawarah news as toasts: someone else's new proposal (with a button to vote) and the result
   * when a vote closes. Votes present at join are history.
   */
  private announceVotes(state: VillageState): void {
    if (!this.seenVotes) {
      this.seenVotes = new Map([...state.votes.values()].map((v) => [v.id, v.status]));
      return;
    }
    const open = openVote(state);
    for (const el of this.captions.querySelectorAll<HTMLElement>(".toast-vote")) {
      if (el.dataset.vote !== open?.id || open?.votes.get(this.net.seatId)) el.remove();
    }
    for (const vote of state.votes.values()) {
      const before = this.seenVotes.get(vote.id);
      if (before === vote.status) continue;
      this.seenVotes.set(vote.id, vote.status);
      const what = this.musyawarah.what(state, vote);
      if (vote.status === "open" && before === undefined) {
        if (vote.votes.get(this.net.seatId)) continue;
        const text = this.t("vote.arrived", { name: state.players.get(vote.proposer)?.name ?? "", what });
        this.actionToast("toast-vote", vote.id, text, "vote.see", () => this.openMusyawarah());
      } else if (vote.status === "passed" || vote.status === "failed") {
        const c = voteCounts(vote, state.players.size);
        const result = this.t(vote.status === "passed" ? "vote.passed" : "vote.failed");
        this.toast(this.t("vote.closed", { result, what, yes: c.yes, no: c.no }), "info");
      }
    }
  }

  /** A joint venture offered to me: a toast with a button that opens the venture sheet. */
  private announceVentures(state: VillageState): void {
    if (!this.seenVentures) {
      this.seenVentures = new Set(state.ventures.keys());
      return;
    }
    for (const el of this.captions.querySelectorAll<HTMLElement>(".toast-venture")) {
      if (state.ventures.get(el.dataset.vote ?? "")?.status !== "proposed") el.remove();
    }
    for (const v of state.ventures.values()) {
      if (this.seenVentures.has(v.id)) continue;
      this.seenVentures.add(v.id);
      if (v.partner !== this.net.seatId || v.status !== "proposed") continue;
      const text = this.t("venture.arrived", {
        name: state.players.get(v.proposer)?.name ?? "",
        kind: this.g(`venture.${v.kind}`),
        mine: 100 - v.proposerShare,
        theirs: v.proposerShare,
      });
      this.actionToast("toast-venture", v.id, text, "venture.see", () => this.openVenture());
    }
  }

  private actionToast(kind: string, id: string, text: string, button: UiKey, open: () => void): void {
    const el = h(
      "div",
      { class: `toast toast-offer ${kind}`, "data-vote": id },
      h("span", { class: "toast-text" }, text),
      h(
        "button",
        {
          class: "btn btn-primary",
          type: "button",
          on: {
            click: () => {
              el.remove();
              open();
            },
          },
        },
        this.t(button),
      ),
    );
    this.pushToast(el, TOAST_MS * 2);
  }

  /** A new offer to me: a toast (read by screen readers) with a button that opens the offers. */
  private announceOffers(state: VillageState): void {
    const ids = [...state.offers.keys()];
    if (!this.seenOffers) {
      this.seenOffers = new Set(ids);
      return;
    }
    // A notice whose offer was answered meanwhile would only mislead: it goes.
    // Only offer notices: vote and venture notices share the look (`toast-offer`) but not `data-offer`.
    for (const el of this.captions.querySelectorAll<HTMLElement>(".toast-offer[data-offer]")) {
      if (state.offers.get(el.dataset.offer ?? "")?.status !== "open") el.remove();
    }
    for (const offer of state.offers.values()) {
      if (this.seenOffers.has(offer.id)) continue;
      this.seenOffers.add(offer.id);
      if (offer.to !== this.net.seatId || offer.status !== "open") continue;
      const text = this.t("trade.arrived", {
        name: state.players.get(offer.from)?.name ?? "",
        give: bundleWords(offerGive(offer), this.t("trade.nothing")),
        get: bundleWords(offerGet(offer), this.t("trade.nothing")),
      });
      const el = h(
        "div",
        { class: "toast toast-offer", "data-offer": offer.id },
        h("span", { class: "toast-text" }, text),
        h(
          "button",
          {
            class: "btn btn-primary",
            type: "button",
            on: {
              click: () => {
                el.remove();
                this.openTrade(true);
              },
            },
          },
          this.t("trade.see"),
        ),
      );
      this.pushToast(el, TOAST_MS * 2);
    }
  }

  /** The countdown to the end of the phase ("1:05"), or nothing once it is over. */
  private timerText(): string {
    const ms = this.net.msLeft();
    return ms > 0 ? clock(ms) : "";
  }

  private tick(): void {
    const timer = this.top.querySelector<HTMLElement>(".timer[role=timer]");
    if (!timer) return;
    const ms = this.net.msLeft();
    const text = this.timerText();
    if (timer.textContent !== text) timer.textContent = text;
    const countdown = this.sheet.open ? this.sheet.querySelector<HTMLElement>("[data-vote-countdown]") : null;
    if (countdown) {
      const line =
        this.net.state?.phase === "action" && ms > 0
          ? this.t("vote.closesIn", { time: clock(ms) })
          : this.t("vote.closesAtNight");
      if (countdown.textContent !== line) countdown.textContent = line;
    }
  }

  // ── Panels ───────────────────────────────────────────────────────────────────────────────

  private renderSheet(): void {
    const state = this.net.state;
    const me = this.net.me;
    const sheet = this.openSheet;
    if (!state || !me || !sheet) return;
    const body =
      sheet.kind === "gather"
        ? this.gatherPanel(state, me, sheet.site)
        : sheet.kind === "projects"
          ? this.projectsPanel(state, me, sheet.focus)
          : sheet.kind === "trade"
            ? this.trade.render(state, me)
            : sheet.kind === "musyawarah"
              ? this.musyawarah.render(state, me)
              : sheet.kind === "koalisi"
                ? this.koalisi.render(state, me)
                : sheet.kind === "venture"
                  ? this.venture.render(state, me)
                  : this.aidPanel(state, me);
    replaceChildren(
      this.sheet,
      h(
        "form",
        { method: "dialog", class: "sheet-close" },
        h(
          "button",
          { class: "btn btn-close", "data-key": "close", type: "submit" },
          `✕ ${this.t("act.close")}`,
        ),
      ),
      ...body,
    );
  }

  private gatherYield(state: VillageState, role: string, site: SiteId): number {
    return siteYield(role as RoleId, site, (state.forecast[0] ?? "tenang") as EventKind);
  }

  private gatherPanel(state: VillageState, me: PlayerSchema, focus: SiteId | null): Node[] {
    const acting = state.phase === "action";
    return [
      h("h2", { id: "sheet-title" }, this.t("gather.title")),
      h(
        "p",
        { class: "intro" },
        this.t("gather.intro"),
        " ",
        icon(iconUrl("tenaga"), 20),
        this.t("hud.tenaga", { n: me.tenaga }),
      ),
      h(
        "ul",
        { class: "site-list" },
        ...SITE_IDS.map((site) => {
          const res = SITES[site].resource;
          const n = this.gatherYield(state, me.role, site);
          return h(
            "li",
            { class: site === focus ? "focus" : "" },
            h(
              "button",
              {
                class: "btn site-btn",
                type: "button",
                "data-key": `gather-${site}`,
                "data-site": site,
                disabled: !acting || me.tenaga < 1,
                on: { click: () => void this.gather(site, n) },
              },
              icon(ASSET_URLS[`sites/${site}`] ?? "", 44),
              h(
                "span",
                { class: "site-text" },
                h("strong", {}, this.t("gather.go", { site: this.g(`site.${site}`) })),
                h(
                  "span",
                  { class: "yield" },
                  icon(iconUrl(res), 20),
                  this.t("gather.yield", { n, res }),
                  ` · ${this.t("gather.cost")}`,
                ),
              ),
            ),
          );
        }),
      ),
    ];
  }

  private async gather(site: SiteId, n: number): Promise<void> {
    const reply = await this.net.request("gather", { site, tenaga: 1 });
    if (reply.ok) this.toast(this.t("gather.ok", { n, res: SITES[site].resource }), "gain");
  }

  private projectTitle(state: VillageState, p: ProjectSchema): string {
    const owner = state.players.get(p.ownerId)?.name ?? "";
    return this.g(`project.${p.kind}`, { name: owner });
  }

  private projectsPanel(state: VillageState, me: PlayerSchema, focus: string | null): Node[] {
    const order = { open: 0, done: 1, failed: 2 } as Record<string, number>;
    const projects = [...state.projects.values()].sort(
      (a, b) =>
        (order[a.status] ?? 3) - (order[b.status] ?? 3) || (a.id === focus ? -1 : b.id === focus ? 1 : 0),
    );
    return [
      h("h2", { id: "sheet-title" }, this.t("project.title")),
      h("p", { class: "intro" }, this.g("form.gotongRoyong.short")),
      h(
        "ul",
        { class: "project-list" },
        ...projects.map((p) => this.projectCard(state, me, p, p.id === focus)),
      ),
    ];
  }

  private projectCard(
    state: VillageState,
    me: PlayerSchema,
    p: ProjectSchema,
    focused: boolean,
  ): HTMLElement {
    const open = p.status === "open";
    const acting = state.phase === "action" && open;
    const chosen = this.steppers.get(p.id) ?? {};
    const needs = RESOURCES.filter((r) => (p[NEED_KEY[r]] as number) > 0);
    const helpers = p.helpers.map((id) =>
      id === TOKOH_ID ? this.t("tokoh.mapOutside") : (state.players.get(id)?.name ?? id),
    );
    const committee = committeeOf(state, p.id).map((id) => state.players.get(id)?.name ?? id);
    const statusText = open
      ? this.t("project.stage", { stage: p.stage })
      : p.status === "done"
        ? this.t("project.done")
        : this.t("project.failed");
    const anyChosen = RESOURCES.some((r) => (chosen[r] ?? 0) > 0);
    return h(
      "li",
      { class: `project ${focused ? "focus" : ""} status-${p.status}`, "data-project": p.id },
      h(
        "h3",
        {},
        icon(
          ASSET_URLS[
            p.kind === "rumah"
              ? "houses/rumah-rusak"
              : `projects/${p.kind}-${p.status === "done" ? 3 : p.stage}`
          ] ?? "",
          40,
        ),
        h("span", {}, this.projectTitle(state, p)),
        h("span", { class: "tag" }, statusText),
      ),
      h("p", { class: "desc" }, this.g(`project.${p.kind}.desc`)),
      state.priorityProjectId === p.id
        ? h(
            "p",
            { class: "priority-line", "data-key": `priority-${p.id}` },
            h("span", { "aria-hidden": "true" }, "★ "),
            this.t("project.priority"),
          )
        : null,
      state.blockedProjectId === p.id && open
        ? h(
            "p",
            { class: "warn blocked", "data-blocked": p.id },
            h("span", { "aria-hidden": "true" }, "✋"),
            h("span", {}, this.t("project.blocked")),
          )
        : null,
      state.tokohStatus === "coopted" && state.tokohProjectId === p.id
        ? h(
            "p",
            { class: "helpers tokoh-here" },
            h("span", { class: "tokoh-badge", "aria-hidden": "true" }, "T"),
            this.t("project.tokohHere", {
              position: this.g(`position.${state.tokohPosition}`),
              labour: TOKOH.labourWhenCoopted,
            }),
          )
        : null,
      committee.length > 0
        ? h("p", { class: "helpers" }, this.t("project.committee", { names: committee.join(", ") }))
        : null,
      p.deadlineSeason > 0 && open
        ? h(
            "p",
            { class: "warn" },
            icon(iconUrl("krisis"), 20),
            this.t("project.deadline", { season: p.deadlineSeason }),
          )
        : null,
      h(
        "p",
        { class: "labour" },
        icon(iconUrl("tenaga"), 20),
        this.t("project.labour", { have: p.labour, need: p.labourNeeded }),
        " · ",
        this.t("project.labourers", { have: p.labourers, min: p.minVillagers }),
      ),
      h(
        "span",
        { class: "bar pattern-stripes", "aria-hidden": "true" },
        h("span", { style: `width:${p.labourNeeded ? (100 * p.labour) / p.labourNeeded : 0}%` }),
      ),
      needs.length > 0
        ? h(
            "div",
            { class: "needs" },
            h("p", { class: "needs-title" }, this.t("project.needs")),
            ...needs.map((r) => {
              const need = p[NEED_KEY[r]] as number;
              const given = p[r] as number;
              const max = Math.min(me[r], need - given);
              return this.stepper(`${p.id}-${r}`, r, `${given}/${need}`, chosen[r] ?? 0, max, open, (v) => {
                this.steppers.set(p.id, { ...(this.steppers.get(p.id) ?? {}), [r]: v });
                this.renderSheet();
              });
            }),
          )
        : null,
      helpers.length > 0
        ? h("p", { class: "helpers" }, this.t("project.helpers", { names: helpers.join(", ") }))
        : null,
      open
        ? h(
            "div",
            { class: "project-actions" },
            h(
              "button",
              {
                class: "btn btn-primary",
                type: "button",
                "data-key": `work-${p.id}`,
                "data-work": p.id,
                disabled: !acting || me.tenaga < 1 || state.blockedProjectId === p.id,
                on: {
                  click: () => void this.net.request("contribute", { projectId: p.id, tenaga: 1, give: {} }),
                },
              },
              icon(iconUrl("tenaga"), 20),
              this.t("project.work"),
            ),
            needs.length > 0
              ? h(
                  "button",
                  {
                    class: "btn btn-secondary",
                    type: "button",
                    "data-key": `give-${p.id}`,
                    disabled: !acting || !anyChosen,
                    on: { click: () => void this.giveToProject(p.id) },
                  },
                  this.t("project.give"),
                )
              : null,
          )
        : null,
    );
  }

  private async giveToProject(projectId: string): Promise<void> {
    const give = this.steppers.get(projectId) ?? {};
    const reply = await this.net.request("contribute", { projectId, tenaga: 0, give });
    if (reply.ok) {
      this.steppers.delete(projectId);
      this.renderSheet();
    }
  }

  /** A − n + stepper for one resource, with its icon, name and extra info ("2/4"). */
  private stepper(
    key: string,
    r: Resource,
    info: string,
    value: number,
    max: number,
    enabled: boolean,
    set: (v: number) => void,
  ): HTMLElement {
    return stepper({
      key,
      res: r,
      label: `${r} ${info}`,
      note: this.t("project.youHave", { n: max < 0 ? 0 : (this.net.me?.[r] ?? 0) }),
      value,
      max,
      enabled,
      lessLabel: this.t("stepper.less", { res: r }),
      moreLabel: this.t("stepper.more", { res: r }),
      set,
    });
  }

  private aidPanel(state: VillageState, me: PlayerSchema): Node[] {
    // Aid goes to a household in need (krisis, or a house struck by musibah): the shared rule decides.
    const view = gameView(state, me.id);
    const neighbours = [...state.players.values()]
      .filter((p) => p.id !== me.id && needsAid(view, p.id))
      .sort((a, b) => a.seat - b.seat);
    if (!neighbours.some((p) => p.id === this.aidTo)) this.aidTo = neighbours[0]?.id ?? "";
    if (neighbours.length === 0) {
      return [
        h("h2", { id: "sheet-title" }, this.t("aid.title")),
        h("p", { class: "intro", "data-key": "aid-nobody" }, this.t("aid.nobody")),
      ];
    }
    const chosen = this.steppers.get("aid") ?? {};
    const acting = state.phase === "action";
    const anyChosen = RESOURCES.some((r) => Math.min(chosen[r] ?? 0, me[r]) > 0);
    return [
      h("h2", { id: "sheet-title" }, this.t("aid.title")),
      h("p", { class: "intro" }, this.t("aid.intro")),
      h(
        "fieldset",
        { class: "neighbours" },
        h("legend", {}, this.t("aid.pick")),
        ...neighbours.map((p) => {
          const tags: string[] = [short(this.g(`role.${p.role}`))];
          if (p.hungry) tags.push(this.t("aid.hungry"));
          if (p.krisis) tags.push(this.t("aid.krisis"));
          if (p.houseDamaged) tags.push(this.t("aid.damaged"));
          return h(
            "label",
            { class: "neighbour" },
            h("input", {
              type: "radio",
              name: "aid-to",
              value: p.id,
              "data-key": `aid-${p.id}`,
              checked: p.id === this.aidTo,
              on: {
                change: () => {
                  this.aidTo = p.id;
                },
              },
            }),
            h("span", {}, h("strong", {}, p.name), ` · ${tags.join(" · ")}`),
            p.hungry || p.krisis ? icon(iconUrl("krisis"), 20) : null,
          );
        }),
      ),
      h(
        "div",
        { class: "needs" },
        ...RESOURCES.map((r) =>
          this.stepper(`aid-${r}`, r, "", chosen[r] ?? 0, me[r], acting, (v) => {
            this.steppers.set("aid", { ...(this.steppers.get("aid") ?? {}), [r]: v });
            this.renderSheet();
          }),
        ),
      ),
      h(
        "button",
        {
          class: "btn btn-primary btn-big",
          type: "button",
          "data-key": "aid-give",
          disabled: !acting || !anyChosen || !this.aidTo,
          on: { click: () => void this.giveAid() },
        },
        this.t("aid.give"),
      ),
    ];
  }

  private async giveAid(): Promise<void> {
    const me = this.net.me;
    if (!me) return;
    const chosen = this.steppers.get("aid") ?? {};
    const give: Bundle = {};
    for (const r of RESOURCES) {
      const n = Math.min(chosen[r] ?? 0, me[r]);
      if (n > 0) give[r] = n;
    }
    const reply = await this.net.request("giveAid", { to: this.aidTo, give });
    if (reply.ok) {
      this.steppers.delete("aid");
      this.renderSheet();
    }
  }

  // ── Phases: forecast and idea cards, night, result ──────────────────────────────────────

  private onPhase(phase: string): void {
    const state = this.net.state;
    if (!state) return;
    if (phase === "warning" && this.cardSeason !== state.season) {
      this.cardSeason = state.season;
      this.showCard(state);
    } else if (phase !== "warning" && this.card.open) {
      this.card.close();
    }
  }

  private showCard(state: VillageState): void {
    const forecast = [...state.forecast];
    const ideaForm = IDEA_FORMS.find((f) => FORM_OPENS_IN_SEASON[f] === state.season);
    const idea =
      state.season === 1
        ? h(
            "section",
            { class: "idea" },
            h("p", { class: "idea-tag" }, this.t("card.idea")),
            h("h3", {}, this.g("card.gotongRoyong.title")),
            h(
              "p",
              {},
              h("strong", {}, `${this.g("form.gotongRoyong")}: `),
              this.g("form.gotongRoyong.short"),
            ),
            h("p", {}, this.g("card.gotongRoyong.example")),
            h("p", { class: "try" }, this.g("card.gotongRoyong.try")),
            this.kamus.link("gotongRoyong", lt(this.lang, "kamus.readMore")),
          )
        : ideaForm && state.season < state.seasons
          ? this.ideaCard(ideaForm)
          : state.season === state.seasons
            ? h(
                "section",
                { class: "idea" },
                h("h3", {}, this.g("card.finalPush.title")),
                h("p", { class: "try" }, this.g("card.finalPush.try")),
              )
            : null;
    replaceChildren(
      this.card,
      h("h2", { id: "card-title" }, this.t("forecast.title")),
      h(
        "ol",
        { class: "forecast" },
        ...forecast.map((kind, i) => {
          const season = state.season + i;
          return h(
            "li",
            { class: `event event-${kind}` },
            h("span", { class: "event-icon", "aria-hidden": "true" }, eventIcon(kind)),
            h(
              "span",
              {},
              h(
                "strong",
                {},
                `${this.t("forecast.season", { season })}${i === 0 ? ` (${this.t("forecast.now")})` : ""}: ${this.g(`event.${kind}`)}`,
              ),
              h("br"),
              this.g(`event.${kind}.warn`, { season }),
            ),
          );
        }),
      ),
      idea,
      h(
        "form",
        { method: "dialog" },
        h(
          "button",
          { class: "btn btn-primary btn-big", type: "submit", "data-key": "card-ok" },
          this.t("card.ok"),
        ),
      ),
    );
    if (this.sheet.open) this.sheet.close();
    if (!this.card.open) this.card.showModal();
  }

  /** One screen about a form as it opens: what it is, a real-life example, what to try now. */
  private ideaCard(form: (typeof IDEA_FORMS)[number]): HTMLElement {
    return h(
      "section",
      { class: "idea", "data-idea": form },
      h("p", { class: "idea-tag" }, this.t("card.idea")),
      h("h3", {}, this.t(`card.${form}.title`)),
      h("p", {}, h("strong", {}, `${this.g(`form.${form}`)}: `), this.g(`form.${form}.short`)),
      h("p", {}, this.t(`card.${form}.example`)),
      h("p", { class: "try" }, this.t(`card.${form}.try`, { rate: MARKET_RATE })),
      this.kamus.link(form, lt(this.lang, "kamus.readMore")),
    );
  }

  /** The end of the game: the result screen with the debrief and the quiz (see `ResultScreen`). */
  private showResult(state: VillageState): void {
    if (this.results.shown) return;
    if (this.sheet.open) this.sheet.close();
    if (this.card.open) this.card.close();
    if (this.kamus.dialog.open) this.kamus.dialog.close();
    this.results.show(state);
  }

  private async playAgain(): Promise<void> {
    await this.net.leave();
    location.reload();
  }

  // ── Captions, news, errors, connection ───────────────────────────────────────────────────

  private params(json: string): Record<string, string | number> {
    try {
      return JSON.parse(json || "{}") as Record<string, string | number>;
    } catch {
      return {};
    }
  }

  /** A cooperation caption names its form, with a "?" that opens the Kamus at that form. */
  private caption(entry: LogEntrySchema): void {
    const form = this.g(`form.${entry.form}`);
    const text = this.g(entry.key, this.params(entry.params));
    const mine = entry.actors.includes(this.net.seatId);
    const known = (FORMS as readonly string[]).includes(entry.form);
    this.toast(
      text,
      mine ? "coop mine" : "coop",
      form,
      known ? this.kamus.link(entry.form as Form) : undefined,
    );
  }

  private toast(text: string, kind: string, title?: string, extra?: Node): void {
    const el = h("p", { class: `toast toast-${kind.split(" ").join(" toast-")}` });
    if (title) {
      if (extra) el.append(extra);
      el.append(icon(iconUrl("persatuan"), 22), h("strong", {}, `${title}! `), text);
    } else {
      el.append(text);
    }
    this.pushToast(el, kind.includes("mine") ? TOAST_MS * 1.5 : TOAST_MS);
  }

  private pushToast(el: HTMLElement, ms: number): void {
    this.captions.append(el);
    // Bots act often: their captions must not push the student's own caption away first.
    const max = window.matchMedia("(min-width: 600px)").matches ? MAX_TOASTS : MAX_TOASTS - 1;
    while (this.captions.childElementCount > max) {
      const oldestOther = [...this.captions.children].find(
        (c) => !c.classList.contains("toast-mine") && !c.classList.contains("toast-offer"),
      );
      (oldestOther ?? this.captions.firstElementChild)?.remove();
    }
    window.setTimeout(() => el.remove(), ms);
  }

  private news(entry: NewsSchema): void {
    this.latestNews = entry;
    this.renderTicker();
  }

  private renderTicker(): void {
    const entry = this.latestNews;
    if (!entry) return;
    replaceChildren(
      this.ticker,
      h("span", { class: "ticker-tag" }, `${this.t("news.title")}: `),
      this.g(entry.key, this.params(entry.params)),
    );
  }

  private error(code: string, params?: Record<string, string | number>): void {
    const text = code === NETWORK_ERROR ? this.t("error.network") : this.g(`error.${code}`, params);
    const el = h("p", { class: "toast toast-error" }, h("span", { "aria-hidden": "true" }, "⚠ "), text);
    this.errors.replaceChildren(el);
    window.setTimeout(() => el.remove(), TOAST_MS);
  }

  private connection(status: "lost" | "restored" | "closed" | "kicked"): void {
    if (status === "restored") {
      this.status.hidden = true;
      this.toast(this.t("net.restored"), "info");
      return;
    }
    this.status.hidden = false;
    if (status === "lost") {
      replaceChildren(
        this.status,
        h("span", { class: "spinner", "aria-hidden": "true" }),
        this.t("net.reconnecting"),
      );
    } else if (status === "kicked") {
      replaceChildren(
        this.status,
        h("span", {}, this.t("net.kicked")),
        h(
          "button",
          { class: "btn", type: "button", on: { click: () => location.assign(location.pathname) } },
          this.t("net.toStart"),
        ),
      );
    } else if (!this.resuming) {
      // The seat could not be taken back (the server restarted or stopped): wait for the server,
      // then reload, which returns to the same seat (through the class, or with the seat's key).
      this.resuming = true;
      replaceChildren(
        this.status,
        h("span", { class: "spinner", "aria-hidden": "true" }),
        this.t("net.waitingServer"),
      );
      void serverBack(serverUrl()).then((back) => {
        if (back) location.reload();
        else this.connectionGone();
      });
    }
  }

  /** The server did not come back in time: say so, with a reload button. */
  private connectionGone(): void {
    replaceChildren(
      this.status,
      h("span", {}, this.t("net.lost")),
      h(
        "button",
        { class: "btn", type: "button", on: { click: () => location.reload() } },
        this.t("net.reload"),
      ),
    );
  }

  private switchLang(): void {
    this.lang = this.lang === "id" ? "en" : "id";
    this.net.lang = this.lang;
    storeLang(this.lang);
    document.documentElement.lang = this.lang;
    const state = this.net.state;
    if (state) {
      this.render(state);
      if (this.card.open) this.showCard(state);
    }
    this.renderTicker();
    this.hints?.refresh();
    this.kamus.refresh();
    this.results.refresh();
  }
}

/** A symbol per event kind (plain glyphs every phone font has, or the game's own icon). */
function eventIcon(kind: string): Node | string {
  if (kind === "panenRaya") return icon(iconUrl("beras"), 28);
  return (
    { hujan: "☂", musibah: "⚠", tenang: "☀", hargaTurun: "↘", tuntutanTokoh: "✊", kampanyeSampah: "♻" }[
      kind
    ] ?? "•"
  );
}
