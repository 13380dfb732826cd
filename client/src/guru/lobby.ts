/**
 * The lobby: code, join address and QR; the settings form bound to the synced state; the live
 * student list grouped by village (rename, move, remove); the teacher-only lists (refused names,
 * removed students); and the start button. The student panel also stays below the board in play.
 */
import type { ClassSettings } from "@bangun-desa/shared";
import type { ClassState, ClassStudentSchema } from "@bangun-desa/shared/schema";
import { h, replaceChildren } from "../ui/dom.ts";
import type { ClassContext } from "./context.ts";
import { confirmAction } from "./dialog.ts";
import { qrSvg } from "./joinUrl.ts";
import { announce, byId, errorText, t } from "./page.ts";
import type { GuruKey } from "./strings.ts";

const SEASONS = [3, 4, 5, 6, 7, 8, 9, 10];
const ACTION_SECONDS = [45, 60, 90, 120, 180];
const VILLAGE_SIZES = [4, 5, 6];
const LANGS = ["id", "en"] as const;
const DIFFICULTIES = ["mudah", "sedang", "sulit"] as const;
const NAME_MAX = 20;

type SelectField = "seasons" | "actionSeconds" | "villageSize" | "lang" | "difficulty";
type CheckField = "bots" | "openAllForms";

/** "90 detik" → "1 menit 30 detik": how a teacher thinks of a work window. */
export function durationText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return t("time.seconds", { s });
  if (s === 0) return t("time.minutes", { m });
  return t("time.minutesSeconds", { m, s });
}

/** The inline form open on a student row (one at a time). */
type Editing = { id: string; mode: "rename"; draft: string } | { id: string; mode: "move"; target: number };

export class LobbyView {
  private editing: Editing | null = null;
  private qrFor = "";
  private readonly selects: Record<SelectField, HTMLSelectElement>;
  private readonly checks: Record<CheckField, HTMLInputElement>;

  constructor(private readonly ctx: ClassContext) {
    this.selects = {
      seasons: byId("set-seasons"),
      actionSeconds: byId("set-actionSeconds"),
      villageSize: byId("set-villageSize"),
      lang: byId("set-lang"),
      difficulty: byId("set-difficulty"),
    };
    this.checks = { bots: byId("set-bots"), openAllForms: byId("set-openAllForms") };
    this.fillSelects();
    for (const [field, select] of Object.entries(this.selects) as [SelectField, HTMLSelectElement][]) {
      select.addEventListener("change", () => {
        const raw = select.value;
        const value = field === "lang" || field === "difficulty" ? raw : Number(raw);
        void this.changeSetting({ [field]: value } as Partial<ClassSettings>);
      });
    }
    for (const [field, box] of Object.entries(this.checks) as [CheckField, HTMLInputElement][]) {
      box.addEventListener("change", () => void this.changeSetting({ [field]: box.checked }));
    }
    byId("settings-form").addEventListener("submit", (e) => e.preventDefault());
    byId("start").addEventListener("click", () => void ctx.act("start", {}, t("start.done")));
    byId("resplit").addEventListener("click", () => void ctx.act("resplit", {}));
    byId("print").addEventListener("click", () => window.print());
    byId("copy-url").addEventListener("click", () => {
      navigator.clipboard
        ?.writeText(ctx.joinUrl)
        .then(() => announce(t("lobby.copied")))
        .catch(() => undefined);
    });
  }

  /** Option labels follow the page language. */
  applyLang(): void {
    this.fillSelects();
    this.qrFor = "";
  }

  private fillSelects(): void {
    const fill = (
      select: HTMLSelectElement,
      values: readonly (string | number)[],
      label: (v: never) => string,
    ) => {
      const current = select.value;
      select.replaceChildren(
        ...values.map((v) => {
          const option = document.createElement("option");
          option.value = String(v);
          option.textContent = label(v as never);
          return option;
        }),
      );
      if (current) select.value = current;
    };
    fill(this.selects.seasons, SEASONS, (n: number) => String(n));
    fill(this.selects.actionSeconds, ACTION_SECONDS, (n: number) => durationText(n));
    fill(this.selects.villageSize, VILLAGE_SIZES, (n: number) => String(n));
    fill(this.selects.lang, LANGS, (l: (typeof LANGS)[number]) => t(`settings.lang.${l}`));
    fill(this.selects.difficulty, DIFFICULTIES, (d: (typeof DIFFICULTIES)[number]) =>
      t(`settings.difficulty.${d}`),
    );
  }

