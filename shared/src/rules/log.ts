import type { Form } from "../content/forms.ts";
import type { MeterDelta } from "../content/projects.ts";
import type { CoopLogEntry, GameState, NewsEntry, TextRef } from "./types.ts";

/** Write one act of cooperation to the village's cooperation log. */
export function logCooperation(state: GameState, form: Form, actors: string[], what: TextRef): CoopLogEntry {
  const entry: CoopLogEntry = { seq: ++state.seq, form, season: state.season, actors, what };
  state.log.push(entry);
  return entry;
}

/** Write a piece of village news (an event striking, a krisis, a finished project). */
export function addNews(state: GameState, kind: NewsEntry["kind"], what: TextRef): void {
  state.news.push({ seq: ++state.seq, season: state.season, kind, what });
}

export const METER_MIN = 0;
export const METER_MAX = 100;

/** Change the village meters, each kept within 0–100. */
export function changeMeters(state: GameState, delta: MeterDelta): void {
  const m = state.meters;
  m.welfare = clamp(m.welfare + (delta.welfare ?? 0));
  m.harmony = clamp(m.harmony + (delta.harmony ?? 0));
  m.unity = clamp(m.unity + (delta.unity ?? 0));
}

function clamp(v: number): number {
  return Math.max(METER_MIN, Math.min(METER_MAX, v));
}
