import type { Kysely } from "kysely";
import type { MigrationContext } from "./index.js";

/** Instance-wide settings (key → value), e.g. the instance id made on first start. */
export function foundationMigration(_context: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("settings")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("settings").execute();
    },
  };
}
