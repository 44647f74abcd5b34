import { AppError } from "../shared/app-error.js";
import type { Actor } from "./permissions.js";

/** Roles a member can have on a plan, strongest first. */
export const planRoles = ["owner", "co_owner", "editor", "commenter", "reader"] as const;
export type PlanRole = (typeof planRoles)[number];

export type PlanVisibility = "private" | "organisation" | "public";

/** What someone may do with a plan. */
export const planCapabilities = [
  "read",
  "view_history",
  "view_members",
  "comment",
  "edit",
  "share",
  "set_visibility",
  "transfer",
  "delete",
] as const;
export type PlanCapability = (typeof planCapabilities)[number];

/** The facts about a plan and the caller that decide access (loaded by the plans service). */
export interface PlanAccessFacts {
  visibility: PlanVisibility;
  /** Organisation of the plan's owner (organisation visibility is relative to it). */
  organisationId: string | null;
  /** The caller's role on the plan, if they are a member. */
  memberRole?: PlanRole | undefined;
}

const byRole: Record<PlanRole, readonly PlanCapability[]> = {
  owner: planCapabilities,
  co_owner: ["read", "view_history", "view_members", "comment", "edit", "share", "set_visibility"],
  editor: ["read", "view_history", "view_members", "comment", "edit"],
  commenter: ["read", "view_history", "view_members", "comment"],
  reader: ["read", "view_history", "view_members"],
};
const writes = new Set<PlanCapability>(["comment", "edit", "share", "set_visibility", "transfer", "delete"]);

/**
 * Everything `actor` may do with a plan. Members get their role's rights; a public plan is readable
 * by anyone, an organisation plan by the members of the owner's organisation (org admins included);
 * super admins may read any plan, its history and its members (support) but change none they are
 * not a member of. History and members are for members only: a public or organisation reader sees
 * the plan as it is now, not who wrote what nor earlier versions. A read-only token keeps only the
 * reading rights.
 */
export function planCapabilitiesOf(actor: Actor | undefined, facts: PlanAccessFacts): Set<PlanCapability> {
  const granted = new Set<PlanCapability>(facts.memberRole && actor ? byRole[facts.memberRole] : []);
  const sameOrganisation =
    actor !== undefined &&
    facts.organisationId !== null &&
    actor.account.organisationId === facts.organisationId;
  if (facts.visibility === "public") granted.add("read");
  if (facts.visibility === "organisation" && sameOrganisation) granted.add("read");
  if (actor?.account.role === "super_admin") {
    granted.add("read");
    granted.add("view_history");
    granted.add("view_members");
  }
  if (actor && actor.scope !== "read-write") for (const capability of writes) granted.delete(capability);
  return granted;
}

/**
 * Throw unless `actor` may `capability` the plan: 404 when they may not even read it (its existence
 * stays secret), 403 (or `read_only_token`) when they may read but not do this. `granted`: what
 * `planCapabilitiesOf` gives for them, when the caller has it already.
 */
export function assertPlanCapability(
  actor: Actor | undefined,
  facts: PlanAccessFacts,
  capability: PlanCapability,
  planId: string,
  granted: ReadonlySet<PlanCapability> = planCapabilitiesOf(actor, facts),
): void {
  if (granted.has(capability)) return;
  if (!granted.has("read")) {
    throw new AppError("not_found", "Plan not found", { params: { path: `/api/v1/plans/${planId}` } });
  }
  if (!actor) throw new AppError("unauthenticated", "Sign in to do this");
  if (actor.scope !== "read-write" && writes.has(capability)) {
    throw new AppError("read_only_token", "Token scope is read");
  }
  throw new AppError("forbidden", `Not allowed to ${capability} this plan`);
}
