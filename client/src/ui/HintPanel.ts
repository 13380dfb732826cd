import {
  type Action,
  type Bundle,
  type Form,
  type Hint,
  SITES,
  suggestHint,
  type VoteTopic,
} from "@bangun-desa/shared";
import type { VillageState } from "@bangun-desa/shared/schema";
import { iconUrl } from "../game/assets.ts";
import { gameView } from "../game/gameView.ts";
import { h, icon, replaceChildren } from "./dom.ts";
import type { PanelHost } from "./panelHost.ts";
import { bundleWords, offerGet, offerGive, pasarCost } from "./trade.ts";

/** Patches arrive every 50 ms while bots act: the hint is worked out at most this often. */
const HINT_INTERVAL_MS = 350;
const HIDDEN_KEY = "bangun-desa.hintsHidden";

function storedHidden(): boolean {
  try {
    return localStorage.getItem(HIDDEN_KEY) === "1";
  } catch {
    return false;
  }
}

function storeHidden(hidden: boolean): void {
  try {
    localStorage.setItem(HIDDEN_KEY, hidden ? "1" : "0");
  } catch {
    // No storage: hidden for this page only.
  }
}

/**
 * The solo-practice hint card over the map: the move a cooperative villager would make in my
 * place (shared `suggestHint`, run on the client's view of the game: public state and my own hand),
 * in words, with its form of cooperation and why it helps, and a button that sends that very move
 * through the network facade. It folds into a small button so it does not hide the map; that
 * choice is remembered on this device.
 */
export class HintPanel {
  readonly el = h("section", { class: "hint-card", "aria-labelledby": "hint-title" });
  private hidden = storedHidden();
  private busy = false;
  private timer: number | null = null;
  /** A refresh waits at the end of the current task (see schedule). */
  private queued = false;
  private lastRun = 0;
  /** What the card shows now: an unchanged card is not rebuilt, so a tap on "Lakukan" is never lost. */
  private shown = "";

  constructor(private readonly host: PanelHost) {
    host.net.events.on("state", () => this.schedule());
    this.refresh();
  }

