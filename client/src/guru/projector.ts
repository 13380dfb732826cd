/**
 * The projector view (`/guru?tampilan=proyektor`): read-only and large. In the lobby: the code,
 * the address, the QR and the students' names as they join; during play: one tile per village
 * and the teacher's last message.
 */
import type { ClassState, ClassVillageSchema } from "@bangun-desa/shared/schema";
import { h, replaceChildren } from "../ui/dom.ts";
import type { ClassContext } from "./context.ts";
import { qrSvg } from "./joinUrl.ts";
import { byId, page, t } from "./page.ts";
import { alertList, builtCount, phaseLine, resultLine, villageMeters, villageName } from "./villageParts.ts";

export class ProjectorView {
  private qr: SVGSVGElement | null = null;
  private qrLang = "";

  constructor(private readonly ctx: ClassContext) {
    document.body.classList.add("projector-mode");
  }

  private qrCode(): SVGSVGElement {
    if (!this.qr || this.qrLang !== page.lang) {
      this.qr = qrSvg(this.ctx.joinUrl, t("lobby.qrLabel", { url: this.ctx.joinUrl }));
      this.qrLang = page.lang;
    }
    return this.qr;
  }

  render(state: ClassState): void {
    const root = byId("projector");
    root.setAttribute("aria-label", t("projector.open"));
    if (state.phase === "lobby") replaceChildren(root, this.lobby(state));
    else replaceChildren(root, this.play(state));
  }

  private lobby(state: ClassState): HTMLElement {
    const students = [...state.students.values()];
    return h(
      "div",
      { class: "pj-lobby", "data-view": "lobby" },
      h("h2", { class: "pj-title" }, t("projector.join")),
      h(
        "p",
        {
          class: "pj-code class-code",
          "data-code": state.code,
          "aria-label": t("code.spelled", { letters: [...state.code].join(" ") }),
        },
        state.code,
      ),
      h(
        "div",
        { class: "pj-how" },
        h("div", { class: "pj-qr qr", "data-qr": this.ctx.joinUrl }, this.qrCode()),
        h(
          "div",
          { class: "pj-url-box" },
          h("p", {}, t("lobby.howTo")),
          h("p", { class: "pj-url" }, this.ctx.joinUrl),
          h(
            "p",
            { class: "pj-count" },
            students.length === 0 ? t("projector.waiting") : t("projector.students", { n: students.length }),
          ),
        ),
      ),
      h("ul", { class: "pj-names" }, ...students.map((s) => h("li", { "data-student-id": s.id }, s.name))),
    );
  }

  private play(state: ClassState): HTMLElement {
    return h(
      "div",
      { class: "pj-play", "data-view": "play" },
      state.phase === "ended" &&
        h("h2", { class: "pj-title" }, h("span", { "aria-hidden": "true" }, "⚑ "), t("ended.title")),
      state.broadcast &&
        h(
          "section",
          { class: "pj-broadcast", "aria-label": t("projector.message") },
          h("span", { class: "pj-broadcast-icon", "aria-hidden": "true" }, "✉"),
          h("p", {}, state.broadcast),
        ),
      h("div", { class: "pj-tiles" }, ...[...state.villages].map((v) => this.tile(v))),
    );
  }

  private tile(v: ClassVillageSchema): HTMLElement {
    return h(
      "article",
      { class: `pj-tile${v.paused ? " is-paused" : ""}`, "data-village": String(v.index) },
      h("h3", {}, villageName(v.index)),
      h(
        "p",
        { class: "pj-phase" },
        phaseLine(v),
        v.paused && v.phase !== "ended" ? ` · ❚❚ ${t("board.paused")}` : "",
      ),
      resultLine(v),
      villageMeters(v, "meter-big"),
      h(
        "p",
        { class: "pj-built" },
        h("span", { "aria-hidden": "true" }, "⌂ "),
        t("board.projectsBuilt", { n: builtCount(v) }),
      ),
      alertList(v),
    );
  }
}
