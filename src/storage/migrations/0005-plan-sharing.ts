import { type Kysely, sql } from "kysely";
import { titleKeys } from "../plan-title-keys.js";
import type { MigrationContext } from "./index.js";

interface LegacyPlanRow {
  id: string;
  owner_id: string;
  title: string;
  document: string;
  created_at: string;
}

/**
 * Sharing: members of a plan with their role (the owner included, kept in step with
 * `plans.owner_id`), pending invitations by e-mail, and the listing columns of `plans`
 * (visibility, language, and the title keys used to search and sort the same way on both dialects:
 * `title_key` lower-cased for search, `title_sort` lower-cased without accents for ordering; on
 * PostgreSQL both use the "C" collation so that they order byte-wise like SQLite).
 */
export function planSharingMigration(context: MigrationContext) {
  const keyType = context.dialect === "postgres" ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("plan_members")
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        // Not a foreign key: the model layer (CLI, benches) may own plans under ids that are not
        // accounts, and accounts are never deleted (they would keep their plans anyway).
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("added_at", "text", (c) => c.notNull())
        .addColumn("added_by", "text")
        .addPrimaryKeyConstraint("plan_members_pk", ["plan_id", "user_id"])
        .execute();
      await db.schema.createIndex("plan_members_user_idx").on("plan_members").column("user_id").execute();

      await db.schema
        .createTable("plan_invitations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("email_key", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("invited_by", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("plan_invitations_plan_email", ["plan_id", "email_key"])
        .execute();
      await db.schema
        .createIndex("plan_invitations_email_idx")
        .on("plan_invitations")
        .column("email_key")
        .execute();

      for (const column of [
        sql`visibility text not null default 'private'`,
        sql`language text not null default ''`,
        sql`title_key ${keyType} not null default ''`,
        sql`title_sort ${keyType} not null default ''`,
      ]) {
        await sql`alter table plans add column ${column}`.execute(db);
      }

      // Backfill from each plan's document; its owner becomes its first member.
      const rows =
        await sql<LegacyPlanRow>`select id, owner_id, title, document, created_at from plans`.execute(db);
      for (const row of rows.rows) {
        const document = JSON.parse(row.document) as { visibility?: unknown; language?: unknown };
        const visibility =
          document.visibility === "organisation" || document.visibility === "public"
            ? document.visibility
            : "private";
        const language = typeof document.language === "string" ? document.language : "";
        const keys = titleKeys(row.title);
        await sql`update plans set visibility = ${visibility}, language = ${language}, title_key = ${keys.titleKey}, title_sort = ${keys.titleSort} where id = ${row.id}`.execute(
          db,
        );
      }
      await sql`insert into plan_members (plan_id, user_id, role, added_at, added_by)
        select p.id, p.owner_id, 'owner', p.created_at, null from plans p`.execute(db);

      await db.schema
        .createIndex("plans_visibility_modified")
        .on("plans")
        .columns(["visibility", "modified_at"])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex("plans_visibility_modified").execute();
      for (const column of ["title_sort", "title_key", "language", "visibility"]) {
        await db.schema.alterTable("plans").dropColumn(column).execute();
      }
      await db.schema.dropTable("plan_invitations").execute();
      await db.schema.dropTable("plan_members").execute();
    },
  };
}
