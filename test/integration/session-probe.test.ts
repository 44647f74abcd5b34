import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSession, registerUser } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

describe.each(testDialects())("GET /api/v1/session on $name", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const probe = (request: { cookies?: Record<string, string>; headers?: Record<string, string> } = {}) =>
    t.app.inject({ method: "GET", url: "/api/v1/session", ...request });

  it("answers nulls to an anonymous caller, a stale cookie and a bad bearer token (never 401)", async () => {
    for (const request of [
      {},
      { cookies: { carnet_session: "no-such-session" } },
      { headers: { authorization: "Bearer not-a-token" } },
    ]) {
      const response = await probe(request);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ account: null, csrfToken: null });
    }
  });

  it("gives a browser session its account and anti-forgery token, which then works for writes", async () => {
    const user = await registerUser(t.app);
    const response = await probe({ cookies: user.cookies });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.account).toMatchObject({ id: user.accountId, email: user.email });
    expect(body.csrfToken).toBe(user.csrf);
    const write = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/account",
      cookies: user.cookies,
      headers: { "x-csrf-token": body.csrfToken },
      payload: { displayName: "Probed" },
    });
    expect(write.statusCode, write.body).toBe(200);
    expect((await probe({ cookies: user.cookies })).json().account.displayName).toBe("Probed");
  });

  it("gives a token caller its account without an anti-forgery token, and nulls after sign-out", async () => {
    const user = await registerUser(t.app);
    const minted = await t.app.inject({
      method: "POST",
      url: "/api/v1/account/tokens",
      ...asSession(user),
      payload: { name: "probe", scope: "read" },
    });
    const viaToken = await probe({ headers: { authorization: `Bearer ${minted.json().secret}` } });
    expect(viaToken.json()).toEqual({
      account: expect.objectContaining({ id: user.accountId }),
      csrfToken: null,
    });
    await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", ...asSession(user) });
    expect((await probe({ cookies: user.cookies })).json()).toEqual({ account: null, csrfToken: null });
  });
});
