import type { Account } from "../contract/accounts.js";
import { AppError } from "../shared/app-error.js";

/** Who is calling: a user, and how they proved it (a browser session or a personal API token). */
export interface Actor {
  account: Account;
  via: "session" | "token";
  /** Sessions always read and write; tokens have the scope they were created with. */
  scope: "read" | "read-write";
  /** The session's id hash or the token's id. */
  credentialId: string;
}

/** True for the instance's super administrators. */
export function isSuperAdmin(actor: Actor | undefined): boolean {
  return actor?.account.role === "super_admin";
}

/** True when `actor` administers organisation `organisationId` (its org admin, or a super admin). */
export function administersOrganisation(actor: Actor | undefined, organisationId: string | null): boolean {
  if (!actor) return false;
  if (isSuperAdmin(actor)) return true;
  return (
    actor.account.role === "org_admin" &&
    organisationId !== null &&
    actor.account.organisationId === organisationId
  );
}

/**
 * True when `actor` may manage the account `target`: super admins manage everyone; org admins
 * manage the members of their organisation except super admins.
 */
export function managesAccount(
  actor: Actor | undefined,
  target: Pick<Account, "role" | "organisationId">,
): boolean {
  if (!actor) return false;
  if (isSuperAdmin(actor)) return true;
  return target.role !== "super_admin" && administersOrganisation(actor, target.organisationId);
}

/** Throw `unauthenticated` unless someone is signed in; narrows the type. */
export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new AppError("unauthenticated", "Not signed in");
  return actor;
}

/** Throw unless `actor` may change data: signed in, and not through a read-only token. */
export function requireWriter(actor: Actor | undefined): Actor {
  const signedIn = requireActor(actor);
  if (signedIn.scope !== "read-write") throw new AppError("read_only_token", "Token scope is read");
  return signedIn;
}

/** Throw unless `actor` is signed in with a browser session (credentials management needs one). */
export function requireSession(actor: Actor | undefined): Actor {
  const signedIn = requireActor(actor);
  if (signedIn.via !== "session") throw new AppError("session_required", "Needs a session");
  return signedIn;
}
