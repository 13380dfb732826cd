/**
 * Room tests run the real server in the test process: its SQLite file goes to a fresh temporary
 * folder per test file, never to the project's data/ folder.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "bangun-desa-test-"));
