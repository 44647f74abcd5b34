import { normalizeRnsr, normalizeUrl } from "../domain/identifiers.js";
import { buildUrl, getJson } from "./http.js";
import { object, type RegistryRecord, text, texts, toResult } from "./records.js";
import { type LookupAdapter, LookupUnavailableError, type SearchOptions } from "./types.js";

/** The MESR open-data portal's dataset of active public research structures (Opendatasoft). */
const datasetPath = "api/explore/v2.1/catalog/datasets/fr-esr-structures-recherche-publiques-actives/records";

/** Read one RNSR structure (Opendatasoft record or export row) into a registry record, or say why not. */
export function parseRnsrRecord(raw: unknown): RegistryRecord | string {
  const row = object(raw);
  if (!row) return "not an object";
  const id = normalizeRnsr(text(row.numero_national_de_structure) ?? text(row.rnsr) ?? "");
  if (!id)
    return `invalid RNSR number ${JSON.stringify(row.numero_national_de_structure ?? row.rnsr ?? null)}`;
  const label = text(row.libelle) ?? text(row.name);
  if (!label) return "no name (libelle)";
  const record: RegistryRecord = { id, label, identifiers: [], country: "FR" };
  const acronym = text(row.sigle) ?? text(row.acronym);
  if (acronym) record.acronym = acronym;
  const ror = text(row.ror);
  if (ror) record.identifiers.push({ scheme: "ror", value: ror });
  const url = normalizeUrl(text(row.site_web) ?? "");
  if (url) record.url = url;
  const city = text(row.commune);
  if (city) record.city = city;
  const parents = texts(row.tutelles);
  if (parents.length > 0) record.description = parents.join(" · ");
  const kind = text(row.type_de_structure);
  if (kind) record.types = [kind];
  record.aliases = [...texts(row.label_numero), ...texts(row.sigles_des_tutelles), ...parents];
  return record;
}

/** ODSQL string literal. */
function literal(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** RNSR through the Opendatasoft Explore API v2.1 of the French research ministry. */
export function createRnsrAdapter(options: { baseUrl: string; timeoutMs: number }): LookupAdapter {
  const http = { source: "rnsr" as const, timeoutMs: options.timeoutMs };
  async function records(where: string, limit: number, offset: number) {
    const body = object(
      await getJson(buildUrl(options.baseUrl, datasetPath, { where, limit, offset }), http),
    );
    if (!body || !Array.isArray(body.results) || typeof body.total_count !== "number") {
      throw new LookupUnavailableError("rnsr", "bad_response", "no results");
    }
    return { total: body.total_count, rows: body.results };
  }
  const read = (raw: unknown, lang?: string) => {
    const parsed = parseRnsrRecord(raw);
    if (typeof parsed === "string") throw new LookupUnavailableError("rnsr", "bad_response", parsed);
    return toResult(parsed, "rnsr", false, lang);
  };
  return {
    source: "rnsr",
    async search(query: string, search: SearchOptions) {
      const offset = search.offset ?? 0;
      const q = literal(query.trim());
      const { total, rows } = await records(
        `search(libelle, ${q}) or search(sigle, ${q})`,
        search.limit,
        offset,
      );
      return { results: rows.map((r) => read(r, search.lang)), hasMore: total > offset + rows.length };
    },
    async resolve(id: string, resolveOptions?: { lang?: string }) {
      const rnsr = normalizeRnsr(id);
      if (!rnsr) return undefined;
      const { rows } = await records(`numero_national_de_structure=${literal(rnsr)}`, 1, 0);
      return rows.length > 0 ? read(rows[0], resolveOptions?.lang) : undefined;
    },
  };
}
