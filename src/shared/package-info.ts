import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string };
      if (pkg.name === "carnet") return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Carnet's package.json above ${start}`);
    dir = parent;
  }
}

/** Absolute path of the Carnet installation (the folder holding its package.json, `data/`, `dist/`). */
export const packageRoot: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The version of Carnet, from package.json. */
export const carnetVersion: string = (
  JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }
).version;
