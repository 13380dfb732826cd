import type { SiteId } from "@bangun-desa/shared";
import type { Network } from "../net/Network.ts";
import type { MapPicture } from "./art.ts";
import type { RenderGate } from "./renderGate.ts";

/** What the map asks the HTML HUD to open when a student taps something. */
export interface MapActions {
  openGather(site: SiteId): void;
  openProject(projectId: string | null): void;
  openHouse(seatId: string): void;
}

/** Shared by every scene: the network facade, the HUD's actions and the render resolution. */
export interface GameContext {
  net: Network;
  actions: MapActions;
  /** Device pixels per world unit: textures and text are rasterised at this scale (sharp on phones). */
  resolution: number;
  /** Render on demand: scenes ask for frames when the map changes or moves. */
  render: RenderGate;
  /** The map's pictures, rasterised at `resolution` (started before Phaser boots; see art.ts). */
  art: Promise<Map<string, MapPicture>>;
  /** The HTML loading bar, moved by the Preloader's real progress. */
  onLoadProgress(value: number): void;
}