  private async changeSetting(settings: Partial<ClassSettings>): Promise<void> {
    const ok = await this.ctx.act("settings", { settings }, t("settings.saved"));
    if (!ok) this.syncSettings(this.ctx.state());
  }

  render(state: ClassState): void {
    const inLobby = state.phase === "lobby";
    const slot = byId(inLobby ? "students-slot-lobby" : "students-slot-play");
    const panel = byId("students-panel");
    if (panel.parentElement !== slot) slot.append(panel);
    if (inLobby) {
      this.renderCode(state);
      this.syncSettings(state);
    }
    this.renderStudents(state);
    this.renderHostLists(state);
    const n = state.students.size;
    const start = byId<HTMLButtonElement>("start");
    start.disabled = n === 0 || !inLobby;
    byId("start-summary").textContent =
      n === 0 ? t("start.empty") : t("start.summary", { n, v: Math.max(1, state.villageCount) });
    byId("student-count").textContent = t("students.count", { n });
    byId("resplit-box").hidden = !(inLobby && state.manualSplit);
  }

  private renderCode(state: ClassState): void {
    const code = byId("class-code");
    if (code.textContent !== state.code) {
      code.textContent = state.code;
      byId("class-code-spelled").textContent = t("code.spelled", { letters: [...state.code].join(" ") });
    }
    const link = byId<HTMLAnchorElement>("join-url");
    if (link.textContent !== this.ctx.joinUrl) {
      link.href = this.ctx.joinUrl;
      link.textContent = this.ctx.joinUrl;
    }
    if (this.qrFor !== this.ctx.joinUrl) {
      this.qrFor = this.ctx.joinUrl;
      byId("qr").replaceChildren(qrSvg(this.ctx.joinUrl, t("lobby.qrLabel", { url: this.ctx.joinUrl })));
    }
  }

  /** Put the synced settings into the form (the teacher's own change comes back the same way). */
  private syncSettings(state: ClassState): void {
    const values: Record<SelectField, string> = {
      seasons: String(state.seasons),
      actionSeconds: String(state.actionSeconds),
      villageSize: String(state.villageSize),
      lang: state.lang,
      difficulty: state.difficulty,
    };
    for (const [field, select] of Object.entries(this.selects) as [SelectField, HTMLSelectElement][]) {
      const value = values[field];
      if (![...select.options].some((o) => o.value === value)) {
        // A value set elsewhere (e.g. 30 s): show it rather than a wrong choice.
        const option = document.createElement("option");
        option.value = value;
        option.textContent = field === "actionSeconds" ? durationText(Number(value)) : value;
        select.append(option);
      }
      if (select.value !== value) select.value = value;
    }
    if (this.checks.bots.checked !== state.bots) this.checks.bots.checked = state.bots;
    if (this.checks.openAllForms.checked !== state.openAllForms) {
      this.checks.openAllForms.checked = state.openAllForms;
    }
  }

  // ── Students ──────────────────────────────────────────────────────────────────────────

  private renderStudents(state: ClassState): void {
    const list = byId("student-list");
    const students = [...state.students.values()];
    if (this.editing && !state.students.has(this.editing.id)) this.editing = null;
    if (students.length === 0) {
      replaceChildren(list, h("p", { class: "empty", "data-empty": "students" }, t("students.none")));
      return;
    }
    const count = state.villageCount;
    const groups: { key: string; title: string; members: ClassStudentSchema[] }[] = [];
    for (let v = 0; v < count; v++) {
      groups.push({
        key: String(v),
        title: t("students.village", { n: v + 1 }),
        members: students.filter((s) => s.village === v),
      });
    }
    const loose = students.filter((s) => s.village < 0 || s.village >= count);
    if (loose.length > 0) groups.push({ key: "none", title: t("students.noVillage"), members: loose });
    replaceChildren(
      list,
      ...groups.map((g) =>
        h(
          "section",
          { class: "village-group", "data-group": g.key, "aria-labelledby": `group-title-${g.key}` },
          h(
            "h4",
            { id: `group-title-${g.key}`, class: "group-title" },
            h("span", {}, g.title),
            h("span", { class: "count" }, t("students.villageCount", { n: g.members.length })),
          ),
          h("ul", { class: "student-ul" }, ...g.members.map((s) => this.studentItem(s, count, state.phase))),
        ),
      ),
    );
  }

