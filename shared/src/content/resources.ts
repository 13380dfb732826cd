/** The four resources of the village economy. Beras is also food. */
export const RESOURCES = ["beras", "kayu", "batu", "uang"] as const;
export type Resource = (typeof RESOURCES)[number];

/** A bundle of resources, e.g. `{ kayu: 3, batu: 1 }`. Missing keys mean zero. */
export type Bundle = Partial<Record<Resource, number>>;

/** A full hand: every resource present. */
export type Hand = Record<Resource, number>;

export function emptyHand(): Hand {
  return { beras: 0, kayu: 0, batu: 0, uang: 0 };
}

/** Sum of all units in a bundle. */
export function bundleTotal(bundle: Bundle): number {
  let total = 0;
  for (const r of RESOURCES) total += bundle[r] ?? 0;
  return total;
}

/** True when `hand` holds at least every amount in `bundle`. */
export function handCovers(hand: Hand, bundle: Bundle): boolean {
  return RESOURCES.every((r) => hand[r] >= (bundle[r] ?? 0));
}
