import type { z } from "zod";
import type { describedChangeSchema, diffSchema, historyEventSchema } from "../../contract/plans.js";
import type { UiLanguage } from "../../i18n/translate.js";
import { apiRequest } from "./client.js";
import type { PlanDocument } from "./plan-list.js";

export type DescribedChange = z.infer<typeof describedChangeSchema>;
export type HistoryEvent = z.infer<typeof historyEventSchema>;
export type PlanDiff = z.infer<typeof diffSchema>;

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
