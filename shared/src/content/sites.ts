import type { Resource } from "./resources.ts";

export const SITE_IDS = ["sawah", "hutan", "tambang", "pasar"] as const;
export type SiteId = (typeof SITE_IDS)[number];

export interface SiteDef {
  id: SiteId;
  resource: Resource;
}

/** Where villagers gather: one tenaga at a site yields its resource. */
export const SITES: Record<SiteId, SiteDef> = {
  sawah: { id: "sawah", resource: "beras" },
  hutan: { id: "hutan", resource: "kayu" },
  tambang: { id: "tambang", resource: "batu" },
  pasar: { id: "pasar", resource: "uang" },
};

/** Units gathered per tenaga: a role's own specialty yields much more (mutual need). */
export const GATHER_YIELD = { specialty: 2, other: 1 } as const;
