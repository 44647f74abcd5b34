import { normalizeOrcid } from "../domain/identifiers.js";
import { buildUrl, getJson } from "./http.js";
import { object, text, texts } from "./records.js";
import {
  type LookupAdapter,
  type LookupResult,
  LookupUnavailableError,
  type SearchOptions,
} from "./types.js";

/** Solr query for ORCID's expanded search: specials escaped (ORCID answers 500 otherwise), last word as a prefix. */
export function orcidQuery(input: string): string {
  const orcid = normalizeOrcid(input);
  if (orcid) return `orcid:${orcid.slice(-19)}`;
  const words = input
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "")
    .map((w) => w.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&"));
  const last = words.length - 1;
  if (last >= 0 && (words[last]?.length ?? 0) >= 3) words[last] = `${words[last]}*`;
  return words.join(" ");
}

function person(raw: unknown): LookupResult | undefined {
  const item = object(raw);
  const id = normalizeOrcid(text(item?.["orcid-id"]) ?? "");
  if (!item || !id) return undefined;
  const name = [text(item["given-names"]), text(item["family-names"])].filter(Boolean).join(" ");
  const institutions = texts(item["institution-name"]);
  const result: LookupResult = {
    id,
    label: text(item["credit-name"]) ?? (name || id),
    identifiers: [],
    source: "orcid",
    offline: false,
  };
  if (institutions.length > 0) result.description = institutions.join(" · ");
  return result;
}

/** ORCID public API v3.0: expanded search and person record. */
export function createOrcidAdapter(options: { baseUrl: string; timeoutMs: number }): LookupAdapter {
  const http = { source: "orcid" as const, timeoutMs: options.timeoutMs };
  return {
    source: "orcid",
    async search(query: string, search: SearchOptions) {
      const offset = search.offset ?? 0;
      const body = object(
        await getJson(
          buildUrl(options.baseUrl, "v3.0/expanded-search/", {
            q: orcidQuery(query),
            start: offset,
            rows: search.limit,
          }),
          http,
        ),
      );
      const found = body?.["num-found"];
      if (!body || typeof found !== "number") throw new LookupUnavailableError("orcid", "bad_response");
      const items = Array.isArray(body["expanded-result"]) ? body["expanded-result"] : [];
      const results = items.map(person).filter((r): r is LookupResult => r !== undefined);
      return { results, hasMore: found > offset + items.length };
    },
    async resolve(id: string) {
      const orcid = normalizeOrcid(id);
      if (!orcid) return undefined;
      const body = await getJson(buildUrl(options.baseUrl, `v3.0/${orcid.slice(-19)}/person`), http);
      if (body === undefined) return undefined;
      const name = object(object(body)?.name);
      if (!name) throw new LookupUnavailableError("orcid", "bad_response", "no name");
      const value = (key: string) => text(object(name[key])?.value);
      const full = [value("given-names"), value("family-name")].filter(Boolean).join(" ");
      return {
        id: orcid,
        label: value("credit-name") ?? (full || orcid),
        identifiers: [],
        source: "orcid",
        offline: false,
      };
    },
  };
}
