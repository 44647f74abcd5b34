import type { RegistryRepository } from "../storage/registry-repository.js";
import { createOfflineAdapter } from "./offline.js";
import { createOrcidAdapter } from "./orcid.js";
import { createRe3dataAdapter } from "./re3data.js";
import { resilient } from "./resilient.js";
import { createRnsrAdapter } from "./rnsr.js";
import { createRorAdapter } from "./ror.js";
import type { LookupSettings } from "./settings.js";
import { type LookupAdapter, type LookupSource, lookupSources } from "./types.js";

export { vocabularyRecords } from "./bundled.js";
export { createMemoryAdapter } from "./memory.js";
export * from "./settings.js";
export * from "./types.js";

/** For each source: the remote adapter (cached, circuit-broken) if it has one, and the offline one. */
export interface LookupAdapters {
  remote: Partial<Record<LookupSource, LookupAdapter>>;
  offline: Record<LookupSource, LookupAdapter>;
}

/**
 * Build every adapter from the settings; remote ones are left out when `settings.offline` is set.
 * `local` adapters (e.g. in-memory vocabularies for licences and languages) replace the database ones.
 */
export function createLookupAdapters(
  settings: LookupSettings,
  repository: RegistryRepository,
  local: Partial<Record<LookupSource, LookupAdapter>> = {},
): LookupAdapters {
  const offline = {
    ...Object.fromEntries(lookupSources.map((source) => [source, createOfflineAdapter(repository, source)])),
    ...local,
  } as Record<LookupSource, LookupAdapter>;
  if (settings.offline) return { remote: {}, offline };
  const { timeoutMs, baseUrls } = settings;
  const guard = (adapter: LookupAdapter) =>
    resilient(adapter, {
      cacheTtlMs: settings.cacheTtlMs,
      breakerThreshold: settings.breakerThreshold,
      breakerCooldownMs: settings.breakerCooldownMs,
    });
  const ror = { baseUrl: baseUrls.ror, timeoutMs, clientId: settings.rorClientId };
  // Licences, languages and standards have no remote: the built-in lists are the reference.
  return {
    remote: {
      orcid: guard(createOrcidAdapter({ baseUrl: baseUrls.orcid, timeoutMs })),
      ror: guard(createRorAdapter({ ...ror, source: "ror" })),
      funders: guard(createRorAdapter({ ...ror, source: "funders" })),
      rnsr: guard(createRnsrAdapter({ baseUrl: baseUrls.rnsr, timeoutMs })),
      repositories: guard(createRe3dataAdapter({ baseUrl: baseUrls.re3data, timeoutMs })),
    },
    offline,
  };
}
