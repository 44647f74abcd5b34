import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { testDialects } from "../../../test/support/databases.js";
import { ApiError, apiRequest, isApiError, readCookie } from "./client.js";

describe("readCookie", () => {
  it("finds a cookie among others and decodes it", () => {
    expect(readCookie("a=1; carnet_csrf=x%2By; b=2", "carnet_csrf")).toBe("x+y");
    expect(readCookie("carnet_csrf_old=1", "carnet_csrf")).toBeUndefined();
    expect(readCookie("", "carnet_csrf")).toBeUndefined();
  });
});

// Against the real server: the client must turn its error bodies into typed, translated errors.
describe.each(testDialects().slice(0, 1))("apiRequest against the server ($name)", (dialect) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(() => t?.close());

  const account = { email: "client@example.org", password: "long enough password", displayName: "Client" };

  it("returns the parsed body on success", async () => {
    const signedIn = await apiRequest<{ account: { email: string } }>(`${base}/api/v1/auth/register`, {
      method: "POST",
      body: account,
      lang: "en",
    });
    expect(signedIn.account.email).toBe(account.email);
  });

  it("rejects with the server's code, status and message in the requested language", async () => {
    const error = await apiRequest(`${base}/api/v1/auth/register`, {
      method: "POST",
      body: account,
      lang: "fr",
    })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(isApiError(error, "email_taken")).toBe(true);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).message).toContain("Un compte utilise déjà cette adresse e-mail");
  });

  it("exposes validation details as field problems", async () => {
    const error = await apiRequest(`${base}/api/v1/auth/register`, {
      method: "POST",
      body: { ...account, email: "nope" },
      lang: "en",
    }).catch((e: unknown) => e);
    expect(isApiError(error, "validation_failed")).toBe(true);
    expect((error as ApiError).fieldProblems().map((p) => p.path)).toContain("/email");
  });

  it("reports an unreachable server as a network error, and a foreign answer as invalid", async () => {
    const down = await apiRequest("http://127.0.0.1:9/api/v1/account", { lang: "en" }).catch(
      (e: unknown) => e,
    );
    expect(isApiError(down, "network")).toBe(true);
    const foreign = await apiRequest(`${base}/no-such-page.html`, { lang: "en" }).catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(ApiError);
    expect(isApiError(foreign, "not_found", "invalid_answer")).toBe(true);
  });
});
