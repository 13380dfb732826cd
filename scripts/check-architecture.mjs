// Enforces the house rules that a formatter cannot: dependencies point one way
// (server → shared ← client), the rules import no framework, and game code has no hidden
// chance or wall clock (no Math.random, no Date.now). Prints every violation; exits 1 on any.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;

function files(dir) {
  const out = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (name === "node_modules" || name === "dist") continue;
    if (statSync(join(root, path)).isDirectory()) out.push(...files(path));
    else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

const importRe = /(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
function importsOf(source) {
  const out = [];
  for (const m of source.matchAll(importRe)) out.push(m[1] ?? m[2]);
  return out;
}

const rules = [
  {
    dir: "shared/src",
    why: "shared/ imports nothing from server/ or client/",
    bad: (spec) =>
      /(^|\/)(server|client)\//.test(spec) ||
      spec.startsWith("@bangun-desa/server") ||
      spec.startsWith("@bangun-desa/client"),
  },
  {
    dir: "shared/src",
    except: /^shared\/src\/schema\//,
    why: "shared/ rules import no Colyseus, Phaser, Node or DOM code (only shared/src/schema may use @colyseus/schema)",
    bad: (spec) =>
      spec.startsWith("@colyseus/") || spec === "phaser" || spec.startsWith("node:") || spec === "ws",
  },
  {
    dir: "server/src",
    why: "server/ never imports client/",
    bad: (spec) => /(^|\/)client\//.test(spec) || spec.startsWith("@bangun-desa/client") || spec === "phaser",
  },
  {
    dir: "client/src",
    why: "client/ never imports server/",
    bad: (spec) =>
      /(^|\/)server\//.test(spec) ||
      spec.startsWith("@bangun-desa/server") ||
      spec.startsWith("@colyseus/core"),
  },
];

const violations = [];
for (const rule of rules) {
  for (const file of files(rule.dir)) {
    if (rule.except?.test(file)) continue;
    for (const spec of importsOf(readFileSync(join(root, file), "utf8"))) {
      if (rule.bad(spec)) violations.push(`${file}: imports "${spec}" — ${rule.why}`);
    }
  }
}

// Rules and room game code take chance from the seeded RNG and time from the room clock.
for (const dir of ["shared/src", "server/src/rooms"]) {
  for (const file of files(dir)) {
    const lines = readFileSync(join(root, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      if (/Math\.random\s*\(|Date\.now\s*\(/.test(line) && !line.trim().startsWith("//")) {
        violations.push(
          `${relative(root, join(root, file))}:${i + 1}: Math.random/Date.now — use the seeded RNG and the room clock`,
        );
      }
    });
  }
}

if (violations.length > 0) {
  console.error(
    `Architecture check failed (${violations.length}):\n${violations.map((v) => `  - ${v}`).join("\n")}`,
  );
  process.exit(1);
}
console.log("Architecture check passed: server → shared ← client, rules pure.");
