import { ART_SVG } from "./assets.ts";

/**
 * The SVG text with its size multiplied by `scale` (the browser then rasterises it at that size).
 * Every picture of the project has width, height and a viewBox on its root element; only that
 * opening tag is rewritten (no XML parse: this runs for every picture while the game starts).
 */
export function scaledSvg(svg: string, scale: number): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) return svg;
  let tag = open[0];
  const width = Number.parseFloat(/\swidth="([\d.]+)(?:px)?"/.exec(tag)?.[1] ?? "");
  const height = Number.parseFloat(/\sheight="([\d.]+)(?:px)?"/.exec(tag)?.[1] ?? "");
  if (!(width > 0 && height > 0)) return svg;
  if (!/\sviewBox=/.test(tag)) tag = tag.replace(/^<svg\b/, `<svg viewBox="0 0 ${width} ${height}"`);
  tag = tag
    .replace(/\swidth="[^"]*"/, ` width="${width * scale}px"`)
    .replace(/\sheight="[^"]*"/, ` height="${height * scale}px"`);
  return svg.slice(0, open.index) + tag + svg.slice(open.index + open[0].length);
}

/** A map picture ready to become a texture. */
export type MapPicture = HTMLImageElement | ImageBitmap;

/**
 * One picture rasterised from its SVG text (through a blob: URL; the page's CSP allows blob:
 * images). With `flatten` it becomes an ImageBitmap: a 2D canvas draws an SVG `<img>` as vectors
 * again on every `drawImage` (each one a layout and paint of the SVG document: ≈ 20 per frame for
 * the village, most of a frame under 4× throttling), an ImageBitmap is a plain copy of pixels.
 * WebGL needs neither: it uploads the picture's pixels to the GPU once.
 */
async function rasterise(svg: string, scale: number, flatten: boolean): Promise<MapPicture> {
  const url = URL.createObjectURL(new Blob([scaledSvg(svg, scale)], { type: "image/svg+xml;charset=utf-8" }));
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  if (!flatten) return image;
  // A browser that cannot make a bitmap of an SVG picture still draws the picture itself (slower).
  return createImageBitmap(image).catch(() => image);
}

/** The pictures drawn on the map (the HUD's icons are `<img>`s of their own, see ASSET_URLS). */
const MAP_ART = Object.entries(ART_SVG).filter(([key]) => !key.startsWith("icons/"));

/**
 * Start rasterising every map picture at `scale` now (startGame calls this before Phaser boots, so
 * the pictures decode while Phaser sets itself up); `flatten` (the Canvas renderer) turns each into
 * an ImageBitmap (see rasterise); `onProgress` gets the share done. A picture that fails is
 * reported and left out (its texture is then Phaser's "missing" one).
 */
export function rasteriseArt(
  scale: number,
  flatten: boolean,
  onProgress: (share: number) => void,
): Promise<Map<string, MapPicture>> {
  const images = new Map<string, MapPicture>();
  let done = 0;
  const loads = MAP_ART.map(async ([key, svg]) => {
    try {
      images.set(key, await rasterise(svg, scale, flatten));
    } catch (error) {
      console.error("a picture failed to load", key, error);
    }
    done++;
    onProgress(done / MAP_ART.length);
  });
  return Promise.all(loads).then(() => images);
}
