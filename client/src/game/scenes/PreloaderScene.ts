import * as Phaser from "phaser";
import { ASSET_URLS, MAP_HEIGHT, MAP_WIDTH } from "../assets.ts";
import type { GameContext } from "../context.ts";
import { SCENE } from "../keys.ts";

/** Loads every SVG at the render resolution, with a progress bar driven by the loader's events. */
export class PreloaderScene extends Phaser.Scene {
  constructor(private readonly ctx: GameContext) {
    super(SCENE.preloader);
  }

  init(): void {
    const r = this.ctx.resolution;
    this.cameras.main.setZoom(r).centerOn(MAP_WIDTH / 2, MAP_HEIGHT / 2);
    this.cameras.main.setBackgroundColor("#cfe8c0");
    const w = 480;
    const x = (MAP_WIDTH - w) / 2;
    const y = MAP_HEIGHT / 2;
    this.add.rectangle(MAP_WIDTH / 2, y, w + 8, 40, 0x3b2a1a).setOrigin(0.5);
    const bar = this.add.rectangle(x, y, 0, 32, 0x009e73).setOrigin(0, 0.5);
    this.load.on("progress", (p: number) => {
      bar.width = w * p;
      this.ctx.onLoadProgress(p);
    });
  }

  preload(): void {
    const scale = this.ctx.resolution;
    for (const [key, url] of Object.entries(ASSET_URLS)) {
      this.load.svg(key, url, { scale });
    }
  }

  create(): void {
    this.ctx.onLoadProgress(1);
    this.scene.start(SCENE.village);
  }
}
