import { AppError } from "../shared/app-error.js";
import { createPlansRepository, type StoredPlan } from "../storage/plans-repository.js";
import type { AppContext } from "./app-context.js";
import type { Actor } from "./permissions.js";
import {
  assertPlanCapability,
  type PlanAccessFacts,
  type PlanCapability,
  type PlanRole,
  planCapabilitiesOf,
} from "./plan-access.js";

/** A stored plan as the caller may see it, with the caller's role and rights on it. */
export interface AuthorisedPlan extends StoredPlan {
  role: PlanRole | undefined;
  capabilities: Set<PlanCapability>;
  visibility: PlanAccessFacts["visibility"];
}

const notFound = (id: string) =>
  new AppError("not_found", "Plan not found", { params: { path: `/api/v1/plans/${id}` } });

/**
 * The one place that decides whether a caller may do something with a plan (every plan use case,
 * in the API and the CLI, goes through it): loads the plan's access facts — its visibility, its
 * owner's organisation and the caller's role from `plan_members` — in one query and applies the
 * matrix of `plan-access.ts`. A plan the caller may not read — missing, binned or someone else's
 * private plan — is `not_found` (404), so its existence stays secret. A binned plan is visible
 * (with `deleted: true`) only to whoever may delete, hence restore, it.
 */
export function createPlanAuthoriser(context: Pick<AppContext, "database">) {
  const plans = createPlansRepository(context.database.db);

  return {
    /** The plan if `actor` may `capability` it; throws `not_found`, `forbidden`, `read_only_token`… otherwise. */
    async authorise(
      actor: Actor | undefined,
      id: string,
      capability: PlanCapability,
      options: {
        deleted?: boolean;
        /**
         * Use remembered access facts (plan-access-cache.ts): the default for reads. A write may
         * when what it stores is checked against the stored revision anyway (an edit, see commit in
         * plans.ts); otherwise it needs the latest revision.
         */
        remembered?: boolean;
      } = {},
    ): Promise<AuthorisedPlan> {
      const stored = await plans.getWithAccess(id, actor?.account.id, {
        remembered: options.remembered ?? capability === "read",
      });
      if (!stored || (stored.deletedAt !== null && !options.deleted)) {
        throw notFound(id);
      }
      const facts: PlanAccessFacts = {
        visibility: stored.visibility,
        organisationId: stored.ownerOrganisationId,
        memberRole: stored.viewerRole,
      };
      const capabilities = planCapabilitiesOf(actor, facts);
      if (stored.deletedAt !== null && !capabilities.has("delete")) {
        throw notFound(id);
      }
      assertPlanCapability(actor, facts, capability, id, capabilities);
      return {
        get plan() {
          return stored.plan;
        },
        documentBytes: stored.documentBytes,
        revision: stored.revision,
        ownerId: stored.ownerId,
        deletedAt: stored.deletedAt,
        visibility: stored.visibility,
        role: facts.memberRole,
        capabilities,
      };
    },
  };
}

export type PlanAuthoriser = ReturnType<typeof createPlanAuthoriser>;
