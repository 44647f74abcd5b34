import { randomUUID } from "node:crypto";
import {
  type Comment,
  type CommentCounts,
  type CommentCreateInput,
  type CommentEditInput,
  type CommentListQuery,
  commentCreateSchema,
  commentEditSchema,
  commentListQuerySchema,
} from "../contract/comments.js";
import type { Plan } from "../domain/plan.js";
import { listQuestions } from "../domain/template.js";
import type { MessageKey } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import type { InputIssue } from "../shared/input-issues.js";
import { type CommentRow, createCommentsRepository } from "../storage/comments-repository.js";
import type { AppContext } from "./app-context.js";
import { loadBuiltinContent } from "./builtin-content.js";
import { type Actor, requireWriter } from "./permissions.js";
import { type AuthorisedPlan, createPlanAuthoriser } from "./plan-authorisation.js";
import type { PlanContent } from "./plan-content.js";
import { validateInput } from "./validate-input.js";

/** Shown for an author whose account no longer exists. */
const unknownName = "?";

let lastCreated = 0;
/** Creation times strictly increase within a process, so that "oldest first" keeps the order of writing. */
function creationTime(): string {
  lastCreated = Math.max(Date.now(), lastCreated + 1);
  return new Date(lastCreated).toISOString();
}

/** Whether a comment is on a research output the plan no longer has (removed, perhaps to come back by a revert). */
function onRemovedOutput(plan: Plan, outputId: string | null): boolean {
  return outputId !== null && !Object.hasOwn(plan.outputs, outputId);
}

function toComment(row: CommentRow, plan: Plan, thread: CommentRow | undefined = undefined): Comment {
  // A reply carries its thread's status, so that a client can filter or grey out a whole thread.
  const status = thread ?? row;
  return {
    id: row.id,
    planId: row.plan_id,
    questionId: row.question_id,
    outputId: row.output_id,
    outputRemoved: onRemovedOutput(plan, row.output_id),
    parentId: row.parent_id,
    body: row.body,
    author: { id: row.author_id, displayName: row.author_name ?? unknownName },
    createdAt: row.created_at,
    editedAt: row.edited_at,
    resolvedAt: status.resolved_at,
    resolvedBy: status.resolved_by
      ? { id: status.resolved_by, displayName: status.resolver_name ?? unknownName }
      : null,
  };
}

function invalid(path: string, key: MessageKey, params: Record<string, string>): AppError {
  const issue: InputIssue = { path, code: "custom", key, params, message: key };
  return new AppError("validation_failed", `Invalid comment: ${path}`, { issues: [issue] });
}

/**
 * Comments on a plan's questions, per research output or plan-wide, in threads one level deep:
 * reading needs the plan's `read` right, writing its `comment` right (both decided by the plan
 * authoriser); only its author edits a comment's text; resolving and reopening apply to a thread
 * (its first comment).
 */