  /** A student's row: name, status, and what the teacher may do now (moving is for the lobby only). */
  private studentItem(s: ClassStudentSchema, villageCount: number, phase: string): HTMLLIElement {
    const status = ["lobby", "village", "away"].includes(s.status) ? s.status : "lobby";
    const statusIcon = status === "away" ? "○" : status === "village" ? "▶" : "●";
    const canMove = phase === "lobby";
    const canEdit = phase !== "ended";
    let edit = this.editing?.id === s.id ? this.editing : null;
    if ((edit?.mode === "move" && !canMove) || !canEdit) edit = null;
    const hiddenName = () => h("span", { class: "visually-hidden" }, ` ${s.name}`);
    const main = h(
      "div",
      { class: "student-main" },
      h("span", { class: "student-name" }, s.name),
      h(
        "span",
        { class: `tag status-${status}` },
        h("span", { "aria-hidden": "true" }, statusIcon),
        ` ${t(`students.status.${status}` as GuruKey)}`,
      ),
      s.idleWindows >= 1 &&
        h(
          "span",
          { class: "tag tag-warn" },
          h("span", { "aria-hidden": "true" }, "◔"),
          ` ${t("students.idle", { n: s.idleWindows })}`,
        ),
    );
    let tools: HTMLElement;
    if (edit?.mode === "rename") {
      tools = h(
        "form",
        { class: "inline-form", "data-form": "rename", on: { submit: (e) => this.submitRename(e, s.id) } },
        h("label", { for: `rename-${s.id}` }, t("students.renameLabel", { name: s.name })),
        h("input", {
          id: `rename-${s.id}`,
          value: edit.draft,
          maxlength: NAME_MAX,
          autocomplete: "off",
          "data-key": `rename-input:${s.id}`,
          on: {
            input: (e) => {
              edit.draft = (e.target as HTMLInputElement).value;
            },
            keydown: (e) => this.escape(e as KeyboardEvent, s.id, "rename"),
          },
        }),
        h("button", { class: "btn btn-primary", type: "submit" }, t("students.save")),
        h(
          "button",
          { class: "btn", type: "button", on: { click: () => this.close(s.id, "rename") } },
          t("students.cancel"),
        ),
      );
    } else if (edit?.mode === "move") {
      const targets = [...Array(villageCount + 1).keys()].filter((v) => v !== s.village);
      tools = h(
        "form",
        { class: "inline-form", "data-form": "move", on: { submit: (e) => this.submitMove(e, s.id) } },
        h("label", { for: `move-${s.id}` }, t("students.moveLabel", { name: s.name })),
        h(
          "select",
          {
            id: `move-${s.id}`,
            "data-key": `move-select:${s.id}`,
            on: {
              change: (e) => {
                edit.target = Number((e.target as HTMLSelectElement).value);
              },
              keydown: (e) => this.escape(e as KeyboardEvent, s.id, "move"),
            },
          },
          ...targets.map((v) =>
            h(
              "option",
              { value: v, selected: v === edit.target },
              v === villageCount ? t("students.newVillage") : t("students.village", { n: v + 1 }),
            ),
          ),
        ),
        h("button", { class: "btn btn-primary", type: "submit" }, t("students.moveGo")),
        h(
          "button",
          { class: "btn", type: "button", on: { click: () => this.close(s.id, "move") } },
          t("students.cancel"),
        ),
      );
    } else if (!canEdit) {
      return h("li", { class: "student", "data-student-id": s.id }, main);
    } else {
      tools = h(
        "div",
        { class: "student-actions", role: "group", "aria-label": t("students.actions", { name: s.name }) },
        h(
          "button",
          {
            class: "btn btn-small",
            type: "button",
            "data-key": `rename:${s.id}`,
            on: { click: () => this.open(s, "rename") },
          },
          h("span", { "aria-hidden": "true" }, "✎"),
          ` ${t("students.rename")}`,
          hiddenName(),
        ),
        canMove &&
          h(
            "button",
            {
              class: "btn btn-small",
              type: "button",
              "data-key": `move:${s.id}`,
              on: { click: () => this.open(s, "move") },
            },
            h("span", { "aria-hidden": "true" }, "⇄"),
            ` ${t("students.move")}`,
            hiddenName(),
          ),
        h(
          "button",
          {
            class: "btn btn-small btn-danger",
            type: "button",
            "data-key": `kick:${s.id}`,
            on: { click: () => void this.kick(s.id) },
          },
          h("span", { "aria-hidden": "true" }, "✕"),
          ` ${t("students.kick")}`,
          hiddenName(),
        ),
      );
    }
    return h("li", { class: "student", "data-student-id": s.id }, main, tools);
  }

