import { createPlansRepository, type StoredPlan } from "../storage/plans-repository.js";
import { createUsersRepository } from "../storage/users-repository.js";
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
}

/**
 * The one place that decides whether a caller may do something with a plan (every plan use case,
 * in the API and the CLI, goes through it): loads the plan's access facts and applies the matrix of
 * `plan-access.ts`. A plan the caller may not read — missing, binned or someone else's private
 * plan — is `not_found` (404), so its existence stays secret.
 */
export function createPlanAuthoriser(context: Pick<AppContext, "database">) {
  const plans = createPlansRepository(context.database.db);
  const users = createUsersRepository(context.database.db);

  const roleOf = (actor: Actor | undefined, stored: StoredPlan): PlanRole | undefined =>
    actor && actor.account.id === stored.ownerId ? "owner" : undefined;

  const factsOf = async (actor: Actor | undefined, stored: StoredPlan): Promise<PlanAccessFacts> => {
    const owner = await users.findById(stored.ownerId);
    return {
      visibility: stored.plan.visibility,
      organisationId: owner?.organisation_id ?? null,
      memberRole: roleOf(actor, stored),
    };
  };

  return {
    /** The plan if `actor` may `capability` it; throws `not_found`, `forbidden`, `read_only_token`… otherwise. */
    async authorise(
      actor: Actor | undefined,
      id: string,
      capability: PlanCapability,
      options: { deleted?: boolean } = {},
    ): Promise<AuthorisedPlan> {
      const stored = await plans.get(id);
      if (!stored || (stored.deletedAt !== null && !options.deleted)) {
        const hidden = { visibility: "private", organisationId: null } satisfies PlanAccessFacts;
        return assertPlanCapability(actor, hidden, capability, id) as never;
      }
      const facts = await factsOf(actor, stored);
      assertPlanCapability(actor, facts, capability, id);
      return { ...stored, role: facts.memberRole, capabilities: planCapabilitiesOf(actor, facts) };
    },
  };
}

export type PlanAuthoriser = ReturnType<typeof createPlanAuthoriser>;
