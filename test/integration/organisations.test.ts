import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Account } from "../../src/contract/accounts.js";
import { type AccountDeps, createAccountDeps } from "../../src/services/account-deps.js";
import { createAccount } from "../../src/services/accounts.js";
import { type AppContext, createAppContext } from "../../src/services/app-context.js";
import {
  createOrganisation,
  listOrganisationMembers,
  listOrganisations,
  setAccountOrganisation,
  setAccountRole,
} from "../../src/services/organisations.js";
import type { Actor } from "../../src/services/permissions.js";
import { uniqueEmail } from "../support/accounts.js";
import { testPasswordCost } from "../support/app.js";
import { type TestDatabase, testDialects } from "../support/databases.js";

const asActor = (account: Account, scope: Actor["scope"] = "read-write"): Actor => ({
  account,
  via: "session",
  scope,
  credentialId: "test",
});

describe.each(testDialects())("organisations and permissions on $name", (dialect) => {
  let database: TestDatabase;
  let context: AppContext;
  let deps: AccountDeps;
  beforeAll(async () => {
    database = await dialect.create();
    context = await createAppContext(database.settings);
    deps = createAccountDeps(context, { passwordCost: testPasswordCost });
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
  });

  const newAccount = async (role: Account["role"] = "user", organisationId?: string) =>
    (await createAccount(deps, { email: uniqueEmail(), role, organisationId })).account;

  it("lets only super admins (or the operator) create organisations", async () => {
    const root = await newAccount("super_admin");
    const plain = await newAccount();
    const made = await createOrganisation(deps, asActor(root), { name: "Inria", rorId: "02kvxyf05" });
    expect(made).toMatchObject({ name: "Inria", rorId: "02kvxyf05" });
    await expect(createOrganisation(deps, asActor(plain), { name: "Mine" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createOrganisation(deps, undefined, { name: "Anon" })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    await expect(
      createOrganisation(deps, asActor(root, "read"), { name: "Via read token" }),
    ).rejects.toMatchObject({ code: "read_only_token" });
    await expect(
      createOrganisation(deps, "system", { name: "Bad", rorId: "not-a-ror" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
    });
    const names = (await listOrganisations(deps)).map((o) => o.name);
    expect(names).toContain("Inria");
    expect(names).not.toContain("Mine");
  });

  it("lets an org admin manage the members of their own organisation only", async () => {
    const orgA = await createOrganisation(deps, "system", { name: "A" });
    const orgB = await createOrganisation(deps, "system", { name: "B" });
    const adminA = await newAccount("org_admin", orgA.id);
    const memberA = await newAccount("user", orgA.id);
    const memberB = await newAccount("user", orgB.id);

    const members = await listOrganisationMembers(deps, asActor(adminA), orgA.id);
    expect(members.map((m) => m.id).sort()).toEqual([adminA.id, memberA.id].sort());
    // Another organisation's members are hidden (404, not 403).
    await expect(listOrganisationMembers(deps, asActor(adminA), orgB.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(listOrganisationMembers(deps, asActor(memberA), orgA.id)).rejects.toMatchObject({
      code: "not_found",
    });

    expect((await setAccountRole(deps, asActor(adminA), memberA.id, "org_admin")).role).toBe("org_admin");
    await expect(setAccountRole(deps, asActor(adminA), memberB.id, "org_admin")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(setAccountRole(deps, asActor(adminA), memberA.id, "super_admin")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(setAccountOrganisation(deps, asActor(adminA), memberB.id, orgA.id)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("lets super admins move people and never demotes the last super admin", async () => {
    const orgC = await createOrganisation(deps, "system", { name: "C" });
    const supers = await context.database.db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "super_admin")
      .execute();
    const root = await newAccount("super_admin");
    const person = await newAccount("org_admin", undefined);
    const moved = await setAccountOrganisation(deps, asActor(root), person.id, orgC.id);
    expect(moved).toMatchObject({ organisationId: orgC.id, role: "user" });
    await expect(setAccountRole(deps, asActor(root), person.id, "super_admin")).resolves.toMatchObject({
      role: "super_admin",
    });
    // Demote every super admin but one; the last one stays.
    const all = [...supers.map((s) => s.id), root.id, person.id];
    for (const id of all.slice(1)) await setAccountRole(deps, asActor(root), id, "user");
    const lastId = all[0] ?? "";
    await expect(setAccountRole(deps, asActor(root), lastId, "user")).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
