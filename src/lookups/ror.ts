import { normalizeFundref, normalizeIsni, normalizeRor } from "../domain/identifiers.js";
import { buildUrl, getJson } from "./http.js";
import { object, type RegistryRecord, text, texts, toResult } from "./records.js";
import {
  type LookupAdapter,
  type LookupIdentifier,
  type LookupPage,
  type LookupSource,
  LookupUnavailableError,
  type SearchOptions,
} from "./types.js";

/** Results per page of the ROR API (fixed by the service). */
const rorPageSize = 20;

function externalIds(record: Record<string, unknown>): LookupIdentifier[] {
  const ids: LookupIdentifier[] = [];
  for (const item of Array.isArray(record.external_ids) ? record.external_ids : []) {
    const ext = object(item);
    const type = text(ext?.type);
    for (const raw of [text(ext?.preferred), ...texts(ext?.all)]) {
      if (!raw || !type) continue;
      const value = type === "fundref" ? normalizeFundref(raw) : type === "isni" ? normalizeIsni(raw) : raw;
      if (value && !ids.some((i) => i.scheme === type && i.value === value))
        ids.push({ scheme: type, value });
    }
  }
  return ids;
}

/**
 * Read one ROR schema v2 organisation into a registry record; a string says why the record is
 * unusable (used by the dump import to report and skip it).
 */
export function parseRorRecord(raw: unknown): RegistryRecord | string {
  const record = object(raw);
  if (!record) return "not an object";
  const id = typeof record.id === "string" ? normalizeRor(record.id) : undefined;
  if (!id) return `invalid ROR id ${JSON.stringify(record.id ?? null)}`;
  if (!Array.isArray(record.names)) return "missing names";
  const names = record.names
    .map(object)
    .filter((n): n is Record<string, unknown> => n !== undefined && text(n.value) !== undefined);
  const typesOf = (n: Record<string, unknown>) => texts(n.types);
  const display =
    names.find((n) => typesOf(n).includes("ror_display")) ?? names.find((n) => typesOf(n).includes("label"));
  const label = text(display?.value);
  if (!label) return "no display name";
  const labels: Record<string, string> = {};
  for (const n of names) {
    const lang = text(n.lang);
    if (lang && typesOf(n).includes("label") && !labels[lang]) labels[lang] = String(n.value).trim();
  }
  const acronym = text(names.find((n) => typesOf(n).includes("acronym"))?.value);
  const location = object(
    object(Array.isArray(record.locations) ? record.locations[0] : undefined)?.geonames_details,
  );
  const status = text(record.status) ?? "active";
  const types = texts(record.types);
  const website = (Array.isArray(record.links) ? record.links : [])
    .map(object)
    .find((l) => l?.type === "website");
  const result: RegistryRecord = {
    id,
    label,
    identifiers: externalIds(record),
    types: status === "active" ? types : [...types, status],
    aliases: names.map((n) => String(n.value)).filter((v) => v !== label && v !== acronym),
    tags: status === "active" ? types : [...types, status],
  };
  if (Object.keys(labels).length > 0) result.labels = labels;
  if (acronym) result.acronym = acronym;
  const url = text(website?.value);
  if (url) result.url = url;
  const country = text(location?.country_code);
  if (country) result.country = country;
  const city = text(location?.name);
  if (city) result.city = city;
  return result;
}

export interface RorAdapterOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Free ROR client id, sent as `Client-Id` for the higher rate limit. */
  clientId?: string | undefined;
  /** `funders` keeps organisations of type funder only. */
  source?: Extract<LookupSource, "ror" | "funders">;
}

/** ROR API v2: organisations (and funders, filtered by type). */
export function createRorAdapter(options: RorAdapterOptions): LookupAdapter {
  const source = options.source ?? "ror";
  const http = {
    source,
    timeoutMs: options.timeoutMs,
    headers: (options.clientId ? { "client-id": options.clientId } : {}) as Record<string, string>,
  };
  const read = (raw: unknown, lang?: string) => {
    const parsed = parseRorRecord(raw);
    if (typeof parsed === "string") throw new LookupUnavailableError(source, "bad_response", parsed);
    return toResult(parsed, source, false, lang);
  };

  return {
    source,
    async search(query: string, search: SearchOptions): Promise<LookupPage> {
      const offset = search.offset ?? 0;
      const page = Math.floor(offset / rorPageSize) + 1;
      const body = object(
        await getJson(
          buildUrl(options.baseUrl, "v2/organizations", {
            query: query.trim(),
            page,
            filter: source === "funders" ? "types:funder" : undefined,
          }),
          http,
        ),
      );
      if (!body || !Array.isArray(body.items) || typeof body.number_of_results !== "number") {
        throw new LookupUnavailableError(source, "bad_response", "no items");
      }
      // ROR pages are fixed at 20: serve the part of this page from `offset`, at most `limit`.
      const start = offset - (page - 1) * rorPageSize;
      const items = body.items.slice(start, start + search.limit);
      return {
        results: items.map((item) => read(item, search.lang)),
        hasMore: body.number_of_results > offset + items.length,
      };
    },
    async resolve(id: string, resolveOptions?: { lang?: string }) {
      const ror = normalizeRor(id);
      if (!ror) return undefined;
      const body = await getJson(buildUrl(options.baseUrl, `v2/organizations/${ror.slice(-9)}`), http);
      if (body === undefined) return undefined;
      const result = read(body, resolveOptions?.lang);
      if (source === "funders" && !result.types?.includes("funder")) return undefined;
      return result;
    },
  };
}