  /**
   * Work the hint out again soon: at once if the last time was long enough ago, else later. "At
   * once" is at the end of the patch's own task (a microtask, after the HUD and the map have taken
   * the patch): the work then falls in the patch's frame instead of making a second slow frame
   * right after it, and a hint that fails cannot keep the others from taking the patch.
   */
  private schedule(): void {
    if (this.timer !== null || this.queued) return;
    const wait = this.lastRun + HINT_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      this.queued = true;
      queueMicrotask(() => {
        this.queued = false;
        this.refresh();
      });
      return;
    }
    this.timer = window.setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, wait);
  }

  /** Re-render now (after a language switch or a local choice). */
  refresh(): void {
    this.lastRun = performance.now();
    const state = this.host.net.state;
    const seatId = this.host.net.seatId;
    if (!state || !seatId || !state.players.get(seatId) || state.phase === "ended") {
      this.el.hidden = true;
      return;
    }
    this.el.hidden = false;
    // Folded, the card needs no hint at all: nothing is worked out.
    const acting = state.phase === "action";
    const hint = acting && !this.hidden ? suggestHint(gameView(state, seatId), seatId) : null;
    this.render(state, acting, hint);
  }

  private render(state: VillageState, acting: boolean, hint: Hint | null): void {
    const { t, g } = this.host;
    const form = hint?.form ?? null;
    const why = !acting ? t("hints.wait") : hint ? g(hint.why.key, hint.why.params) : g("hint.done");
    const move = hint ? this.describe(state, hint.action) : "";
    const shown = JSON.stringify([this.hidden, form, why, move, hint?.action, t("hints.title")]);
    if (shown === this.shown) return;
    this.shown = shown;
    this.el.className = `hint-card${this.hidden ? " folded" : ""}${form ? ` hint-${form}` : ""}`;
    this.el.dataset.form = form ?? "";
    this.el.dataset.action = hint ? JSON.stringify(hint.action) : "";
    const toggle = h(
      "button",
      {
        class: "btn hint-toggle",
        type: "button",
        "data-key": "hint-toggle",
        "aria-expanded": String(!this.hidden),
        "aria-controls": "hint-body",
        ...(this.hidden ? {} : { "aria-label": t("hints.hide"), title: t("hints.hide") }),
        on: { click: () => this.toggle() },
      },
      this.hidden
        ? h(
            "span",
            { class: "hint-show" },
            h("span", { class: "hint-mark", "aria-hidden": "true" }, "?"),
            t("hints.show"),
          )
        : h("span", { "aria-hidden": "true" }, "✕"),
    );
    replaceChildren(
      this.el,
      h(
        "div",
        { class: "hint-head" },
        h(
          "h2",
          { id: "hint-title", class: this.hidden ? "visually-hidden" : "hint-title" },
          h("span", { class: "hint-mark", "aria-hidden": "true" }, "?"),
          t("hints.title"),
        ),
        this.hidden || !hint ? null : this.formChip(form),
        toggle,
      ),
      h(
        "div",
        { id: "hint-body", class: "hint-body", hidden: this.hidden },
        h("p", { class: "hint-why" }, why),
        hint ? this.moveRow(hint.action, move) : null,
      ),
    );
  }

  /** The move in words and the button that makes it. */
  private moveRow(action: Action, move: string): HTMLElement {
    return h(
      "div",
      { class: "hint-move-row" },
      h("p", { class: "hint-move" }, move),
      h(
        "button",
        {
          class: "btn btn-primary hint-do",
          type: "button",
          "data-key": "hint-do",
          on: { click: () => void this.doIt(action) },
        },
        this.host.t("hints.do"),
      ),
    );
  }

  /** The form of cooperation, named in words (the colour and the icon only repeat it). */
  private formChip(form: Form | null): HTMLElement {
    const { t, g } = this.host;
    return h(
      "p",
      { class: "hint-form" },
      icon(iconUrl("persatuan"), 20),
      h("span", { class: "visually-hidden" }, `${t("hints.formLabel")}: `),
      form ? g(`form.${form}`) : t("hints.forHousehold"),
    );
  }

  private toggle(): void {
    this.hidden = !this.hidden;
    storeHidden(this.hidden);
    this.refresh();
  }

  /** Send the move (a second tap while the first is on its way sends nothing more). */
  private async doIt(action: Action): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    await this.host.net.act(action);
    this.busy = false;
  }

  /** The suggested move in words, from my side ("Beri 1 beras kepada Pak Budi"). */
  private describe(state: VillageState, action: Action): string {
    const { t, g } = this.host;
    const name = (id: string | undefined): string => (id ? (state.players.get(id)?.name ?? "") : "");
    const words = (b: Bundle): string => bundleWords(b, t("trade.nothing"));
    const offer = (id: string) => state.offers.get(id);
    const goalOf = (id: string): string => {
      const goal = state.coalitions.get(id)?.goal;
      return goal ? g(`goal.${goal}`) : "";
    };
    const kindOf = (id: string): string => {
      const kind = state.ventures.get(id)?.kind;
      return kind ? g(`venture.${kind}`) : "";
    };
    switch (action.type) {
      case "gather":
        return t("move.gather", { res: SITES[action.site].resource, site: g(`site.${action.site}`) });
      case "contribute": {
        const project = this.projectName(state, action.projectId);
        return action.tenaga > 0
          ? t("move.work", { project })
          : t("move.give", { give: words(action.give), project });
      }
      case "giveAid":
        return t("move.giveAid", { give: words(action.give), name: name(action.to) });
      case "offerTrade":
        return t("move.offerTrade", {
          name: name(action.to),
          give: words(action.give),
          get: words(action.get),
        });
      case "counterTrade":
        return t("move.counterTrade", {
          name: name(offer(action.offerId)?.from),
          give: words(action.give),
          get: words(action.get),
        });
      case "acceptTrade": {
        const o = offer(action.offerId);
        // The offer's `give` is what its maker gives: what I get.
        return t("move.acceptTrade", {
          name: name(o?.from),
          get: o ? words(offerGive(o)) : "",
          give: o ? words(offerGet(o)) : "",
        });
      }
      case "rejectTrade":
        return t("move.rejectTrade", { name: name(offer(action.offerId)?.from) });
      case "cancelTrade":
        return t("move.cancelTrade", { name: name(offer(action.offerId)?.to) });
      case "tradeWithMarket":
        return t("move.tradeWithMarket", {
          give: `${pasarCost(state, action.give, action.get, action.amount)} ${action.give}`,
          get: `${action.amount} ${action.get}`,
        });
      case "proposeRicePrice":
        return t("move.proposeRicePrice", { price: action.price });
      case "acceptRicePrice":
        return t("move.acceptRicePrice", { price: state.ricePriceProposal });
      case "proposeVote":
        return t("move.proposeVote", {
          what: this.voteWhat(state, action.topic, action.projectId, action.position, action.playerId),
        });
      case "castVote": {
        const v = state.votes.get(action.voteId);
        const what = v ? this.voteWhat(state, v.topic as VoteTopic, v.projectId, v.position, v.playerId) : "";
        return t(action.choice === "yes" ? "move.castVote.yes" : "move.castVote.no", { what });
      }
      case "proposeCoalition":
        return t("move.proposeCoalition", { goal: g(`goal.${action.goal}`) });
      case "joinCoalition":
        return t("move.joinCoalition", { goal: goalOf(action.coalitionId) });
      case "pledgeCoalition":
        return t("move.pledgeCoalition", { give: words(action.give), goal: goalOf(action.coalitionId) });
      case "leaveCoalition":
        return t("move.leaveCoalition", { goal: goalOf(action.coalitionId) });
      case "proposeVenture":
        return t("move.proposeVenture", { name: name(action.to), kind: g(`venture.${action.kind}`) });
      case "acceptVenture":
        return t("move.acceptVenture", {
          name: name(state.ventures.get(action.ventureId)?.proposer),
          kind: kindOf(action.ventureId),
        });
      case "workVenture":
        return t("move.workVenture", { kind: kindOf(action.ventureId) });
      case "done":
        return t("move.done");
    }
  }

  /** A project's short name ("selokan", "rumah Pak Budi"). */
  private projectName(state: VillageState, projectId: string | undefined): string {
    const p = projectId ? state.projects.get(projectId) : undefined;
    if (!p) return "";
    if (p.kind === "rumah")
      return this.host.t("move.house", { name: state.players.get(p.ownerId)?.name ?? "" });
    return this.host.g(`projectName.${p.kind}`);
  }

  private voteWhat(
    state: VillageState,
    topic: VoteTopic,
    projectId: string | undefined,
    position: string | undefined,
    playerId: string | undefined,
  ): string {
    return this.host.t(`vote.what.${topic}`, {
      project: this.projectName(state, projectId),
      position: position ? this.host.g(`position.${position}`) : "",
      name: playerId ? (state.players.get(playerId)?.name ?? "") : "",
    });
  }
}
