import type { Form } from "./forms.ts";

/** The pasar's poor fixed rate: 4 of what you give for 1 of what you get. */
export const MARKET_RATE = 4;
/** With a koperasi in the village, the pasar rate improves to 3:1. */
export const MARKET_RATE_WITH_KOPERASI = 3;
/** Open offers one villager may have waiting at once. */
export const MAX_OPEN_OFFERS = 3;
/**
 * Harga gabah: how many beras buy one uang at the pasar (and one uang buys that many beras) once
 * the petani and the pedagang agree. The petani, who sells rice, wants it low; the pedagang, who
 * buys rice, wants it high. Without an agreement the pasar's poor 4:1 both ways applies.
 */
export const RICE_PRICE_RANGE = { min: 2, max: 6 } as const;

/**
 * One new idea per season (scaffolding): the season from which each form's actions are open,
 * unless the teacher opens everything from the start.
 */
export const FORM_OPENS_IN_SEASON: Record<Form, number> = {
  gotongRoyong: 1,
  bargaining: 2,
  kooptasi: 3,
  koalisi: 4,
  jointVenture: 5,
};

/**
 * The harvest passes without a harga gabah agreement: petani and pedagang quarrel over the price and
 * the village's harmony suffers.
 */
export const RICE_TALK_FAILED = { harmony: -25 } as const;
