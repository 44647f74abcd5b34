import type { LookupAnswerBody, LookupResultBody } from "../../../contract/lookups.js";
import type { VocabularyView } from "../../../contract/templates.js";
import type { EditOp } from "../../../domain/edit/ops.js";
import type { LookupSource } from "../../../domain/lookup-sources.js";
import type { Plan } from "../../../domain/plan.js";
import type { Template } from "../../../domain/template.js";
import type { UiLanguage } from "../../../i18n/translate.js";
import { apiRequest } from "../../api/client.js";
import { sendPresence } from "../../api/live.js";

/** `GET /plans/:id/access`: the caller's role and what it may do. */
export interface PlanAccess {
  role: string | null;
  capabilities: string[];
  visibility?: string;
}

export type LookupResult = LookupResultBody;

const plan = (id: string) => `/api/v1/plans/${encodeURIComponent(id)}`;

/** The endpoints the plan editor uses, bound to the interface language. */
export function editorApi(lang: UiLanguage) {
  return {
    getPlan: (id: string, signal?: AbortSignal) =>
      apiRequest<Plan>(plan(id), { lang, ...(signal ? { signal } : {}) }),
    getAccess: (id: string) => apiRequest<PlanAccess>(`${plan(id)}/access`, { lang }),
    getTemplate: (id: string) =>
      apiRequest<Template>(`/api/v1/templates/${encodeURIComponent(id)}`, { lang }),
    getVocabulary: (id: string, labels: UiLanguage = lang, signal?: AbortSignal) =>
      apiRequest<VocabularyView>(`/api/v1/vocabularies/${encodeURIComponent(id)}?lang=${labels}`, {
        lang,
        ...(signal ? { signal } : {}),
      }),
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
