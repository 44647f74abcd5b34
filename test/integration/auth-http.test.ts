import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiContentSecurityPolicy } from "../../src/server/security-headers.js";
import { asSession, cookiesOf, registerUser, signInUser, uniqueEmail } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

function setCookieHeaders(response: { headers: Record<string, unknown> }): string[] {
  const value = response.headers["set-cookie"];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}

describe.each(testDialects())("accounts over HTTP on $name", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { trustProxy: true });
  });
  afterAll(() => t.close());

  it("registers, reads the account, signs out and signs back in", async () => {
    const email = uniqueEmail("Alice");
    const session = await registerUser(t.app, email, "correct horse battery", { preferredLanguage: "fr" });
    const me = await t.app.inject({ url: "/api/v1/account", cookies: session.cookies });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email,
      displayName: "Test User",
      role: "user",
      preferredLanguage: "fr",
    });
    expect(JSON.stringify(me.json())).not.toContain("scrypt");

    const out = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", ...asSession(session) });
    expect(out.statusCode).toBe(204);
    expect(setCookieHeaders(out).join("\n")).toMatch(/carnet_session=;/);
    const after = await t.app.inject({ url: "/api/v1/account", cookies: session.cookies });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("unauthenticated");

    // Sign-in ignores the case of the e-mail; `sign-in` is an alias of `login`.
    const back = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: email.toUpperCase(), password: "correct horse battery" },
    });
    expect(back.statusCode).toBe(200);
    const again = await t.app.inject({ url: "/api/v1/account", cookies: cookiesOf(back) });
    expect(again.json().email).toBe(email);
  });

  it("sets HttpOnly, SameSite=Lax cookies, Secure only under HTTPS", async () => {
    const email = uniqueEmail();
    const plain = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { email, password: "correct horse battery", displayName: "P" },
    });
    const [session, csrf] = ["carnet_session", "carnet_csrf"].map((name) =>
      setCookieHeaders(plain).find((c) => c.startsWith(`${name}=`)),
    );
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).toMatch(/; Path=\//);
    expect(session).not.toMatch(/; Secure/);
    expect(csrf).not.toMatch(/HttpOnly/); // the web app reads it to echo it back
    const https = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "x-forwarded-proto": "https" },
      payload: { email, password: "correct horse battery" },
    });
    expect(https.statusCode).toBe(200);
    for (const cookie of setCookieHeaders(https)) expect(cookie).toMatch(/; Secure/);
  });

  it("refuses cookie-authenticated writes without the right anti-forgery token", async () => {
    const session = await registerUser(t.app);
    const patch = { method: "PATCH" as const, url: "/api/v1/account", payload: { displayName: "Mallory" } };
    const none = await t.app.inject({ ...patch, cookies: session.cookies });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe("csrf_failed");
    const other = await registerUser(t.app);
    const wrong = await t.app.inject({
      ...patch,
      cookies: session.cookies,
      headers: { "x-csrf-token": other.csrf },
    });
    expect(wrong.statusCode).toBe(403);
    const me = await t.app.inject({ url: "/api/v1/account", cookies: session.cookies });
    expect(me.json().displayName).toBe("Test User");
    const right = await t.app.inject({ ...patch, ...asSession(session) });
    expect(right.statusCode).toBe(200);
    expect(right.json().displayName).toBe("Mallory");
    const signOut = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      cookies: session.cookies,
    });
    expect(signOut.statusCode).toBe(403);
  });

  it("refuses a taken e-mail whatever its case, and invalid input with field paths", async () => {
    const email = uniqueEmail("Case");
    await registerUser(t.app, email);
    const dup = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: {
        email: `  ${email.toUpperCase()}`.trim(),
        password: "another long password",
        displayName: "D",
      },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("email_taken");
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { email: "not-an-email", password: "short", displayName: "" },
    });
    expect(bad.statusCode).toBe(422);
    const paths = bad
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(["/displayName", "/email", "/password"]);
  });

  it("answers a wrong password and an unknown e-mail identically", async () => {
    const user = await registerUser(t.app);
    const wrongPassword = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: user.email, password: "not the password" },
      remoteAddress: "10.0.0.1",
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: uniqueEmail("nobody"), password: "not the password" },
      remoteAddress: "10.0.0.1",
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrongPassword.json());
    expect(wrongPassword.json().error.code).toBe("invalid_credentials");
    expect(wrongPassword.headers["set-cookie"]).toBeUndefined();
  });

  it("locks sign-in for an e-mail and IP after five failures, even with the right password", async () => {
    const user = await registerUser(t.app);
    const attempt = (password: string, ip: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: user.email, password },
        remoteAddress: ip,
      });
    for (let i = 0; i < 5; i++) expect((await attempt("wrong password", "10.0.0.2")).statusCode).toBe(401);
    const locked = await attempt(user.password, "10.0.0.2");
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("rate_limited");
    const retryAfter = Number(locked.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(800); // the 15-minute window has just begun
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(locked.json().error.details.retryAfterSeconds).toBe(retryAfter);
    // Another address is not locked out by someone else's guesses.
    expect((await attempt(user.password, "10.0.0.3")).statusCode).toBe(200);
  });

  it("changing the password ends the other sessions and keeps the current one", async () => {
    const user = await registerUser(t.app);
    const laptop = await signInUser(t.app, user.email, user.password);
    const phone = await signInUser(t.app, user.email, user.password);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/account/password",
      ...asSession(laptop),
      payload: { currentPassword: "not it at all", newPassword: "brand new password" },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details[0].path).toBe("/currentPassword");
    const changed = await t.app.inject({
      method: "POST",
      url: "/api/v1/account/password",
      ...asSession(laptop),
      payload: { currentPassword: user.password, newPassword: "brand new password" },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/v1/account", cookies: laptop.cookies })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/v1/account", cookies: phone.cookies })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/v1/account", cookies: user.cookies })).statusCode).toBe(401);
    await expect(signInUser(t.app, user.email, user.password)).rejects.toThrow(/401/);
    await signInUser(t.app, user.email, "brand new password");
  });

  it("answers 401 to anonymous calls of the account routes", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/account"],
      ["GET", "/api/v1/account/tokens"],
    ] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode).toBe(401);
    }
    const write = await t.app.inject({
      method: "POST",
      url: "/api/v1/account/tokens",
      payload: { name: "x" },
    });
    expect(write.statusCode).toBe(401);
  });
});

