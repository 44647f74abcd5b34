import type { UiLanguage } from "../../i18n/translate.js";
import { apiRequest } from "./client.js";
import type { PlanDocument } from "./plan-list.js";

/**
 * One change of a history event or a diff, as the server describes it. The labels are already in
 * the request's language; `before`/`after` are the values (any JSON), when the server sends them.
 */
export interface DescribedChange {
  path: string;
  label?: string;
  kind?: string;
  before?: unknown;
  after?: unknown;
  [key: string]: unknown;
}

export interface HistoryEvent {
  revision: number;
  at: string;
  author: { id: string; displayName: string } | null;
  changes: DescribedChange[];
}

export interface PlanDiff {
  from: number;
  to: number;
  changes: DescribedChange[];
}

const seg = (value: string) => encodeURIComponent(value);

/** History, old revisions, diffs and revert of one plan (docs/api-plans.md "History"). */
export function historyApi(lang: UiLanguage) {
  return {
    events: (planId: string) =>
      apiRequest<{ events: HistoryEvent[] }>(`/api/v1/plans/${seg(planId)}/history`, { lang }),
    revision: (planId: string, revision: number) =>
      apiRequest<PlanDocument>(`/api/v1/plans/${seg(planId)}/revisions/${revision}`, { lang }),
    diff: (planId: string, from: number, to: number) =>
      apiRequest<PlanDiff>(`/api/v1/plans/${seg(planId)}/diff?from=${from}&to=${to}`, { lang }),
    revert: (planId: string, revision: number) =>
      apiRequest<{ revision: number; plan: PlanDocument }>(`/api/v1/plans/${seg(planId)}/revert`, {
        method: "POST",
        body: { revision },
        lang,
      }),
  };
}

export type HistoryApi = ReturnType<typeof historyApi>;
