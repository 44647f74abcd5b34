import { type FormatResult, Report } from "../report.js";
import { downConvert } from "./down-convert.js";
import {
  type DcsVersion,
  extensionKey,
  isObject,
  type JsonObject,
  type NormalisedDcs,
  setOwn,
} from "./model.js";
import { residueKey } from "./residue.js";
import { validateDcs } from "./schemas.js";

function resolveObject(root: JsonObject, path: (string | number)[]): JsonObject | undefined {
  let node: unknown = root;
  for (const segment of path) {
    node =
      typeof segment === "number"
        ? Array.isArray(node)
          ? node[segment]
          : undefined
        : isObject(node)
          ? node[segment]
          : undefined;
  }
  return isObject(node) ? node : undefined;
}

/**
 * Write a normalised DCS document as RDA DCS `version`: unknown keys go back where they were,
 * values that could not be repaired and the down-conversion residue go into `dmp.carnet`, and
 * the result is checked against the official schema; an invalid result is refused, never returned.
 */
export function exportDcs(
  source: NormalisedDcs,
  version: DcsVersion,
  extension: JsonObject = {},
  report = new Report(),
): FormatResult<JsonObject> {
  const dmp = structuredClone(source.dmp);
  for (const item of source.kept) {
    const holder = resolveObject(dmp, item.path);
    // A standard key always wins over a kept one of the same name (a duplicate in the input).
    if (holder && !Object.hasOwn(holder, item.key)) setOwn(holder, item.key, structuredClone(item.value));
  }
  const ours: JsonObject = isObject(dmp[extensionKey]) ? { ...(dmp[extensionKey] as JsonObject) } : {};
  for (const [key, value] of Object.entries(extension)) setOwn(ours, key, value);
  if (source.aside.length > 0) {
    const earlier = Array.isArray(ours.aside) ? ours.aside : [];
    ours.aside = [...earlier, ...structuredClone(source.aside)];
  }
  if (version !== "1.2") {
    const down = downConvert(dmp, version, report);
    if (!down.ok) return down;
    if (down.residue.length > 0) {
      const earlier = Array.isArray(ours[residueKey]) ? (ours[residueKey] as unknown[]) : [];
      ours[residueKey] = [...earlier, ...down.residue];
    }
  }
  if (Object.keys(ours).length > 0) dmp[extensionKey] = ours;
  else delete dmp[extensionKey];
  const document = { dmp };
  const check = validateDcs(document, version);
  if (!check.valid) {
    return {
      ok: false,
      problem: {
        code: "invalid",
        key: "formats.problem.export_invalid",
        params: { version, count: check.problems.length },
        problems: check.problems,
      },
    };
  }
  return { ok: true, value: document, report };
}
