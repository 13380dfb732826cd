import {
  FORM_OPENS_IN_SEASON,
  formOpenIn,
  TOKOH,
  TOKOH_POSITIONS,
  type TokohPosition,
  tokohArrivalSeason,
  VOTE_TOPICS,
  type VoteTopic,
} from "@bangun-desa/shared";
import type { PlayerSchema, VillageState, VoteSchema } from "@bangun-desa/shared/schema";
import { iconUrl } from "../game/assets.ts";
import type { UiKey } from "../i18n.ts";
import { h, icon } from "./dom.ts";
import { projectName, short } from "./hudModel.ts";
import type { PanelHost } from "./panelHost.ts";
import { closedVotes, idleVillagers, openProjects, openVote, voteCounts } from "./partnerships.ts";

/** How many past results the panel lists. */
const RESULTS_SHOWN = 3;

/** Countdown text "1:05" for the vote (it closes when the action window ends). */
export function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The musyawarah sheet: the tokoh pemuda (what kooptasi is and what co-opting him does), the vote
 * on the table with a live tally by villager and a countdown to night, past results, and a form to
 * propose a priority project, co-opting the tokoh, or bringing an idle villager onto a committee.
 */
export class MusyawarahPanel {
  private topic: VoteTopic = "priority";
  private projectId = "";
  private position: TokohPosition = "pembina";
  private playerId = "";

  constructor(private readonly host: PanelHost) {}

  private t(key: UiKey, params?: Record<string, string | number>): string {
    return this.host.t(key, params);
  }

  /** Opening the panel while the tokoh waits outside: the co-opting proposal is pre-chosen. */
  opened(state: VillageState): void {
    if (this.topicAvailable(state, "cooptTokoh")) this.topic = "cooptTokoh";
  }

  private name(state: VillageState, me: PlayerSchema, seatId: string): string {
    return seatId === me.id ? this.t("trade.you") : (state.players.get(seatId)?.name ?? seatId);
  }

  /** "jembatan desa" (a neighbour's house carries the owner's name). */
  projectName(state: VillageState, projectId: string): string {
    return projectName(this.host.g, state, projectId);
  }

  /** What a vote decides, in one sentence. */
  what(state: VillageState, vote: VoteSchema): string {
    return this.t(`vote.what.${vote.topic as VoteTopic}`, {
      project: this.projectName(state, vote.projectId),
      position: this.host.g(`position.${vote.position}`),
      name: state.players.get(vote.playerId)?.name ?? "",
    });
  }

  render(state: VillageState, me: PlayerSchema): Node[] {
    const vote = openVote(state);
    const results = closedVotes(state).slice(0, RESULTS_SHOWN);
    return [
      h("h2", { id: "sheet-title" }, this.t("vote.title")),
      h("p", { class: "intro" }, this.t("vote.intro")),
      h(
        "p",
        { class: "priority-line", "data-key": "vote-priority" },
        h("span", { "aria-hidden": "true" }, "★ "),
        state.priorityProjectId
          ? this.t("vote.priorityNow", { project: this.projectName(state, state.priorityProjectId) })
          : this.t("vote.noPriority"),
      ),
      this.tokohCard(state),
      h("h3", {}, this.t("vote.open")),
      vote ? this.openVoteCard(state, me, vote) : h("p", { class: "empty" }, this.t("vote.none")),
      results.length > 0
        ? h(
            "section",
            { class: "vote-results", "aria-labelledby": "vote-results-title" },
            h("h3", { id: "vote-results-title" }, this.t("vote.results")),
            h(
              "ul",
              { class: "plain-list" },
              ...results.map((v) => {
                const c = voteCounts(v, state.players.size);
                return h(
                  "li",
                  { class: `vote-result result-${v.status}`, "data-vote": v.id },
                  h("span", { "aria-hidden": "true" }, v.status === "passed" ? "✓ " : "✕ "),
                  this.t("vote.resultLine", {
                    result: this.t(v.status === "passed" ? "vote.passed" : "vote.failed"),
                    what: this.what(state, v),
                    yes: c.yes,
                    no: c.no,
                  }),
                );
              }),
            ),
          )
        : null,
      vote ? null : this.proposeForm(state),
    ].filter((n): n is HTMLElement => n !== null);
  }

  // ── The tokoh pemuda ─────────────────────────────────────────────────────────────────────

