import type { UiLanguage } from "../../i18n/translate.js";
import { apiRequest } from "./client.js";

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface PlanComment {
  id: string;
  planId: string;
  questionId: string;
  outputId: string | null;
  parentId: string | null;
  body: string;
  author: PersonRef;
  createdAt: string;
  editedAt: string | null;
  resolvedAt: string | null;
  resolvedBy: PersonRef | null;
}

export interface CommentCount {
  questionId: string;
  outputId: string | null;
  open: number;
  resolved: number;
}

export interface NewComment {
  questionId: string;
  outputId?: string | null;
  parentId?: string;
  body: string;
}

const seg = (value: string) => encodeURIComponent(value);

/** Comments on the questions of one plan (docs/api-plans.md "Comments"). */
export function commentsApi(lang: UiLanguage) {
  return {
    list: (planId: string, questionId: string, outputId: string | null) => {
      const search = new URLSearchParams({ questionId, status: "all" });
      if (outputId) search.set("outputId", outputId);
      return apiRequest<{ comments: PlanComment[] }>(`/api/v1/plans/${seg(planId)}/comments?${search}`, {
        lang,
      });
    },
    counts: (planId: string) =>
      apiRequest<{ counts: CommentCount[] }>(`/api/v1/plans/${seg(planId)}/comments/counts`, { lang }),
    add: (planId: string, body: NewComment) => {
      const payload: Record<string, unknown> = { questionId: body.questionId, body: body.body };
      if (body.outputId) payload.outputId = body.outputId;
      if (body.parentId) payload.parentId = body.parentId;
      return apiRequest<PlanComment>(`/api/v1/plans/${seg(planId)}/comments`, {
        method: "POST",
        body: payload,
        lang,
      });
    },
    edit: (planId: string, commentId: string, body: string) =>
      apiRequest<PlanComment>(`/api/v1/plans/${seg(planId)}/comments/${seg(commentId)}`, {
        method: "PATCH",
        body: { body },
        lang,
      }),
    resolve: (planId: string, commentId: string) =>
      apiRequest<PlanComment>(`/api/v1/plans/${seg(planId)}/comments/${seg(commentId)}/resolve`, {
        method: "POST",
        lang,
      }),
    reopen: (planId: string, commentId: string) =>
      apiRequest<PlanComment>(`/api/v1/plans/${seg(planId)}/comments/${seg(commentId)}/reopen`, {
        method: "POST",
        lang,
      }),
  };
}

export type CommentsApi = ReturnType<typeof commentsApi>;
