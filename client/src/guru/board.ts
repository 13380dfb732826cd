/**
 * The live board while the class plays: controls for every village, the broadcast form, and one
 * card per village (meters, projects, households, alerts, result) with its own controls.
 */
import { BROADCAST_MAX } from "@bangun-desa/shared";
import type { BoardPlayerSchema, ClassState, ClassVillageSchema } from "@bangun-desa/shared/schema";
import { h, replaceChildren } from "../ui/dom.ts";
import type { ClassContext } from "./context.ts";
import { confirmAction } from "./dialog.ts";
import { showReport } from "./history.ts";
import { byId, showError, t } from "./page.ts";
import type { GuruKey } from "./strings.ts";
import { alertList, phaseLine, projectName, resultLine, villageMeters, villageName } from "./villageParts.ts";

const EXTEND_SECONDS = 60;

export class BoardView {
  private readonly text: HTMLInputElement;

  constructor(private readonly ctx: ClassContext) {
    byId("pause-all").addEventListener("click", () => void ctx.act("pause", {}));
    byId("resume-all").addEventListener("click", () => void ctx.act("resume", {}));
    byId("extend-all").addEventListener("click", () => void ctx.act("extend", { seconds: EXTEND_SECONDS }));
    byId("end-all").addEventListener("click", () => void this.endAll());
    byId("new-class").addEventListener("click", () => void this.newClass());
    // The class report (shown over the board) once the game has ended.
    byId("open-report").addEventListener(
      "click",
      (e) => void showReport(ctx.created, e.currentTarget as HTMLElement),
    );
    this.text = byId<HTMLInputElement>("broadcast-text");
    this.text.maxLength = BROADCAST_MAX;
    this.text.addEventListener("input", () => this.updateCounter());
    byId("broadcast-form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.sendBroadcast();
    });
    this.applyLang();
  }

  applyLang(): void {
    byId("broadcast-label").textContent = t("broadcast.label", { max: BROADCAST_MAX });
    this.updateCounter();
  }

  private updateCounter(): void {
    const n = [...this.text.value].length;
    const counter = byId("broadcast-counter");
    counter.textContent = t("broadcast.counter", { n, max: BROADCAST_MAX });
    counter.classList.toggle("over", n > BROADCAST_MAX);
    byId<HTMLButtonElement>("broadcast-send").disabled = this.text.value.trim().length === 0;
  }

  private async sendBroadcast(): Promise<void> {
    const text = this.text.value.trim();
    if (!text) return;
    if ([...text].length > BROADCAST_MAX) {
      showError(t("broadcast.tooLong"));
      return;
    }
    if (await this.ctx.act("broadcast", { text }, t("broadcast.sent"))) {
      this.text.value = "";
      this.updateCounter();
    }
  }

  private async endAll(): Promise<void> {
    if (await confirmAction(t("all.endConfirm"))) await this.ctx.act("end", {});
  }

  private async newClass(): Promise<void> {
    if (await confirmAction(t("newClass.confirm"))) this.ctx.newClass();
  }

  render(state: ClassState): void {
    const ended = state.phase === "ended";
    byId("ended-banner").hidden = !ended;
    const villages = [...state.villages];
    const live = villages.filter((v) => v.phase !== "ended" && v.phase !== "waiting");
    const anyRunning = live.some((v) => !v.paused);
    const anyPaused = live.some((v) => v.paused);
    byId<HTMLButtonElement>("pause-all").disabled = ended || !anyRunning;
    byId<HTMLButtonElement>("resume-all").disabled = ended || !anyPaused;
    byId<HTMLButtonElement>("extend-all").disabled = ended || live.length === 0;
    byId<HTMLButtonElement>("end-all").disabled = ended;
    byId("all-controls").hidden = ended;
    byId("broadcast-last").textContent = state.broadcast || t("broadcast.none");
    replaceChildren(byId("board"), ...villages.map((v) => this.card(v, ended)));
  }

  private card(v: ClassVillageSchema, classEnded: boolean): HTMLElement {
    const i = v.index;
    const over = v.phase === "ended" || classEnded;
    const waiting = v.phase === "waiting";
    const titleId = `village-title-${i}`;
    const projects = [...v.projects];
    const players = [...v.players];
    return h(
      "article",
      {
        class: `card village-card${v.paused ? " is-paused" : ""}${over ? " is-over" : ""}`,
        "data-village": String(i),
        "aria-labelledby": titleId,
      },
      h(
        "header",
        { class: "village-head" },
        h("h3", { id: titleId }, villageName(i)),
        h("p", { class: "village-phase" }, phaseLine(v)),
        v.paused &&
          !over &&
          h(
            "p",
            { class: "tag tag-paused" },
            h("span", { "aria-hidden": "true" }, "❚❚"),
            ` ${t("board.paused")}`,
          ),
      ),
      resultLine(v),
      alertList(v),
      villageMeters(v),
      h(
        "section",
        { class: "village-section", "data-part": "projects" },
        h("h4", {}, t("board.projects")),
        projects.length === 0
          ? h("p", { class: "hint" }, t("board.noProjects"))
          : h(
              "ul",
              { class: "projects" },
              ...projects.map((p, n) => {
                const status = ["open", "done", "failed"].includes(p.status) ? p.status : "open";
                const icon = status === "done" ? "✓" : status === "failed" ? "✗" : "…";
                return h(
                  "li",
                  { class: `project project-${status}`, "data-project": `${n}:${p.kind}` },
                  h("span", { class: "project-name" }, projectName(p.kind)),
                  h(
                    "span",
                    { class: "project-status" },
                    h("span", { "aria-hidden": "true" }, icon),
                    ` ${t(`board.status.${status}` as GuruKey)} · ${p.percent}%`,
                  ),
                  h(
                    "span",
                    { class: "meter-track", "aria-hidden": "true" },
                    h("span", { class: "meter-fill", style: `width: ${Math.min(100, p.percent)}%` }),
                  ),
                );
              }),
            ),
      ),
      h(
        "section",
        { class: "village-section", "data-part": "players" },
        h("h4", {}, t("board.players")),
        h("ul", { class: "players" }, ...players.map((p) => this.player(p))),
      ),
      h(
        "div",
        {
          class: "button-row village-controls",
          role: "group",
          "aria-label": t("board.controls", { n: i + 1 }),
        },
        h(
          "button",
          {
            class: "btn btn-small",
            type: "button",
            disabled: over || waiting,
            "data-key": `toggle:${i}`,
            on: { click: () => void this.ctx.act(v.paused ? "resume" : "pause", { village: i }) },
          },
          h("span", { "aria-hidden": "true" }, v.paused ? "▶" : "❚❚"),
          ` ${v.paused ? t("board.resume") : t("board.pause")}`,
          h("span", { class: "visually-hidden" }, ` ${villageName(i)}`),
        ),
        h(
          "button",
          {
            class: "btn btn-small",
            type: "button",
            disabled: over || waiting,
            "data-key": `extend:${i}`,
            on: { click: () => void this.ctx.act("extend", { village: i, seconds: EXTEND_SECONDS }) },
          },
          h("span", { "aria-hidden": "true" }, "◷"),
          ` ${t("board.extend")}`,
          h("span", { class: "visually-hidden" }, ` ${villageName(i)}`),
        ),
        h(
          "button",
          {
            class: "btn btn-small btn-danger",
            type: "button",
            disabled: over,
            "data-key": `end:${i}`,
            on: { click: () => void this.endVillage(i) },
          },
          h("span", { "aria-hidden": "true" }, "■"),
          ` ${t("board.end")}`,
          h("span", { class: "visually-hidden" }, ` ${villageName(i)}`),
        ),
      ),
    );
  }

  private player(p: BoardPlayerSchema): HTMLElement {
    return h(
      "li",
      { class: `player${p.krisis ? " is-krisis" : ""}`, "data-seat": p.seatId },
      h("span", { class: "player-name" }, p.name),
      h(
        "span",
        { class: "tag" },
        h("span", { "aria-hidden": "true" }, p.isBot ? "⚙" : "☺"),
        ` ${p.isBot ? t("board.bot") : t("board.student")}`,
      ),
      !p.isBot &&
        h(
          "span",
          { class: `tag ${p.connected ? "tag-ok" : "tag-off"}` },
          h("span", { "aria-hidden": "true" }, p.connected ? "●" : "○"),
          ` ${p.connected ? t("board.online") : t("board.offline")}`,
        ),
      p.krisis &&
        h(
          "span",
          { class: "tag tag-danger" },
          h("span", { "aria-hidden": "true" }, "⚠"),
          ` ${t("board.krisis")}`,
        ),
      p.idleWindows >= 1 &&
        h(
          "span",
          { class: "tag tag-warn" },
          h("span", { "aria-hidden": "true" }, "◔"),
          ` ${t("board.idle", { n: p.idleWindows })}`,
        ),
      h("span", { class: "player-contrib" }, t("board.contributed", { n: p.contributed })),
    );
  }

  private async endVillage(i: number): Promise<void> {
    if (await confirmAction(t("board.endConfirm", { n: i + 1 }))) await this.ctx.act("end", { village: i });
  }
}
