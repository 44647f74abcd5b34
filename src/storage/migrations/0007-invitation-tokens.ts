import type { Kysely } from "kysely";
import type { MigrationContext } from "./index.js";

/**
 * Invitations carry a secret (only its hash is stored): the link in the invitation e-mail. Signing
 * up with the invited address no longer joins the plan by itself — whoever registers an address
 * does not prove they read its mail; the link does. Invitations made before have no token and are
 * sent again by whoever invites.
 */
export function invitationTokensMigration(_context: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("plan_invitations").addColumn("token_hash", "text").execute();
      await db.schema
        .createIndex("plan_invitations_token_idx")
        .on("plan_invitations")
        .column("token_hash")
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex("plan_invitations_token_idx").execute();
      await db.schema.alterTable("plan_invitations").dropColumn("token_hash").execute();
    },
  };
}
