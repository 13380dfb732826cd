/**
 * "Kelas sebelumnya": the classes this browser created (store.ts), newest first, on the start
 * screen, each with its report and a button that deletes its data on the server. The report view
 * itself (`./report.ts`, with the charts) loads only when it is opened.
 */
import type { CreatedClass } from "@bangun-desa/shared";
import { h, replaceChildren } from "../ui/dom.ts";
import { ApiError } from "./api.ts";
import { confirmAction } from "./dialog.ts";
import { announce, byId, errorText, page, showError, t } from "./page.ts";
import { deleteReport } from "./reportApi.ts";
import { forgetClass, type PastClass, pastClasses } from "./store.ts";

/** A date and time in the page language ("3 Mei 2025, 10.15" / "3 May 2025, 10:15"). */
export function formatDate(ms: number | null | undefined): string {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms <= 0) return t("report.dateUnknown");
  return new Date(ms).toLocaleString(page.lang === "id" ? "id-ID" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
}

let reportModule: Promise<typeof import("./report.ts")> | null = null;
export function loadReport(): Promise<typeof import("./report.ts")> {
  reportModule ??= import("./report.ts");
  return reportModule;
}

/** Open a class's report (from the list or the live board); `from` gets the focus back on "Kembali". */
export async function showReport(created: CreatedClass, from?: HTMLElement | null): Promise<void> {
  try {
    const report = await loadReport();
    await report.openReport(created, from ?? null);
  } catch {
    reportModule = null;
    showError(t("report.failed"));
  }
}

/** Offer to forget a class the server no longer knows; true when it was forgotten. */
export async function offerForget(created: CreatedClass): Promise<boolean> {
  if (!(await confirmAction(t("past.goneConfirm", { code: created.code })))) return false;
  forgetClass(created.roomId);
  renderPastClasses();
  announce(t("past.forgotten", { code: created.code }));
  return true;
}

/**
 * Ask, then delete the class's data on the server. On 204 the class leaves the list; on 404 the
 * teacher may forget it. Resolves to whether the class is gone from the list.
 */
export async function deleteClassData(created: CreatedClass): Promise<boolean> {
  if (!(await confirmAction(t("past.deleteConfirm", { code: created.code })))) return false;
  try {
    await deleteReport(created);
  } catch (error) {
    const code = error instanceof ApiError ? error.code : "network";
    if (code === "codeNotFound") return offerForget(created);
    showError(errorText(code, error instanceof ApiError ? error.params : undefined));
    return false;
  }
  forgetClass(created.roomId);
  renderPastClasses();
  showError(null);
  announce(t("past.deleted", { code: created.code }));
  return true;
}

function item(c: PastClass): HTMLElement {
  const forClass = ` ${t("past.forClass", { code: c.code })}`;
  const when = c.createdAt > 0 ? new Date(c.createdAt).toISOString() : undefined;
  return h(
    "li",
    { class: "past-class", "data-class-id": c.roomId },
    h(
      "p",
      { class: "past-class-info" },
      h("span", { class: "past-class-code" }, t("past.code", { code: c.code })),
      " ",
      h(
        "time",
        { class: "past-class-date", datetime: when },
        t("past.created", { date: formatDate(c.createdAt) }),
      ),
    ),
    h(
      "div",
      { class: "button-row" },
      h(
        "button",
        {
          class: "btn btn-small",
          type: "button",
          "data-key": `view:${c.roomId}`,
          "data-action": "view",
          on: { click: (e) => void showReport(c, e.currentTarget as HTMLElement) },
        },
        h("span", { "aria-hidden": "true" }, "▤"),
        ` ${t("past.view")}`,
        h("span", { class: "visually-hidden" }, forClass),
      ),
      h(
        "button",
        {
          class: "btn btn-small btn-danger",
          type: "button",
          "data-key": `delete:${c.roomId}`,
          "data-action": "delete",
          on: { click: () => void onDelete(c) },
        },
        h("span", { "aria-hidden": "true" }, "✕"),
        ` ${t("past.delete")}`,
        h("span", { class: "visually-hidden" }, forClass),
      ),
    ),
  );
}

async function onDelete(c: PastClass): Promise<void> {
  const list = pastClasses();
  const at = list.findIndex((p) => p.roomId === c.roomId);
  if (!(await deleteClassData(c))) return;
  // The focus goes to the next class's first button (or the list's heading when none is left).
  const next = pastClasses()[Math.min(at, list.length - 2)];
  const target = next
    ? byId("past-classes").querySelector<HTMLElement>(`[data-key="view:${CSS.escape(next.roomId)}"]`)
    : null;
  (target ?? byId("past-title")).focus();
}

/** Draw the list (the section hides itself while it is empty). */
export function renderPastClasses(): void {
  const list = pastClasses();
  byId("past-section").hidden = list.length === 0;
  replaceChildren(byId("past-classes"), ...list.map(item));
}
