import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type Account, type Organisation, userRoleSchema } from "../contract/accounts.js";
import { AppError } from "../shared/app-error.js";
import { createOrganisationsRepository, type OrganisationRow } from "../storage/organisations-repository.js";
import type { UserRole } from "../storage/schema.js";
import { createUsersRepository } from "../storage/users-repository.js";
import type { AccountDeps } from "./account-deps.js";
import { toAccount } from "./account-view.js";
import {
  type Actor,
  administersOrganisation,
  isSuperAdmin,
  managesAccount,
  requireWriter,
} from "./permissions.js";
import { validateInput } from "./validate-input.js";

function toOrganisation(row: OrganisationRow): Organisation {
  return { id: row.id, name: row.name, rorId: row.ror_id, createdAt: row.created_at };
}

const organisationInput = z.object({
  name: z.string().trim().min(1).max(300),
  rorId: z
    .string()
    .regex(/^0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}$/, "a ROR id such as 02feahw73")
    .optional(),
});

const notFound = (what: string) => new AppError("not_found", `No such ${what}`, { params: { path: what } });

/** Create an organisation (super admins only, or the operator when `actor` is "system"). */
export async function createOrganisation(
  deps: AccountDeps,
  actor: Actor | "system" | undefined,
  input: { name: string; rorId?: string | undefined },
): Promise<Organisation> {
  if (actor !== "system") {
    requireWriter(actor);
    if (!isSuperAdmin(actor)) throw new AppError("forbidden", "Only super admins create organisations");
  }
  const valid = validateInput(organisationInput, input);
  const row: OrganisationRow = {
    id: randomUUID(),
    name: valid.name,
    ror_id: valid.rorId ?? null,
    created_at: deps.now().toISOString(),
  };
  await createOrganisationsRepository(deps.db).insert(row);
  return toOrganisation(row);
}

/** Every organisation (their names are public: people pick theirs when signing up). */
export async function listOrganisations(deps: AccountDeps): Promise<Organisation[]> {
  const rows = await createOrganisationsRepository(deps.db).list();
  return rows.map(toOrganisation);
}

/** The members of an organisation, for its admins and super admins; others get 404. */
export async function listOrganisationMembers(
  deps: AccountDeps,
  actor: Actor | undefined,
  organisationId: string,
): Promise<Account[]> {
  if (!administersOrganisation(actor, organisationId)) throw notFound("organisation");
  const rows = await createUsersRepository(deps.db).listByOrganisation(organisationId);
  return rows.map(toAccount);
}

/**
 * Change a user's role. Super admins may set any role; org admins may make members of their own
 * organisation users or org admins, never super admins. The last super admin cannot be demoted.
 */
export async function setAccountRole(
  deps: AccountDeps,
  actor: Actor | undefined,
  userId: string,
  role: UserRole,
): Promise<Account> {
  const writer = requireWriter(actor);
  const newRole = validateInput(userRoleSchema, role);
  const users = createUsersRepository(deps.db);
  const target = await users.findById(userId);
  if (!target || !managesAccount(writer, toAccount(target))) throw notFound("user");
  if (newRole === "super_admin" && !isSuperAdmin(writer)) {
    throw new AppError("forbidden", "Only super admins make super admins");
  }
  if (newRole === "org_admin" && target.organisation_id === null) {
    throw new AppError("validation_failed", "An org admin needs an organisation", {
      details: [{ path: "/role", message: "the user belongs to no organisation" }],
    });
  }
  if (
    target.role === "super_admin" &&
    newRole !== "super_admin" &&
    (await users.countByRole("super_admin")) <= 1
  ) {
    throw new AppError("conflict", "The last super admin cannot be demoted");
  }
  await users.update(userId, { role: newRole });
  return toAccount({ ...target, role: newRole });
}

/** Move a user to an organisation (or none); super admins only. An org admin moved loses that role. */
export async function setAccountOrganisation(
  deps: AccountDeps,
  actor: Actor | undefined,
  userId: string,
  organisationId: string | null,
): Promise<Account> {
  const writer = requireWriter(actor);
  if (!isSuperAdmin(writer)) throw new AppError("forbidden", "Only super admins move users");
  const users = createUsersRepository(deps.db);
  const target = await users.findById(userId);
  if (!target) throw notFound("user");
  if (organisationId !== null && !(await createOrganisationsRepository(deps.db).findById(organisationId))) {
    throw notFound("organisation");
  }
  const role = target.role === "org_admin" ? "user" : target.role;
  await users.update(userId, { organisation_id: organisationId, role });
  return toAccount({ ...target, organisation_id: organisationId, role });
}

/** Apply an administrator's change to an account: organisation first (super admins), then role. */
export async function updateAccountAsAdmin(
  deps: AccountDeps,
  actor: Actor | undefined,
  userId: string,
  patch: { role?: UserRole | undefined; organisationId?: string | null | undefined },
): Promise<Account> {
  let account: Account | undefined;
  if (patch.organisationId !== undefined) {
    account = await setAccountOrganisation(deps, actor, userId, patch.organisationId);
  }
  if (patch.role !== undefined) account = await setAccountRole(deps, actor, userId, patch.role);
  if (account) return account;
  const target = await createUsersRepository(deps.db).findById(userId);
  if (!target || !managesAccount(requireWriter(actor), toAccount(target))) throw notFound("user");
  return toAccount(target);
}
