import type { Kysely } from "kysely";
import type { MigrationContext } from "./index.js";

/**
 * Comments on a plan's questions, per research output or plan-wide (`output_id` null), in threads
 * one level deep (`parent_id` names the thread's first comment). Indexed for the two queries the
 * API makes: every comment of a plan (counts, listing) and the comments of one (question, output).
 */
export function planCommentsMigration(_context: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("plan_comments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        .addColumn("question_id", "text", (c) => c.notNull())
        .addColumn("output_id", "text")
        .addColumn("parent_id", "text", (c) => c.references("plan_comments.id").onDelete("cascade"))
        .addColumn("author_id", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("edited_at", "text")
        .addColumn("resolved_at", "text")
        .addColumn("resolved_by", "text")
        .execute();
      await db.schema
        .createIndex("plan_comments_plan_created")
        .on("plan_comments")
        .columns(["plan_id", "created_at"])
        .execute();
      await db.schema
        .createIndex("plan_comments_plan_question_output")
        .on("plan_comments")
        .columns(["plan_id", "question_id", "output_id", "created_at"])
        .execute();
      await db.schema.createIndex("plan_comments_parent").on("plan_comments").column("parent_id").execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("plan_comments").execute();
    },
  };
}
