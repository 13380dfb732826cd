import { type Bundle, RESOURCES, type Resource, RICE_PRICE_RANGE } from "@bangun-desa/shared";
import type { OfferSchema, PlayerSchema, VillageState } from "@bangun-desa/shared/schema";
import { iconUrl } from "../game/assets.ts";
import type { UiKey } from "../i18n.ts";
import { h, icon } from "./dom.ts";
import { short } from "./hudModel.ts";
import type { PanelHost } from "./panelHost.ts";
import { stepper } from "./stepper.ts";
import {
  bundleEmpty,
  bundleWords,
  byAge,
  incomingOpen,
  koperasiBuilt,
  offerGet,
  offerGive,
  pasarCost,
  riceAwaitsMe,
  riceSide,
  riceTalkOpen,
  threadOf,
} from "./trade.ts";

/** What the panel needs from the HUD that hosts it. */
export type TradeHost = PanelHost;

type View = "offers" | "compose" | "pasar";

/** How much a student may ask for in one offer (the other side decides whether it is fair). */
const ASK_MAX = 20;
/** The most the pasar stepper offers in one go. */
const PASAR_MAX = 20;

const STATUS_ICON: Record<string, string> = {
  open: "…",
  countered: "↩",
  accepted: "✓",
  rejected: "✕",
  cancelled: "−",
  expired: "○",
};

/**
 * The tawar-menawar sheet: incoming offers with their whole thread (accept, reject, counter), my
 * outgoing offers (cancel), a one-thumb composer, the pasar, and the harga gabah talk. Three views
 * behind a segmented switch keep each one short on a phone. Local choices live here; everything
 * else is read from the synced state on every render.
 */
export class TradePanel {
  private view: View = "offers";
  private to = "";
  private give: Bundle = {};
  private get: Bundle = {};
  /** The offer being countered (the composer then sends `counterTrade` to its maker). */
  private counterOf: string | null = null;
  private pasarGive: Resource = "kayu";
  private pasarGet: Resource = "beras";
  private pasarAmount = 1;
  private price = 0;

  constructor(private readonly host: TradeHost) {}

  private t(key: UiKey, params?: Record<string, string | number>): string {
    return this.host.t(key, params);
  }

  /** Opening the panel: offers first when something waits for me, else the composer. */
  opened(state: VillageState, me: PlayerSchema): void {
    const waiting = incomingOpen(state, me.id).length > 0 || (riceTalkOpen(state) && riceSide(me) !== null);
    if (this.counterOf) this.view = "compose";
    else this.view = waiting ? "offers" : "compose";
  }

  showOffers(): void {
    this.view = "offers";
  }

  render(state: VillageState, me: PlayerSchema): Node[] {
    const incoming = incomingOpen(state, me.id);
    const views: [View, string][] = [
      ["offers", this.t("trade.view.offers", { n: incoming.length })],
      ["compose", this.t("trade.view.compose")],
      ["pasar", this.t("trade.view.pasar")],
    ];
    const body =
      this.view === "offers"
        ? this.offersView(state, me, incoming)
        : this.view === "compose"
          ? this.composeView(state, me)
          : this.pasarView(state, me);
    return [
      h("h2", { id: "sheet-title" }, this.t("trade.title")),
      h("p", { class: "intro" }, this.host.g("form.bargaining.short")),
      h(
        "div",
        { class: "segmented", role: "group", "aria-label": this.t("trade.title") },
        ...views.map(([v, label]) =>
          h(
            "button",
            {
              class: "btn seg",
              type: "button",
              "data-key": `view-${v}`,
              "data-view": v,
              "aria-pressed": String(this.view === v),
              on: {
                click: () => {
                  this.view = v;
                  this.host.rerender();
                },
              },
            },
            label,
          ),
        ),
      ),
      ...body.filter((n): n is Node => n !== null),
    ];
  }

  // ── Offers: incoming (with thread), harga gabah, outgoing ─────────────────────────────────

  private name(state: VillageState, me: PlayerSchema, seatId: string): string {
    return seatId === me.id ? this.t("trade.you") : (state.players.get(seatId)?.name ?? seatId);
  }

  private statusWord(status: string): HTMLElement {
    return h(
      "span",
      { class: `status status-${status}` },
      h("span", { "aria-hidden": "true" }, `${STATUS_ICON[status] ?? "•"} `),
      this.t(`trade.status.${status}` as UiKey),
    );
  }

