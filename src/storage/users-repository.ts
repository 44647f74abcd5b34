import { credentialsChanged } from "./credentials-repository.js";
import type { Db, Tx } from "./database.js";
import type { UserRole, UsersTable } from "./schema.js";

/** A user as stored (the password hash included: only services see it). */
export type UserRow = UsersTable;

/** The key e-mails are unique and looked up by: trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Users: look-ups by id and e-mail (case-insensitive), creation and updates. */
export function createUsersRepository(db: Db | Tx) {
  return {
    async findById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async findByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom("users").selectAll().where("email_key", "=", emailKey(email)).executeTakeFirst();
    },

    /** Insert a user; returns false (and writes nothing) when the e-mail is taken. */
    async insert(user: UserRow): Promise<boolean> {
      const result = await db
        .insertInto("users")
        .values(user)
        .onConflict((oc) => oc.column("email_key").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async update(
      id: string,
      changes: Partial<
        Pick<UserRow, "display_name" | "preferred_language" | "password_hash" | "role" | "organisation_id">
      >,
    ): Promise<void> {
      await db
        .updateTable("users")
        .set({ ...changes, updated_at: new Date().toISOString() })
        .where("id", "=", id)
        .execute();
      // Inside a transaction the change is visible only at commit: the caller says so again then.
      credentialsChanged();
    },

    async listByOrganisation(organisationId: string): Promise<UserRow[]> {
      return db
        .selectFrom("users")
        .selectAll()
        .where("organisation_id", "=", organisationId)
        .orderBy("email_key")
        .execute();
    },

    async countByRole(role: UserRole): Promise<number> {
      const row = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("role", "=", role)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
