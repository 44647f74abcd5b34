import { CircuitBreaker } from "./circuit-breaker.js";
import { TtlCache } from "./ttl-cache.js";
import {
  type LookupAdapter,
  type LookupPage,
  type LookupResult,
  LookupUnavailableError,
  type SearchOptions,
} from "./types.js";

export interface ResilienceOptions {
  cacheTtlMs: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  now?: () => number;
}

/**
 * Wrap a remote adapter with a TTL cache (successful answers only) and a circuit breaker. Failures
 * still throw LookupUnavailableError so the caller can fall back to the offline registry.
 */
export function resilient(adapter: LookupAdapter, options: ResilienceOptions): LookupAdapter {
  const searches = new TtlCache<LookupPage>(options.cacheTtlMs, 500, options.now);
  const records = new TtlCache<LookupResult | null>(options.cacheTtlMs, 500, options.now);
  const breaker = new CircuitBreaker(options.breakerThreshold, options.breakerCooldownMs, options.now);

  async function guarded<T>(call: () => Promise<T>): Promise<T> {
    if (!breaker.allow()) throw new LookupUnavailableError(adapter.source, "circuit_open");
    try {
      const value = await call();
      breaker.succeeded();
      return value;
    } catch (error) {
      breaker.failed();
      throw error;
    }
  }

  return {
    source: adapter.source,
    async search(query: string, searchOptions: SearchOptions): Promise<LookupPage> {
      const key = JSON.stringify([query.trim().toLowerCase(), searchOptions]);
      const cached = searches.get(key);
      if (cached) return cached;
      const page = await guarded(() => adapter.search(query, searchOptions));
      searches.set(key, page);
      return page;
    },
    async resolve(id: string, resolveOptions?: { lang?: string }): Promise<LookupResult | undefined> {
      const key = JSON.stringify([id.trim(), resolveOptions?.lang]);
      const cached = records.get(key);
      if (cached !== undefined) return cached ?? undefined;
      const record = await guarded(() => adapter.resolve(id, resolveOptions));
      records.set(key, record ?? null);
      return record;
    },
  };
}