  private termsLine(state: VillageState, me: PlayerSchema, o: OfferSchema): string {
    return this.t("trade.line", {
      name: this.name(state, me, o.from),
      give: bundleWords(offerGive(o), this.t("trade.nothing")),
      get: bundleWords(offerGet(o), this.t("trade.nothing")),
    });
  }

  private thread(state: VillageState, me: PlayerSchema, o: OfferSchema): HTMLElement | null {
    const offers = threadOf(state, o.threadId);
    if (offers.length < 2) return null;
    return h(
      "details",
      { class: "thread", open: true },
      h("summary", {}, `${this.t("trade.thread")} (${offers.length})`),
      h(
        "ol",
        {},
        ...offers.map((x) =>
          h("li", { "data-offer": x.id }, `${this.termsLine(state, me, x)} · `, this.statusWord(x.status)),
        ),
      ),
    );
  }

  private offersView(state: VillageState, me: PlayerSchema, incoming: OfferSchema[]): (Node | null)[] {
    const acting = state.phase === "action";
    const outgoing = [...state.offers.values()].filter((o) => o.from === me.id).sort((a, b) => byAge(b, a));
    return [
      h("h3", {}, this.t("trade.incoming")),
      incoming.length === 0
        ? h("p", { class: "empty" }, this.t("trade.noIncoming"))
        : h(
            "ul",
            { class: "offer-list" },
            ...incoming.map((o) =>
              h(
                "li",
                { class: "offer incoming", "data-offer": o.id, "data-from": o.from },
                h("p", { class: "offer-who" }, this.t("trade.from", { name: this.name(state, me, o.from) })),
                h("p", { class: "offer-terms" }, this.termsLine(state, me, o)),
                this.thread(state, me, o),
                h(
                  "div",
                  { class: "offer-actions" },
                  h(
                    "button",
                    {
                      class: "btn btn-secondary",
                      type: "button",
                      "data-key": `accept-${o.id}`,
                      "data-accept": o.id,
                      disabled: !acting,
                      on: { click: () => void this.answer("acceptTrade", o) },
                    },
                    h("span", { "aria-hidden": "true" }, "✓"),
                    this.t("trade.accept"),
                  ),
                  h(
                    "button",
                    {
                      class: "btn",
                      type: "button",
                      "data-key": `counter-${o.id}`,
                      "data-counter": o.id,
                      disabled: !acting,
                      on: { click: () => this.startCounter(o) },
                    },
                    h("span", { "aria-hidden": "true" }, "↩"),
                    this.t("trade.counter"),
                  ),
                  h(
                    "button",
                    {
                      class: "btn",
                      type: "button",
                      "data-key": `reject-${o.id}`,
                      "data-reject": o.id,
                      disabled: !acting,
                      on: { click: () => void this.answer("rejectTrade", o) },
                    },
                    h("span", { "aria-hidden": "true" }, "✕"),
                    this.t("trade.reject"),
                  ),
                ),
              ),
            ),
          ),
      riceTalkOpen(state) ? this.riceTalk(state, me) : null,
      h("h3", {}, this.t("trade.outgoing")),
      outgoing.length === 0
        ? h("p", { class: "empty" }, this.t("trade.noOutgoing"))
        : h(
            "ul",
            { class: "offer-list" },
            ...outgoing.map((o) =>
              h(
                "li",
                { class: `offer outgoing status-${o.status}`, "data-offer": o.id },
                h(
                  "p",
                  { class: "offer-who" },
                  this.t("trade.to", { name: this.name(state, me, o.to) }),
                  " · ",
                  this.statusWord(o.status),
                ),
                h("p", { class: "offer-terms" }, this.termsLine(state, me, o)),
                o.status === "open"
                  ? h(
                      "button",
                      {
                        class: "btn",
                        type: "button",
                        "data-key": `cancel-${o.id}`,
                        "data-cancel": o.id,
                        disabled: !acting,
                        on: { click: () => void this.cancel(o) },
                      },
                      h("span", { "aria-hidden": "true" }, "−"),
                      this.t("trade.cancel"),
                    )
                  : null,
              ),
            ),
          ),
    ];
  }

