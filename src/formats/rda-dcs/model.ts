import type { Report } from "../report.js";

/** A JSON object as the normaliser handles it. */
export type JsonObject = Record<string, unknown>;

/** A position inside `dmp`: keys and array indices (`["dataset", 2, "distribution", 0]`). */
export type JsonPath = (string | number)[];

/** An unknown key (vendor extension, misspelling we do not recognise…) kept to be written back in place. */
export interface KeptItem {
  path: JsonPath;
  key: string;
  value: unknown;
}

/** A value the normaliser could not make valid; it travels in the extension so nothing is lost. */
export interface AsideItem {
  path: string;
  reason: string;
  value: unknown;
}

/** RDA DCS versions Carnet reads and writes. */
export const dcsVersions = ["1.0", "1.1", "1.2"] as const;
export type DcsVersion = (typeof dcsVersions)[number];

/** Where the `dmp` object was found in the file. */
export type DcsWrapper = "dmp" | "items" | "array" | "bare";

/** Which tool wrote the file, judged from its vendor keys and identifiers. */
export type DcsFlavour = "plain" | "dmptool" | "opidor";

/**
 * A DCS document after tolerant import: `dmp` holds only standard 1.2 fields, valid against the
 * official schema; `kept` and `aside` hold everything else, so an export can give it all back.
 */
export interface NormalisedDcs {
  dmp: JsonObject;
  kept: KeptItem[];
  aside: AsideItem[];
  source: { version: DcsVersion; wrapper: DcsWrapper; flavour: DcsFlavour };
}

/** The key of Carnet's one namespaced extension inside `dmp` (allowed by every DCS schema). */
export const extensionKey = "carnet";

/** Shared state of one normalisation run. */
export interface NormaliseContext {
  report: Report;
  kept: KeptItem[];
  aside: AsideItem[];
  dmpLanguage: string | undefined;
}

/** Dotted text of a path, as used in reports: `dmp.dataset[2].distribution[0].format`. */
export function pathText(path: JsonPath, key?: string | number): string {
  let out = "dmp";
  for (const segment of key === undefined ? path : [...path, key]) {
    out += typeof segment === "number" ? `[${segment}]` : `.${segment}`;
  }
  return out;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Set an own data property, safe even for a key named `__proto__`. */
export function setOwn(target: JsonObject, key: string, value: unknown): void {
  // Plain assignment is much faster; only `__proto__` needs defineProperty to stay a data key.
  if (key !== "__proto__") target[key] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
