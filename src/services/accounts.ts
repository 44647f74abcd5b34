import { randomUUID } from "node:crypto";
import {
  type Account,
  type AccountPatch,
  accountPatchSchema,
  type PasswordChangeInput,
  passwordChangeSchema,
  type RegisterInput,
  registerBodySchema,
} from "../contract/accounts.js";
import { AppError } from "../shared/app-error.js";
import { createCredentialsRepository, credentialsChanged } from "../storage/credentials-repository.js";
import { inTransaction } from "../storage/database.js";
import { createOrganisationsRepository } from "../storage/organisations-repository.js";
import type { UserRole } from "../storage/schema.js";
import { createUsersRepository, emailKey, type UserRow } from "../storage/users-repository.js";
import type { AccountDeps } from "./account-deps.js";
import { toAccount } from "./account-view.js";
import { generatePassword, hashPassword, verifyPassword } from "./passwords.js";
import { type Actor, requireActor, requireSession, requireWriter } from "./permissions.js";
import { assertUnderLimit, countAgainstLimit, rateLimits } from "./rate-limits.js";
import { type OpenedSession, openSession, type RequestOrigin } from "./sessions.js";
import { validateInput } from "./validate-input.js";

interface NewUser {
  email: string;
  password: string;
  displayName: string;
  preferredLanguage?: "en" | "fr" | undefined;
  organisationId?: string | undefined;
  role: UserRole;
}

async function insertUser(deps: AccountDeps, input: NewUser): Promise<UserRow> {
  if (input.organisationId) {
    const organisation = await createOrganisationsRepository(deps.db).findById(input.organisationId);
    if (!organisation) {
      throw new AppError("validation_failed", "Unknown organisation", {
        details: [{ path: "/organisationId", message: "no organisation has this id" }],
      });
    }
  }
  const now = deps.now().toISOString();
  const row: UserRow = {
    id: randomUUID(),
    email: input.email.trim(),
    email_key: emailKey(input.email),
    display_name: input.displayName,
    password_hash: await hashPassword(input.password, deps.passwordCost),
    organisation_id: input.organisationId ?? null,
    role: input.role,
    preferred_language: input.preferredLanguage ?? "en",
    created_at: now,
    updated_at: now,
  };
  // Pending plan invitations of this address are not joined here: registering an address does not
  // prove its mail is read; the invitation's link does (plan-sharing.ts, acceptInvitation).
  if (!(await createUsersRepository(deps.db).insert(row))) {
    throw new AppError("email_taken", "E-mail already registered");
  }
  return row;
}

/** Create an account from the public sign-up form and sign it in. */
export async function registerAccount(
  deps: AccountDeps,
  input: RegisterInput,
  origin: RequestOrigin,
): Promise<OpenedSession> {
  const valid = validateInput(registerBodySchema, input);
  await assertUnderLimit(deps, rateLimits.registerIp, origin.ip);
  await countAgainstLimit(deps, rateLimits.registerIp, origin.ip);
  const row = await insertUser(deps, { ...valid, role: "user" });
  return openSession(deps, deps.db, toAccount(row));
}

/** Input of `createAccount`, the operator's way to add an account (CLI). */
export interface CreateAccountInput {
  email: string;
  displayName?: string | undefined;
  password?: string | undefined;
  role?: UserRole | undefined;
  preferredLanguage?: "en" | "fr" | undefined;
  organisationId?: string | undefined;
}

/**
 * Create an account on the operator's behalf (whoever can run the CLI owns the database). Without a
 * password, one is generated and returned once.
 */
export async function createAccount(
  deps: AccountDeps,
  input: CreateAccountInput,
): Promise<{ account: Account; generatedPassword?: string }> {
  const generated = input.password === undefined ? generatePassword() : undefined;
  const valid = validateInput(registerBodySchema, {
    email: input.email,
    password: input.password ?? generated,
    displayName: input.displayName ?? input.email.split("@")[0] ?? input.email,
    preferredLanguage: input.preferredLanguage,
    organisationId: input.organisationId,
  });
  const row = await insertUser(deps, { ...valid, role: input.role ?? "user" });
  return generated ? { account: toAccount(row), generatedPassword: generated } : { account: toAccount(row) };
}

/** The signed-in user's own account. */
export async function getAccount(deps: AccountDeps, actor: Actor | undefined): Promise<Account> {
  const me = requireActor(actor);
  const row = await createUsersRepository(deps.db).findById(me.account.id);
  if (!row) throw new AppError("unauthenticated", "Account gone");
  return toAccount(row);
}

/** Change the signed-in user's display name or preferred language. */
export async function updateAccount(
  deps: AccountDeps,
  actor: Actor | undefined,
  patch: AccountPatch,
): Promise<Account> {
  const me = requireWriter(actor);
  const changes = validateInput(accountPatchSchema, patch);
  await createUsersRepository(deps.db).update(me.account.id, {
    ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
    ...(changes.preferredLanguage === undefined ? {} : { preferred_language: changes.preferredLanguage }),
  });
  return getAccount(deps, me);
}

/**
 * Change the password (the current one is required). Every other session of the user ends and
 * pending reset links die; the session making the change stays open.
 */
export async function changePassword(
  deps: AccountDeps,
  actor: Actor | undefined,
  input: PasswordChangeInput,
): Promise<void> {
  const me = requireSession(actor);
  const { currentPassword, newPassword } = validateInput(passwordChangeSchema, input);
  const users = createUsersRepository(deps.db);
  const row = await users.findById(me.account.id);
  if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
    throw new AppError("validation_failed", "Current password is wrong", {
      details: [{ path: "/currentPassword", message: "does not match the current password" }],
    });
  }
  const hash = await hashPassword(newPassword, deps.passwordCost);
  await inTransaction(deps.db, async (tx) => {
    await createUsersRepository(tx).update(me.account.id, { password_hash: hash });
    const credentials = createCredentialsRepository(tx);
    await credentials.deleteSessionsOfUser(me.account.id, me.credentialId);
    await credentials.invalidatePasswordResets(me.account.id, deps.now().toISOString());
  });
  credentialsChanged();
}
