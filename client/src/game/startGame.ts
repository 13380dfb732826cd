import * as Phaser from "phaser";
import { HINT_EN, HINT_ID } from "../hintStrings.ts";
import { addUiStrings, type Lang } from "../i18n.ts";
import { LEARNING_EN, LEARNING_ID } from "../learningStrings.ts";
import type { Network } from "../net/Network.ts";
import { PARTNERSHIP_EN, PARTNERSHIP_ID } from "../partnershipStrings.ts";
import { Hud } from "../ui/Hud.ts";
import { rasteriseArt } from "./art.ts";
import { MAP_HEIGHT, MAP_WIDTH } from "./assets.ts";
import type { GameContext } from "./context.ts";
import { chooseRenderer, phaserRendererType } from "./rendererChoice.ts";
import { RenderGate } from "./renderGate.ts";
import { BootScene } from "./scenes/BootScene.ts";
import { PreloaderScene } from "./scenes/PreloaderScene.ts";
import { VillageScene } from "./scenes/VillageScene.ts";

const MAX_RESOLUTION = 2;
const MIN_RESOLUTION = 0.5;

/**
 * Device pixels per map unit for the space the map gets on this screen, rounded up to a quarter:
 * the canvas is made that many times the map's size (and fitted by CSS), so text and SVG art stay
 * sharp on high-DPI phones, while a small map (a 360×640 phone shows it about 130×170 CSS px) is
 * not drawn at several times the pixels it is shown with: every frame costs per pixel drawn.
 */
function renderResolution(parent: HTMLElement): number {
  const fit = Math.min(parent.clientWidth / MAP_WIDTH, parent.clientHeight / MAP_HEIGHT) || 1;
  const r = fit * (window.devicePixelRatio || 1);
  return Math.min(MAX_RESOLUTION, Math.max(MIN_RESOLUTION, Math.ceil(r * 4) / 4));
}

/** Show the game: the HTML HUD (with the hint card in solo practice) plus Phaser (Boot → Preloader → Village). */
export function startGame(
  net: Network,
  lang: Lang,
  options: { hints: boolean },
  onLoadProgress: (value: number) => void,
): Phaser.Game {
  performance.mark("game-start");
  const root = document.getElementById("game-root")!;
  root.hidden = false;
  addUiStrings(PARTNERSHIP_ID, PARTNERSHIP_EN);
  addUiStrings(HINT_ID, HINT_EN);
  addUiStrings(LEARNING_ID, LEARNING_EN);
  const parent = document.getElementById("game-canvas")!;
  const hud = new Hud(document.getElementById("hud")!, net, lang, options);
  const render = new RenderGate();
  // For scripts/bench-client.ts: frames drawn so far, and drawing every frame on request.
  Object.assign(window, { __renderGate: render });
  const resolution = renderResolution(parent);
  // Canvas 2D where WebGL would be drawn by the CPU (no usable GPU): see rendererChoice.ts.
  const renderer = chooseRenderer();
  // The pictures decode while Phaser boots (the bar stays below 1: the Preloader finishes it).
  const art = rasteriseArt(resolution, renderer === "canvas", (share) =>
    onLoadProgress(Math.min(share, 0.99)),
  );
  const ctx: GameContext = { net, actions: hud, resolution, render, art, onLoadProgress };
  return new Phaser.Game({
    type: phaserRendererType(renderer),
    parent,
    width: MAP_WIDTH * ctx.resolution,
    height: MAP_HEIGHT * ctx.resolution,
    backgroundColor: "#cfe8c0",
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    input: { keyboard: false },
    audio: { noAudio: true },
    callbacks: {
      postBoot: (game) => {
        // Which renderer really draws (tests and scripts/bench-client.ts read it).
        document.documentElement.dataset.renderer =
          game.config.renderType === Phaser.CANVAS ? "canvas" : "webgl";
        render.install(game);
      },
    },
    scene: [new BootScene(), new PreloaderScene(ctx), new VillageScene(ctx)],
  });
}
