import type { z } from "zod";
import { diffQuerySchema, historyQuerySchema, revertBodySchema } from "../contract/plans.js";
import {
  type Change,
  type DescribedChange,
  describeChanges,
  diffDocuments,
  type EditEvent,
  type EditOp,
  planAtRevision,
  replayOps,
  touchedPaths,
} from "../domain/edit/index.js";
import { type PathSegment, valueAt } from "../domain/json-pointer.js";
import type { Plan } from "../domain/plan.js";
import type { UiLanguage } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import { createPlansRepository } from "../storage/plans-repository.js";
import type { AppContext } from "./app-context.js";
import { type Actor, requireWriter } from "./permissions.js";
import type { PlanAuthoriser } from "./plan-authorisation.js";
import type { PlanContent } from "./plan-content.js";
import type { PlanService } from "./plans.js";
import { validateInput } from "./validate-input.js";

/** One accepted edit as people read it: when, who, and what changed in their terms. */
export interface HistoryEntry {
  revision: number;
  at: string;
  author: { id: string; displayName: string };
  changes: DescribedChange[];
}

const bookkeeping = new Set(["revision", "modifiedAt"]);

/**
 * Field-level changes of one event: only the subtrees its ops touched are compared (a whole-plan
 * diff per event would cost the plan's size for every line of a long history).
 */
export function changesOfEvent(before: Plan, after: Plan, ops: readonly EditOp[]): Change[] {
  const paths = ops.flatMap((op) => touchedPaths(op)).filter((p) => !bookkeeping.has(p[0] ?? ""));
  const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((s, i) => s === b[i]);
  const unique = [...new Map(paths.map((p) => [JSON.stringify(p), p])).values()];
  const roots = unique.filter((p) => !unique.some((q) => q.length < p.length && isPrefix(q, p)));
  return roots.flatMap((segments): Change[] => {
    const path: PathSegment[] = segments;
    const was = valueAt(before, path);
    const is = valueAt(after, path);
    if (was === undefined && is === undefined) return [];
    if (was === undefined) return [{ path, kind: "added", after: is }];
    if (is === undefined) return [{ path, kind: "removed", before: was }];
    return diffDocuments(was, is, path);
  });
}

const noRevision = (id: string, revision: number) =>
  new AppError("not_found", `No revision ${revision}`, {
    params: { path: `/api/v1/plans/${id}/revisions/${revision}` },
  });

/**
 * History of plans: accepted edits newest first with their authors and changes in the reader's
 * language, a past revision, the changes between two revisions, and revert. Reading history needs
 * `view_history` (members, super admins); reverting needs `edit`.
 */
export function createPlanHistory(
  context: Pick<AppContext, "database">,
  authoriser: PlanAuthoriser,
  plans: PlanService,
  content: PlanContent,
) {
  const db = context.database.db;
  const repo = createPlansRepository(db);
  const { authorise } = authoriser;

  const authorNames = async (events: readonly EditEvent[]) => {
    const ids = [...new Set(events.map((e) => e.author))];
    if (ids.length === 0) return new Map<string, string>();
    const rows = await db.selectFrom("users").select(["id", "display_name"]).where("id", "in", ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  };

  return {
    /** A page of events, newest first (`before`: only revisions below it). */
    async list(
      actor: Actor | undefined,
      id: string,
      input: z.input<typeof historyQuerySchema>,
      lang: UiLanguage,
    ): Promise<{ events: HistoryEntry[]; nextBefore: number | null }> {
      const { limit, before } = validateInput(historyQuerySchema, input);
      const { plan: head } = await authorise(actor, id, "view_history");
      const newest = Math.min(head.revision, (before ?? head.revision + 1) - 1);
      const oldest = Math.max(1, newest - limit + 1);
      if (newest < 1) return { events: [], nextBefore: null };
      const events = await repo.events(id, oldest - 1);
      const names = await authorNames(events.filter((e) => e.revision <= newest));
      const template = content.templates.get(head.template.id);
      const entries: HistoryEntry[] = [];
      let doc = head;
      for (let index = events.length - 1; index >= 0; index--) {
        const event = events[index] as EditEvent;
        // Events are contiguous up to the head; a gap (a plan stored without its past) ends the history.
        if (event.revision !== doc.revision) break;
        const previous = { ...replayOps(doc, event.inverse), revision: event.revision - 1 };
        if (event.revision <= newest) {
          const changes = changesOfEvent(previous, doc, event.ops);
          entries.push({
            revision: event.revision,
            at: event.at,
            author: { id: event.author, displayName: names.get(event.author) ?? "" },
            changes: describeChanges(changes, {
              lang,
              before: previous,
              after: doc,
              ...(template ? { template } : {}),
            }),
          });
        }
        doc = previous;
      }
      return { events: entries, nextBefore: oldest > 1 ? oldest : null };
    },

    /** The plan document as it was at `revision`. */
    async revision(actor: Actor | undefined, id: string, revision: number): Promise<Plan> {
      const { plan: head } = await authorise(actor, id, "view_history");
      if (!Number.isInteger(revision) || revision < 0 || revision > head.revision)
        throw noRevision(id, revision);
      try {
        return planAtRevision(head, await repo.events(id, revision), revision);
      } catch (error) {
        // A plan stored at a revision without its earlier events (e.g. imported) has no such past.
        if (error instanceof RangeError) throw noRevision(id, revision);
        throw error;
      }
    },

    /** Field-by-field changes from revision `from` to `to`, labelled in `lang`. */
    async diff(
      actor: Actor | undefined,
      id: string,
      input: z.input<typeof diffQuerySchema>,
      lang: UiLanguage,
    ): Promise<{ from: number; to: number; changes: DescribedChange[] }> {
      const { from, to } = validateInput(diffQuerySchema, input);
      await authorise(actor, id, "view_history");
      try {
        const changes = await plans.diff({ id: actor?.account.id ?? "" }, id, from, to, lang);
        return { from, to, changes };
      } catch (error) {
        if (error instanceof RangeError) throw noRevision(id, Math.min(from, to));
        throw error;
      }
    },

    /** Make a new revision with the content of `revision` (the visibility is left as it is). */
    async revert(
      actor: Actor | undefined,
      id: string,
      input: z.input<typeof revertBodySchema>,
    ): Promise<{ revision: number; plan: Plan }> {
      await authorise(actor, id, "edit");
      const me = requireWriter(actor);
      const { revision } = validateInput(revertBodySchema, input);
      const outcome = await plans.revert({ id: me.account.id }, id, revision);
      return { revision: outcome.plan.revision, plan: outcome.plan };
    },
  };
}

export type PlanHistory = ReturnType<typeof createPlanHistory>;
