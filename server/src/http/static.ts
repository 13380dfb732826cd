import { createReadStream, existsSync, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { Application, NextFunction, Request, Response } from "express";

/** Hashed build output: the name changes with the content, so a copy may be kept for a year. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";
/** Pages (and anything unhashed): keep a copy, but ask the server each time whether it changed. */
export const REVALIDATE_CACHE = "no-cache";

/** Precompressed variants written by the client build (client/vite.config.ts), best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;
type Encoding = (typeof ENCODINGS)[number]["name"];

/**
 * The encodings the request accepts (`Accept-Encoding`, with `q=0` meaning "not this one";
 * `*` stands for any encoding not named).
 */
export function acceptedEncodings(header: string | undefined): Set<Encoding> {
  const accepted = new Set<Encoding>();
  if (!header) return accepted;
  const named = new Map<string, number>();
  for (const part of header.split(",")) {
    const [token = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    named.set(token.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const any = named.get("*");
  for (const { name } of ENCODINGS) {
    const weight = named.get(name) ?? (name === "gzip" ? named.get("x-gzip") : undefined) ?? any ?? 0;
    if (weight > 0) accepted.add(name);
  }
  return accepted;
}

async function fileStats(path: string): Promise<Stats | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/**
 * Send one file of the build: the smallest variant the browser accepts (`.br`, `.gz`, or the file
 * itself), with its real Content-Type, `Vary: Accept-Encoding` when variants exist, the given
 * Cache-Control, an ETag per variant and 304 answers to revalidations. Resolves false when the
 * file does not exist (nothing sent).
 */
export async function sendBuilt(req: Request, res: Response, path: string, cache: string): Promise<boolean> {
  const original = await fileStats(path);
  if (!original) return false;
  const accepted = acceptedEncodings(req.headers["accept-encoding"]);
  let chosen: { path: string; stats: Stats; encoding: Encoding | null } = {
    path,
    stats: original,
    encoding: null,
  };
  let hasVariants = false;
  for (const { name, suffix } of ENCODINGS) {
    const variant = await fileStats(path + suffix);
    if (!variant) continue;
    hasVariants = true;
    if (chosen.encoding === null && accepted.has(name)) {
      chosen = { path: path + suffix, stats: variant, encoding: name };
    }
  }
  res.type(extname(path));
  res.setHeader("Cache-Control", cache);
  if (hasVariants) res.vary("Accept-Encoding");
  if (chosen.encoding) res.setHeader("Content-Encoding", chosen.encoding);
  const { size, mtimeMs, mtime } = chosen.stats;
  res.setHeader(
    "ETag",
    `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${chosen.encoding ?? ""}"`,
  );
  res.setHeader("Last-Modified", mtime.toUTCString());
  if (req.fresh) {
    res.status(304).end();
    return true;
  }
  res.setHeader("Content-Length", String(size));
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(chosen.path);
    stream.on("error", () => {
      // The file vanished mid-send (a rebuild): the headers are out, so just cut the answer.
      res.destroy();
      resolve();
    });
    res.on("close", () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
  return true;
}

/**
 * Map a URL path onto a file under `root`, or null for anything that could step outside it or
 * names a precompressed variant directly (those are only sent in place of their original).
 */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || /\.(br|gz)$/.test(decoded)) return null;
  const file = normalize(join(root, decoded.endsWith("/") ? `${decoded}index.html` : decoded));
  return file.startsWith(root + sep) ? file : null;
}

const isRead = (req: Request): boolean => req.method === "GET" || req.method === "HEAD";

/**
 * Serve the built client (`dist`, the Vite output) on the game's port: hashed files under
 * `/assets` with a one-year immutable cache (anything missing there is a 404, never a page),
 * the teacher's page at `/guru` (and `/guru/` redirected to it, keeping the query: the page's
 * assets are relative to "/"), and every other file of `dist` revalidated on each use (so a new
 * build is picked up at once). Requests for nothing in `dist` fall through to later handlers.
 * Does nothing when the client has not been built.
 */
export function installStatic(app: Application, dist: string): void {
  if (!existsSync(dist)) return;
  const root = normalize(dist);
  const assets = join(root, "assets");
  const serve =
    (base: string, cache: string, fallthrough: boolean) =>
    (req: Request, res: Response, next: NextFunction): void => {
      if (!isRead(req)) {
        if (fallthrough) next();
        else res.status(405).setHeader("Allow", "GET, HEAD").end();
        return;
      }
      const file = fileFor(base, req.path);
      const sent = file ? sendBuilt(req, res, file, cache) : Promise.resolve(false);
      sent.then(
        (ok) => {
          if (ok) return;
          if (fallthrough) next();
          else res.status(404).type("text/plain").send("Not found");
        },
        (error: unknown) => next(error),
      );
    };
  app.use("/assets", serve(assets, IMMUTABLE_CACHE, false));
  // The teacher's page. Express matches "/guru/" here too (non-strict routing), but the page's
  // assets are relative to "/": "/guru/" is redirected to "/guru", keeping the query.
  app.get("/guru", (req, res, next) => {
    if (req.path.endsWith("/")) {
      const query = req.originalUrl.indexOf("?");
      res.redirect(301, `/guru${query >= 0 ? req.originalUrl.slice(query) : ""}`);
      return;
    }
    sendBuilt(req, res, join(root, "guru.html"), REVALIDATE_CACHE).then(
      (ok) => (ok ? undefined : next()),
      (error: unknown) => next(error),
    );
  });
  app.use(serve(root, REVALIDATE_CACHE, true));
}
