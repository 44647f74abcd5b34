import { randomUUID } from "node:crypto";
import { freezeDeep } from "../domain/edit/copy-on-write.js";
import {
  applyOps,
  type DescribedChange,
  describeChanges,
  diffDocuments,
  type EditEvent,
  type EditOp,
  planAtRevision,
  revertOps,
} from "../domain/edit/index.js";
import { carnetFormatVersion, type Plan, planSchema } from "../domain/plan.js";
import { type Problem, problemsFromZod } from "../domain/problems.js";
import { checkPlanRules, checkPlanRulesSince, type PlanRulesCheck } from "../domain/validate-plan.js";
import type { UiLanguage } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import { createPlansRepository, type PlanSummary, StaleRevisionError } from "../storage/plans-repository.js";
import type { AppContext } from "./app-context.js";
import type { Actor, PlanContent } from "./plan-content.js";
import { copyWithNewIds } from "./plan-copy.js";
import { createEditAnnouncer } from "./plan-live.js";

export interface NewPlanInput {
  templateId: string;
  /** ISO 639-3 language the plan is written in (fra, eng…). */
  language: string;
  title: string;
  context?: Plan["context"];
}

/** An accepted edit: the new plan, its event, and the problems the plan still has (drafts may have some). */
export interface EditOutcome {
  plan: Plan;
  /** The new plan as stored (the JSON of `plan`, UTF-8). */
  document: Buffer;
  event: EditEvent;
  problems: Problem[];
  /** True when this is an earlier edit answered again for its Idempotency-Key (nothing was applied). */
  replayed?: true;
}

/** Writers racing for the same revision retry this many times before reporting a conflict. */
const maxAttempts = 5;

/**
 * Short names people type for built-in templates. "science-europe" means the structured template,
 * the one recommended first (the core-requirements template is `science-europe-core`).
 */
const templateAliases: Record<string, string> = {
  "science-europe": "science-europe-structured",
  "science-europe-structure": "science-europe-structured",
  he: "horizon-europe",
};

/** A fresh plan on a template (one empty research output), checked but not stored (e.g. `carnet new`). */
export function draftPlan(content: PlanContent, input: NewPlanInput): Plan {
  const template =
    content.templates.get(input.templateId) ?? content.templates.get(templateAliases[input.templateId] ?? "");
  if (!template) {
    throw new AppError("bad_request", `Unknown template ${input.templateId}`, {
      params: {
        reason: `unknown template '${input.templateId}' (known: ${[...content.templates.keys()].join(", ")})`,
        template: input.templateId,
        known: [...content.templates.keys()].join(", "),
      },
    });
  }
  const planContext =
    input.context ?? (template.context === "research_entity" ? "research_entity" : "research_project");
  if (template.context !== "any" && template.context !== planContext) {
    throw new AppError("bad_request", "Template context mismatch", {
      params: { reason: `template '${template.id}' is for ${template.context} plans` },
    });
  }
  const now = new Date().toISOString();
  const output = {
    id: randomUUID(),
    position: 1,
    title: "",
    shortName: input.language === "fra" ? "PR1" : "RO1",
    type: "dataset",
  };
  const parsed = planSchema.safeParse({
    carnetFormat: carnetFormatVersion,
    id: randomUUID(),
    revision: 0,
    template: { id: template.id, version: template.version },
    context: planContext,
    language: input.language,
    createdAt: now,
    modifiedAt: now,
    details: { title: input.title },
    ...(planContext === "research_project" ? { project: { title: "" } } : { entity: { name: "" } }),
    outputs: { [output.id]: output },
  });
  const problems = parsed.success
    ? checkPlanRules(parsed.data, { ...content, template })
    : problemsFromZod(parsed.error.issues, input);
  if (!parsed.success || problems.length > 0) {
    throw new AppError("validation_failed", "The new plan is not valid", { details: { problems } });
  }
  return parsed.data;
}

/**
 * Plan use cases on the model: create, read, list, edit, duplicate, delete/restore, history, diff and
 * revert. No access check here: callers (plan-requests.ts) authorise first. With `context.live`,
 * every stored revision is announced to the plan's open editors.
 */
