/**
 * The report's two charts, drawn as plain SVG (no chart library): a line chart of a village's three
 * meters over the seasons, and a stacked bar chart of each student's forms of cooperation.
 *
 * Colour never carries the meaning alone: the lines also differ by dash and marker, the bar
 * segments by pattern and a number, and both have a legend. Each chart is one `role="img"` with a
 * `<title>` and an aria-label that the caller fills with a summary; the report's tables hold every
 * number. Labels come in already translated, so this module knows nothing about the page language.
 * Every text is set with `textContent`.
 */
import { FORMS, type Form } from "@bangun-desa/shared";

const NS = "http://www.w3.org/2000/svg";
type SvgAttrs = Record<string, string | number | undefined>;

function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: SvgAttrs = {},
  ...children: (SVGElement | string | null | false | undefined)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) el.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === false || child === undefined) continue;
    if (typeof child === "string") el.append(document.createTextNode(child));
    else el.append(child);
  }
  return el;
}

/** Round for SVG coordinates (keeps the markup short and stable). */
const r = (n: number) => Math.round(n * 10) / 10;

/** A finite, non-negative number (the report comes over the wire). */
function num(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** An axis step of 1, 2 or 5 × 10ⁿ giving at most `maxTicks` intervals up to `max`. */
export function niceStep(max: number, maxTicks = 6): number {
  if (max <= 0) return 1;
  const raw = max / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return Math.max(1, m * power);
  return Math.max(1, 10 * power);
}

/** A rough text width (px) for layout: SVG text cannot be measured before it is in the page. */
function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.58;
}

function shorten(text: string, maxWidth: number, size: number): string {
  const chars = [...text];
  if (textWidth(text, size) <= maxWidth) return text;
  const keep = Math.max(1, Math.floor(maxWidth / (size * 0.58)) - 1);
  return `${chars.slice(0, keep).join("")}…`;
}

function chartRoot(id: string, width: number, height: number, label: string, cls: string): SVGSVGElement {
  const root = s("svg", {
    id,
    class: `chart-svg ${cls}`,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-label": label,
    preserveAspectRatio: "xMinYMin meet",
  });
  root.append(s("title", {}, label));
  return root;
}

// ── Meters over the seasons ────────────────────────────────────────────────

export const METER_KEYS = ["welfare", "harmony", "unity"] as const;
export type MeterKey = (typeof METER_KEYS)[number];

/** Okabe–Ito hues (darkened where needed for 3:1 on white), each with its own dash and marker. */
export const METER_STYLE: Record<
  MeterKey,
  { color: string; dash: string; marker: "circle" | "square" | "triangle" }
> = {
  welfare: { color: "#007a5a", dash: "", marker: "circle" },
  harmony: { color: "#0072b2", dash: "10 6", marker: "square" },
  unity: { color: "#d55e00", dash: "3 5", marker: "triangle" },
};

export interface MeterPoint {
  season: number;
  welfare: number;
  harmony: number;
  unity: number;
}

export interface MeterChartLabels {
  /** The summary read by screen readers and shown as the tooltip. */
  summary: string;
  season: string;
  value: string;
  meters: Record<MeterKey, string>;
}

function marker(kind: "circle" | "square" | "triangle", x: number, y: number, color: string): SVGElement {
  const common = { fill: "#fff", stroke: color, "stroke-width": 2.5 };
  if (kind === "circle") return s("circle", { cx: r(x), cy: r(y), r: 4.5, ...common });
  if (kind === "square") return s("rect", { x: r(x - 4.5), y: r(y - 4.5), width: 9, height: 9, ...common });
  return s("polygon", {
    points: `${r(x)},${r(y - 6)} ${r(x + 5.5)},${r(y + 4)} ${r(x - 5.5)},${r(y + 4)}`,
    ...common,
  });
}

