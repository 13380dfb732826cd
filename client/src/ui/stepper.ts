import type { Resource } from "@bangun-desa/shared";
import { iconUrl } from "../game/assets.ts";
import { h, icon } from "./dom.ts";

export interface StepperOptions {
  /** `data-key` prefix: the buttons are `<key>-less` / `<key>-more` (focus survives re-renders). */
  key: string;
  res: Resource;
  /** What the row is about, e.g. "kayu 2/4"; `note` is the small grey text after it. */
  label: string;
  note?: string;
  value: number;
  min?: number;
  max: number;
  enabled: boolean;
  /** Screen-reader names of the − and + buttons ("Kurangi kayu"). */
  lessLabel: string;
  moreLabel: string;
  set(value: number): void;
}

/**
 * A − n + stepper for one resource: big tap targets, the number is an `<output>` read aloud when it
 * changes, and a button is disabled (not hidden) at its limit, so the student sees why it stops.
 */
export function stepper(o: StepperOptions): HTMLElement {
  const min = o.min ?? 0;
  const value = Math.max(min, Math.min(o.value, Math.max(min, o.max)));
  return h(
    "div",
    { class: "stepper" },
    icon(iconUrl(o.res), 22),
    h("span", { class: "stepper-label" }, o.label, o.note ? h("small", {}, ` (${o.note})`) : null),
    h(
      "button",
      {
        class: "btn step",
        type: "button",
        "data-key": `${o.key}-less`,
        "aria-label": o.lessLabel,
        disabled: !o.enabled || value <= min,
        on: { click: () => o.set(value - 1) },
      },
      "−",
    ),
    h("output", { class: "step-value", "aria-live": "polite", "data-key": `${o.key}-value` }, String(value)),
    h(
      "button",
      {
        class: "btn step",
        type: "button",
        "data-key": `${o.key}-more`,
        "aria-label": o.moreLabel,
        disabled: !o.enabled || value >= o.max,
        on: { click: () => o.set(value + 1) },
      },
      "+",
    ),
  );
}