  private tokohCard(state: VillageState): HTMLElement {
    const status = state.tokohStatus;
    const arrives = tokohArrivalSeason(state.openAllForms);
    const unrest = state.tokohUnrest;
    const body: (Node | null)[] = [];
    if (status === "outside") {
      body.push(
        h(
          "div",
          { class: "unrest" },
          h("strong", { class: "unrest-label" }, this.t("tokoh.unrest", { n: unrest })),
          h(
            "span",
            {
              class: `bar unrest-bar${unrest >= TOKOH.protestAt ? " high" : ""}`,
              role: "meter",
              "aria-valuemin": 0,
              "aria-valuemax": 100,
              "aria-valuenow": unrest,
              "aria-label": this.t("tokoh.unrestOf", { n: unrest }),
            },
            h("span", { style: `width:${unrest}%` }),
          ),
        ),
        h("p", {}, this.t("tokoh.outside", { protest: TOKOH.protestAt })),
        state.blockedProjectId
          ? h(
              "p",
              { class: "warn" },
              icon(iconUrl("krisis"), 20),
              h(
                "span",
                {},
                this.t("tokoh.protest", { project: this.projectName(state, state.blockedProjectId) }),
              ),
            )
          : null,
      );
    } else if (status === "coopted") {
      body.push(
        h(
          "p",
          { class: "tokoh-place", "data-key": "tokoh-coopted" },
          h("span", { "aria-hidden": "true" }, "✓ "),
          h(
            "strong",
            {},
            this.t("tokoh.coopted", {
              position: this.host.g(`position.${state.tokohPosition}`),
              project: this.projectName(state, state.tokohProjectId),
            }),
          ),
        ),
        h(
          "p",
          {},
          this.t("tokoh.cooptedEffect", { labour: TOKOH.labourWhenCoopted, share: -TOKOH.shareWelfare }),
        ),
      );
    } else {
      body.push(h("p", {}, this.t("tokoh.absent", { season: arrives })));
    }
    return h(
      "section",
      { class: `tokoh-card tokoh-${status}`, "aria-labelledby": "tokoh-title", "data-tokoh": status },
      h(
        "h3",
        { id: "tokoh-title" },
        h("span", { class: "tokoh-badge", "aria-hidden": "true" }, "T"),
        this.t("tokoh.title"),
      ),
      ...body,
      h(
        "p",
        { class: "tokoh-explain" },
        h("strong", {}, this.t("tokoh.kooptasi")),
        " ",
        this.t("tokoh.effect"),
      ),
    );
  }

  // ── The vote on the table ────────────────────────────────────────────────────────────────

  private openVoteCard(state: VillageState, me: PlayerSchema, vote: VoteSchema): HTMLElement {
    const acting = state.phase === "action";
    const mine = vote.votes.get(me.id);
    const c = voteCounts(vote, state.players.size);
    const players = [...state.players.values()].sort((a, b) => a.seat - b.seat);
    const inBloc = [...state.coalitions.values()].some((k) => k.status === "active");
    const ms = this.host.net.msLeft();
    return h(
      "article",
      { class: "vote-card", "data-vote": vote.id, "aria-labelledby": "vote-topic" },
      h("p", { class: "vote-topic", id: "vote-topic" }, this.host.g(`topic.${vote.topic}`)),
      h("p", { class: "vote-what" }, this.what(state, vote)),
      h("p", { class: "vote-by" }, this.t("vote.by", { name: this.name(state, me, vote.proposer) })),
      h(
        "p",
        { class: "vote-clock" },
        h("span", { "aria-hidden": "true" }, "⏱ "),
        h(
          "span",
          { "data-vote-countdown": "" },
          acting && ms > 0 ? this.t("vote.closesIn", { time: clock(ms) }) : this.t("vote.closesAtNight"),
        ),
      ),
      h("h4", {}, this.t("vote.tally")),
      h("p", { class: "vote-count", "data-key": "vote-count" }, this.t("vote.count", c)),
      h(
        "ul",
        { class: "tally" },
        ...players.map((p) => {
          const choice = vote.votes.get(p.id);
          return h(
            "li",
            { class: `tally-${choice ?? "none"}`, "data-voter": p.id },
            h(
              "span",
              { class: "tally-mark", "aria-hidden": "true" },
              choice === "yes" ? "✓" : choice === "no" ? "✗" : "…",
            ),
            h("strong", {}, this.name(state, me, p.id)),
            `: ${choice === "yes" ? this.t("vote.yes") : choice === "no" ? this.t("vote.no") : this.t("vote.pending")}`,
          );
        }),
      ),
      inBloc ? h("p", { class: "hint" }, this.t("vote.bloc")) : null,
      mine
        ? h(
            "p",
            { class: "summary", "data-key": "my-vote" },
            this.t("vote.myVote", { choice: this.t(mine === "yes" ? "vote.yes" : "vote.no") }),
          )
        : h(
            "div",
            { class: "offer-actions" },
            h(
              "button",
              {
                class: "btn btn-secondary",
                type: "button",
                "data-key": "vote-yes",
                disabled: !acting,
                on: { click: () => void this.cast(vote.id, "yes") },
              },
              h("span", { "aria-hidden": "true" }, "✓"),
              this.t("vote.yes"),
            ),
            h(
              "button",
              {
                class: "btn",
                type: "button",
                "data-key": "vote-no",
                disabled: !acting,
                on: { click: () => void this.cast(vote.id, "no") },
              },
              h("span", { "aria-hidden": "true" }, "✗"),
              this.t("vote.no"),
            ),
          ),
    );
  }

  private async cast(voteId: string, choice: "yes" | "no"): Promise<void> {
    const reply = await this.host.net.request("castVote", { voteId, choice });
    if (reply.ok) {
      this.host.toast(
        this.t("vote.voted", { choice: this.t(choice === "yes" ? "vote.yes" : "vote.no") }),
        "info",
      );
    }
    this.host.rerender();
  }

