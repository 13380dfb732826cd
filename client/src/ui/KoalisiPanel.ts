import {
  type Bundle,
  COALITION_GOALS,
  COALITION_MIN_MEMBERS,
  COALITIONS,
  type CoalitionGoal,
  RESOURCES,
} from "@bangun-desa/shared";
import type { CoalitionSchema, PlayerSchema, VillageState } from "@bangun-desa/shared/schema";
import { iconUrl } from "../game/assets.ts";
import type { UiKey } from "../i18n.ts";
import { h, icon } from "./dom.ts";
import type { PanelHost } from "./panelHost.ts";
import {
  bundleResources,
  coalitionLive,
  coalitionNeeds,
  coalitionPool,
  coalitionsInOrder,
} from "./partnerships.ts";
import { stepper } from "./stepper.ts";
import { bundleWords } from "./trade.ts";

const STATUS_ICON: Record<string, string> = { forming: "…", active: "▶", succeeded: "✓", failed: "✕" };
const METER_KEYS = ["welfare", "harmony", "unity"] as const;

/**
 * The koalisi sheet: every coalition with its goal, members, status, deadline and the shared pool
 * per resource (bars with numbers), join / pledge / leave; and a proposal card for each goal that
 * has no live coalition. Pledge choices live here; everything else is read from the synced state.
 */
export class KoalisiPanel {
  private readonly pledges = new Map<string, Bundle>();

  constructor(private readonly host: PanelHost) {}

  private t(key: UiKey, params?: Record<string, string | number>): string {
    return this.host.t(key, params);
  }

  private name(state: VillageState, me: PlayerSchema, seatId: string): string {
    return seatId === me.id ? this.t("trade.you") : (state.players.get(seatId)?.name ?? seatId);
  }

  private reward(goal: CoalitionGoal): string {
    const r = COALITIONS[goal].reward;
    return METER_KEYS.filter((m) => (r[m] ?? 0) !== 0)
      .map((m) => `${(r[m] ?? 0) > 0 ? "+" : ""}${r[m]} ${this.t(`meterShort.${m}`)}`)
      .join(", ");
  }

  render(state: VillageState, me: PlayerSchema): Node[] {
    const coalitions = coalitionsInOrder(state);
    const free = COALITION_GOALS.filter(
      (goal) => !coalitions.some((c) => c.goal === goal && coalitionLive(c)),
    );
    return [
      h("h2", { id: "sheet-title" }, this.t("koalisi.title")),
      h("p", { class: "intro" }, this.host.g("form.koalisi.short")),
      h("p", { class: "hint" }, this.t("koalisi.intro", { min: COALITION_MIN_MEMBERS })),
      h("h3", {}, this.t("koalisi.list")),
      coalitions.length === 0
        ? h("p", { class: "empty" }, this.t("koalisi.none"))
        : h("ul", { class: "offer-list" }, ...coalitions.map((c) => this.coalitionCard(state, me, c))),
      free.length > 0 ? h("h3", {}, this.t("koalisi.proposeTitle")) : null,
      ...free.map((goal) => this.goalCard(state, goal)),
    ].filter((n): n is HTMLElement => n !== null);
  }

  private statusWord(status: string): HTMLElement {
    return h(
      "span",
      { class: `tag status-${status}`, "data-status": status },
      h("span", { "aria-hidden": "true" }, `${STATUS_ICON[status] ?? "•"} `),
      this.t(`koalisi.status.${status}` as UiKey),
    );
  }

