import { detectIdentifier } from "../domain/identifiers.js";
import type { RegistryRepository } from "../storage/registry-repository.js";
import { entryToResult, registryOf } from "./records.js";
import type { LookupAdapter, LookupPage, LookupResult, LookupSource, SearchOptions } from "./types.js";

/**
 * A look-up answered from the offline registry in the database (always available). For ORCID,
 * which has no offline registry, a pasted valid iD is echoed back so that it can still be chosen.
 */
export function createOfflineAdapter(repository: RegistryRepository, source: LookupSource): LookupAdapter {
  const registry = registryOf[source];
  const tag = source === "funders" ? "funder" : undefined;

  function pastedOrcid(query: string): LookupResult | undefined {
    const detected = detectIdentifier(query);
    if (detected?.type !== "orcid") return undefined;
    return { id: detected.value, label: detected.value, identifiers: [], source, offline: true };
  }

  return {
    source,
    async search(query: string, options: SearchOptions): Promise<LookupPage> {
      if (!registry) {
        const echoed = pastedOrcid(query);
        return { results: echoed && !options.offset ? [echoed] : [], hasMore: false };
      }
      // A pasted identifier of this registry finds its entry even if it is not among the words indexed.
      const detected = detectIdentifier(query);
      if (detected && !options.offset) {
        const entry = await repository.get(registry, detected.value);
        if (entry && (!tag || entry.tags.includes(tag))) {
          return { results: [entryToResult(entry, source, options.lang)], hasMore: false };
        }
      }
      const entries = await repository.search(registry, query, {
        limit: options.limit + 1,
        offset: options.offset ?? 0,
        tag,
      });
      return {
        results: entries.slice(0, options.limit).map((e) => entryToResult(e, source, options.lang)),
        hasMore: entries.length > options.limit,
      };
    },
    async resolve(id: string, options?: { lang?: string }) {
      if (!registry) return pastedOrcid(id);
      const canonical = detectIdentifier(id)?.value ?? id.trim();
      const entry =
        (await repository.get(registry, canonical)) ?? (await repository.get(registry, id.trim()));
      if (!entry || (tag && !entry.tags.includes(tag))) return undefined;
      return entryToResult(entry, source, options?.lang);
    },
  };
}
