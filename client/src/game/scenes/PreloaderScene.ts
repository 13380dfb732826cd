import * as Phaser from "phaser";
import { ART_SVG, MAP_HEIGHT, MAP_WIDTH } from "../assets.ts";
import type { GameContext } from "../context.ts";
import { SCENE } from "../keys.ts";

/**
 * The SVG text with its size multiplied by `scale` (the browser then rasterises it at that size).
 * Every picture of the project has width, height and a viewBox.
 */
export function scaledSvg(svg: string, scale: number): string {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement;
  const width = Number.parseFloat(root.getAttribute("width") ?? "");
  const height = Number.parseFloat(root.getAttribute("height") ?? "");
  if (!(width > 0 && height > 0)) return svg;
  if (!root.hasAttribute("viewBox")) root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("width", `${width * scale}px`);
  root.setAttribute("height", `${height * scale}px`);
  return new XMLSerializer().serializeToString(doc);
}

/** One picture rasterised from its SVG text (through a blob: URL; the page's CSP allows blob: images). */
async function rasterise(svg: string, scale: number): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([scaledSvg(svg, scale)], { type: "image/svg+xml;charset=utf-8" }));
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  return image;
}

/**
 * Turns every SVG of the game's art (already in the game's code, see `ART_SVG`) into a texture at
 * the render resolution, with a progress bar; then starts the village.
 */
export class PreloaderScene extends Phaser.Scene {
  constructor(private readonly ctx: GameContext) {
    super(SCENE.preloader);
  }

  create(): void {
    const r = this.ctx.resolution;
    this.cameras.main.setZoom(r).centerOn(MAP_WIDTH / 2, MAP_HEIGHT / 2);
    this.cameras.main.setBackgroundColor("#cfe8c0");
    const w = 480;
    const x = (MAP_WIDTH - w) / 2;
    const y = MAP_HEIGHT / 2;
    this.add.rectangle(MAP_WIDTH / 2, y, w + 8, 40, 0x3b2a1a).setOrigin(0.5);
    const bar = this.add.rectangle(x, y, 0, 32, 0x009e73).setOrigin(0, 0.5);
    const entries = Object.entries(ART_SVG);
    let done = 0;
    const loads = entries.map(async ([key, svg]) => {
      const image = await rasterise(svg, r);
      this.textures.addImage(key, image);
      done++;
      bar.width = (w * done) / entries.length;
      if (done < entries.length) this.ctx.onLoadProgress(done / entries.length);
    });
    // Like Phaser's loader, a picture that fails leaves a missing texture but does not stop the game.
    Promise.allSettled(loads).then((results) => {
      for (const result of results) {
        if (result.status === "rejected") console.error("a picture failed to load", result.reason);
      }
      this.ctx.onLoadProgress(1);
      this.scene.start(SCENE.village);
    });
  }
}
