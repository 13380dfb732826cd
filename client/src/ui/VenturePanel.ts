import {
  type Bundle,
  RESOURCES,
  VENTURE_KINDS,
  VENTURE_SHARES,
  VENTURE_TENAGA,
  VENTURES,
  type VentureKind,
} from "@bangun-desa/shared";
import type { PlayerSchema, VentureSchema, VillageState } from "@bangun-desa/shared/schema";
import { iconUrl } from "../game/assets.ts";
import type { UiKey } from "../i18n.ts";
import { h, icon } from "./dom.ts";
import { short } from "./hudModel.ts";
import type { PanelHost } from "./panelHost.ts";
import {
  capital,
  isVentureKind,
  myShare,
  myVentures,
  ventureShareOf,
  venturesOfferedTo,
} from "./partnerships.ts";
import { stepper } from "./stepper.ts";
import { bundleEmpty, bundleWords } from "./trade.ts";

/** The most a stepper asks of the partner's capital (they decide whether it is fair). */
const ASK_MAX = 10;
const STATUS_ICON: Record<string, string> = { proposed: "…", active: "▶", finished: "✓", expired: "○" };

/**
 * The joint-venture sheet: offers waiting for my signature (Terima), my ventures as contract cards
 * (partner, kind, split, seasons left, paid/stalled seasons, who worked this season, Kerja 1
 * tenaga), and a composer (partner, kind with its output, both capitals, the profit split).
 */
export class VenturePanel {
  private to = "";
  private kind: VentureKind = "eksporKopi";
  private give: Bundle = {};
  private ask: Bundle = {};
  private share = 50;

  constructor(private readonly host: PanelHost) {}

  private t(key: UiKey, params?: Record<string, string | number>): string {
    return this.host.t(key, params);
  }

  private name(state: VillageState, me: PlayerSchema, seatId: string): string {
    return seatId === me.id ? this.t("trade.you") : (state.players.get(seatId)?.name ?? seatId);
  }

  private kindName(kind: string): string {
    return this.host.g(`venture.${kind}`);
  }

  private split(mine: number): string {
    return this.t("venture.shareLine", { mine, theirs: 100 - mine });
  }

  render(state: VillageState, me: PlayerSchema): Node[] {
    const offered = venturesOfferedTo(state, me.id);
    const mine = myVentures(state, me.id);
    return [
      h("h2", { id: "sheet-title" }, this.t("venture.title")),
      h("p", { class: "intro" }, this.host.g("form.jointVenture.short")),
      h("p", { class: "hint" }, this.t("venture.intro")),
      h("h3", {}, this.t("venture.offered")),
      offered.length === 0
        ? h("p", { class: "empty" }, this.t("venture.noOffered"))
        : h("ul", { class: "offer-list" }, ...offered.map((v) => this.offerCard(state, me, v))),
      h("h3", {}, this.t("venture.mine")),
      mine.length === 0
        ? h("p", { class: "empty" }, this.t("venture.noMine"))
        : h("ul", { class: "offer-list" }, ...mine.map((v) => this.contractCard(state, me, v))),
      h("h3", {}, this.t("venture.propose")),
      ...this.composer(state, me),
    ];
  }

  private statusWord(status: string): HTMLElement {
    return h(
      "span",
      { class: `tag status-${status}`, "data-status": status },
      h("span", { "aria-hidden": "true" }, `${STATUS_ICON[status] ?? "•"} `),
      this.t(`venture.status.${status}` as UiKey),
    );
  }

  private offerCard(state: VillageState, me: PlayerSchema, v: VentureSchema): HTMLElement {
    const share = myShare(v, me.id);
    const kind = isVentureKind(v.kind) ? v.kind : null;
    return h(
      "li",
      { class: "offer incoming venture", "data-venture": v.id },
      h("p", { class: "offer-who" }, this.t("venture.from", { name: this.name(state, me, v.proposer) })),
      h("h4", {}, this.kindName(v.kind)),
      h("p", { class: "offer-terms" }, this.split(share)),
      h(
        "p",
        {},
        this.t("venture.terms", {
          name: this.name(state, me, v.proposer),
          give: bundleWords(capital(v.proposerCapital), "—"),
          ask: bundleWords(capital(v.partnerCapital), "—"),
        }),
      ),
      kind
        ? h(
            "p",
            {},
            this.t("venture.shareFor", {
              pay: bundleWords(ventureShareOf(kind, v.proposerShare, false), "—"),
            }),
          )
        : null,
      h("p", { class: "hint" }, this.t("venture.expiresNight")),
      h(
        "div",
        { class: "offer-actions" },
        h(
          "button",
          {
            class: "btn btn-secondary",
            type: "button",
            "data-key": `accept-${v.id}`,
            "data-accept-venture": v.id,
            disabled: state.phase !== "action",
            on: { click: () => void this.accept(v.id) },
          },
          h("span", { "aria-hidden": "true" }, "✓"),
          this.t("venture.accept"),
        ),
      ),
    );
  }

