import type { RegistryEntry, RegistryEntryInput } from "../storage/registry-repository.js";
import type { LookupResult, LookupSource } from "./types.js";

/**
 * What an offline registry keeps of one record: everything a LookupResult needs except the
 * per-request fields (chosen label, source, offline flag), plus the words it is found by.
 */
export interface RegistryRecord extends Omit<LookupResult, "source" | "offline"> {
  /** Extra words to be found by (aliases, other-language names); label, acronym and ids are added. */
  aliases?: string[];
  /** Facets filtered on (e.g. `funder`) and statuses ranked last (`inactive`, `withdrawn`). */
  tags?: string[];
}

/** Registry (table `source`) where each look-up source keeps its offline entries; licences and languages live in memory. */
export const registryOf: Record<LookupSource, string | undefined> = {
  orcid: undefined,
  ror: "ror",
  funders: "ror",
  rnsr: "rnsr",
  repositories: "repositories",
  licences: undefined,
  languages: undefined,
  standards: "standards",
};

/** The row to store for `record` in registry `registry`. */
export function toEntry(registry: string, record: RegistryRecord): RegistryEntryInput {
  const { aliases = [], tags = [], ...data } = record;
  return {
    source: registry,
    id: record.id,
    label: record.label,
    acronym: record.acronym,
    tags,
    searchParts: [
      record.label,
      record.acronym ?? "",
      ...Object.values(record.labels ?? {}),
      ...aliases,
      record.id.replace(/^https?:\/\/[^/]+\//, ""),
      ...record.identifiers.map((i) => i.value.replace(/^https?:\/\/[^/]+\/(?:10\.13039\/)?/, "")),
    ],
    data: { ...data },
  };
}

/** The label of `labels` in `lang` (e.g. `fr` matches `fr` and `fr-FR`), else `fallback`. */
export function pickLabel(
  labels: Record<string, string> | undefined,
  lang: string | undefined,
  fallback: string,
) {
  if (!labels || !lang) return fallback;
  const wanted = lang.toLowerCase().slice(0, 2);
  const key = Object.keys(labels).find((k) => k.toLowerCase().slice(0, 2) === wanted);
  return key ? (labels[key] ?? fallback) : fallback;
}

/** A LookupResult from a record, in the requested language. */
export function toResult(
  record: RegistryRecord,
  source: LookupSource,
  offline: boolean,
  lang?: string,
): LookupResult {
  const { aliases: _a, tags: _t, ...rest } = record;
  return { ...rest, label: pickLabel(record.labels, lang, record.label), source, offline };
}

/** A LookupResult from a stored entry. */
export function entryToResult(entry: RegistryEntry, source: LookupSource, lang?: string): LookupResult {
  const record = { ...(entry.data as unknown as RegistryRecord), id: entry.id, label: entry.label };
  return toResult(record, source, true, lang);
}

/** Trimmed non-empty string or undefined: vendor JSON is full of nulls and blanks. */
export function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Array of strings of `value`, ignoring anything else. */
export function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter((v): v is string => v !== undefined) : [];
}

/** `value` as a plain object, or undefined. */
export function object(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
