/**
 * The built client is served precompressed (server/src/http/static.ts): brotli or gzip as the
 * browser accepts, the right type, a year's cache for hashed files and revalidation for pages.
 * Express alone on a free port over a small made-up build; no rooms.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedEncodings, installStatic } from "../../server/src/http/static.ts";

const CLIENT_DIST = fileURLToPath(new URL("../../client/dist", import.meta.url));
const SCRIPT = Buffer.from(`export const words = "${"gotong royong ".repeat(400)}";\n`);
const PAGE = Buffer.from(`<!doctype html><title>Bangun Desa</title>${"<p>desa</p>".repeat(200)}`);
const GURU = Buffer.from(`<!doctype html><title>Guru</title>${"<p>kelas</p>".repeat(200)}`);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A raw HTTP request (fetch would undo the Content-Encoding before we could look at it; the path is
 * sent as written, not normalised by a URL parser).
 */
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const path = url.slice(url.indexOf("/", "http://".length));
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("static files: precompressed, typed, cached", () => {
  let server: Server;
  let base = "";

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), "bangun-desa-static-"));
    mkdirSync(join(dist, "assets"));
    const script = join(dist, "assets", "game-AbC123xy.js");
    writeFileSync(script, SCRIPT);
    writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
    writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
    writeFileSync(join(dist, "assets", "plain-Zz9.txt"), "no variants");
    writeFileSync(join(dist, "index.html"), PAGE);
    writeFileSync(join(dist, "index.html.br"), brotliCompressSync(PAGE));
    writeFileSync(join(dist, "guru.html"), GURU);
    writeFileSync(join(dist, "guru.html.gz"), gzipSync(GURU));
    const app = express();
    installStatic(app, dist);
    app.use((_req, res) => {
      res.status(418).end();
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it("reads Accept-Encoding with its weights", () => {
    expect([...acceptedEncodings("gzip, deflate, br, zstd")].sort()).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("br;q=0, gzip;q=0.5")]).toEqual(["gzip"]);
    expect([...acceptedEncodings("*")].sort()).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("identity")]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });

  it("sends brotli to a browser that takes it, with a year's immutable cache", async () => {
    const res = await get(`${base}/assets/game-AbC123xy.js`, { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 5);
    expect(brotliDecompressSync(res.body).equals(SCRIPT)).toBe(true);
  });

  it("sends gzip, or the file itself, to a browser that takes only that", async () => {
    const gz = await get(`${base}/assets/game-AbC123xy.js`, { "accept-encoding": "br;q=0, gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(SCRIPT)).toBe(true);
    const plain = await get(`${base}/assets/game-AbC123xy.js`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.equals(SCRIPT)).toBe(true);
  });

  it("revalidates pages (no-cache) and answers 304 to a known ETag", async () => {
    const page = await get(`${base}/`, { "accept-encoding": "br" });
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(brotliDecompressSync(page.body).equals(PAGE)).toBe(true);
    const etag = String(page.headers.etag);
    const again = await get(`${base}/`, { "accept-encoding": "br", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get(`${base}/index.html`, { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(Number(head.headers["content-length"])).toBe(PAGE.length);
  });

  it("keeps the teacher's page at /guru and redirects /guru/ there with its query", async () => {
    const guru = await get(`${base}/guru`, { "accept-encoding": "gzip" });
    expect(guru.status).toBe(200);
    expect(guru.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(guru.body).equals(GURU)).toBe(true);
    const slash = await get(`${base}/guru/?kelas=1`);
    expect(slash.status).toBe(301);
    expect(slash.headers.location).toBe("/guru?kelas=1");
  });

  it("404s what is not under /assets, falls through elsewhere, never leaves the build", async () => {
    expect((await get(`${base}/assets/missing-123.js`)).status).toBe(404);
    expect((await get(`${base}/assets/game-AbC123xy.js.br`)).status).toBe(404);
    expect((await get(`${base}/assets/%2e%2e/index.html`)).status).toBe(404);
    expect((await get(`${base}/assets/game-AbC123xy.js`, {}, "POST")).status).toBe(405);
    expect((await get(`${base}/api/anything`)).status).toBe(418);
    expect((await get(`${base}/%2e%2e/package.json`)).status).toBe(418);
    const txt = await get(`${base}/assets/plain-Zz9.txt`, { "accept-encoding": "br, gzip" });
    expect(txt.headers["content-encoding"]).toBeUndefined();
    expect(txt.headers.vary).toBeUndefined();
    expect(txt.body.toString()).toBe("no variants");
  });

  it("the real build has brotli and gzip next to every script and style", () => {
    if (!existsSync(join(CLIENT_DIST, "assets"))) return;
    const files = readdirSync(join(CLIENT_DIST, "assets"));
    const code = files.filter((f) => /\.(js|css)$/.test(f));
    expect(code.length).toBeGreaterThan(0);
    for (const f of code) {
      expect(files, f).toContain(`${f}.br`);
      expect(files, f).toContain(`${f}.gz`);
    }
  });
});
