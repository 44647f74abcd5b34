#!/usr/bin/env node
// Enforces the import boundaries between the folders of src/ (docs/ARCHITECTURE.md).
// Usage: node scripts/check-boundaries.mjs [ROOT]   — exits 1 listing every forbidden import.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** Which folders of src/ each folder may import from (itself is always allowed). */
export const allowed = {
  shared: ["i18n"],
  i18n: [],
  domain: ["i18n"],
  formats: ["domain", "i18n", "shared"],
  exports: ["domain", "i18n", "shared"],
  storage: ["domain", "shared"],
  lookups: ["domain", "shared", "storage"],
  contract: ["domain", "i18n"],
  services: ["domain", "formats", "exports", "storage", "lookups", "i18n", "shared", "contract"],
  server: ["services", "domain", "i18n", "shared", "contract"],
  cli: ["services", "server", "domain", "formats", "i18n", "shared"],
  web: ["domain", "i18n", "contract"],
};

// Node built-ins and packages that only make sense on the server must stay out of domain and web.
const nodeOnly = /^(node:|fs$|path$|crypto$|better-sqlite3$|pg$|kysely$|fastify)/;
const pureFolders = new Set(["domain", "web", "i18n", "contract"]);

function listSources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listSources(path));
    else if (/\.(ts|tsx|mts)$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

/** Every forbidden import under ROOT/src, as "file: message" lines. */
export function findViolations(root) {
  const src = resolve(root, "src");
  const problems = [];
  for (const file of listSources(src)) {
    const from = relative(src, file).split(sep)[0];
    if (!(from in allowed)) {
      if (from.includes(".")) continue; // a file at the top of src/
      problems.push(
        `${relative(root, file)}: folder src/${from} is not declared in scripts/check-boundaries.mjs`,
      );
      continue;
    }
    const isTest = /\.test\.tsx?$/.test(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(importPattern)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec) continue;
      if (spec.startsWith(".")) {
        const target = resolve(dirname(file), spec);
        const rel = relative(src, target);
        if (rel.startsWith("..")) {
          // Tests may use test/support and the scripts they check.
          const inside = (folder) => target.startsWith(resolve(root, folder) + sep);
          if (isTest && (inside("test") || inside("scripts"))) continue;
          problems.push(`${relative(root, file)}: imports '${spec}' from outside src/`);
          continue;
        }
        const to = rel.split(sep)[0];
        if (to === from || to.includes(".")) continue;
        if (!allowed[from].includes(to)) {
          problems.push(
            `${relative(root, file)}: src/${from} may not import src/${to} ('${spec}'); allowed: ${allowed[from].join(", ") || "nothing"}`,
          );
        }
      } else if (pureFolders.has(from) && !isTest && nodeOnly.test(spec)) {
        problems.push(`${relative(root, file)}: src/${from} must stay free of server-only module '${spec}'`);
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(process.argv[2] ?? ".");
  const problems = findViolations(root);
  if (problems.length > 0) {
    console.error(`Import boundary violations (${problems.length}):`);
    for (const line of problems) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log("Import boundaries: ok");
}
