import type { Kysely } from "kysely";
import type { MigrationContext } from "./index.js";

/**
 * Plans (current document as JSON text, with listing columns) and their edit log. The primary key
 * (plan_id, revision) of plan_events is what stops two concurrent writers from both committing the
 * same revision: the second insert fails and its transaction rolls back.
 */
export function plansMigration(_context: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("plans")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull())
        .addColumn("template_id", "text", (c) => c.notNull())
        .addColumn("template_version", "integer", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("document", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("modified_at", "text", (c) => c.notNull())
        .addColumn("deleted_at", "text")
        .execute();
      await db.schema
        .createIndex("plans_owner_modified")
        .on("plans")
        .columns(["owner_id", "modified_at"])
        .execute();
      await db.schema
        .createTable("plan_events")
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("author", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("ops", "text", (c) => c.notNull())
        .addColumn("inverse", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("plan_events_pk", ["plan_id", "revision"])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("plan_events").execute();
      await db.schema.dropTable("plans").execute();
    },
  };
}