  // ── Proposing ────────────────────────────────────────────────────────────────────────────

  private cooptOpen(state: VillageState): boolean {
    return formOpenIn(state.season, state.openAllForms, "kooptasi");
  }

  private topicAvailable(state: VillageState, topic: VoteTopic): boolean {
    if (topic === "priority") return true;
    if (!this.cooptOpen(state)) return false;
    if (topic === "cooptTokoh") return state.tokohStatus === "outside";
    return idleVillagers(state).length > 0;
  }

  private topicNote(state: VillageState, topic: VoteTopic): string | null {
    if (topic === "priority") return null;
    if (!this.cooptOpen(state)) return this.t("vote.cooptOpensIn", { season: FORM_OPENS_IN_SEASON.kooptasi });
    if (topic === "cooptTokoh" && state.tokohStatus !== "outside") return this.t("vote.tokohNotOutside");
    if (topic === "cooptPlayer" && idleVillagers(state).length === 0) return this.t("vote.noIdle");
    return null;
  }

  private proposeForm(state: VillageState): HTMLElement {
    const acting = state.phase === "action";
    if (!this.topicAvailable(state, this.topic)) this.topic = "priority";
    const projects = openProjects(state).filter(
      (p) => this.topic !== "priority" || p.id !== state.priorityProjectId,
    );
    if (!projects.some((p) => p.id === this.projectId)) this.projectId = projects[0]?.id ?? "";
    const idle = idleVillagers(state);
    if (!idle.some((p) => p.id === this.playerId)) this.playerId = idle[0]?.id ?? "";
    const ready = acting && this.projectId !== "" && (this.topic !== "cooptPlayer" || this.playerId !== "");
    const radio = (name: string, value: string, checked: boolean, disabled: boolean, set: () => void) =>
      h("input", {
        type: "radio",
        name,
        value,
        "data-key": `${name}-${value}`,
        checked,
        disabled,
        on: {
          change: () => {
            set();
            this.host.rerender();
          },
        },
      });
    return h(
      "section",
      { class: "vote-propose", "aria-labelledby": "vote-propose-title" },
      h("h3", { id: "vote-propose-title" }, this.t("vote.proposeTitle")),
      h(
        "fieldset",
        { class: "neighbours" },
        h("legend", {}, this.t("vote.topic")),
        ...VOTE_TOPICS.map((topic) => {
          const note = this.topicNote(state, topic);
          return h(
            "label",
            { class: "neighbour" },
            radio("vote-topic", topic, this.topic === topic, note !== null, () => {
              this.topic = topic;
            }),
            h(
              "span",
              {},
              this.host.g(`topic.${topic}`),
              note ? h("small", { class: "note" }, ` (${note})`) : null,
            ),
          );
        }),
      ),
      this.topic === "cooptTokoh"
        ? h(
            "fieldset",
            { class: "res-choice" },
            h("legend", {}, this.t("vote.position")),
            ...TOKOH_POSITIONS.map((pos) =>
              h(
                "label",
                { class: "res-option" },
                radio("vote-position", pos, this.position === pos, false, () => {
                  this.position = pos;
                }),
                h("span", {}, this.host.g(`position.${pos}`)),
              ),
            ),
          )
        : null,
      this.topic === "cooptPlayer"
        ? h(
            "fieldset",
            { class: "neighbours" },
            h("legend", {}, this.t("vote.player")),
            ...idle.map((p) =>
              h(
                "label",
                { class: "neighbour" },
                radio("vote-player", p.id, this.playerId === p.id, false, () => {
                  this.playerId = p.id;
                }),
                h("span", {}, h("strong", {}, p.name), ` · ${short(this.host.g(`role.${p.role}`))}`),
              ),
            ),
          )
        : null,
      projects.length === 0
        ? h("p", { class: "empty" }, this.t("vote.noProjects"))
        : h(
            "fieldset",
            { class: "neighbours" },
            h("legend", {}, this.t("vote.project")),
            ...projects.map((p) =>
              h(
                "label",
                { class: "neighbour" },
                radio(
                  "vote-project",
                  p.kind === "rumah" ? p.id : p.kind,
                  this.projectId === p.id,
                  false,
                  () => {
                    this.projectId = p.id;
                  },
                ),
                h("span", {}, this.projectName(state, p.id)),
              ),
            ),
          ),
      h(
        "button",
        {
          class: "btn btn-primary btn-big",
          type: "button",
          "data-key": "vote-propose",
          disabled: !ready,
          on: { click: () => void this.propose() },
        },
        this.t("vote.propose"),
      ),
    );
  }

  private async propose(): Promise<void> {
    const topic = this.topic;
    const payload =
      topic === "cooptTokoh"
        ? { topic, projectId: this.projectId, position: this.position }
        : topic === "cooptPlayer"
          ? { topic, projectId: this.projectId, playerId: this.playerId }
          : { topic, projectId: this.projectId };
    const reply = await this.host.net.request("proposeVote", payload);
    if (reply.ok) this.host.toast(this.t("vote.proposed"), "info");
    this.host.rerender();
  }
}
