import type { Migration } from "kysely";
import { foundationMigration } from "./0001-foundation.js";
import { plansMigration } from "./0002-plans.js";

/** What a migration may need to know beyond the Kysely instance. */
export interface MigrationContext {
  dialect: "sqlite" | "postgres";
}

/**
 * Every migration, in order. Names are permanent once released: add new ones at the end,
 * never edit or rename an applied one.
 */
export function listMigrations(context: MigrationContext): Record<string, Migration> {
  return {
    "0001-foundation": foundationMigration(context),
    "0002-plans": plansMigration(context),
  };
}
