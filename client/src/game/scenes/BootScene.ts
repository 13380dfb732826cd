import * as Phaser from "phaser";
import { ASSET } from "../assets.ts";
import { SCENE } from "../keys.ts";

/** Makes the few textures drawn in code (rain), then hands over to the Preloader. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super(SCENE.boot);
  }

  create(): void {
    performance.mark("boot-create");
    const g = this.make.graphics({}, false);
    g.fillStyle(0xa9dbf5, 1);
    g.fillRoundedRect(0, 0, 3, 14, 1.5);
    g.generateTexture(ASSET.raindrop, 3, 14);
    g.destroy();
    this.scene.start(SCENE.preloader);
  }
}
