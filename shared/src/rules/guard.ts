import { type Bundle, RESOURCES, type Resource } from "../content/resources.ts";
import type { Action, Rejection } from "./types.ts";

/** Largest amount any single action may move; bigger numbers are refused, not clamped. */
export const MAX_AMOUNT = 999;

/**
 * Look a key up in a record by own property only: ids come from the wire, and "toString" or
 * "__proto__" must never find something on Object.prototype.
 */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function wholeAmount(n: unknown, min = 0): boolean {
  return typeof n === "number" && Number.isInteger(n) && n >= min && n <= MAX_AMOUNT;
}

function validBundle(bundle: Bundle): boolean {
  if (typeof bundle !== "object" || bundle === null) return false;
  return Object.entries(bundle).every(
    ([key, value]) => RESOURCES.includes(key as Resource) && (value === undefined || wholeAmount(value)),
  );
}

/**
 * The rules check amounts themselves rather than trust the protocol: whole, non-negative, bounded
 * numbers, known resources. Returns false for any action with a bad amount.
 */
export function amountsAreValid(action: Action): boolean {
  switch (action.type) {
    case "gather":
      return wholeAmount(action.tenaga, 1);
    case "contribute":
      return wholeAmount(action.tenaga) && validBundle(action.give);
    case "giveAid":
      return validBundle(action.give);
    case "offerTrade":
    case "counterTrade":
      return validBundle(action.give) && validBundle(action.get);
    case "tradeWithMarket":
      return (
        wholeAmount(action.amount, 1) && RESOURCES.includes(action.give) && RESOURCES.includes(action.get)
      );
    case "proposeRicePrice":
      return wholeAmount(action.price, 1);
    default:
      return true;
  }
}

/** A refusal with its reason code (and parameters for the translated message). */
export function reject(error: Rejection["error"], params?: Rejection["params"]): Rejection {
  return params ? { ok: false, error, params } : { ok: false, error };
}
