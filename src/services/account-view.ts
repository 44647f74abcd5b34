import type { Account } from "../contract/accounts.js";
import type { UserRow } from "../storage/users-repository.js";

/** The public view of a stored user (never its password hash). */
export function toAccount(row: UserRow): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organisationId: row.organisation_id,
    preferredLanguage: row.preferred_language,
    createdAt: row.created_at,
  };
}
