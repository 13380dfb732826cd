import * as Phaser from "phaser";
import type { GameContext } from "../context.ts";
import { SCENE } from "../keys.ts";

/**
 * Waits for the map's pictures (rasterised from the SVG text in the game's code since startGame,
 * see art.ts), makes them textures, then starts the village. The HTML loading bar shows the
 * progress; nothing is drawn on the canvas before the village (see RenderGate).
 */
export class PreloaderScene extends Phaser.Scene {
  constructor(private readonly ctx: GameContext) {
    super(SCENE.preloader);
  }

  create(): void {
    performance.mark("preloader-create");
    void this.ctx.art.then((images) => {
      // Phaser's types name only HTMLImageElement; its textures draw any image source of a known
      // width and height, an ImageBitmap included (the Canvas renderer's pictures, see art.ts).
      for (const [key, image] of images) this.textures.addImage(key, image as HTMLImageElement);
      performance.mark("art-done");
      this.ctx.onLoadProgress(1);
      this.scene.start(SCENE.village);
    });
  }
}
