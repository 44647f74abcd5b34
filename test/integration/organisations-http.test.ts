import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccountDeps } from "../../src/services/account-deps.js";
import { createAccount } from "../../src/services/accounts.js";
import { createOrganisation } from "../../src/services/organisations.js";
import { asSession, signInUser, type TestSession, uniqueEmail } from "../support/accounts.js";
import { createTestApp, type TestApp, testPasswordCost } from "../support/app.js";
import { testDialects } from "../support/databases.js";

describe.each(testDialects())("organisations over HTTP on $name", (dialect) => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let root: TestSession;
  let adminA: TestSession;
  let memberA: TestSession;
  let memberB: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const deps = createAccountDeps(t.context, { passwordCost: testPasswordCost });
    orgA = (await createOrganisation(deps, "system", { name: "Organisation A" })).id;
    orgB = (await createOrganisation(deps, "system", { name: "Organisation B" })).id;
    const make = async (role: "user" | "org_admin" | "super_admin", organisationId?: string) => {
      const email = uniqueEmail(role);
      await createAccount(deps, { email, password: "a long enough password", role, organisationId });
      return signInUser(t.app, email, "a long enough password");
    };
    root = await make("super_admin");
    adminA = await make("org_admin", orgA);
    memberA = await make("user", orgA);
    memberB = await make("user", orgB);
  });
  afterAll(() => t.close());

  it("lists organisations to anyone and lets only super admins create them", async () => {
    const list = await t.app.inject({ url: "/api/v1/organisations" });
    expect(list.statusCode).toBe(200);
    expect(list.json().organisations.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining(["Organisation A", "Organisation B"]),
    );
    const body = { name: "New Lab", rorId: "02feahw73" };
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      ...asSession(adminA),
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: "POST", url: "/api/v1/organisations", payload: body });
    expect(anonymous.statusCode).toBe(401);
    const made = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      ...asSession(root),
      payload: body,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject(body);
  });

  it("shows members to their org admin and super admins, 404 to everyone else", async () => {
    const url = `/api/v1/organisations/${orgA}/members`;
    const own = await t.app.inject({ url, cookies: adminA.cookies });
    expect(own.statusCode).toBe(200);
    expect(
      own
        .json()
        .members.map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([adminA.accountId, memberA.accountId].sort());
    expect((await t.app.inject({ url, cookies: root.cookies })).statusCode).toBe(200);
    for (const session of [memberA, memberB]) {
      expect((await t.app.inject({ url, cookies: session.cookies })).statusCode).toBe(404);
    }
    const other = await t.app.inject({
      url: `/api/v1/organisations/${orgB}/members`,
      cookies: adminA.cookies,
    });
    expect(other.statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(404);
  });

  it("lets an org admin promote within their organisation only, and super admins move people", async () => {
    const patch = (session: TestSession, id: string, payload: object) =>
      t.app.inject({ method: "PATCH", url: `/api/v1/users/${id}`, ...asSession(session), payload });
    const promoted = await patch(adminA, memberA.accountId, { role: "org_admin" });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().role).toBe("org_admin");
    expect((await patch(adminA, memberB.accountId, { role: "org_admin" })).statusCode).toBe(404);
    expect((await patch(adminA, memberA.accountId, { role: "super_admin" })).statusCode).toBe(403);
    expect((await patch(adminA, memberA.accountId, { organisationId: orgB })).statusCode).toBe(403);
    expect((await patch(memberB, memberA.accountId, { role: "user" })).statusCode).toBe(404);
    const moved = await patch(root, memberA.accountId, { organisationId: orgB });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ organisationId: orgB, role: "user" });
    const me = await t.app.inject({ url: "/api/v1/account", cookies: memberA.cookies });
    expect(me.json()).toMatchObject({ organisationId: orgB, role: "user" });
  });
});
