import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "./index.js";

/**
 * What the RDA Common maDMP API lists and searches by, taken from each plan's DCS document (see
 * `madmp-index-repository.ts`): one row per plan with its sort keys and search text, and one row per
 * identifier it names (DMP, contacts, contributors, datasets, metadata standards, funders, grants).
 * Rows are rebuilt when their `source_key` (the plan's revision and its owner's contact details, which
 * a plan naming no contact is exported with) no longer matches, so filters, sorting and paging run in
 * the database. Sort columns are "C"-collated on PostgreSQL so that they order byte-wise like SQLite.
 */
export function madmpIndexMigration(context: MigrationContext) {
  const sortText = context.dialect === "postgres" ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("madmp_index")
        .addColumn("plan_id", "text", (c) => c.primaryKey().references("plans.id").onDelete("cascade"))
        .addColumn("source_key", "text", (c) => c.notNull())
        .addColumn("exportable", "integer", (c) => c.notNull())
        .addColumn("title", sortText)
        .addColumn("created", "text")
        .addColumn("modified", "text")
        .addColumn("language", "text")
        .addColumn("embargo", "text")
        .addColumn("keyword", sortText)
        .addColumn("ethical_issues", "integer", (c) => c.notNull())
        .addColumn("search_text", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("madmp_index_ids")
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("madmp_index_ids_value_idx")
        .on("madmp_index_ids")
        .columns(["kind", "value", "plan_id"])
        .execute();
      await db.schema
        .createIndex("madmp_index_ids_plan_idx")
        .on("madmp_index_ids")
        .column("plan_id")
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("madmp_index_ids").execute();
      await db.schema.dropTable("madmp_index").execute();
    },
  };
}
