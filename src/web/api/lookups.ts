import type { LookupAnswerBody } from "../../contract/lookups.js";
import type { LookupSource } from "../../domain/lookup-sources.js";
import type { UiLanguage } from "../../i18n/translate.js";
import { apiRequest } from "./client.js";

/**
 * `GET /api/v1/lookup/:source?q=&lang=&limit=` — search a registry (ORCID, ROR, re3data…). `lang` is
 * the language labels come in (the plan's), which may differ from the interface language.
 */
export function searchRegistry(
  source: LookupSource,
  query: string,
  options: { lang: UiLanguage; labelLang?: string; limit?: number; signal?: AbortSignal },
): Promise<LookupAnswerBody> {
  const params = new URLSearchParams({ q: query, limit: String(options.limit ?? 20) });
  if (options.labelLang) params.set("lang", options.labelLang);
  return apiRequest<LookupAnswerBody>(`/api/v1/lookup/${source}?${params}`, {
    lang: options.lang,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
