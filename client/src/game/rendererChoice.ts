import * as Phaser from "phaser";

/** Which of Phaser's renderers draws the village. */
export type RendererName = "webgl" | "canvas";

/** `?renderer=webgl|canvas` or this localStorage key forces a renderer (tests, a teacher's odd phone). */
export const RENDERER_OVERRIDE_KEY = "bangun-desa.renderer";

/** WebGL drawn by the CPU: SwiftShader (Chromium), llvmpipe/softpipe (Mesa), Microsoft's Basic Render Driver. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

function override(search: string): RendererName | null {
  const wanted = (value: string | null): RendererName | null =>
    value === "webgl" || value === "canvas" ? value : null;
  const fromQuery = wanted(new URLSearchParams(search).get("renderer"));
  if (fromQuery) return fromQuery;
  try {
    return wanted(localStorage.getItem(RENDERER_OVERRIDE_KEY));
  } catch {
    return null; // storage blocked
  }
}

/**
 * Whether this browser's WebGL runs on a real GPU. Without one (a blocklisted or missing GPU, as on
 * many cheap phones, or headless Chromium) WebGL is emulated on the CPU and every frame is drawn and
 * then read back on the main thread: the map's few dozen pictures are cheaper to draw with the
 * 2D canvas. `failIfMajorPerformanceCaveat` makes the browser refuse a software context itself;
 * the renderer's name catches the browsers that hand one out anyway.
 */
export function hasHardwareWebGL(): boolean {
  const canvas = document.createElement("canvas");
  let gl: WebGLRenderingContext | null = null;
  try {
    gl = canvas.getContext("webgl", { failIfMajorPerformanceCaveat: true });
  } catch {
    return false;
  }
  if (!gl) return false;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
  // Give the probe's context back at once (browsers allow only a few at a time).
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return !SOFTWARE_GL.test(name);
}

/** The renderer for this device: the override if any, else WebGL on a real GPU and Canvas otherwise. */
export function chooseRenderer(search = window.location.search): RendererName {
  return override(search) ?? (hasHardwareWebGL() ? "webgl" : "canvas");
}

/** Phaser's constant for a renderer name. */
export function phaserRendererType(name: RendererName): number {
  return name === "webgl" ? Phaser.WEBGL : Phaser.CANVAS;
}
