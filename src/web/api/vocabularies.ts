import type { VocabularySearchResult } from "../../contract/templates.js";
import type { UiLanguage } from "../../i18n/translate.js";
import { apiRequest } from "./client.js";

/**
 * `GET /api/v1/vocabularies/:id/search?q=&lang=&limit=` — items of a vocabulary too large to
 * download whole. `labelLang` is the language of labels (the plan's), `lang` the interface's (errors).
 */
export function searchVocabularyOnServer(
  id: string,
  query: string,
  options: { lang: UiLanguage; labelLang: string; limit?: number; signal?: AbortSignal },
): Promise<VocabularySearchResult> {
  const params = new URLSearchParams({
    q: query,
    lang: options.labelLang === "fr" ? "fr" : "en",
    limit: String(options.limit ?? 20),
  });
  return apiRequest<VocabularySearchResult>(
    `/api/v1/vocabularies/${encodeURIComponent(id)}/search?${params}`,
    { lang: options.lang, ...(options.signal ? { signal: options.signal } : {}) },
  );
}