  private open(s: ClassStudentSchema, mode: "rename" | "move"): void {
    if (mode === "rename") this.editing = { id: s.id, mode, draft: s.name };
    else {
      const count = this.ctx.state().villageCount;
      const first = [...Array(count + 1).keys()].find((v) => v !== s.village) ?? count;
      this.editing = { id: s.id, mode, target: first };
    }
    this.ctx.rerender();
    const field = document.getElementById(`${mode}-${s.id}`);
    field?.focus();
    if (field instanceof HTMLInputElement) field.select();
  }

  private close(id: string, mode: "rename" | "move"): void {
    this.editing = null;
    this.ctx.rerender();
    document.querySelector<HTMLElement>(`[data-key="${CSS.escape(`${mode}:${id}`)}"]`)?.focus();
  }

  private escape(e: KeyboardEvent, id: string, mode: "rename" | "move"): void {
    if (e.key !== "Escape") return;
    e.preventDefault();
    this.close(id, mode);
  }

  private async submitRename(e: Event, id: string): Promise<void> {
    e.preventDefault();
    const edit = this.editing;
    if (edit?.mode !== "rename" || edit.id !== id) return;
    const name = edit.draft.trim();
    if (name.length === 0) {
      byId("error").textContent = errorText("nameTooShort");
      return;
    }
    if (await this.ctx.act("rename", { studentId: id, name })) this.close(id, "rename");
  }

  private async submitMove(e: Event, id: string): Promise<void> {
    e.preventDefault();
    const edit = this.editing;
    if (edit?.mode !== "move" || edit.id !== id) return;
    if (await this.ctx.act("moveStudent", { studentId: id, village: edit.target })) this.close(id, "move");
  }

  private async kick(id: string): Promise<void> {
    const name = this.ctx.state().students.get(id)?.name ?? "";
    if (!(await confirmAction(t("students.kickConfirm", { name })))) return;
    await this.ctx.act("kick", { studentId: id });
  }

  // ── Teacher-only lists ────────────────────────────────────────────────────────────────

  private renderHostLists(state: ClassState): void {
    const host = state.host;
    const refused = host ? [...host.refused] : [];
    const kicked = host ? [...host.kicked] : [];
    const reason = (code: string): string => {
      const key = `reason.${code}` as GuruKey;
      const text = t(key);
      return text === key ? errorText(code) : text;
    };
    replaceChildren(
      byId("host-lists"),
      refused.length > 0 &&
        h(
          "section",
          { class: "host-list", "data-list": "refused", "aria-labelledby": "refused-title" },
          h("h4", { id: "refused-title" }, t("refused.title")),
          h("p", { class: "hint" }, t("refused.hint")),
          h(
            "ul",
            {},
            ...refused.map((r, i) =>
              h(
                "li",
                { class: "host-item", "data-refused": `${i}:${r.name}` },
                h("span", { class: "student-name" }, r.name),
                h("span", { class: "tag tag-warn" }, reason(r.reason)),
                h(
                  "button",
                  {
                    class: "btn btn-small",
                    type: "button",
                    "aria-label": t("refused.allowLabel", { name: r.name }),
                    "data-key": `allow-name:${r.name}`,
                    on: { click: () => void this.ctx.act("allowName", { name: r.name }) },
                  },
                  t("refused.allow"),
                ),
              ),
            ),
          ),
        ),
      kicked.length > 0 &&
        h(
          "section",
          { class: "host-list", "data-list": "kicked", "aria-labelledby": "kicked-title" },
          h("h4", { id: "kicked-title" }, t("kicked.title")),
          h(
            "ul",
            {},
            ...kicked.map((s) =>
              h(
                "li",
                { class: "host-item", "data-kicked-id": s.id },
                h("span", { class: "student-name" }, s.name),
                h(
                  "button",
                  {
                    class: "btn btn-small",
                    type: "button",
                    "aria-label": t("kicked.allowLabel", { name: s.name }),
                    "data-key": `allow-student:${s.id}`,
                    on: { click: () => void this.ctx.act("allowStudent", { studentId: s.id }) },
                  },
                  t("kicked.allow"),
                ),
              ),
            ),
          ),
        ),
    );
  }
}
