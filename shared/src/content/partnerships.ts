import type { MeterDelta } from "./projects.ts";
import type { Bundle } from "./resources.ts";

/** Koalisi goals: a temporary alliance of ≥ 3 villagers pools resources for one named goal. */
export const COALITION_GOALS = ["kampanyeSampah", "pameranProduk"] as const;
export type CoalitionGoal = (typeof COALITION_GOALS)[number];

export interface CoalitionGoalDef {
  goal: CoalitionGoal;
  needs: Bundle;
  /** Seasons from the proposal until the deadline (inclusive). */
  seasons: number;
  reward: MeterDelta;
}

export const COALITION_MIN_MEMBERS = 3;
/** What a successful product fair (pameran produk) earns each member. */
export const PAMERAN_UANG_PER_MEMBER = 2;

export const COALITIONS: Record<CoalitionGoal, CoalitionGoalDef> = {
  kampanyeSampah: {
    goal: "kampanyeSampah",
    needs: { uang: 4, kayu: 4 },
    seasons: 2,
    reward: { harmony: 10, welfare: 5 },
  },
  pameranProduk: {
    goal: "pameranProduk",
    needs: { uang: 3, batu: 3, beras: 3 },
    seasons: 2,
    reward: { welfare: 10, unity: 5 },
  },
};

/** Joint venture kinds: two villagers found one usaha bersama that pays each season. */
export const VENTURE_KINDS = ["penggilinganPadi", "eksporKopi", "bengkelMotorListrik"] as const;
export type VentureKind = (typeof VENTURE_KINDS)[number];

export interface VentureDef {
  kind: VentureKind;
  /** What it produces each season in which both partners put in their tenaga. */
  output: Bundle;
  /** How many seasons it runs. */
  seasons: number;
}

export const VENTURES: Record<VentureKind, VentureDef> = {
  penggilinganPadi: { kind: "penggilinganPadi", output: { beras: 12 }, seasons: 3 },
  eksporKopi: { kind: "eksporKopi", output: { uang: 8 }, seasons: 3 },
  bengkelMotorListrik: { kind: "bengkelMotorListrik", output: { uang: 6, batu: 4 }, seasons: 3 },
};

/** The proposer's share of the profit, in percent; the partner gets the rest. */
export const VENTURE_SHARES = [30, 40, 50, 60, 70] as const;
/** Welfare the village gains each season a venture pays: the usaha bersama gives work and income. */
export const VENTURE_WELFARE_PER_PAY = { welfare: 8 } as const;
/** Tenaga each partner puts in each season to keep the venture running. */
export const VENTURE_TENAGA = 1;

/** The tokoh pemuda: an influential young man outside the village's structure. */
export const TOKOH = {
  startUnrest: 20,
  unrestPerSeason: 15,
  /** Extra unrest when his demand (tuntutan) strikes and he is still outside. */
  demandUnrest: 20,
  /** At or above this unrest he protests and blocks one project for the season. */
  protestAt: 50,
  /** Harmony lost each night: unrest / this. */
  harmonyDrainDivisor: 4,
  /** Labour he gives his project each season once co-opted. */
  labourWhenCoopted: 2,
  /** His small share: welfare the village gives up each season while he holds his place. */
  shareWelfare: -1,
  /** The season he arrives when the teacher opens every form from the start (else with kooptasi). */
  earlyArrivalSeason: 2,
} as const;
export const TOKOH_ID = "tokoh";
export const TOKOH_POSITIONS = ["penasihat", "pembina"] as const;
export type TokohPosition = (typeof TOKOH_POSITIONS)[number];

/** Musyawarah topics. */
export const VOTE_TOPICS = ["cooptTokoh", "cooptPlayer", "priority"] as const;
export type VoteTopic = (typeof VOTE_TOPICS)[number];
/** Share of households agreeing that counts as near-consensus and raises unity. */
export const CONSENSUS_SHARE = 0.8;
export const CONSENSUS_UNITY = 5;
/** Completing the project the village chose as its priority adds this much unity. */
export const PRIORITY_UNITY = 5;