export function createCommentService(
  context: Pick<AppContext, "database">,
  content: PlanContent = loadBuiltinContent(),
) {
  const comments = createCommentsRepository(context.database.db);
  const { authorise } = createPlanAuthoriser(context);

  /** The comment `commentId` of the plan, with its thread's first comment; 404 when there is none. */
  const load = async (plan: AuthorisedPlan, commentId: string) => {
    const row = await comments.get(plan.plan.id, commentId);
    if (!row) {
      throw new AppError("not_found", `No comment ${commentId}`, {
        params: { path: `/api/v1/plans/${plan.plan.id}/comments/${commentId}` },
      });
    }
    const thread = row.parent_id ? await comments.get(plan.plan.id, row.parent_id) : undefined;
    return { row, thread };
  };

  /** Check that (questionId, outputId) names a question of the plan's template and an output of the plan. */
  const checkTarget = (plan: AuthorisedPlan, questionId: string, outputId: string | null) => {
    const template = content.templates.get(plan.plan.template.id);
    const found = template ? listQuestions(template).find((q) => q.question.id === questionId) : undefined;
    if (!found) throw invalid("/questionId", "comments.unknown_question", { questionId });
    if (outputId === null) return;
    if (!Object.hasOwn(plan.plan.outputs, outputId)) {
      throw invalid("/outputId", "comments.unknown_output", { outputId });
    }
    if (found.section.scope === "plan") {
      throw invalid("/outputId", "comments.plan_scoped_question", { questionId });
    }
  };

  const setResolved = async (
    actor: Actor | undefined,
    planId: string,
    commentId: string,
    resolve: boolean,
  ) => {
    const plan = await authorise(actor, planId, "comment");
    const me = requireWriter(actor);
    const { row } = await load(plan, commentId);
    if (row.parent_id !== null) throw invalid("/commentId", "comments.not_a_thread", { commentId });
    if (resolve ? row.resolved_at === null : row.resolved_at !== null) {
      await comments.update(planId, commentId, {
        resolved_at: resolve ? new Date().toISOString() : null,
        resolved_by: resolve ? me.account.id : null,
      });
    }
    return toComment((await load(plan, commentId)).row, plan.plan);
  };

  return {
    /**
     * Comments of the plan, oldest first; `status` filters by their thread's state. Comments on a
     * research output removed from the plan are kept (a revert brings the output back with them)
     * and left out unless `removedOutputs` asks for them; they are flagged `outputRemoved`.
     */
    async list(actor: Actor | undefined, planId: string, query: CommentListQuery = {}): Promise<Comment[]> {
      const filter = validateInput(commentListQuerySchema, query);
      const { plan } = await authorise(actor, planId, "read");
      const rows = await comments.list(planId, {
        questionId: filter.questionId,
        outputId: filter.outputId === "" ? null : filter.outputId,
      });
      // Replies are listed with their thread; the thread's first comment has the same (question, output).
      const threads = new Map(rows.filter((r) => r.parent_id === null).map((r) => [r.id, r]));
      return rows
        .map((row) => toComment(row, plan, row.parent_id ? threads.get(row.parent_id) : undefined))
        .filter(
          (c) =>
            (filter.status === "all" || (c.resolvedAt !== null) === (filter.status === "resolved")) &&
            (filter.removedOutputs === "include" || c.outputRemoved === (filter.removedOutputs === "only")),
        );
    },

    /**
     * Open and resolved threads per (question, output), plan-wide ones first within a question; the
     * threads on research outputs removed from the plan are counted apart (`onRemovedOutputs`).
     */
    async counts(actor: Actor | undefined, planId: string): Promise<CommentCounts> {
      const { plan } = await authorise(actor, planId, "read");
      const rows = await comments.counts(planId);
      const onRemovedOutputs = { open: 0, resolved: 0 };
      for (const row of rows) {
        if (!onRemovedOutput(plan, row.outputId)) continue;
        onRemovedOutputs.open += row.open;
        onRemovedOutputs.resolved += row.resolved;
      }
      const counts = rows
        .filter((row) => !onRemovedOutput(plan, row.outputId))
        .sort(
          (a, b) =>
            a.questionId.localeCompare(b.questionId) ||
            (a.outputId === null ? -1 : b.outputId === null ? 1 : a.outputId.localeCompare(b.outputId)),
        );
      return { counts, onRemovedOutputs };
    },

    /** A new thread, or a reply to one (`parentId`), on a question of the plan. */
    async create(actor: Actor | undefined, planId: string, input: CommentCreateInput): Promise<Comment> {
      const valid = validateInput(commentCreateSchema, input);
      const plan = await authorise(actor, planId, "comment");
      const me = requireWriter(actor);
      const outputId = valid.outputId ?? null;
      checkTarget(plan, valid.questionId, outputId);
      const parentId = valid.parentId ?? null;
      if (parentId !== null) {
        const parent = await comments.get(planId, parentId);
        if (!parent || parent.question_id !== valid.questionId || parent.output_id !== outputId) {
          throw invalid("/parentId", "comments.unknown_parent", { parentId });
        }
        if (parent.parent_id !== null) throw invalid("/parentId", "comments.parent_is_reply", { parentId });
      }
      const id = randomUUID();
      await comments.insert({
        id,
        plan_id: planId,
        question_id: valid.questionId,
        output_id: outputId,
        parent_id: parentId,
        author_id: me.account.id,
        body: valid.body,
        created_at: creationTime(),
        edited_at: null,
        resolved_at: null,
        resolved_by: null,
      });
      const { row, thread } = await load(plan, id);
      return toComment(row, plan.plan, thread);
    },

    /** Change the text of one's own comment. */
    async edit(
      actor: Actor | undefined,
      planId: string,
      commentId: string,
      input: CommentEditInput,
    ): Promise<Comment> {
      const valid = validateInput(commentEditSchema, input);
      const plan = await authorise(actor, planId, "comment");
      const me = requireWriter(actor);
      const { row } = await load(plan, commentId);
      if (row.author_id !== me.account.id) {
        throw new AppError("forbidden", "Only its author may edit a comment");
      }
      await comments.update(planId, commentId, { body: valid.body, edited_at: new Date().toISOString() });
      const { row: edited, thread } = await load(plan, commentId);
      return toComment(edited, plan.plan, thread);
    },

    /** Mark a thread resolved (idempotent). */
    resolve(actor: Actor | undefined, planId: string, commentId: string): Promise<Comment> {
      return setResolved(actor, planId, commentId, true);
    },

    /** Open a resolved thread again (idempotent). */
    reopen(actor: Actor | undefined, planId: string, commentId: string): Promise<Comment> {
      return setResolved(actor, planId, commentId, false);
    },
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
