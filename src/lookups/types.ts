import type { LookupSource } from "../domain/lookup-sources.js";

export { type LookupSource, lookupSources } from "../domain/lookup-sources.js";

/** An identifier of a result in canonical form, e.g. `{ scheme: "fundref", value: "https://doi.org/10.13039/…" }`. */
export interface LookupIdentifier {
  scheme: string;
  value: string;
}

/** One result, the same shape whatever answered (remote service or offline registry). */
export interface LookupResult {
  /** Canonical identifier: `https://orcid.org/…`, `https://ror.org/…`, RNSR number, `r3d…`, SPDX id… */
  id: string;
  /** Label in the requested language when the registry has one. */
  label: string;
  /** Labels by language code (`en`, `fr`) when known. */
  labels?: Record<string, string>;
  acronym?: string;
  description?: string;
  url?: string;
  /** Other identifiers of the same thing (ISNI, Crossref Funder ID, RNSR, DOI…). */
  identifiers: LookupIdentifier[];
  /** ISO 3166-1 alpha-2 country code, where relevant. */
  country?: string;
  city?: string;
  /** Registry-specific kinds (ROR types, repository types…) and status such as `inactive`. */
  types?: string[];
  source: LookupSource;
  /** True when the answer comes from the offline registry instead of the live service. */
  offline: boolean;
}

export interface SearchOptions {
  /** Preferred language for labels (`en`, `fr`). */
  lang?: string;
  limit: number;
  /** Results to skip (pagination). */
  offset?: number;
}

/** A page of results; `hasMore` tells whether asking with a larger offset can give more. */
export interface LookupPage {
  results: LookupResult[];
  hasMore: boolean;
}

/** The one interface of every look-up, remote or offline. */
export interface LookupAdapter {
  readonly source: LookupSource;
  search(query: string, options: SearchOptions): Promise<LookupPage>;
  /** The record with this identifier (any accepted form), or `undefined` when it does not exist. */
  resolve(id: string, options?: { lang?: string }): Promise<LookupResult | undefined>;
}

/**
 * A remote service could not answer usefully: unreachable, timed out, rate-limited, 5xx, malformed
 * body, or its circuit breaker is open. Callers fall back to the offline registry.
 */
export class LookupUnavailableError extends Error {
  constructor(
    readonly source: LookupSource,
    readonly reason:
      | "timeout"
      | "network"
      | "rate_limited"
      | "server_error"
      | "bad_response"
      | "circuit_open",
    detail = "",
  ) {
    super(`${source} look-up unavailable (${reason}${detail ? `: ${detail}` : ""})`);
    this.name = "LookupUnavailableError";
  }
}
