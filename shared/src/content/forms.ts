/** The five forms of kerja sama the game teaches (identifiers; texts live in i18n). */
export const FORMS = ["gotongRoyong", "bargaining", "kooptasi", "koalisi", "jointVenture"] as const;
export type Form = (typeof FORMS)[number];