export function createPlanService(
  context: Pick<AppContext, "database"> & Partial<Pick<AppContext, "live">>,
  content: PlanContent,
) {
  const repo = createPlansRepository(context.database.db);
  const announce = createEditAnnouncer(context.live);
  // What the rules found in the plans edits produced (frozen), so that the next edit of a plan, which
  // starts from the plan the last one produced (shared by the repository's cache), checks again only
  // what it changed. Dropped with the plan.
  const checks = new WeakMap<Plan, PlanRulesCheck>();

  /**
   * The stored plan; not_found for a missing (or binned) plan. Whether `actor` may act on it was
   * decided before by the plan authoriser (plan-authorisation.ts): this service trusts its callers,
   * and `actor` is only the author of what it writes.
   */
  const load = async (_actor: Actor, id: string, options: { deleted?: boolean } = {}) => {
    const stored = await repo.get(id);
    if (!stored || (stored.deletedAt !== null && !options.deleted)) {
      throw new AppError("not_found", `No plan ${id}`, { params: { path: `/plans/${id}` } });
    }
    return stored;
  };

  /** Apply ops and store the result, retrying when another writer took the revision meanwhile. */
  const commit = async (
    actor: Actor,
    id: string,
    base: number | "head",
    makeOps: (head: Plan) => Promise<EditOp[]> | EditOp[],
    loaded?: Plan,
    idempotencyKey?: string,
  ): Promise<EditOutcome> => {
    for (let attempt = 1; ; attempt++) {
      // The caller may have just loaded the plan (to authorise), maybe from memory (plan-access-cache.ts:
      // another process's latest edit may not be in it yet); a retry always reloads.
      const fromCaller = attempt === 1 && loaded !== undefined;
      const head = fromCaller ? loaded : (await load(actor, id)).plan;
      const baseRevision = base === "head" ? head.revision : base;
      // Only edits after the base can conflict; an edit on the head revision needs none of them.
      const history =
        baseRevision >= head.revision ? [] : await repo.events(id, Math.min(baseRevision, head.revision));
      const ops = await makeOps(head);
      const result = applyOps(head, ops, { baseRevision, author: actor.id, history });
      // A refusal is only ever decided on the plan as stored now.
      if (!result.ok && fromCaller) continue;
      if (!result.ok && result.reason === "conflict") {
        throw new AppError("conflict", `Plan ${id}: edit conflicts with later changes`, {
          details: { revision: head.revision, conflicts: result.conflicts },
        });
      }
      if (!result.ok) {
        throw new AppError("validation_failed", `Plan ${id}: edit refused`, {
          details: { problems: result.problems },
        });
      }
      try {
        // Immutable from here on: shared by later reads and edits, and compared by identity by the rules.
        const plan = freezeDeep(result.plan);
        // PostgreSQL: the statement that stores the edit also announces it (one round trip).
        const notification = announce.notification(id, result.event);
        const document = await repo.saveEdit(plan, result.event, idempotencyKey, notification);
        await announce.edit(id, result.event, notification !== undefined);
        const check = checkPlanRulesSince(checks.get(head), plan, content);
        checks.set(plan, check);
        return { plan, document, event: result.event, problems: check.problems };
      } catch (error) {
        if (!(error instanceof StaleRevisionError) || attempt >= maxAttempts) throw error;
      }
    }
  };

  return {
    /** Create a plan from a template, owned by `actor`. */
    async create(actor: Actor, input: NewPlanInput): Promise<Plan> {
      const plan = draftPlan(content, input);
      await repo.insert(plan, actor.id);
      return plan;
    },

    async get(actor: Actor, id: string): Promise<Plan> {
      return (await load(actor, id)).plan;
    },

    /** The actor's plans (or those in the bin), most recently modified first. */
    list(actor: Actor, options: { deleted?: boolean } = {}): Promise<PlanSummary[]> {
      return repo.listByOwner(actor.id, options);
    },

    /**
     * Apply `ops` made on `baseRevision`; AppError `conflict` lists the conflicting paths and current
     * values. `loaded`: the plan as just read by the caller (saves reading it again).
     */
    async edit(
      actor: Actor,
      id: string,
      baseRevision: number,
      ops: EditOp[],
      loaded?: Plan,
      idempotencyKey?: string,
    ): Promise<EditOutcome> {
      return commit(actor, id, baseRevision, () => ops, loaded, idempotencyKey);
    },

    /**
     * The edit already stored with `idempotencyKey` on this plan, answered as it was first (its
     * revision, the plan at that revision and its problems), or undefined when the key is new.
     * AppError `idempotency_key_reused` when the key went with other ops or another author.
     */
    async replayed(
      actor: Actor,
      id: string,
      idempotencyKey: string,
      ops: EditOp[],
      loaded?: Plan,
    ): Promise<EditOutcome | undefined> {
      const stored = await repo.eventByIdempotencyKey(id, idempotencyKey);
      if (!stored) return undefined;
      if (stored.author !== actor.id || stored.ops !== JSON.stringify(ops)) {
        throw new AppError("idempotency_key_reused", `Plan ${id}: Idempotency-Key used for another edit`, {
          params: { revision: stored.revision },
        });
      }
      // The plan read to authorise may predate the stored edit (the same edit sent twice at once).
      const head = loaded && loaded.revision >= stored.revision ? loaded : (await load(actor, id)).plan;
      const events = await repo.events(id, stored.revision - 1);
      const plan = planAtRevision(head, events, stored.revision);
      const event = events.find((e) => e.revision === stored.revision)!;
      return {
        plan,
        document: Buffer.from(JSON.stringify(plan), "utf8"),
        event,
        problems: checkPlanRules(plan, content),
        replayed: true,
      };
    },

    /** A new plan with the same content and new ids everywhere, owned by `actor`. */
    async duplicate(actor: Actor, id: string, options: { title?: string } = {}): Promise<Plan> {
      const { plan } = await load(actor, id);
      const now = new Date().toISOString();
      const copy = copyWithNewIds(plan, randomUUID);
      const fresh = planSchema.parse({
        ...copy,
        revision: 0,
        createdAt: now,
        modifiedAt: now,
        status: "draft",
        visibility: "private",
        details: { ...copy.details, title: options.title ?? plan.details.title },
      });
      await repo.insert(fresh, actor.id);
      return fresh;
    },

    /** Put a plan in the bin (restorable). */
    async remove(actor: Actor, id: string): Promise<void> {
      await load(actor, id);
      await repo.setDeleted(id, new Date().toISOString());
      await announce.accessChanged(id);
    },

    async restore(actor: Actor, id: string): Promise<Plan> {
      const { plan } = await load(actor, id, { deleted: true });
      await repo.setDeleted(id, null);
      await announce.accessChanged(id);
      return plan;
    },

    /** Every accepted edit of the plan, oldest first. */
    async history(actor: Actor, id: string): Promise<EditEvent[]> {
      await load(actor, id);
      return repo.events(id);
    },

    /** Field-by-field changes from revision `from` to revision `to`, in user terms. */
    async diff(
      actor: Actor,
      id: string,
      from: number,
      to: number,
      lang: UiLanguage,
    ): Promise<DescribedChange[]> {
      const { plan } = await load(actor, id);
      for (const r of [from, to]) {
        if (!Number.isInteger(r) || r < 0 || r > plan.revision) {
          throw new AppError("not_found", `No revision ${r}`, {
            params: { path: `/plans/${id}/revisions/${r}` },
          });
        }
      }
      const events = await repo.events(id, Math.min(from, to));
      const before = planAtRevision(plan, events, from);
      const after = planAtRevision(plan, events, to);
      return describeChanges(diffDocuments(before, after), {
        lang,
        before,
        after,
        template: content.templates.get(plan.template.id),
      });
    },

    /** Bring the plan back to the content of `revision`, as a new revision. */
    async revert(actor: Actor, id: string, revision: number): Promise<EditOutcome> {
      const { plan } = await load(actor, id);
      if (!Number.isInteger(revision) || revision < 0 || revision > plan.revision) {
        throw new AppError("not_found", `No revision ${revision}`, {
          params: { path: `/plans/${id}/revisions/${revision}` },
        });
      }
      // Recomputed from the head on each attempt, so the result has the revision's content even after a race.
      // Visibility is a sharing setting, not content: a revert leaves it as it is.
      return commit(actor, id, "head", async (head) =>
        revertOps(head, await repo.events(id, revision), revision).filter(
          (op) => op.path !== "/visibility" && !op.path.startsWith("/visibility/"),
        ),
      );
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
