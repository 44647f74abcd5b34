import { extensionKey, isObject, type JsonObject, type JsonPath } from "./model.js";

/**
 * What a down-conversion (1.2 → 1.1 → 1.0) had to take out of the standard fields, recorded in
 * `dmp.carnet.dcs_residue` so that importing the older file into Carnet gives the 1.2 content back.
 * `set` puts a value back under `key` of the object at `path`; `insert` puts an array item back.
 */
export type ResidueEntry =
  | { op: "set"; path: JsonPath; key: string; value: unknown }
  | { op: "insert"; path: JsonPath; index: number; value: unknown };

export const residueKey = "dcs_residue";

function resolve(root: JsonObject, path: JsonPath): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (typeof segment === "number") node = Array.isArray(node) ? node[segment] : undefined;
    else node = isObject(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
  }
  return node;
}

function isResidueEntry(value: unknown): value is ResidueEntry {
  if (!isObject(value) || !Array.isArray(value.path)) return false;
  if (
    !value.path.every(
      (s) => typeof s === "string" || (typeof s === "number" && Number.isInteger(s) && s >= 0),
    )
  ) {
    return false;
  }
  if (value.op === "set") return typeof value.key === "string" && value.key !== "__proto__";
  return (
    value.op === "insert" &&
    typeof value.index === "number" &&
    Number.isInteger(value.index) &&
    value.index >= 0
  );
}

/**
 * Put back what a down-conversion took out (last change first), on a copy of `dmp`; entries that
 * no longer fit (the file was edited since) are returned so the caller keeps them aside.
 */
export function restoreResidue(dmp: JsonObject): { dmp: JsonObject; restored: number; unfit: unknown[] } {
  const extension = dmp[extensionKey];
  if (!isObject(extension) || !Array.isArray(extension[residueKey])) return { dmp, restored: 0, unfit: [] };
  const copy = structuredClone(dmp);
  const copyExtension = copy[extensionKey] as JsonObject;
  const entries = copyExtension[residueKey] as unknown[];
  delete copyExtension[residueKey];
  if (Object.keys(copyExtension).length === 0) delete copy[extensionKey];
  let restored = 0;
  const unfit: unknown[] = [];
  for (const entry of [...entries].reverse()) {
    const target = isResidueEntry(entry) ? resolve(copy, entry.path) : undefined;
    if (isResidueEntry(entry) && entry.op === "set" && isObject(target)) {
      Object.defineProperty(target, entry.key, {
        value: entry.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      restored++;
    } else if (
      isResidueEntry(entry) &&
      entry.op === "insert" &&
      Array.isArray(target) &&
      entry.index <= target.length
    ) {
      target.splice(entry.index, 0, entry.value);
      restored++;
    } else unfit.push(entry);
  }
  return { dmp: copy, restored, unfit };
}