  private contractCard(state: VillageState, me: PlayerSchema, v: VentureSchema): HTMLElement {
    const partnerId = v.proposer === me.id ? v.partner : v.proposer;
    const share = myShare(v, me.id);
    const kind = isVentureKind(v.kind) ? v.kind : null;
    const worked = [...v.workedThisSeason];
    const active = v.status === "active";
    const iWorked = worked.includes(me.id);
    const give = capital(v.proposer === me.id ? v.proposerCapital : v.partnerCapital);
    const ask = capital(v.proposer === me.id ? v.partnerCapital : v.proposerCapital);
    return h(
      "li",
      { class: `offer venture status-${v.status}`, "data-venture": v.id },
      h("h4", { class: "coalition-goal" }, h("span", {}, this.kindName(v.kind)), this.statusWord(v.status)),
      h("p", { class: "offer-who" }, this.t("venture.with", { name: this.name(state, me, partnerId) })),
      h("p", { class: "offer-terms" }, this.split(share)),
      h(
        "p",
        {},
        this.t("venture.termsMine", {
          name: this.name(state, me, partnerId),
          give: bundleWords(give, "—"),
          ask: bundleWords(ask, "—"),
        }),
      ),
      kind
        ? h(
            "p",
            {},
            this.t("venture.shareFor", {
              pay: bundleWords(ventureShareOf(kind, v.proposerShare, v.proposer === me.id), "—"),
            }),
          )
        : null,
      active || v.status === "finished"
        ? h(
            "p",
            {},
            active ? `${this.t("venture.seasonsLeft", { n: v.seasonsLeft })} · ` : "",
            this.t("venture.record", { paid: v.paidSeasons, stalled: v.stalledSeasons }),
          )
        : null,
      active
        ? h(
            "div",
            { class: "worked", role: "group", "aria-label": this.t("venture.thisSeason") },
            h("p", { class: "needs-title" }, this.t("venture.thisSeason")),
            h(
              "ul",
              { class: "tally" },
              ...[me.id, partnerId].map((id) => {
                const done = worked.includes(id);
                return h(
                  "li",
                  { class: done ? "tally-yes" : "tally-none", "data-worked": id },
                  h("span", { class: "tally-mark", "aria-hidden": "true" }, done ? "✓" : "…"),
                  h("strong", {}, this.name(state, me, id)),
                  `: ${this.t(done ? "venture.worked" : "venture.notWorked")}`,
                );
              }),
            ),
          )
        : null,
      active && !iWorked
        ? h(
            "button",
            {
              class: "btn btn-primary",
              type: "button",
              "data-key": `work-venture-${v.id}`,
              "data-work-venture": v.id,
              disabled: state.phase !== "action" || me.tenaga < VENTURE_TENAGA,
              on: { click: () => void this.work(v) },
            },
            icon(iconUrl("tenaga"), 20),
            this.t("venture.work"),
          )
        : null,
    );
  }

  private async accept(ventureId: string): Promise<void> {
    const reply = await this.host.net.request("acceptVenture", { ventureId });
    if (reply.ok) this.host.toast(this.t("venture.accepted"), "info");
    this.host.rerender();
  }

  private async work(v: VentureSchema): Promise<void> {
    const reply = await this.host.net.request("workVenture", { ventureId: v.id });
    if (reply.ok) this.host.toast(this.t("venture.workedOk", { kind: this.kindName(v.kind) }), "info");
    this.host.rerender();
  }

  // ── Composer ──────────────────────────────────────────────────────────────────────────────

  private clampGive(me: PlayerSchema): Bundle {
    const out: Bundle = {};
    for (const r of RESOURCES) {
      const n = Math.min(this.give[r] ?? 0, me[r]);
      if (n > 0) out[r] = n;
    }
    return out;
  }

