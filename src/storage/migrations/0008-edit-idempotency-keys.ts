import type { Kysely } from "kysely";
import type { MigrationContext } from "./index.js";

/**
 * An edit may carry the client's `Idempotency-Key` (PATCH /api/v1/plans/{id}): stored with its
 * event, unique per plan, so that the same edit sent again (its answer lost) is answered with the
 * first result instead of being applied twice. Events written before have none (null; a unique
 * index lets any number of nulls through on both dialects).
 */
export function editIdempotencyKeysMigration(_context: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("plan_events").addColumn("idempotency_key", "text").execute();
      await db.schema
        .createIndex("plan_events_idempotency_key_idx")
        .on("plan_events")
        .columns(["plan_id", "idempotency_key"])
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex("plan_events_idempotency_key_idx").execute();
      await db.schema.alterTable("plan_events").dropColumn("idempotency_key").execute();
    },
  };
}
