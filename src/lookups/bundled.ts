import { readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeRor, normalizeUrl } from "../domain/identifiers.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import { packageRoot } from "../shared/package-info.js";
import { parseRe3dataRecord } from "./re3data.js";
import { object, type RegistryRecord, text, texts } from "./records.js";
import { parseRorRecord } from "./ror.js";

/**
 * Bump when the bundled data or its mapping changes, so that existing installations re-seed
 * (rows loaded by an admin import are never overwritten by seeds).
 */
export const bundledDataVersion = "2026-11-28.1";

/** One registry's bundled records. */
export interface BundledRegistry {
  registry: string;
  records: RegistryRecord[];
}

const dataDir = join(packageRoot, "data", "registries");

function readJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dataDir, name), "utf8")) as Record<string, unknown>;
}

function parsedOnly(items: unknown, parse: (raw: unknown) => RegistryRecord | string): RegistryRecord[] {
  return (Array.isArray(items) ? items : [])
    .map(parse)
    .filter((r): r is RegistryRecord => typeof r !== "string");
}

/** `{en_GB, fr_FR}` labels of DMP OPIDoR registries as `{en, fr}`. */
function opidorLabels(value: unknown): Record<string, string> | undefined {
  const label = object(value);
  const en = text(label?.en_GB);
  const fr = text(label?.fr_FR);
  if (!en && !fr) return undefined;
  return { ...(en ? { en } : {}), ...(fr ? { fr } : {}) };
}

function rnsrRecords(): RegistryRecord[] {
  const identifier = object(readJson("rnsr.json").identifier);
  const fromHal = object(identifier?.examplesFromHal)?.items;
  const examples = (Array.isArray(identifier?.examples) ? identifier.examples : []).filter(
    (e) => !String(object(e)?.name ?? "").includes("not verified"),
  );
  const records: RegistryRecord[] = [];
  for (const raw of [...examples, ...(Array.isArray(fromHal) ? fromHal : [])]) {
    const item = object(raw);
    const id = text(item?.rnsr);
    const name = text(item?.name);
    if (!id || !name) continue;
    const record: RegistryRecord = { id, label: name, identifiers: [], country: "FR" };
    const acronym = text(item?.acronym);
    if (acronym) record.acronym = acronym;
    const ror = normalizeRor(text(item?.ror) ?? "");
    if (ror) record.identifiers.push({ scheme: "ror", value: ror });
    records.push(record);
  }
  return records;
}

function opidorRepositories(): RegistryRecord[] {
  const items = readJson("opidor-repositories.json").Repositories;
  const records: RegistryRecord[] = [];
  for (const raw of Array.isArray(items) ? items : []) {
    const item = object(raw);
    const id = normalizeUrl(text(item?.hostId) ?? "");
    const labels = opidorLabels(item?.label);
    const title = text(item?.title);
    if (!id || !title) continue;
    const record: RegistryRecord = { id, label: labels?.en ?? title, identifiers: [], url: id };
    if (labels) record.labels = labels;
    if (labels?.en && labels.en !== title) record.acronym = title;
    const country = text(item?.geoLocation);
    if (country) record.country = country;
    const certification = texts(item?.certification);
    if (certification.length > 0) record.types = certification;
    records.push(record);
  }
  return records;
}

function standards(): RegistryRecord[] {
  const items = readJson("opidor-standards.json").Standards;
  const records: RegistryRecord[] = [];
  for (const raw of Array.isArray(items) ? items : []) {
    const item = object(raw);
    const name = text(item?.name);
    if (!item || !name) continue;
    const url = normalizeUrl(text(item.metadataStandardId) ?? "");
    const record: RegistryRecord = { id: url ?? name, label: name, identifiers: [] };
    if (url) record.url = url;
    const labels = opidorLabels(item.label);
    if (labels) record.labels = labels;
    const acronym = /^([^(]+?)\s*\(/.exec(name)?.[1];
    if (acronym && acronym.length <= 20) record.acronym = acronym;
    const description = text(item.description)
      ?.replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (description)
      record.description = description.length > 500 ? `${description.slice(0, 499)}…` : description;
    records.push(record);
  }
  return records;
}

/**
 * Look-up records from a built-in vocabulary (`spdx-licences`, `iso-639-3`): the code is the id and
 * is searchable, labels are per language, deprecated items are marked.
 */
export function vocabularyRecords(vocabulary: Vocabulary): RegistryRecord[] {
  return vocabulary.items.map((item) => ({
    id: item.code,
    label: item.label.en ?? Object.values(item.label)[0] ?? item.code,
    labels: { ...item.label },
    acronym: item.code,
    identifiers: [],
    ...(item.uri ? { url: item.uri } : {}),
    ...(item.deprecated ? { types: ["deprecated"], tags: ["deprecated"] } : {}),
    aliases: item.aliases ?? [],
  }));
}

/**
 * The registries seeded into the database from `data/registries/` (samples that admins extend with
 * full dumps). Licences and languages are not among them: they come whole from npm packages and are
 * searched in memory (`memory.ts`).
 */
export function loadBundledRegistries(): BundledRegistry[] {
  return [
    { registry: "ror", records: parsedOnly(readJson("ror-sample-fr.json").records, parseRorRecord) },
    { registry: "rnsr", records: rnsrRecords() },
    {
      registry: "repositories",
      records: [
        ...parsedOnly(readJson("re3data-sample.json").items, parseRe3dataRecord),
        ...opidorRepositories(),
      ],
    },
    { registry: "standards", records: standards() },
  ];
}
