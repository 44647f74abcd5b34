// Helpers shared by the generators of built-in content (generate-vocabularies.mjs, generate-templates.mjs).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const dataDir = join(repoRoot, "data");

/**
 * The folder of reference data sets (the project's `shared/reference`): `CARNET_REFERENCE_DIR`, else
 * `shared/reference` beside the clone or beside the worktree folder. Undefined when absent.
 */
export function findReferenceDir() {
  const candidates = [
    process.env.CARNET_REFERENCE_DIR,
    join(repoRoot, "..", "shared", "reference"),
    join(repoRoot, "..", "..", "shared", "reference"),
  ].filter(Boolean);
  return candidates.find((dir) => existsSync(join(dir, "dmp-opidor", "schemas")));
}

/** The reference folder, or exit with a clear message (the generators cannot run without it). */
export function requireReferenceDir() {
  const dir = findReferenceDir();
  if (!dir) {
    console.error("Reference data not found: set CARNET_REFERENCE_DIR to the shared/reference folder.");
    process.exit(2);
  }
  return dir;
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** `Données d'enquête` → `donnees-d-enquete`: a stable code from a label. */
export function slug(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Serialises a vocabulary with one item per line: small diffs when a source changes, and a file that
 * stays readable when it holds thousands of items.
 */
export function vocabularyText(vocabulary) {
  const { items, ...header } = vocabulary;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, "");
  const lines = items.map((item) => `    ${JSON.stringify(item)}`);
  return `${head},\n  "items": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

/** Writes `text` to `data/<relative>` unless `check` is set, in which case it reports differences. */
export function emit(relative, text, { check, differences }) {
  const path = join(dataDir, relative);
  if (check) {
    const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (current !== text) differences.push(relative);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Parses `--check` and runs `generate`, exiting 1 with the list of stale files in check mode. */
export function runGenerator(name, generate) {
  const check = process.argv.includes("--check");
  const differences = [];
  generate({ check, differences });
  if (check && differences.length > 0) {
    console.error(
      `${name}: committed files differ from the generator's output:\n  ${differences.join("\n  ")}`,
    );
    process.exit(1);
  }
  console.log(check ? `${name}: data/ is up to date.` : `${name}: written.`);
}
