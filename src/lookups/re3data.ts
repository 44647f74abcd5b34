import { normalizeDoi, normalizeRe3data, normalizeUrl } from "../domain/identifiers.js";
import { buildUrl, httpGet } from "./http.js";
import { type RegistryRecord, text, texts, toResult } from "./records.js";
import {
  type LookupAdapter,
  type LookupResult,
  LookupUnavailableError,
  type SearchOptions,
} from "./types.js";
import { xmlElements, xmlText } from "./xml-text.js";

/**
 * Read one repository of a JSON dump into a registry record, or say why not. Accepts Carnet's
 * bundled sample shape (`re3dataId`, `name`, `website`…) and re3data field names (`repositoryName`…).
 */
export function parseRe3dataRecord(raw: unknown): RegistryRecord | string {
  const row = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : undefined;
  if (!row) return "not an object";
  const id = normalizeRe3data(
    text(row.re3dataId) ?? text(row.id) ?? text(row["re3data.orgIdentifier"]) ?? "",
  );
  if (!id) return `invalid re3data id ${JSON.stringify(row.re3dataId ?? row.id ?? null)}`;
  const label = text(row.name) ?? text(row.repositoryName);
  if (!label) return "no name";
  const record: RegistryRecord = { id, label, identifiers: [] };
  const url = normalizeUrl(text(row.website) ?? text(row.repositoryURL) ?? "");
  if (url) record.url = url;
  const description = text(row.descriptionExcerpt) ?? text(row.description);
  if (description) record.description = description;
  const doi = normalizeDoi(text(row.doi) ?? "");
  if (doi) record.identifiers.push({ scheme: "doi", value: doi });
  const types = texts(row.repositoryTypes ?? row.type);
  if (types.length > 0) record.types = types;
  record.aliases = [...texts(row.keywords ?? row.keyword), ...texts(row.additionalName)];
  return record;
}

/** re3data API (XML): beta search, v1 repository record. */
export function createRe3dataAdapter(options: { baseUrl: string; timeoutMs: number }): LookupAdapter {
  const http = {
    source: "repositories" as const,
    timeoutMs: options.timeoutMs,
    headers: { accept: "application/xml" },
  };
  const bad = (detail: string) => new LookupUnavailableError("repositories", "bad_response", detail);
  return {
    source: "repositories",
    async search(query: string, search: SearchOptions) {
      const answer = await httpGet(
        buildUrl(options.baseUrl, "api/beta/repositories", { query: query.trim() }),
        http,
      );
      if (answer.status !== 200 || !/<list[\s>]/.test(answer.body)) throw bad(`HTTP ${answer.status}`);
      const all: LookupResult[] = [];
      for (const item of xmlElements(answer.body, "repository")) {
        const id = normalizeRe3data(xmlText(item, "id") ?? "");
        const name = xmlText(item, "name");
        if (!id || !name) continue;
        const doi = normalizeDoi(xmlText(item, "doi") ?? "");
        all.push({
          id,
          label: name,
          identifiers: doi ? [{ scheme: "doi", value: doi }] : [],
          url: `https://www.re3data.org/repository/${id}`,
          source: "repositories",
          offline: false,
        });
      }
      // The beta search answers the whole list at once: page it here.
      const offset = search.offset ?? 0;
      return {
        results: all.slice(offset, offset + search.limit),
        hasMore: all.length > offset + search.limit,
      };
    },
    async resolve(id: string, resolveOptions?: { lang?: string }) {
      const r3d = normalizeRe3data(id);
      if (!r3d) return undefined;
      const answer = await httpGet(buildUrl(options.baseUrl, `api/v1/repository/${r3d}`), http);
      if (answer.status === 404) return undefined;
      if (answer.status !== 200 || !/<(?:\w+:)?repository[\s>]/.test(answer.body))
        throw bad(`HTTP ${answer.status}`);
      const name = xmlText(answer.body, "repositoryName");
      if (!name) throw bad("no repositoryName");
      const record: RegistryRecord = { id: r3d, label: name, identifiers: [] };
      const url = normalizeUrl(xmlText(answer.body, "repositoryURL") ?? "");
      if (url) record.url = url;
      const description = xmlText(answer.body, "description");
      if (description) record.description = description;
      return toResult(record, "repositories", false, resolveOptions?.lang);
    },
  };
}
