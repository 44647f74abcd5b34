import type { Migration } from "kysely";
import { foundationMigration } from "./0001-foundation.js";
import { plansMigration } from "./0002-plans.js";
import { registriesMigration } from "./0003-registries.js";
import { accountsMigration } from "./0004-accounts.js";
import { planSharingMigration } from "./0005-plan-sharing.js";
import { planCommentsMigration } from "./0006-plan-comments.js";
import { invitationTokensMigration } from "./0007-invitation-tokens.js";
import { editIdempotencyKeysMigration } from "./0008-edit-idempotency-keys.js";
import { madmpIndexMigration } from "./0009-madmp-index.js";

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
    "0003-registries": registriesMigration(context),
    "0004-accounts": accountsMigration(context),
    "0005-plan-sharing": planSharingMigration(context),
    "0006-plan-comments": planCommentsMigration(context),
    "0007-invitation-tokens": invitationTokensMigration(context),
    "0008-edit-idempotency-keys": editIdempotencyKeysMigration(context),
    "0009-madmp-index": madmpIndexMigration(context),
  };
}