  private composer(state: VillageState, me: PlayerSchema): Node[] {
    const acting = state.phase === "action";
    const others = [...state.players.values()].filter((p) => p.id !== me.id).sort((a, b) => a.seat - b.seat);
    if (!others.some((p) => p.id === this.to)) this.to = others[0]?.id ?? "";
    const give = this.clampGive(me);
    const ready = acting && this.to !== "" && !bundleEmpty(give) && !bundleEmpty(this.ask);
    const partner = state.players.get(this.to);
    const capitalSide = (which: "give" | "ask") =>
      h(
        "fieldset",
        { class: "terms" },
        h("legend", {}, this.t(which === "give" ? "venture.myCapital" : "venture.partnerCapital")),
        ...RESOURCES.map((r) =>
          stepper({
            key: `venture-${which}-${r}`,
            res: r,
            label: r,
            note: which === "give" ? this.t("project.youHave", { n: me[r] }) : undefined,
            value: which === "give" ? (give[r] ?? 0) : (this.ask[r] ?? 0),
            max: which === "give" ? me[r] : ASK_MAX,
            enabled: acting,
            lessLabel: `${this.t(which === "give" ? "venture.myCapital" : "venture.partnerCapital")}: ${this.t("stepper.less", { res: r })}`,
            moreLabel: `${this.t(which === "give" ? "venture.myCapital" : "venture.partnerCapital")}: ${this.t("stepper.more", { res: r })}`,
            set: (v) => {
              if (which === "give") this.give = { ...this.give, [r]: v };
              else this.ask = { ...this.ask, [r]: v };
              this.host.rerender();
            },
          }),
        ),
      );
    const radio = (name: string, value: string, checked: boolean, set: () => void) =>
      h("input", {
        type: "radio",
        name,
        value,
        "data-key": `${name}-${value}`,
        checked,
        on: {
          change: () => {
            set();
            this.host.rerender();
          },
        },
      });
    return [
      others.length === 0
        ? h("p", { class: "empty" }, this.t("trade.nobody"))
        : h(
            "fieldset",
            { class: "neighbours" },
            h("legend", {}, this.t("venture.partner")),
            ...others.map((p) =>
              h(
                "label",
                { class: "neighbour" },
                radio("venture-to", p.id, this.to === p.id, () => {
                  this.to = p.id;
                }),
                h("span", {}, h("strong", {}, p.name), ` · ${short(this.host.g(`role.${p.role}`))}`),
              ),
            ),
          ),
      h(
        "fieldset",
        { class: "neighbours" },
        h("legend", {}, this.t("venture.kind")),
        ...VENTURE_KINDS.map((kind) =>
          h(
            "label",
            { class: "neighbour" },
            radio("venture-kind", kind, this.kind === kind, () => {
              this.kind = kind;
            }),
            h(
              "span",
              {},
              h("strong", {}, this.kindName(kind)),
              h("br"),
              h(
                "small",
                {},
                this.t("venture.kindLine", {
                  output: bundleWords(VENTURES[kind].output, "—"),
                  seasons: VENTURES[kind].seasons,
                }),
              ),
            ),
          ),
        ),
      ),
      capitalSide("give"),
      capitalSide("ask"),
      h(
        "fieldset",
        { class: "res-choice" },
        h("legend", {}, this.t("venture.share")),
        ...VENTURE_SHARES.map((s) =>
          h(
            "label",
            { class: "res-option" },
            radio("venture-share", String(s), this.share === s, () => {
              this.share = s;
            }),
            h("span", {}, this.t("venture.shareOption", { mine: s, theirs: 100 - s })),
          ),
        ),
      ),
      h(
        "p",
        { class: "summary", "aria-live": "polite", "data-key": "venture-summary" },
        bundleEmpty(give) || bundleEmpty(this.ask) || !partner
          ? this.t("venture.summaryEmpty")
          : this.t("venture.summary", {
              kind: this.kindName(this.kind),
              name: partner.name,
              give: bundleWords(give, "—"),
              ask: bundleWords(this.ask, "—"),
              mine: this.share,
              theirs: 100 - this.share,
            }),
        h("br"),
        this.t("venture.shareFor", { pay: bundleWords(ventureShareOf(this.kind, this.share, true), "—") }),
      ),
      h(
        "button",
        {
          class: "btn btn-primary btn-big",
          type: "button",
          "data-key": "venture-send",
          disabled: !ready,
          on: { click: () => void this.send() },
        },
        this.t("venture.send"),
      ),
    ];
  }

  private async send(): Promise<void> {
    const me = this.host.net.me;
    if (!me) return;
    const give = this.clampGive(me);
    const ask: Bundle = {};
    for (const r of RESOURCES) if ((this.ask[r] ?? 0) > 0) ask[r] = this.ask[r];
    const name = this.host.net.state?.players.get(this.to)?.name ?? "";
    const share = this.share as (typeof VENTURE_SHARES)[number];
    const reply = await this.host.net.request("proposeVenture", {
      to: this.to,
      kind: this.kind,
      give,
      ask,
      share,
    });
    if (reply.ok) {
      this.host.toast(this.t("venture.sent", { name }), "info");
      this.give = {};
      this.ask = {};
    }
    this.host.rerender();
  }
}