  private async answer(name: "acceptTrade" | "rejectTrade", o: OfferSchema): Promise<void> {
    const from = this.host.net.state?.players.get(o.from)?.name ?? "";
    const reply = await this.host.net.request(name, { offerId: o.id });
    // An accepted trade is announced by its cooperation caption; a rejection gets its own note.
    if (reply.ok && name === "rejectTrade")
      this.host.toast(this.t("trade.rejectedOk", { name: from }), "info");
    this.host.rerender();
  }

  private async cancel(o: OfferSchema): Promise<void> {
    const reply = await this.host.net.request("cancelTrade", { offerId: o.id });
    if (reply.ok) this.host.toast(this.t("trade.cancelledOk"), "info");
    this.host.rerender();
  }

  /** Counter: the composer opens with the offer's terms turned round to my side. */
  private startCounter(o: OfferSchema): void {
    this.counterOf = o.id;
    this.to = o.from;
    this.give = offerGet(o);
    this.get = offerGive(o);
    this.view = "compose";
    this.host.rerender();
  }

  // ── Harga gabah ───────────────────────────────────────────────────────────────────────────

  private riceTalk(state: VillageState, me: PlayerSchema): HTMLElement {
    const side = riceSide(me);
    const { min, max } = RICE_PRICE_RANGE;
    if (this.price < min || this.price > max) {
      this.price = state.ricePriceProposal || Math.round((min + max) / 2);
    }
    const acting = state.phase === "action";
    const proposer = state.players.get(state.ricePriceProposer);
    const history = [...state.ricePriceHistory].map((entry) => {
      const [seat = "", price = ""] = entry.split(":");
      const p = state.players.get(seat);
      return this.t("rice.historyLine", {
        name: this.name(state, me, seat),
        role: p ? short(this.host.g(`role.${p.role}`)) : "",
        price,
      });
    });
    const mine = state.ricePriceProposer === me.id;
    return h(
      "section",
      { class: "rice", "aria-labelledby": "rice-title" },
      h("h3", { id: "rice-title" }, icon(iconUrl("beras"), 22), this.t("rice.title")),
      h("p", {}, this.t("rice.explain")),
      h("p", { class: "rice-side" }, side ? this.t(`rice.${side}`) : this.t("rice.watch")),
      h(
        "p",
        { class: "rice-table" },
        state.ricePriceProposal > 0
          ? this.t("rice.onTable", {
              price: state.ricePriceProposal,
              name: proposer ? this.name(state, me, proposer.id) : "",
            })
          : this.t("rice.none"),
      ),
      side
        ? h(
            "div",
            { class: "rice-controls" },
            stepper({
              key: "rice",
              res: "beras",
              label: this.t("rice.price"),
              value: this.price,
              min,
              max,
              enabled: acting,
              lessLabel: this.t("stepper.less", { res: this.t("rice.price") }),
              moreLabel: this.t("stepper.more", { res: this.t("rice.price") }),
              set: (v) => {
                this.price = v;
                this.host.rerender();
              },
            }),
            h(
              "div",
              { class: "offer-actions" },
              h(
                "button",
                {
                  class: "btn btn-primary",
                  type: "button",
                  "data-key": "rice-propose",
                  disabled: !acting,
                  on: { click: () => void this.proposePrice() },
                },
                this.t("rice.propose", { price: this.price }),
              ),
              riceAwaitsMe(state, me)
                ? h(
                    "button",
                    {
                      class: "btn btn-secondary",
                      type: "button",
                      "data-key": "rice-accept",
                      disabled: !acting,
                      on: { click: () => void this.host.net.request("acceptRicePrice", {}) },
                    },
                    h("span", { "aria-hidden": "true" }, "✓"),
                    this.t("rice.accept", { price: state.ricePriceProposal }),
                  )
                : null,
            ),
            mine ? h("p", { class: "hint" }, this.t("rice.waiting")) : null,
          )
        : null,
      history.length > 0
        ? h(
            "details",
            { class: "thread", open: true },
            h("summary", {}, `${this.t("rice.history")} (${history.length})`),
            h("ol", {}, ...history.map((line) => h("li", {}, line))),
          )
        : null,
    );
  }

  private async proposePrice(): Promise<void> {
    const price = this.price;
    const reply = await this.host.net.request("proposeRicePrice", { price });
    if (reply.ok) this.host.toast(this.t("rice.proposed", { price }), "info");
  }

  // ── Composer ──────────────────────────────────────────────────────────────────────────────