export function meterChart(
  id: string,
  history: readonly MeterPoint[],
  labels: MeterChartLabels,
): SVGSVGElement {
  const W = 640;
  const m = { left: 64, right: 20, top: 48, bottom: 58 };
  // The legend goes across the top and wraps when the names are long (the English ones are).
  const legend = s("g", { class: "chart-legend" });
  let lx = m.left;
  let ly = 20;
  for (const key of METER_KEYS) {
    const style = METER_STYLE[key];
    const itemW = 44 + textWidth(labels.meters[key], 14) + 24;
    if (lx > m.left && lx + itemW > W) {
      lx = m.left;
      ly += 24;
    }
    legend.append(
      s("line", {
        x1: lx,
        x2: lx + 36,
        y1: ly,
        y2: ly,
        stroke: style.color,
        "stroke-width": 3,
        "stroke-dasharray": style.dash || undefined,
      }),
      marker(style.marker, lx + 18, ly, style.color),
      s("text", { x: lx + 44, y: ly + 5, "font-size": 14 }, labels.meters[key]),
    );
    lx += itemW;
  }
  m.top = ly + 28;
  const H = m.top + 214 + m.bottom;
  const points = [...history]
    .map((p) => ({
      season: num(p.season),
      welfare: num(p.welfare),
      harmony: num(p.harmony),
      unity: num(p.unity),
    }))
    .sort((a, b) => a.season - b.season);
  const root = chartRoot(id, W, H, labels.summary, "chart-meters");
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const first = points[0]?.season ?? 0;
  const last = Math.max(first + 1, points.at(-1)?.season ?? 1);
  const top = Math.max(100, ...points.flatMap((p) => METER_KEYS.map((k) => p[k])));
  const bottom = Math.min(0, ...points.flatMap((p) => METER_KEYS.map((k) => p[k])));
  const x = (season: number) => m.left + ((season - first) / (last - first)) * plotW;
  const y = (value: number) => m.top + plotH - ((value - bottom) / (top - bottom)) * plotH;

  // Grid and y axis: 0, 25, 50, 75, 100.
  const grid = s("g", { class: "chart-grid" });
  const yStep = top - bottom > 100 ? niceStep(top - bottom, 5) : 25;
  for (let v = Math.ceil(bottom / yStep) * yStep; v <= top; v += yStep) {
    grid.append(
      s("line", {
        x1: m.left,
        x2: W - m.right,
        y1: r(y(v)),
        y2: r(y(v)),
        stroke: "#d8cfbd",
        "stroke-width": 1,
      }),
      s("text", { x: m.left - 8, y: r(y(v) + 4), "text-anchor": "end", "font-size": 13 }, String(v)),
    );
  }
  // x axis: one tick per season (thinned when there are many).
  const seasonStep = niceStep(last - first, 12);
  for (let season = first; season <= last; season += seasonStep) {
    grid.append(
      s("line", {
        x1: r(x(season)),
        x2: r(x(season)),
        y1: m.top + plotH,
        y2: m.top + plotH + 6,
        stroke: "#3b2a1a",
      }),
      s(
        "text",
        { x: r(x(season)), y: m.top + plotH + 22, "text-anchor": "middle", "font-size": 13 },
        String(season),
      ),
    );
  }
  root.append(
    grid,
    s("line", {
      x1: m.left,
      x2: W - m.right,
      y1: m.top + plotH,
      y2: m.top + plotH,
      stroke: "#3b2a1a",
      "stroke-width": 1.5,
    }),
    s("line", {
      x1: m.left,
      x2: m.left,
      y1: m.top,
      y2: m.top + plotH,
      stroke: "#3b2a1a",
      "stroke-width": 1.5,
    }),
    s(
      "text",
      { x: m.left + plotW / 2, y: H - 12, "text-anchor": "middle", "font-size": 14, "font-weight": 700 },
      labels.season,
    ),
    s(
      "text",
      {
        x: 0,
        y: 0,
        transform: `translate(18 ${m.top + plotH / 2}) rotate(-90)`,
        "text-anchor": "middle",
        "font-size": 14,
        "font-weight": 700,
      },
      labels.value,
    ),
  );

  // The three lines, each with its dash pattern and markers.
  for (const key of METER_KEYS) {
    const style = METER_STYLE[key];
    const g = s("g", { class: `chart-line chart-line-${key}`, "data-meter": key });
    if (points.length > 1) {
      g.append(
        s("polyline", {
          points: points.map((p) => `${r(x(p.season))},${r(y(p[key]))}`).join(" "),
          fill: "none",
          stroke: style.color,
          "stroke-width": 3,
          "stroke-linejoin": "round",
          "stroke-linecap": "round",
          "stroke-dasharray": style.dash || undefined,
        }),
      );
    }
    for (const p of points) g.append(marker(style.marker, x(p.season), y(p[key]), style.color));
    root.append(g);
  }
  root.append(legend);
  return root;
}

