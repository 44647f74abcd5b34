import { z } from "zod";
import { editOpSchema } from "../domain/edit/index.js";
import type { Plan } from "../domain/plan.js";
import type { PlanSummary } from "../storage/plans-repository.js";
import type { AppContext } from "./app-context.js";
import { loadBuiltinContent } from "./builtin-content.js";
import { type Actor, requireActor, requireWriter } from "./permissions.js";
import { createPlanAuthoriser } from "./plan-authorisation.js";
import type { PlanContent } from "./plan-content.js";
import { createPlanService, type EditOutcome, type NewPlanInput } from "./plans.js";
import { validateInput } from "./validate-input.js";

/**
 * The plan use cases as the API and other signed-in callers reach them: each decides access with
 * `plan-access.ts` (404 for a plan the caller may not read), then calls the model's plan service.
 * Until sharing lands, a plan's only member is its owner.
 */
export function createPlanRequests(
  context: Pick<AppContext, "database"> & Partial<Pick<AppContext, "live">>,
  content: PlanContent = loadBuiltinContent(),
) {
  const service = createPlanService(context, content);
  const { authorise } = createPlanAuthoriser(context);

  return {
    /** Create a plan owned by the caller. */
    async create(actor: Actor | undefined, input: NewPlanInput): Promise<Plan> {
      const me = requireWriter(actor);
      return service.create({ id: me.account.id }, input);
    },

    /** The caller's own plans, most recently modified first. */
    async listMine(actor: Actor | undefined): Promise<PlanSummary[]> {
      const me = requireActor(actor);
      return service.list({ id: me.account.id });
    },

    async get(actor: Actor | undefined, id: string): Promise<Plan> {
      return (await authorise(actor, id, "read")).plan;
    },

    /** Apply ops made on `baseRevision`; `conflict` (409) lists the conflicting paths and current values. */
    async edit(
      actor: Actor | undefined,
      id: string,
      baseRevision: number,
      ops: unknown[],
    ): Promise<EditOutcome> {
      const stored = await authorise(actor, id, "edit");
      const valid = validateInput(z.array(editOpSchema), ops);
      // Only the owner edits for now (no sharing yet), so the owner's id is also the author's.
      return service.edit({ id: stored.ownerId }, id, baseRevision, valid);
    },

    /** Put the plan in the bin (restorable). */
    async remove(actor: Actor | undefined, id: string): Promise<void> {
      const stored = await authorise(actor, id, "delete");
      await service.remove({ id: stored.ownerId }, id);
    },
  };
}

export type PlanRequests = ReturnType<typeof createPlanRequests>;