  private composeView(state: VillageState, me: PlayerSchema): Node[] {
    const acting = state.phase === "action";
    const countered = this.counterOf ? state.offers.get(this.counterOf) : undefined;
    if (this.counterOf && countered?.status !== "open") this.counterOf = null;
    const others = [...state.players.values()].filter((p) => p.id !== me.id).sort((a, b) => a.seat - b.seat);
    if (!others.some((p) => p.id === this.to)) this.to = others[0]?.id ?? "";
    const give = this.clampGive(me);
    const summary =
      bundleEmpty(give) && bundleEmpty(this.get)
        ? this.t("trade.summaryEmpty")
        : this.t("trade.summary", {
            give: bundleWords(give, this.t("trade.nothing")),
            get: bundleWords(this.get, this.t("trade.nothing")),
          });
    const ready = acting && !!this.to && !bundleEmpty(give) && !bundleEmpty(this.get);
    const side = (which: "give" | "get") =>
      h(
        "fieldset",
        { class: `terms terms-${which}` },
        h("legend", {}, this.t(which === "give" ? "trade.giveTitle" : "trade.getTitle")),
        ...RESOURCES.map((r) => {
          const bundle = which === "give" ? give : this.get;
          const other = which === "give" ? this.get : give;
          // One resource on both sides is refused by the rules: the stepper says so by stopping.
          const blocked = (other[r] ?? 0) > 0;
          const limit = which === "give" ? me[r] : ASK_MAX;
          return stepper({
            key: `${which}-${r}`,
            res: r,
            label: r,
            note: which === "give" ? this.t("project.youHave", { n: me[r] }) : undefined,
            value: bundle[r] ?? 0,
            max: blocked ? 0 : limit,
            enabled: acting,
            lessLabel: `${this.t(which === "give" ? "trade.giveTitle" : "trade.getTitle")}: ${this.t("stepper.less", { res: r })}`,
            moreLabel: `${this.t(which === "give" ? "trade.giveTitle" : "trade.getTitle")}: ${this.t("stepper.more", { res: r })}`,
            set: (v) => {
              if (which === "give") this.give = { ...this.give, [r]: v };
              else this.get = { ...this.get, [r]: v };
              this.host.rerender();
            },
          });
        }),
      );
    const target = state.players.get(this.to);
    return [
      countered && target
        ? h(
            "div",
            { class: "counter-head" },
            h("h3", {}, this.t("trade.counterTitle", { name: target.name })),
            h("p", { class: "offer-terms" }, this.termsLine(state, me, countered)),
            h(
              "button",
              {
                class: "btn",
                type: "button",
                "data-key": "counter-stop",
                on: {
                  click: () => {
                    this.resetComposer();
                    this.host.rerender();
                  },
                },
              },
              this.t("trade.counterStop"),
            ),
          )
        : others.length === 0
          ? h("p", { class: "empty" }, this.t("trade.nobody"))
          : h(
              "fieldset",
              { class: "neighbours" },
              h("legend", {}, this.t("trade.pick")),
              ...others.map((p) =>
                h(
                  "label",
                  { class: "neighbour" },
                  h("input", {
                    type: "radio",
                    name: "trade-to",
                    value: p.id,
                    "data-key": `to-${p.id}`,
                    checked: p.id === this.to,
                    on: {
                      change: () => {
                        this.to = p.id;
                      },
                    },
                  }),
                  h("span", {}, h("strong", {}, p.name), ` · ${short(this.host.g(`role.${p.role}`))}`),
                ),
              ),
            ),
      side("give"),
      side("get"),
      h("p", { class: "summary", "aria-live": "polite", "data-key": "trade-summary" }, summary),
      h(
        "button",
        {
          class: "btn btn-primary btn-big",
          type: "button",
          "data-key": "trade-send",
          disabled: !ready,
          on: { click: () => void this.send() },
        },
        this.t(countered ? "trade.sendCounter" : "trade.send"),
      ),
    ];
  }

  /** The give side never shows more than I hold (my hand may have shrunk since I chose). */
  private clampGive(me: PlayerSchema): Bundle {
    const out: Bundle = {};
    for (const r of RESOURCES) {
      const n = Math.min(this.give[r] ?? 0, me[r]);
      if (n > 0) out[r] = n;
    }
    return out;
  }

  private resetComposer(): void {
    this.counterOf = null;
    this.give = {};
    this.get = {};
  }