  private coalitionCard(state: VillageState, me: PlayerSchema, c: CoalitionSchema): HTMLElement {
    const acting = state.phase === "action";
    const live = coalitionLive(c);
    const member = c.members.includes(me.id);
    const need = coalitionNeeds(c);
    const pool = coalitionPool(c);
    const goal = c.goal as CoalitionGoal;
    const members = [...c.members].map((id) => this.name(state, me, id));
    const left = [...c.leftEarly].map((id) => this.name(state, me, id));
    const chosen = this.pledges.get(c.id) ?? {};
    const canPledge = member && c.status === "active";
    const anyChosen = RESOURCES.some((r) => Math.min(chosen[r] ?? 0, me[r]) > 0);
    return h(
      "li",
      {
        class: `offer coalition status-${c.status}${member ? " member" : ""}`,
        "data-coalition": c.id,
        "data-goal": c.goal,
      },
      h(
        "h4",
        { class: "coalition-goal" },
        h("span", {}, this.host.g(`goal.${c.goal}`)),
        this.statusWord(c.status),
      ),
      h("p", {}, this.t("koalisi.deadline", { season: c.deadlineSeason })),
      h(
        "p",
        { class: "coalition-members", "data-key": `members-${c.id}` },
        this.t("koalisi.members", { n: members.length, names: members.join(", ") || "—" }),
      ),
      member
        ? h(
            "p",
            { class: "you-member" },
            h("span", { "aria-hidden": "true" }, "★ "),
            this.t("koalisi.youMember"),
          )
        : null,
      left.length > 0
        ? h("p", { class: "hint" }, this.t("koalisi.leftEarly", { names: left.join(", ") }))
        : null,
      c.status === "forming"
        ? h(
            "p",
            { class: "hint" },
            this.t("koalisi.needMore", { n: COALITION_MIN_MEMBERS - c.members.length }),
          )
        : null,
      h(
        "div",
        { class: "pool", role: "group", "aria-label": this.t("koalisi.pool") },
        h("p", { class: "needs-title" }, this.t("koalisi.pool")),
        ...bundleResources(need).map((r) => {
          const have = pool[r] ?? 0;
          const total = need[r] ?? 0;
          const lack = Math.max(0, total - have);
          return h(
            "div",
            { class: "pool-row" },
            h(
              "p",
              { class: "pool-line", "data-pool": `${c.id}-${r}` },
              icon(iconUrl(r), 20),
              this.t("koalisi.poolLine", { res: r, have, need: total }),
              have >= total ? h("span", { "aria-hidden": "true" }, " ✓") : null,
            ),
            h(
              "span",
              { class: "bar pool-bar", "aria-hidden": "true" },
              h("span", { style: `width:${total ? (100 * have) / total : 0}%` }),
            ),
            canPledge && lack > 0
              ? stepper({
                  key: `pledge-${c.id}-${r}`,
                  res: r,
                  label: r,
                  note: this.t("project.youHave", { n: me[r] }),
                  value: chosen[r] ?? 0,
                  max: Math.min(me[r], lack),
                  enabled: acting,
                  lessLabel: this.t("stepper.less", { res: r }),
                  moreLabel: this.t("stepper.more", { res: r }),
                  set: (v) => {
                    this.pledges.set(c.id, { ...(this.pledges.get(c.id) ?? {}), [r]: v });
                    this.host.rerender();
                  },
                })
              : null,
          );
        }),
      ),
      h("p", { class: "hint" }, this.t("koalisi.reward", { reward: this.reward(goal) })),
      live
        ? h(
            "div",
            { class: "offer-actions" },
            member
              ? null
              : h(
                  "button",
                  {
                    class: "btn btn-secondary",
                    type: "button",
                    "data-key": `join-${c.id}`,
                    "data-join": c.id,
                    disabled: !acting,
                    on: { click: () => void this.act("joinCoalition", c.id, "koalisi.joined") },
                  },
                  h("span", { "aria-hidden": "true" }, "+"),
                  this.t("koalisi.join"),
                ),
            canPledge
              ? h(
                  "button",
                  {
                    class: "btn btn-primary",
                    type: "button",
                    "data-key": `pledge-${c.id}`,
                    disabled: !acting || !anyChosen,
                    on: { click: () => void this.pledge(c.id) },
                  },
                  this.t("koalisi.pledge"),
                )
              : null,
            member
              ? h(
                  "button",
                  {
                    class: "btn",
                    type: "button",
                    "data-key": `leave-${c.id}`,
                    "aria-describedby": `leave-hint-${c.id}`,
                    disabled: !acting,
                    on: { click: () => void this.act("leaveCoalition", c.id, "koalisi.left") },
                  },
                  h("span", { "aria-hidden": "true" }, "−"),
                  this.t("koalisi.leave"),
                )
              : null,
          )
        : null,
      live && member
        ? h("p", { class: "hint", id: `leave-hint-${c.id}` }, this.t("koalisi.leaveHint"))
        : null,
    );
  }

  private goalCard(state: VillageState, goal: CoalitionGoal): HTMLElement {
    const def = COALITIONS[goal];
    return h(
      "article",
      { class: "offer goal-card", "data-goal-card": goal },
      h("h4", {}, this.host.g(`goal.${goal}`)),
      h("p", {}, this.t("koalisi.goalNeeds", { needs: bundleWords(def.needs, "—"), seasons: def.seasons })),
      h("p", { class: "hint" }, this.t("koalisi.reward", { reward: this.reward(goal) })),
      h(
        "button",
        {
          class: "btn btn-primary",
          type: "button",
          "data-key": `propose-${goal}`,
          "data-propose-goal": goal,
          disabled: state.phase !== "action",
          on: { click: () => void this.propose(goal) },
        },
        this.t("koalisi.propose"),
      ),
    );
  }

  private async propose(goal: CoalitionGoal): Promise<void> {
    const reply = await this.host.net.request("proposeCoalition", { goal });
    if (reply.ok) this.host.toast(this.t("koalisi.proposed"), "info");
    this.host.rerender();
  }

  private async act(name: "joinCoalition" | "leaveCoalition", coalitionId: string, ok: UiKey): Promise<void> {
    const reply = await this.host.net.request(name, { coalitionId });
    if (reply.ok) this.host.toast(this.t(ok), "info");
    this.host.rerender();
  }

  private async pledge(coalitionId: string): Promise<void> {
    const me = this.host.net.me;
    if (!me) return;
    const chosen = this.pledges.get(coalitionId) ?? {};
    const give: Bundle = {};
    for (const r of RESOURCES) {
      const n = Math.min(chosen[r] ?? 0, me[r]);
      if (n > 0) give[r] = n;
    }
    const reply = await this.host.net.request("pledgeCoalition", { coalitionId, give });
    if (reply.ok) {
      this.pledges.delete(coalitionId);
      this.host.toast(this.t("koalisi.pledged"), "info");
    }
    this.host.rerender();
  }
}
