import type { TemplateSummary } from "../../contract/templates.js";
import type { UiLanguage } from "../../i18n/translate.js";
import { apiRequest } from "./client.js";

/** Roles a member can have on a plan (docs/api-plans.md), strongest first. */
export type PlanRole = "owner" | "co_owner" | "editor" | "commenter" | "reader";
export const planRoles: readonly PlanRole[] = ["owner", "co_owner", "editor", "commenter", "reader"];
export type PlanVisibility = "private" | "organisation" | "public";
export type PlanCapability =
  | "read"
  | "view_history"
  | "view_members"
  | "comment"
  | "edit"
  | "share"
  | "set_visibility"
  | "transfer"
  | "delete";
export type PlanContext = "research_project" | "research_entity";

/** Which plans a list shows. */
export type PlanScope = "all" | "mine" | "shared" | "organisation" | "public" | "bin";
export const planScopes: readonly PlanScope[] = ["all", "mine", "shared", "organisation", "public", "bin"];
export type PlanSort = "modified" | "created" | "title";
export type SortOrder = "asc" | "desc";

/** One row of a plan list. */
export interface PlanListItem {
  id: string;
  title: string;
  templateId: string;
  templateVersion: number;
  language: string;
  revision: number;
  createdAt: string;
  modifiedAt: string;
  deletedAt: string | null;
  visibility: PlanVisibility;
  owner: { id: string; displayName: string };
  role: PlanRole | null;
}

export interface PlanPage {
  plans: PlanListItem[];
  nextCursor: string | null;
}

export interface PlanListQuery {
  scope?: PlanScope;
  q?: string;
  sort?: PlanSort;
  order?: SortOrder;
  limit?: number;
  cursor?: string | null;
}

/** A research output as the plan document holds it (only what the web lists need). */
export interface PlanOutput {
  id: string;
  position: number;
  title: string;
  shortName: string;
  type?: string;
  description?: string;
  answers?: Record<string, unknown>;
}

/** The plan document (native format); only the fields the list, panels and view read are typed. */
export interface PlanDocument {
  id: string;
  revision: number;
  template: { id: string; version: number };
  context: PlanContext;
  language: string;
  createdAt: string;
  modifiedAt: string;
  visibility: PlanVisibility;
  status?: "draft" | "final";
  details: { title: string; [key: string]: unknown };
  project?: { title: string; acronym?: string; [key: string]: unknown };
  entity?: { name: string; acronym?: string; [key: string]: unknown };
  outputs: Record<string, PlanOutput>;
  answers?: Record<string, unknown>;
  [key: string]: unknown;
}

/** What `GET /plans/{id}/access` answers. */
export interface PlanAccess {
  role: PlanRole | null;
  capabilities: PlanCapability[];
  visibility: PlanVisibility;
}

export interface CreatePlanInput {
  templateId: string;
  language: string;
  title: string;
  context?: PlanContext;
}

function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

const id = (value: string) => encodeURIComponent(value);

/** Plan list, creation, reading, bin and copies; templates (docs/api-plans.md "Plans and lists"). */
export function planListApi(lang: UiLanguage) {
  return {
    list: (query: PlanListQuery, signal?: AbortSignal) =>
      apiRequest<PlanPage>(`/api/v1/plans${queryString({ ...query })}`, {
        lang,
        ...(signal ? { signal } : {}),
      }),
    listPublic: (query: Omit<PlanListQuery, "scope">, signal?: AbortSignal) =>
      apiRequest<PlanPage>(`/api/v1/public/plans${queryString({ ...query })}`, {
        lang,
        ...(signal ? { signal } : {}),
      }),
    create: (body: CreatePlanInput) =>
      apiRequest<PlanDocument>("/api/v1/plans", { method: "POST", body, lang }),
    get: (planId: string, signal?: AbortSignal) =>
      apiRequest<PlanDocument>(`/api/v1/plans/${id(planId)}`, { lang, ...(signal ? { signal } : {}) }),
    access: (planId: string) => apiRequest<PlanAccess>(`/api/v1/plans/${id(planId)}/access`, { lang }),
    remove: (planId: string) => apiRequest<void>(`/api/v1/plans/${id(planId)}`, { method: "DELETE", lang }),
    restore: (planId: string) =>
      apiRequest<PlanDocument>(`/api/v1/plans/${id(planId)}/restore`, { method: "POST", lang }),
    duplicate: (planId: string, title?: string) =>
      apiRequest<PlanDocument>(`/api/v1/plans/${id(planId)}/duplicate`, {
        method: "POST",
        body: title ? { title } : {},
        lang,
      }),
    templates: () => apiRequest<{ templates: TemplateSummary[] }>(`/api/v1/templates?lang=${lang}`, { lang }),
  };
}

export type PlanListApi = ReturnType<typeof planListApi>;
