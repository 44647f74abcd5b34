import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "./index.js";

/**
 * Offline registries (ROR, RNSR, re3data, licences, languages, standards): one row per entry and a
 * full-text index over `search_text` — FTS5 on SQLite, a generated tsvector with GIN on PostgreSQL.
 * `search_text` is already lower-cased and accent-free (made by the application), so both dialects
 * tokenise the same way with their plain tokenisers and need no extension.
 */
export function registriesMigration(context: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("registry_entries")
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("label_key", "text", (c) => c.notNull())
        .addColumn("acronym_key", "text", (c) => c.notNull())
        .addColumn("tags", "text", (c) => c.notNull())
        .addColumn("search_text", "text", (c) => c.notNull())
        .addColumn("data", "text", (c) => c.notNull())
        .addColumn("origin", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("registry_entries_pk", ["source", "id"])
        .execute();
      if (context.dialect === "sqlite") {
        // External-content FTS5 index kept in step by triggers, so writers only touch the table;
        // prefix indexes make the short prefixes of typeahead ("un", "sch") cheap.
        await sql`create virtual table registry_fts using fts5(search_text, content='registry_entries', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3')`.execute(
          db,
        );
        await sql`create trigger registry_entries_ai after insert on registry_entries begin
          insert into registry_fts(rowid, search_text) values (new.rowid, new.search_text);
        end`.execute(db);
        await sql`create trigger registry_entries_ad after delete on registry_entries begin
          insert into registry_fts(registry_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
        end`.execute(db);
        await sql`create trigger registry_entries_au after update of search_text on registry_entries begin
          insert into registry_fts(registry_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
          insert into registry_fts(rowid, search_text) values (new.rowid, new.search_text);
        end`.execute(db);
      } else {
        await sql`alter table registry_entries add column search_vector tsvector generated always as (to_tsvector('simple', search_text)) stored`.execute(
          db,
        );
        await sql`create index registry_entries_search on registry_entries using gin (search_vector)`.execute(
          db,
        );
      }
      await db.schema
        .createIndex("registry_entries_acronym")
        .on("registry_entries")
        .columns(["source", "acronym_key"])
        .execute();
      // Name-prefix look-ups are byte ranges on label_key: the "C" collation keeps them contiguous.
      if (context.dialect === "postgres") {
        await sql`create index registry_entries_label on registry_entries (source, label_key collate "C")`.execute(
          db,
        );
      } else {
        await db.schema
          .createIndex("registry_entries_label")
          .on("registry_entries")
          .columns(["source", "label_key"])
          .execute();
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (context.dialect === "sqlite") await sql`drop table if exists registry_fts`.execute(db);
      await db.schema.dropTable("registry_entries").execute();
    },
  };
}
