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

/** The pictures drawn on the map (the HUD's icons are `<img>`s of their own, see ASSET_URLS). */
const MAP_ART = Object.entries(ART_SVG).filter(([key]) => !key.startsWith("icons/"));

/**
 * Start rasterising every map picture at `scale` now (startGame calls this before Phaser boots, so
 * the pictures decode while Phaser sets itself up); `onProgress` gets the share done. A picture
 * that fails is reported and left out (its texture is then Phaser's "missing" one).
 */
export function rasteriseArt(
  scale: number,
  onProgress: (share: number) => void,
): Promise<Map<string, HTMLImageElement>> {
  const images = new Map<string, HTMLImageElement>();
  let done = 0;
  const loads = MAP_ART.map(async ([key, svg]) => {
    try {
      images.set(key, await rasterise(svg, scale));
    } catch (error) {
      console.error("a picture failed to load", key, error);
    }
    done++;
    onProgress(done / MAP_ART.length);
  });
  return Promise.all(loads).then(() => images);
}
