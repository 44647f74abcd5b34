import type { LookupAnswerBody, LookupResultBody } from "../../../contract/lookups.js";
import type { VocabularyViewList } from "../../../contract/templates.js";
import type { EditOp } from "../../../domain/edit/ops.js";
import type { LookupSource } from "../../../domain/lookup-sources.js";
import type { Plan } from "../../../domain/plan.js";
import type { Template } from "../../../domain/template.js";
import type { UiLanguage } from "../../../i18n/translate.js";
import { apiRequest } from "../../api/client.js";
import { sendPresence } from "../../api/live.js";
import { editorPaths, prefetchKeys, takePrefetched } from "./prefetch.js";

/** `GET /plans/:id/access`: the caller's role and what it may do. */
export interface PlanAccess {
  role: string | null;
  capabilities: string[];
  visibility?: string;
}

export type LookupResult = LookupResultBody;

const plan = editorPaths.plan;

/** The endpoints the plan editor uses, bound to the interface language. */
export function editorApi(lang: UiLanguage) {
  return {
    getPlan: (id: string, signal?: AbortSignal) =>
      apiRequest<Plan>(plan(id), { lang, ...(signal ? { signal } : {}) }),
    /** The plan as the page load prefetched it, else fetched now (the editor's first load). */
    loadPlan: (id: string, signal?: AbortSignal) =>
      takePrefetched<Plan>(prefetchKeys.plan(id)) ??
      apiRequest<Plan>(plan(id), { lang, ...(signal ? { signal } : {}) }),
    loadAccess: (id: string) =>
      takePrefetched<PlanAccess>(prefetchKeys.access(id)) ??
      apiRequest<PlanAccess>(editorPaths.access(id), { lang }),
    loadTemplate: (id: string) =>
      takePrefetched<Template>(prefetchKeys.template(id)) ??
      apiRequest<Template>(editorPaths.template(id), { lang }),
    /**
     * Vocabularies with labels in each of `langs`, one view per vocabulary and language (one
     * request). With `partial`, those of more than `maxItems` items hold only the listed codes.
     */
    getVocabularies: (
      ids: readonly string[],
      langs: readonly UiLanguage[],
      signal?: AbortSignal,
      partial?: { maxItems: number; codes: readonly string[] },
    ) => {
      const params = new URLSearchParams({ ids: ids.join(","), langs: langs.join(",") });
      if (partial) {
        params.set("maxItems", String(partial.maxItems));
        if (partial.codes.length) params.set("codes", partial.codes.join(","));
      }
      return apiRequest<VocabularyViewList>(`/api/v1/vocabulary-views?${params}`, {
        lang,
        ...(signal ? { signal } : {}),
      }).then((answer) => answer.vocabularies);
    },
    patchPlan: (id: string, baseRevision: number, ops: EditOp[], idempotencyKey?: string) =>
      apiRequest<{ revision: number; plan: Plan; problems: unknown[] }>(plan(id), {
        method: "PATCH",
        body: { baseRevision, ops },
        lang,
        ...(idempotencyKey ? { headers: { "idempotency-key": idempotencyKey } } : {}),
      }),
    lookup: (source: LookupSource, q: string, signal?: AbortSignal) =>
      apiRequest<LookupAnswerBody>(
        `/api/v1/lookup/${source}?q=${encodeURIComponent(q)}&limit=10&lang=${lang}`,
        { lang, ...(signal ? { signal } : {}) },
      ),
    sendPresence: (id: string, connectionId: string, field: string | null) =>
      sendPresence(id, connectionId, field, { lang }),
  };
}

export type EditorApi = ReturnType<typeof editorApi>;
