import { defineConfig } from "vitest/config";

/**
 * One vitest run covers every kind of test. Room and browser tests start real servers, so they run
 * one file at a time; unit tests run in parallel.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "room",
          include: ["tests/room/**/*.test.ts"],
          setupFiles: ["tests/support/ws-global.ts", "tests/support/data-dir.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          setupFiles: ["tests/support/ws-global.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Small versions of the benchmarks and the multi-process tests (issue #9): real server
        // processes, Redis, Chromium. One file at a time.
        test: {
          name: "scale",
          include: ["tests/scale/**/*.test.ts"],
          setupFiles: ["tests/support/ws-global.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
