import type { ProjectKind, RoleId, SiteId } from "@bangun-desa/shared";

/**
 * The game's art (the map, houses, projects, avatars, icons, weather) as SVG text inside the game's
 * code: one compressed download with Phaser instead of ~60 requests, each paying a round trip on a
 * slow phone network. (The join screen's logo and the favicon stay files of their own.) Keys are the
 * path without extension, e.g. `sites/sawah`, `projects/jembatan-2`.
 */
const sources = import.meta.glob(["../../../assets/**/*.svg", "!**/favicon.svg", "!**/ui/**"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

export const ART_SVG: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(sources).map(([path, svg]) => [
    path.replace(/^.*\/assets\//, "").replace(/\.svg$/, ""),
    svg,
  ]),
);

/**
 * A URL for each picture, for the HTML HUD's `<img>`s: a `blob:` URL made once from the SVG text
 * (the page's CSP allows blob: images), so no request goes out.
 */
export const ASSET_URLS: Record<string, string> = Object.fromEntries(
  Object.entries(ART_SVG).map(([key, svg]) => [
    key,
    URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" })),
  ]),
);

/** Texture keys (the same strings as ASSET_URLS keys, plus generated textures). */
export const ASSET = {
  ground: "map/ground",
  banjir: "weather/banjir",
  house: "houses/rumah",
  houseDamaged: "houses/rumah-rusak",
  balai: "sites/balai",
  raindrop: "gen/raindrop",
  /** The map's parts that never move, drawn once into one texture (VillageScene). */
  staticLayer: "gen/static-layer",
  site: (id: SiteId): string => `sites/${id}`,
  avatar: (role: RoleId | string): string => `avatars/${role}`,
  project: (kind: ProjectKind, stage: number): string => `projects/${kind}-${stage}`,
} as const;

/** URL of an icon for the HTML HUD (`icons/beras` …). */
export function iconUrl(name: string): string {
  return ASSET_URLS[`icons/${name}`] ?? "";
}

/** The map is drawn in these world units; everything below is placed on it. */
export const MAP_WIDTH = 720;
export const MAP_HEIGHT = 960;

export const SITE_POS: Record<SiteId, { x: number; y: number }> = {
  sawah: { x: 150, y: 200 },
  hutan: { x: 570, y: 180 },
  tambang: { x: 600, y: 420 },
  pasar: { x: 140, y: 430 },
};
export const BALAI_POS = { x: 360, y: 330 };
/** Where the tokoh pemuda waits while he is outside the village's structure: beside the balai. */
export const TOKOH_POS = { x: 480, y: 345 };
/** House of seat i (at most six seats). */
export const HOUSE_POS = [90, 210, 330, 450, 570, 660].map((x) => ({ x, y: 760 }));
/** Where each kind of map project is drawn (rumah is drawn at its owner's house). */
export const PROJECT_POS: Record<Exclude<ProjectKind, "rumah">, { x: number; y: number }> = {
  selokan: { x: 360, y: 500 },
  jembatan: { x: 360, y: 600 },
  sekolah: { x: 120, y: 880 },
  koperasi: { x: 600, y: 880 },
};
