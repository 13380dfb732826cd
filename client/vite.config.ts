import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The join screen is plain HTML + a small entry chunk; Phaser (≈350 KB gzip) and the Colyseus SDK
 * are loaded only after the student chooses to play, each in its own chunk.
 */
export default defineConfig({
  root: here("."),
  base: "./",
  publicDir: false,
  server: { fs: { allow: [here("..")] } },
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
