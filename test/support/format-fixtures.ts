import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../fixtures/formats/", import.meta.url).pathname;

/** Every official RDA DCS example: folder (`v1.0-tag`, `v1.1-tag`, `v1.2`), file name and text. */
export function officialExamples(): { folder: string; name: string; text: string }[] {
  const out: { folder: string; name: string; text: string }[] = [];
  // Only the version folders: files beside them (README.md with the provenance) are not examples.
  const folders = readdirSync(join(root, "rda-dcs"), { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  );
  for (const folder of folders.map((entry) => entry.name).sort()) {
    for (const name of readdirSync(join(root, "rda-dcs", folder)).sort()) {
      out.push({ folder, name, text: readFileSync(join(root, "rda-dcs", folder, name), "utf8") });
    }
  }
  return out;
}

/** One fixture file's text, by path under test/fixtures/formats/. */
export function fixtureText(path: string): string {
  return readFileSync(join(root, path), "utf8");
}

function jsonc(path: string): Record<string, unknown> {
  // The DMPHub mocks start with a /* comment */ line.
  return JSON.parse(fixtureText(path).replace(/^\s*\/\*[\s\S]*?\*\//, "")) as Record<string, unknown>;
}

/**
 * The DMPHub "complete" DMP assembled from its parts: each `"$$_name.json_$$"` placeholder is
 * replaced by the `complete` case of that part (the mocks misspell two of the names).
 */
export function dmphubCompleteDmp(): unknown {
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string") {
      const match = /^\$\$_([a-z_]+)\.json_\$\$\]?$/.exec(value);
      if (!match) return value;
      const name = match[1] === "technical_ressources" ? "technical_resources" : match[1];
      return resolve(jsonc(`dmptool/${name}.json`).complete);
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, resolve(child)]));
    }
    return value;
  };
  return resolve(jsonc("dmptool/data_management_plans.json").complete);
}
