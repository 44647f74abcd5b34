import { z } from "zod";

/**
 * HTTP contract of plan listings, access, sharing and history (docs/api-plans.md): the zod schemas
 * that validate requests in the server, type the web client, and generate the OpenAPI document.
 */

export const planRoleSchema = z.enum(["owner", "co_owner", "editor", "commenter", "reader"]);
export type PlanRoleName = z.infer<typeof planRoleSchema>;
/** Roles that can be given to a member or an invitee (ownership only moves by transfer). */
export const grantableRoleSchema = z.enum(["co_owner", "editor", "commenter", "reader"]);
export const planCapabilitySchema = z.enum([
  "read",
  "view_history",
  "view_members",
  "comment",
  "edit",
  "share",
  "set_visibility",
  "transfer",
  "delete",
]);
export const planVisibilitySchema = z.enum(["private", "organisation", "public"]);

export const planListScopeSchema = z.enum(["all", "mine", "shared", "organisation", "public", "bin"]);
export const planListSortSchema = z.enum(["modified", "created", "title"]);

const listParameters = {
  q: z.string().max(200).optional().describe("Case-insensitive search in the title (accents count as typed)"),
  template: z.string().max(100).optional().describe("Only plans on this template id"),
  language: z
    .string()
    .regex(/^[a-z]{3}$/)
    .optional()
    .describe("Only plans written in this ISO 639-3 language"),
  sort: planListSortSchema.default("modified"),
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional().describe("Opaque: the `nextCursor` of the previous page"),
};

export const planListQuerySchema = z.object({
  scope: planListScopeSchema.default("all"),
  ...listParameters,
});
export type PlanListQueryInput = z.input<typeof planListQuerySchema>;
export const publicPlanListQuerySchema = z.object(listParameters);

export const planListItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    templateId: z.string(),
    templateVersion: z.number().int(),
    language: z.string(),
    revision: z.number().int(),
    createdAt: z.string(),
    modifiedAt: z.string(),
    deletedAt: z.string().nullable(),
    visibility: planVisibilitySchema,
    owner: z.object({ id: z.string(), displayName: z.string() }),
    role: planRoleSchema.nullable().describe("The caller's role, null when not a member"),
  })
  .meta({ id: "PlanListItem" });
export type PlanListItem = z.infer<typeof planListItemSchema>;

export const planListSchema = z
  .object({ plans: z.array(planListItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: "PlanList" });
export type PlanList = z.infer<typeof planListSchema>;

export const planAccessSchema = z
  .object({
    role: planRoleSchema.nullable(),
    capabilities: z.array(planCapabilitySchema),
    visibility: planVisibilitySchema,
  })
  .meta({ id: "PlanAccess" });
export type PlanAccess = z.infer<typeof planAccessSchema>;

export const planMemberSchema = z
  .object({ userId: z.string(), email: z.string(), displayName: z.string(), role: planRoleSchema })
  .meta({ id: "PlanMember" });
export type PlanMember = z.infer<typeof planMemberSchema>;

export const planInvitationSchema = z
  .object({ id: z.string(), email: z.string(), role: grantableRoleSchema, invitedAt: z.string() })
  .meta({ id: "PlanInvitation" });
export type PlanInvitation = z.infer<typeof planInvitationSchema>;

export const planMembersSchema = z
  .object({ members: z.array(planMemberSchema), invitations: z.array(planInvitationSchema) })
  .meta({ id: "PlanMembers" });
export type PlanMembers = z.infer<typeof planMembersSchema>;

export const addMemberBodySchema = z.object({
  email: z.email().max(254),
  role: grantableRoleSchema,
});
export const changeRoleBodySchema = z.object({ role: grantableRoleSchema });
export const transferBodySchema = z.object({ userId: z.string().min(1).max(100) });
/**
 * Headers of `PATCH /api/v1/plans/{id}`. The key is checked by the service (a malformed one answers
 * 400 idempotency_key_invalid), so that every client gets the same clear error.
 */
export const planEditHeadersSchema = z.looseObject({
  "idempotency-key": z
    .string()
    .optional()
    .describe(
      "Opaque key of this edit (1–200 printable ASCII characters without spaces, e.g. a UUID), sent again unchanged with the same edit when its answer was lost. An edit already applied with this key on the plan by the caller is answered as it was then (same revision, 200, header Idempotent-Replayed: true) instead of being applied again or answering 409; the key with other ops or from another author answers 422 idempotency_key_reused; a malformed key 400 idempotency_key_invalid.",
    ),
});
export const visibilityBodySchema = z.object({ visibility: planVisibilitySchema });
export const acceptInvitationBodySchema = z.object({
  token: z.string().min(1).max(200).describe("The `invitation` parameter of the invitation e-mail's link"),
});
export const acceptedInvitationSchema = z.object({
  planId: z.string(),
  role: z.enum(["co_owner", "editor", "commenter", "reader"]),
});

export const describedChangeSchema = z
  .object({
    pointer: z.string().describe("JSON pointer of the changed field"),
    kind: z.enum(["added", "removed", "changed"]),
    labels: z.array(z.string()).describe("Labels of the path's steps, in the request's language"),
    text: z.string().describe("One sentence telling the change, in the request's language"),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .meta({ id: "DescribedChange" });

export const historyQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional().describe("Only events older than this revision"),
});
export const historyEventSchema = z
  .object({
    revision: z.number().int(),
    at: z.string(),
    author: z.object({ id: z.string(), displayName: z.string() }),
    changes: z.array(describedChangeSchema),
  })
  .meta({ id: "HistoryEvent" });
export const historySchema = z
  .object({
    events: z.array(historyEventSchema),
    nextBefore: z.number().int().nullable().describe("Pass as `before` for older events; null at the start"),
  })
  .meta({ id: "PlanHistory" });

export const diffQuerySchema = z.object({
  from: z.coerce.number().int().min(0),
  to: z.coerce.number().int().min(0),
});
export const diffSchema = z
  .object({ from: z.number().int(), to: z.number().int(), changes: z.array(describedChangeSchema) })
  .meta({ id: "PlanDiff" });
export const revertBodySchema = z.object({ revision: z.number().int().min(0) });
export const duplicateBodySchema = z.object({ title: z.string().trim().min(1).max(500).optional() });
