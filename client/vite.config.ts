import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { defineConfig, type Plugin, type Rolldown } from "vite";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
/** Text formats worth compressing (images other than SVG are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest|map)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * After the build, writes `name.br` (brotli, best quality) and `name.gz` (gzip -9) next to every
 * text file, so the server only picks a variant (server/src/http/static.ts) instead of compressing
 * on each request. A variant that would not save at least 5 % is not written.
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "bangun-desa:precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const files = filesUnder(outDir).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const raw = readFileSync(file);
          const [br, gz] = await Promise.all([
            brotli(raw, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              },
            }),
            gzipAsync(raw, { level: 9 }),
          ]);
          if (br.length < raw.length * 0.95) writeFileSync(`${file}.br`, br);
          if (gz.length < raw.length * 0.95) writeFileSync(`${file}.gz`, gz);
        }),
      );
    },
  };
}

/** Modules whose chunks the join screen prefetches once it is usable (see client/src/game/prefetch.ts). */
const PREFETCH = /[\\/]client[\\/]src[\\/](game[\\/]startGame|net[\\/]Network)\.ts$/;
/** The meta tag that carries the list (read by prefetch.ts). */
const PREFETCH_META = "bangun-desa-prefetch";

/**
 * Writes into index.html the chunks that playing needs (the game with Phaser, the network with the
 * SDK, and what they import) minus what the join screen has already loaded, as
 * `<meta name="bangun-desa-prefetch" content="./assets/a.js ./assets/b.js …">`. The hashed file
 * names are only known once the bundle is written, hence a tag instead of code in the entry chunk.
 */
function prefetchList(): Plugin {
  return {
    name: "bangun-desa:prefetch-list",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.chunk || !ctx.filename.endsWith("index.html")) return;
        const bundle: Rolldown.OutputBundle = ctx.bundle;
        const chunks = new Map<string, Rolldown.OutputChunk>();
        for (const out of Object.values(bundle)) if (out.type === "chunk") chunks.set(out.fileName, out);
        const closure = (files: readonly string[], seen = new Set<string>()): Set<string> => {
          for (const file of files) {
            if (seen.has(file)) continue;
            seen.add(file);
            closure(chunks.get(file)?.imports ?? [], seen);
          }
          return seen;
        };
        const loaded = closure([ctx.chunk.fileName]);
        const wanted = [...chunks.values()]
          .filter((c) => c.facadeModuleId && PREFETCH.test(c.facadeModuleId))
          .map((c) => c.fileName);
        const files = [...closure(wanted)].filter((f) => !loaded.has(f));
        if (files.length === 0) throw new Error("prefetch list: the game's chunks were not found");
        return [
          {
            tag: "meta",
            attrs: { name: PREFETCH_META, content: files.map((f) => `./${f}`).join(" ") },
            injectTo: "head",
          },
        ];
      },
    },
  };
}

/**
 * The join screen is plain HTML + a small entry chunk; Phaser (≈350 KB gzip) and the Colyseus SDK
 * are loaded only after the student chooses to play, each in its own chunk.
 */
export default defineConfig({
  root: here("."),
  base: "./",
  publicDir: false,
  server: { fs: { allow: [here("..")] } },
  plugins: [prefetchList(), precompress()],
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    target: "es2022",
    // Every asset keeps its own hashed URL (the map art is SVG; inlining would bloat the chunks).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // Two pages: the students' join screen and the teacher page (served at /guru).
      input: { main: here("index.html"), guru: here("guru.html") },
      output: {
        codeSplitting: {
          groups: [
            { name: "phaser", test: /node_modules[\\/]phaser[\\/]/ },
            { name: "colyseus", test: /node_modules[\\/](@colyseus|msgpackr)[\\/]/ },
          ],
        },
      },
    },
  },
});