// ── Forms per student ──────────────────────────────────────────────────────

/** Okabe–Ito colours and a pattern per form (gotong royong plain), so print and colour-blind eyes tell them apart. */
export const FORM_STYLE: Record<
  Form,
  { color: string; pattern: "none" | "diagonal" | "dots" | "cross" | "horizontal" }
> = {
  gotongRoyong: { color: "#e69f00", pattern: "none" },
  bargaining: { color: "#56b4e9", pattern: "diagonal" },
  kooptasi: { color: "#009e73", pattern: "dots" },
  koalisi: { color: "#f0e442", pattern: "cross" },
  jointVenture: { color: "#cc79a7", pattern: "horizontal" },
};

export interface FormsRow {
  name: string;
  /** A short note after the name (e.g. the village number). */
  note?: string;
  counts: Partial<Record<Form, number>>;
}

export interface FormsChartLabels {
  summary: string;
  axis: string;
  forms: Record<Form, string>;
}

function patternDefs(prefix: string): SVGDefsElement {
  const defs = s("defs");
  const ink = { stroke: "#1d1d1b", "stroke-opacity": 0.55, "stroke-width": 1.6 };
  const pattern = (name: string, size: number, ...children: SVGElement[]) =>
    s(
      "pattern",
      { id: `${prefix}-${name}`, width: size, height: size, patternUnits: "userSpaceOnUse" },
      ...children,
    );
  defs.append(
    pattern("diagonal", 8, s("path", { d: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4", ...ink })),
    pattern("dots", 7, s("circle", { cx: 3.5, cy: 3.5, r: 1.5, fill: "#1d1d1b", "fill-opacity": 0.6 })),
    pattern("cross", 8, s("path", { d: "M0,0 l8,8 M8,0 l-8,8", ...ink, "stroke-width": 1.2 })),
    pattern("horizontal", 6, s("path", { d: "M0,3 h6", ...ink })),
  );
  return defs;
}

function segment(
  prefix: string,
  form: Form,
  x: number,
  y: number,
  width: number,
  height: number,
): SVGElement[] {
  const style = FORM_STYLE[form];
  const parts: SVGElement[] = [s("rect", { x: r(x), y: r(y), width: r(width), height, fill: style.color })];
  if (style.pattern !== "none") {
    parts.push(
      s("rect", { x: r(x), y: r(y), width: r(width), height, fill: `url(#${prefix}-${style.pattern})` }),
    );
  }
  parts.push(
    s("rect", {
      x: r(x),
      y: r(y),
      width: r(width),
      height,
      fill: "none",
      stroke: "#fff",
      "stroke-width": 1.5,
    }),
  );
  return parts;
}

export function formsChart(id: string, rows: readonly FormsRow[], labels: FormsChartLabels): SVGSVGElement {
  const W = 720;
  const nameW = 190;
  const right = 48;
  const rowH = 30;
  const barH = 20;
  const prefix = `${id}-pat`;

  // Legend first (it may wrap onto two lines), then the bars below it.
  const legend = s("g", { class: "chart-legend" });
  let lx = 0;
  let ly = 8;
  for (const form of FORMS) {
    const itemW = 26 + textWidth(labels.forms[form], 14) + 22;
    if (lx > 0 && lx + itemW > W) {
      lx = 0;
      ly += 26;
    }
    legend.append(
      ...segment(prefix, form, lx, ly, 20, 18),
      s("rect", { x: lx, y: ly, width: 20, height: 18, fill: "none", stroke: "#3b2a1a" }),
      s("text", { x: lx + 26, y: ly + 14, "font-size": 14 }, labels.forms[form]),
    );
    lx += itemW;
  }
  const top = ly + 18 + 20;
  const totals = rows.map((row) => FORMS.reduce((sum, f) => sum + Math.max(0, num(row.counts[f])), 0));
  const max = Math.max(1, ...totals);
  const step = niceStep(max, 6);
  const scaleMax = Math.ceil(max / step) * step;
  const plotW = W - nameW - right;
  const plotH = Math.max(1, rows.length) * rowH;
  const H = top + plotH + 56;
  const x = (v: number) => nameW + (v / scaleMax) * plotW;

  const root = chartRoot(id, W, H, labels.summary, "chart-forms");
  root.append(patternDefs(prefix), legend);

  const grid = s("g", { class: "chart-grid" });
  for (let v = 0; v <= scaleMax; v += step) {
    grid.append(
      s("line", { x1: r(x(v)), x2: r(x(v)), y1: top, y2: top + plotH, stroke: "#d8cfbd" }),
      s("text", { x: r(x(v)), y: top + plotH + 20, "text-anchor": "middle", "font-size": 13 }, String(v)),
    );
  }
  root.append(
    grid,
    s(
      "text",
      { x: nameW + plotW / 2, y: H - 10, "text-anchor": "middle", "font-size": 14, "font-weight": 700 },
      labels.axis,
    ),
  );

  rows.forEach((row, i) => {
    const y0 = top + i * rowH + (rowH - barH) / 2;
    const note = row.note ? ` (${row.note})` : "";
    const label = `${row.name}${note}`;
    const g = s("g", { class: "chart-bar", "data-row": i }, s("title", {}, `${label}: ${totals[i]}`));
    // A long name is shortened; the note (the village) stays.
    const shown = `${shorten(row.name, Math.max(40, nameW - 12 - textWidth(note, 13)), 13)}${note}`;
    g.append(
      s("text", { x: nameW - 8, y: r(y0 + barH / 2 + 5), "text-anchor": "end", "font-size": 13 }, shown),
    );
    let at = 0;
    for (const form of FORMS) {
      const n = Math.max(0, num(row.counts[form]));
      if (n === 0) continue;
      const x0 = x(at);
      const width = x(at + n) - x0;
      g.append(...segment(prefix, form, x0, y0, width, barH));
      if (width >= 18) {
        g.append(
          s(
            "text",
            {
              x: r(x0 + width / 2),
              y: r(y0 + barH / 2 + 4.5),
              "text-anchor": "middle",
              "font-size": 12,
              "font-weight": 700,
              // A white halo keeps the number readable on every colour and pattern.
              stroke: "#fff",
              "stroke-width": 3,
              "paint-order": "stroke",
              class: "chart-segment-label",
            },
            String(n),
          ),
        );
      }
      at += n;
    }
    g.append(s("text", { x: r(x(at) + 6), y: r(y0 + barH / 2 + 5), "font-size": 13 }, String(totals[i])));
    root.append(g);
  });
  root.append(
    s("line", { x1: nameW, x2: nameW, y1: top, y2: top + plotH, stroke: "#3b2a1a", "stroke-width": 1.5 }),
    s("line", {
      x1: nameW,
      x2: W - right,
      y1: top + plotH,
      y2: top + plotH,
      stroke: "#3b2a1a",
      "stroke-width": 1.5,
    }),
  );
  return root;
}