  private async send(): Promise<void> {
    const me = this.host.net.me;
    if (!me) return;
    const give = this.clampGive(me);
    const get: Bundle = {};
    for (const r of RESOURCES) if ((this.get[r] ?? 0) > 0) get[r] = this.get[r];
    const name = this.host.net.state?.players.get(this.to)?.name ?? "";
    const counterOf = this.counterOf;
    const reply = counterOf
      ? await this.host.net.request("counterTrade", { offerId: counterOf, give, get })
      : await this.host.net.request("offerTrade", { to: this.to, give, get });
    if (reply.ok) {
      this.host.toast(this.t(counterOf ? "trade.counterSent" : "trade.sent", { name }), "info");
      this.resetComposer();
      this.view = "offers";
    }
    this.host.rerender();
  }

  // ── Pasar ─────────────────────────────────────────────────────────────────────────────────

  private pasarView(state: VillageState, me: PlayerSchema): Node[] {
    const acting = state.phase === "action";
    if (this.pasarGive === this.pasarGet) {
      this.pasarGet = RESOURCES.find((r) => r !== this.pasarGive) ?? "beras";
    }
    const give = this.pasarGive;
    const get = this.pasarGet;
    let affordable = 0;
    while (affordable < PASAR_MAX && pasarCost(state, give, get, affordable + 1) <= me[give]) affordable++;
    const amount = Math.max(1, Math.min(this.pasarAmount, Math.max(1, affordable)));
    const cost = pasarCost(state, give, get, amount);
    const riceRate =
      state.ricePrice > 0 && ((give === "beras" && get === "uang") || (give === "uang" && get === "beras"));
    const rate = riceRate
      ? this.t("pasar.rateRice", { price: state.ricePrice })
      : koperasiBuilt(state)
        ? this.t("pasar.rateKoperasi", { rate: pasarCost(state, give, get, 1) })
        : this.t("pasar.rate", { rate: pasarCost(state, give, get, 1) });
    const choice = (which: "give" | "get") =>
      h(
        "fieldset",
        { class: "res-choice" },
        h("legend", {}, this.t(which === "give" ? "pasar.give" : "pasar.get")),
        ...RESOURCES.map((r) =>
          h(
            "label",
            { class: "res-option" },
            h("input", {
              type: "radio",
              name: `pasar-${which}`,
              value: r,
              "data-key": `pasar-${which}-${r}`,
              checked: (which === "give" ? give : get) === r,
              disabled: which === "get" && r === give,
              on: {
                change: () => {
                  if (which === "give") this.pasarGive = r;
                  else this.pasarGet = r;
                  this.host.rerender();
                },
              },
            }),
            icon(iconUrl(r), 22),
            h("span", {}, which === "give" ? `${r} (${me[r]})` : r),
          ),
        ),
      );
    return [
      h("h3", {}, this.t("pasar.title")),
      h("p", { class: "intro" }, this.t("pasar.intro")),
      choice("give"),
      choice("get"),
      stepper({
        key: "pasar-amount",
        res: get,
        label: this.t("pasar.amount", { res: get }),
        value: amount,
        min: 1,
        max: Math.max(1, affordable),
        enabled: acting,
        lessLabel: this.t("stepper.less", { res: get }),
        moreLabel: this.t("stepper.more", { res: get }),
        set: (v) => {
          this.pasarAmount = v;
          this.host.rerender();
        },
      }),
      h("p", { class: "rate" }, rate),
      h(
        "p",
        { class: "summary", "aria-live": "polite" },
        this.t("pasar.cost", { cost, give, amount, get }),
        affordable === 0
          ? h("span", { class: "short" }, ` ${this.t("pasar.short", { have: me[give], give })}`)
          : null,
      ),
      h(
        "button",
        {
          class: "btn btn-primary btn-big",
          type: "button",
          "data-key": "pasar-go",
          disabled: !acting || affordable === 0,
          on: { click: () => void this.tradePasar(give, get, amount, cost) },
        },
        this.t("pasar.go"),
      ),
    ];
  }

  private async tradePasar(give: Resource, get: Resource, amount: number, cost: number): Promise<void> {
    const reply = await this.host.net.request("tradeWithMarket", { give, get, amount });
    if (reply.ok) this.host.toast(this.t("pasar.ok", { amount, get, cost, give }), "gain");
    this.host.rerender();
  }
}
