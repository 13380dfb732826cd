import type { Bundle } from "./resources.ts";

export const PROJECT_KINDS = ["selokan", "sekolah", "rumah", "jembatan", "koperasi"] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export interface MeterDelta {
  welfare?: number;
  harmony?: number;
  unity?: number;
}

/**
 * A gotong royong project (kerja bakti). It needs resources and labour from at least
 * `minVillagers` distinct villagers and gives no private reward: only the village meters gain.
 */
export interface ProjectDef {
  kind: ProjectKind;
  needs: Bundle;
  /** Labour units needed in total (one tenaga = one unit; a tukang gives two). */
  labour: number;
  /**
   * Distinct villagers whose labour is needed: nobody can finish it alone. In a village with fewer
   * households than this, every household must take part (see `requiredVillagers`).
   */
  minVillagers: number;
  /** Most labour the whole village may give in one season (the bridge takes ≥ 2 seasons), or null. */
  labourCapPerSeason: number | null;
  /** The household whose house it is may not count as a helper (rumah tetangga). */
  ownerExcluded: boolean;
  reward: MeterDelta;
  /** Stages drawn on the map: 0 (not started) … 3 (finished). */
  stages: 4;
}

function def(p: Omit<ProjectDef, "stages">): ProjectDef {
  return { ...p, stages: 4 };
}

export const PROJECTS: Record<ProjectKind, ProjectDef> = {
  selokan: def({
    kind: "selokan",
    needs: {},
    labour: 6,
    minVillagers: 3,
    labourCapPerSeason: null,
    ownerExcluded: false,
    reward: { harmony: 5 },
  }),
  sekolah: def({
    kind: "sekolah",
    needs: { kayu: 4, batu: 4 },
    labour: 6,
    minVillagers: 3,
    labourCapPerSeason: null,
    ownerExcluded: false,
    reward: { unity: 15, welfare: 5 },
  }),
  rumah: def({
    kind: "rumah",
    needs: { kayu: 3, batu: 1 },
    labour: 4,
    minVillagers: 2,
    labourCapPerSeason: null,
    ownerExcluded: true,
    reward: { harmony: 10, unity: 5 },
  }),
  jembatan: def({
    kind: "jembatan",
    needs: { kayu: 12, batu: 12, uang: 10 },
    labour: 15,
    minVillagers: 4,
    labourCapPerSeason: 3,
    ownerExcluded: false,
    reward: { unity: 15, welfare: 10 },
  }),
  koperasi: def({
    kind: "koperasi",
    needs: { uang: 4, beras: 4 },
    labour: 3,
    minVillagers: 3,
    labourCapPerSeason: null,
    ownerExcluded: false,
    reward: { welfare: 15 },
  }),
};

/** Rice the koperasi lends the village each night to households that cannot eat (a buffer against krisis). */
export const KOPERASI_BUFFER_PER_SEASON = 2;

/** The number of households the project numbers above are written for. */
export const REFERENCE_HOUSEHOLDS = 5;

/**
 * A project's needs, labour and per-season labour cap sized to a village of `households`: a smaller
 * village builds a smaller bridge (each amount scales with households / REFERENCE_HOUSEHOLDS, at
 * least 1 where the project needs any), so a student with two computer villagers can still win.
 */
export function sizedProject(
  kind: ProjectKind,
  households: number,
): Pick<ProjectDef, "needs" | "labour" | "labourCapPerSeason"> {
  const def = PROJECTS[kind];
  const f = households / REFERENCE_HOUSEHOLDS;
  const scale = (n: number): number => (n > 0 ? Math.max(1, Math.round(n * f)) : 0);
  const needs: Bundle = {};
  for (const [r, n] of Object.entries(def.needs) as [keyof Bundle, number][]) if (n > 0) needs[r] = scale(n);
  // Labour that one villager fewer than required could fill alone would leave the project
  // unfinishable: grow it until the per-villager cap (ceil(labour / k)) times k − 1 falls short.
  const k = Math.max(2, Math.min(def.minVillagers, households - (def.ownerExcluded ? 1 : 0)));
  let labour = Math.max(1, Math.ceil(def.labour * f));
  while (Math.ceil(labour / k) * (k - 1) >= labour) labour++;
  return {
    needs,
    labour,
    labourCapPerSeason: def.labourCapPerSeason === null ? null : Math.ceil(def.labourCapPerSeason * f),
  };
}
