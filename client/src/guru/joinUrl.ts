/** The address students open, and its QR code (built as SVG nodes: no HTML strings). */
import { encode } from "uqr";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * `${base}?kode=${code}`: the page's own origin, unless the teacher opened it on the laptop itself
 * (localhost), where students need the laptop's LAN address from the server.
 */
export function joinUrl(code: string, joinUrls: readonly string[]): string {
  let base = `${location.origin}/`;
  if (LOCAL_HOSTS.has(location.hostname) && joinUrls[0]) {
    base = joinUrls[0].endsWith("/") ? joinUrls[0] : `${joinUrls[0]}/`;
  }
  return `${base}?kode=${encodeURIComponent(code)}`;
}

const SVG = "http://www.w3.org/2000/svg";

/** An SVG QR code of `text` (dark modules as one path; scales to any size without blur). */
export function qrSvg(text: string, label: string): SVGSVGElement {
  const qr = encode(text, { ecc: "M", border: 2 });
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${qr.size} ${qr.size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  const bg = document.createElementNS(SVG, "rect");
  bg.setAttribute("width", String(qr.size));
  bg.setAttribute("height", String(qr.size));
  bg.setAttribute("fill", "#fff");
  let d = "";
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  svg.append(bg, path);
  return svg;
}
