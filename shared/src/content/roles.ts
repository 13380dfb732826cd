import type { Hand, Resource } from "./resources.ts";

export const ROLE_IDS = ["petani", "penebang", "penambang", "pedagang", "tukang"] as const;
export type RoleId = (typeof ROLE_IDS)[number];

export interface RoleDef {
  id: RoleId;
  /** The resource this role is good at producing, if any. */
  specialty: Resource | null;
  /** Labour units one tenaga gives at a project (tukang builds twice as fast). */
  labourPerTenaga: number;
  /** The hand a household of this role starts the game with. */
  startHand: Hand;
}

/**
 * Roles create mutual need (saling membutuhkan): only the petani grows enough food,
 * only the builders' materials come from penebang and penambang, and money from the pedagang.
 */
export const ROLES: Record<RoleId, RoleDef> = {
  petani: {
    id: "petani",
    specialty: "beras",
    labourPerTenaga: 1,
    startHand: { beras: 6, kayu: 0, batu: 0, uang: 1 },
  },
  penebang: {
    id: "penebang",
    specialty: "kayu",
    labourPerTenaga: 1,
    startHand: { beras: 3, kayu: 2, batu: 0, uang: 1 },
  },
  penambang: {
    id: "penambang",
    specialty: "batu",
    labourPerTenaga: 1,
    startHand: { beras: 3, kayu: 0, batu: 2, uang: 1 },
  },
  pedagang: {
    id: "pedagang",
    specialty: "uang",
    labourPerTenaga: 1,
    startHand: { beras: 3, kayu: 0, batu: 0, uang: 3 },
  },
  tukang: {
    id: "tukang",
    specialty: null,
    labourPerTenaga: 2,
    startHand: { beras: 3, kayu: 1, batu: 1, uang: 1 },
  },
};

/** Seat order of roles: with 6 seats the first role repeats, so the village always has a petani. */
export const ROLE_ORDER: readonly RoleId[] = [
  "petani",
  "penebang",
  "penambang",
  "tukang",
  "pedagang",
  "petani",
];
