import type { Db, Tx } from "./database.js";
import { reusableQuery } from "./reusable-query.js";
import type { ApiTokensTable, PasswordResetsTable, SessionsTable, UsersTable } from "./schema.js";

export type SessionRow = SessionsTable;
export type ApiTokenRow = ApiTokensTable;
export type PasswordResetRow = PasswordResetsTable;

let generation = 0;

/**
 * A number that changes whenever an account or a token changes through the repositories (role,
 * organisation, name, password, revocation): what callers that remember credentials for a moment
 * compare, to forget them at once.
 */
export function credentialsGeneration(): number {
  return generation;
}

/**
 * Say that accounts or tokens changed (see `credentialsGeneration`). Writers call it after their
 * write is visible (after the statement, or after the commit of a transaction): a reader that
 * looked the credentials up while the write was under way then holds an older generation, and
 * what it remembered is forgotten.
 */
export function credentialsChanged(): void {
  generation += 1;
}

// Run on every authenticated request: built once (reusable-query.ts).
const sessionByHash = reusableQuery((db: Db, param: (name: "idHash" | "now") => never) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select([
      "sessions.created_at as session_created_at",
      "sessions.expires_at as session_expires_at",
      "sessions.last_seen_at as session_last_seen_at",
    ])
    .where("sessions.id_hash", "=", param("idHash"))
    .where("sessions.expires_at", ">", param("now")),
);

const tokenByHash = reusableQuery((db: Db, param: (name: "tokenHash") => never) =>
  db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .selectAll("users")
    .select([
      "api_tokens.id as token_id",
      "api_tokens.name as token_name",
      "api_tokens.scope as token_scope",
      "api_tokens.created_at as token_created_at",
      "api_tokens.last_used_at as token_last_used_at",
      "api_tokens.revoked_at as token_revoked_at",
    ])
    .where("api_tokens.token_hash", "=", param("tokenHash")),
);

/**
 * What proves who a caller is: sessions, personal API tokens and password reset tokens. Every
 * secret arrives here already hashed; this repository never sees one in clear.
 */
export function createCredentialsRepository(db: Db | Tx) {
  return {
    async insertSession(session: SessionRow): Promise<void> {
      await db.insertInto("sessions").values(session).execute();
    },

    /** The live session with this hash and its user (one query), or undefined when absent or expired. */
    async findSession(
      idHash: string,
      now: string,
    ): Promise<{ session: SessionRow; user: UsersTable } | undefined> {
      const [row] = (await sessionByHash(db, { idHash, now })).rows;
      if (!row) return undefined;
      const { session_created_at, session_expires_at, session_last_seen_at, ...user } = row;
      const session: SessionRow = {
        id_hash: idHash,
        user_id: user.id,
        created_at: session_created_at,
        expires_at: session_expires_at,
        last_seen_at: session_last_seen_at,
      };
      return { session, user };
    },

    async touchSession(idHash: string, now: string): Promise<void> {
      await db.updateTable("sessions").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute();
    },

    async deleteSession(idHash: string): Promise<void> {
      await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    },

    /** Delete every session of a user except `keepHash` (when given); returns how many went. */
    async deleteSessionsOfUser(userId: string, keepHash?: string): Promise<number> {
      let query = db.deleteFrom("sessions").where("user_id", "=", userId);
      if (keepHash) query = query.where("id_hash", "<>", keepHash);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteExpiredSessions(now: string): Promise<void> {
      await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
    },

    async insertToken(token: ApiTokenRow): Promise<void> {
      await db.insertInto("api_tokens").values(token).execute();
    },

    /** The token with this hash and its owner (one query), revoked or not. */
    async findTokenByHash(tokenHash: string): Promise<{ token: ApiTokenRow; user: UsersTable } | undefined> {
      const [row] = (await tokenByHash(db, { tokenHash })).rows;
      if (!row) return undefined;
      const {
        token_id,
        token_name,
        token_scope,
        token_created_at,
        token_last_used_at,
        token_revoked_at,
        ...user
      } = row;
      const token: ApiTokenRow = {
        id: token_id,
        user_id: user.id,
        name: token_name,
        token_hash: tokenHash,
        scope: token_scope,
        created_at: token_created_at,
        last_used_at: token_last_used_at,
        revoked_at: token_revoked_at,
      };
      return { token, user };
    },

    async listTokens(userId: string): Promise<ApiTokenRow[]> {
      return db
        .selectFrom("api_tokens")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
    },

    async touchToken(id: string, now: string): Promise<void> {
      await db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
    },

    /** Revoke a user's token; false when the user has no such live token. */
    async revokeToken(userId: string, id: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("api_tokens")
        .set({ revoked_at: now })
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      credentialsChanged();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertPasswordReset(reset: PasswordResetRow): Promise<void> {
      await db.insertInto("password_resets").values(reset).execute();
    },

    /**
     * Mark an unused, unexpired reset token as used and return its user id; undefined otherwise.
     * The conditional update makes the token single-use even under concurrent requests.
     */
    async consumePasswordReset(tokenHash: string, now: string): Promise<string | undefined> {
      const result = await db
        .updateTable("password_resets")
        .set({ used_at: now })
        .where("token_hash", "=", tokenHash)
        .where("used_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return undefined;
      const row = await db
        .selectFrom("password_resets")
        .select("user_id")
        .where("token_hash", "=", tokenHash)
        .executeTakeFirstOrThrow();
      return row.user_id;
    },

    /** Spend every outstanding reset token of a user (after a successful reset or password change). */
    async invalidatePasswordResets(userId: string, now: string): Promise<void> {
      await db
        .updateTable("password_resets")
        .set({ used_at: now })
        .where("user_id", "=", userId)
        .where("used_at", "is", null)
        .execute();
    },
  };
}

export type CredentialsRepository = ReturnType<typeof createCredentialsRepository>;