describe("security headers", () => {
  const [dialect] = testDialects();
  let t: TestApp;
  beforeAll(async () => {
    if (!dialect) throw new Error("no dialect");
    t = await createTestApp(dialect, { trustProxy: true });
  });
  afterAll(() => t.close());

  it("sends CSP, nosniff and no framing on pages, API answers and errors; HSTS only over HTTPS", async () => {
    for (const url of [
      "/",
      "/plans/x",
      "/api/docs",
      "/api/v1/account",
      "/api/v1/nothing",
      "/api/madmp/v1/dmps",
    ]) {
      const response = await t.app.inject({ url });
      expect(response.headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["x-frame-options"], url).toBe("DENY");
      expect(response.headers["strict-transport-security"], url).toBeUndefined();
      // Pages may run this origin's scripts; API answers load nothing at all.
      if (url.startsWith("/api/v1/") || url.startsWith("/api/madmp/")) {
        expect(response.headers["content-security-policy"], url).toBe(apiContentSecurityPolicy);
      } else {
        expect(response.headers["content-security-policy"], url).toContain("script-src 'self'");
        expect(response.headers["referrer-policy"], url).toBe("same-origin");
      }
    }
    const https = await t.app.inject({ url: "/healthz", headers: { "x-forwarded-proto": "https" } });
    expect(https.headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
  });
});

describe.each(testDialects())("session expiry on $name", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { accounts: { sessionTtlMs: 300 } });
  });
  afterAll(() => t.close());

  it("refuses an expired session and sweeps it away at the next sign-in", async () => {
    const user = await registerUser(t.app);
    expect((await t.app.inject({ url: "/api/v1/account", cookies: user.cookies })).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await t.app.inject({ url: "/api/v1/account", cookies: user.cookies })).statusCode).toBe(401);
    const count = async () =>
      (await t.context.database.db.selectFrom("sessions").select("id_hash").execute()).length;
    expect(await count()).toBe(1);
    await signInUser(t.app, user.email, user.password);
    expect(await count()).toBe(1); // the expired one went, the new one stays
  });
});
