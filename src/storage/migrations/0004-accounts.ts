import type { Kysely } from "kysely";
import type { MigrationContext } from "./index.js";

/**
 * Accounts: organisations, users, sessions, personal API tokens, password reset tokens and the
 * counters of the sign-in/reset rate limits. Secrets (session ids, tokens) are stored only as hashes.
 */
export function accountsMigration(_context: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("organisations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("ror_id", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull())
        // Lower-cased, trimmed e-mail: uniqueness and look-up ignore case on both dialects.
        .addColumn("email_key", "text", (c) => c.notNull().unique())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("organisation_id", "text", (c) => c.references("organisations.id").onDelete("set null"))
        .addColumn("role", "text", (c) => c.notNull().defaultTo("user"))
        .addColumn("preferred_language", "text", (c) => c.notNull().defaultTo("en"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("users_organisation_idx").on("users").column("organisation_id").execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
      await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();

      await db.schema
        .createTable("api_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema.createIndex("api_tokens_user_idx").on("api_tokens").column("user_id").execute();

      await db.schema
        .createTable("password_resets")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
      await db.schema
        .createIndex("password_resets_user_idx")
        .on("password_resets")
        .column("user_id")
        .execute();

      // Fixed-window counters (key → hits since window_start), shared by every server process.
      await db.schema
        .createTable("rate_limits")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("hits", "integer", (c) => c.notNull())
        .addColumn("window_start", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("rate_limits_window_idx")
        .on("rate_limits")
        .column("window_start")
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        "rate_limits",
        "password_resets",
        "api_tokens",
        "sessions",
        "users",
        "organisations",
      ])
        await db.schema.dropTable(table).execute();
    },
  };
}
