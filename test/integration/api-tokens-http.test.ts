import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSession, registerUser, type TestSession } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

describe.each(testDialects())("personal API tokens on $name", (dialect) => {
  let t: TestApp;
  let owner: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await registerUser(t.app);
  });
  afterAll(() => t.close());

  async function mint(scope: "read" | "read-write", name = `${scope} token`) {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/account/tokens",
      ...asSession(owner),
      payload: { name, scope },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { token: { id: string; scope: string }; secret: string };
  }
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

  it("shows the secret once and stores only its hash", async () => {
    const { token, secret } = await mint("read");
    expect(secret).toMatch(/^carnet_pat_[\w-]{43}$/);
    const list = await t.app.inject({ url: "/api/v1/account/tokens", cookies: owner.cookies });
    expect(list.statusCode).toBe(200);
    expect(list.json().tokens.map((x: { id: string }) => x.id)).toContain(token.id);
    expect(list.body).not.toContain(secret);
    const stored = await t.context.database.db.selectFrom("api_tokens").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it("lets a read token read but not write", async () => {
    const { secret } = await mint("read");
    const me = await t.app.inject({ url: "/api/v1/account", headers: bearer(secret) });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(owner.accountId);
    const write = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/account",
      headers: bearer(secret),
      payload: { displayName: "Changed by a read token" },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe("read_only_token");
    const after = await t.app.inject({ url: "/api/v1/account", headers: bearer(secret) });
    expect(after.json().displayName).not.toBe("Changed by a read token");
  });

  it("lets a read-write token write without any anti-forgery header", async () => {
    const { secret } = await mint("read-write");
    const write = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/account",
      headers: bearer(secret),
      payload: { preferredLanguage: "fr" },
    });
    expect(write.statusCode).toBe(200);
    expect(write.json().preferredLanguage).toBe("fr");
  });

  it("does not let a token mint tokens or change the password", async () => {
    const { secret } = await mint("read-write");
    const mintMore = await t.app.inject({
      method: "POST",
      url: "/api/v1/account/tokens",
      headers: bearer(secret),
      payload: { name: "child", scope: "read-write" },
    });
    expect(mintMore.statusCode).toBe(403);
    expect(mintMore.json().error.code).toBe("session_required");
    const password = await t.app.inject({
      method: "POST",
      url: "/api/v1/account/password",
      headers: bearer(secret),
      payload: { currentPassword: "a long enough password", newPassword: "something else entirely" },
    });
    expect(password.json().error.code).toBe("session_required");
  });

  it("refuses a revoked token, an unknown one and a malformed header with 401", async () => {
    const { token, secret } = await mint("read-write");
    expect((await t.app.inject({ url: "/api/v1/account", headers: bearer(secret) })).statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/account/tokens/${token.id}`,
      ...asSession(owner),
    });
    expect(revoke.statusCode).toBe(204);
    const again = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/account/tokens/${token.id}`,
      ...asSession(owner),
    });
    expect(again.statusCode).toBe(404);
    for (const authorization of [`Bearer ${secret}`, "Bearer carnet_pat_unknown", "Basic abc", "Bearer"]) {
      const response = await t.app.inject({ url: "/api/v1/account", headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json().error.code).toBe("unauthenticated");
    }
    const listed = await t.app.inject({ url: "/api/v1/account/tokens", cookies: owner.cookies });
    const revoked = listed.json().tokens.find((x: { id: string }) => x.id === token.id);
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect(revoked.lastUsedAt).toEqual(expect.any(String));
  });

  it("sees a change of the account at once, though a token's caller is remembered for a moment", async () => {
    const { secret } = await mint("read");
    // The session probe describes the caller as the credentials resolved it.
    const me = async () =>
      (await t.app.inject({ url: "/api/v1/session", headers: bearer(secret) })).json().account.displayName;
    const before = await me();
    const renamed = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/account",
      ...asSession(owner),
      payload: { displayName: `${before} (renamed)` },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await me()).toBe(`${before} (renamed)`);
  });

  it("does not let one user revoke another's token", async () => {
    const { token, secret } = await mint("read");
    const stranger = await registerUser(t.app);
    const response = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/account/tokens/${token.id}`,
      ...asSession(stranger),
    });
    expect(response.statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/v1/account", headers: bearer(secret) })).statusCode).toBe(200);
  });
});
