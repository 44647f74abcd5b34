import { sql } from "kysely";
import type { Db } from "./database.js";
import type { PlanCommentsTable } from "./schema.js";

/** A stored comment with the display names of its author and resolver. */
export interface CommentRow extends PlanCommentsTable {
  author_name: string | null;
  resolver_name: string | null;
}

/** Open and resolved threads of one (question, output) of a plan. */
export interface CommentCountRow {
  questionId: string;
  outputId: string | null;
  open: number;
  resolved: number;
}

/** Which comments of a plan to list; `outputId: null` means plan-wide comments only. */
export interface CommentFilter {
  questionId?: string | undefined;
  outputId?: string | null | undefined;
}

/** Plan comments, on either dialect. */
export function createCommentsRepository(db: Db) {
  const withNames = () =>
    db
      .selectFrom("plan_comments as c")
      .leftJoin("users as a", "a.id", "c.author_id")
      .leftJoin("users as r", "r.id", "c.resolved_by")
      .selectAll("c")
      .select(["a.display_name as author_name", "r.display_name as resolver_name"]);

  return {
    async insert(row: PlanCommentsTable): Promise<void> {
      await db.insertInto("plan_comments").values(row).execute();
    },

    /** The comment `id` of plan `planId`, or undefined. */
    get(planId: string, id: string): Promise<CommentRow | undefined> {
      return withNames().where("c.plan_id", "=", planId).where("c.id", "=", id).executeTakeFirst();
    },

    /** Comments of a plan, oldest first (ties by id). */
    list(planId: string, filter: CommentFilter = {}): Promise<CommentRow[]> {
      let query = withNames().where("c.plan_id", "=", planId);
      if (filter.questionId !== undefined) query = query.where("c.question_id", "=", filter.questionId);
      if (filter.outputId === null) query = query.where("c.output_id", "is", null);
      else if (filter.outputId !== undefined) query = query.where("c.output_id", "=", filter.outputId);
      return query.orderBy("c.created_at").orderBy("c.id").execute();
    },

    /** Open and resolved threads per (question, output) of a plan. */
    async counts(planId: string): Promise<CommentCountRow[]> {
      const rows = await db
        .selectFrom("plan_comments")
        .select([
          "question_id",
          "output_id",
          sql<number>`sum(case when resolved_at is null then 1 else 0 end)`.as("open"),
          sql<number>`sum(case when resolved_at is null then 0 else 1 end)`.as("resolved"),
        ])
        .where("plan_id", "=", planId)
        .where("parent_id", "is", null)
        .groupBy(["question_id", "output_id"])
        .orderBy("question_id")
        .orderBy("output_id")
        .execute();
      return rows.map((r) => ({
        questionId: r.question_id,
        outputId: r.output_id,
        open: Number(r.open),
        resolved: Number(r.resolved),
      }));
    },

    async update(
      planId: string,
      id: string,
      changes: Partial<Pick<PlanCommentsTable, "body" | "edited_at" | "resolved_at" | "resolved_by">>,
    ): Promise<void> {
      await db
        .updateTable("plan_comments")
        .set(changes)
        .where("plan_id", "=", planId)
        .where("id", "=", id)
        .execute();
    },
  };
}

export type CommentsRepository = ReturnType<typeof createCommentsRepository>;
