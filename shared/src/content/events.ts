export const EVENT_KINDS = [
  "tenang",
  "hujan",
  "musibah",
  "panenRaya",
  "hargaTurun",
  "tuntutanTokoh",
  "kampanyeSampah",
] as const;
/** What a season brings. `tenang` is a calm season. */
export type EventKind = (typeof EVENT_KINDS)[number];

/** How many seasons ahead the warning phase shows the coming threat. */
export const FORECAST_AHEAD = 2;

/** Meter and stock effects of events that strike. */
export const BANJIR = { stockLossFraction: 0.5, harmony: -15, welfare: -10 } as const;
export const IGNORED_MUSIBAH = { harmony: -15, unity: -5 } as const;
/**
 * A damaged house costs its household tenaga until neighbours rebuild it, or until its deadline
 * passes and the household patches it up alone (at a cost to harmony and unity).
 */
export const DAMAGED_HOUSE_TENAGA_PENALTY = 2;
/** Panen raya (a good harvest season): every petani's sawah yields one more beras per tenaga. */
export const PANEN_RAYA_BONUS = 1;
/** Harga turun (a price drop): the pasar asks one unit more per trade that season. */
export const PRICE_DROP_EXTRA = 1;
/** The first season the tokoh's demand and the plastic-waste campaign can come (after they are introduced). */
export const LATE_EVENTS_FROM = 4;
/**
 * The plastic-waste campaign left undone by its deadline: rubbish clogs the gutters again and the
 * village quarrels over it.
 */
export const IGNORED_KAMPANYE = { harmony: -15, welfare: -5 } as const;
