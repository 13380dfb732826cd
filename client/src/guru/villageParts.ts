/** Pieces of a village's summary drawn both on the teacher's board and on the projector. */
import { translate } from "@bangun-desa/shared";
import type { ClassVillageSchema } from "@bangun-desa/shared/schema";
import { h } from "../ui/dom.ts";
import { page, t } from "./page.ts";
import type { GuruKey } from "./strings.ts";

export const METERS = ["welfare", "harmony", "unity"] as const;
const ALERT_ICONS: Record<string, string> = {
  krisis: "⚠",
  banjir: "≈",
  musibah: "⌂",
  protes: "⚑",
  lapar: "☹",
};

export function villageName(index: number): string {
  return t("board.village", { n: index + 1 });
}

/** "Kerja · Musim 3/6" (or "Menyiapkan desa…" before the village room exists). */
export function phaseLine(v: ClassVillageSchema): string {
  if (v.phase === "waiting") return t("board.phase.waiting");
  const phase = translate(page.lang, `phase.${v.phase}`);
  return v.seasons > 0 ? `${phase} · ${t("board.season", { season: v.season, seasons: v.seasons })}` : phase;
}

/** A labelled bar with its number: the number and label carry the meaning, the bar is a picture. */
export function meter(kind: string, label: string, value: number, extraClass = ""): HTMLElement {
  const v = Math.max(0, Math.min(100, value));
  return h(
    "div",
    { class: `meter meter-${kind} ${extraClass}`.trim(), "data-meter": kind },
    h("span", { class: "meter-label" }, label),
    h("span", { class: "meter-value" }, String(v)),
    h(
      "span",
      { class: "meter-track", "aria-hidden": "true" },
      h("span", { class: "meter-fill", style: `width: ${v}%` }),
    ),
  );
}

export function villageMeters(v: ClassVillageSchema, extraClass = ""): HTMLElement {
  return h(
    "div",
    { class: "meters", role: "group", "aria-label": t("board.meters") },
    ...METERS.map((m) => meter(m, translate(page.lang, `meter.${m}`), v[m], extraClass)),
  );
}

/** The alerts as icon + word (never colour alone); "Tidak ada masalah" when there are none. */
export function alertList(v: ClassVillageSchema): HTMLElement {
  const alerts = [...v.alerts];
  if (alerts.length === 0) {
    return h(
      "p",
      { class: "alerts alerts-none" },
      h("span", { "aria-hidden": "true" }, "✓"),
      ` ${t("board.noAlerts")}`,
    );
  }
  return h(
    "ul",
    { class: "alerts", "aria-label": t("board.alerts") },
    ...alerts.map((a) =>
      h(
        "li",
        { class: `alert alert-${a}`, "data-alert": a },
        h("span", { "aria-hidden": "true" }, ALERT_ICONS[a] ?? "!"),
        ` ${t(`alert.${a}` as GuruKey) === `alert.${a}` ? a : t(`alert.${a}` as GuruKey)}`,
      ),
    ),
  );
}

/** Won/lost, stars, ended early: shown once the village's game is over. */
export function resultLine(v: ClassVillageSchema): HTMLElement | null {
  if (v.phase !== "ended") return null;
  return h(
    "p",
    { class: `result ${v.won ? "result-won" : "result-lost"}` },
    h("span", { "aria-hidden": "true" }, v.won ? "★" : "•"),
    ` ${v.won ? t("board.won") : t("board.lost")}`,
    v.stars > 0 &&
      h("span", { class: "stars" }, ` · ${"★".repeat(v.stars)} `, t("board.stars", { n: v.stars })),
    v.endedEarly && h("span", { class: "ended-early" }, ` · ${t("board.endedEarly")}`),
  );
}

/** A project's name: its shared `project.<kind>` title (the rebuilt house has no owner here). */
export function projectName(kind: string): string {
  if (kind === "rumah") {
    const name = translate(page.lang, "projectName.rumah");
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
  return translate(page.lang, `project.${kind}`);
}

export function builtCount(v: ClassVillageSchema): number {
  return [...v.projects].filter((p) => p.status === "done").length;
}
