import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

const [sqlite] = testDialects();

describe("OpenAPI document", () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!sqlite) throw new Error("no dialect");
    t = await createTestApp(sqlite);
  });
  afterAll(() => t.close());

  it("is valid OpenAPI 3.1 and lists the account and auth operations", async () => {
    const response = await t.app.inject({ url: "/api/v1/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const operations = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "POST /api/v1/auth/register",
        "POST /api/v1/auth/login",
        "POST /api/v1/auth/logout",
        "POST /api/v1/auth/sign-in",
        "POST /api/v1/auth/sign-out",
        "POST /api/v1/auth/password-reset",
        "POST /api/v1/auth/password-reset/complete",
        "GET /api/v1/account",
        "PATCH /api/v1/account",
        "POST /api/v1/account/password",
        "GET /api/v1/account/tokens",
        "POST /api/v1/account/tokens",
        "DELETE /api/v1/account/tokens/{id}",
        "GET /api/v1/organisations",
        "POST /api/v1/organisations",
        "GET /api/v1/organisations/{id}/members",
        "PATCH /api/v1/users/{id}",
        "GET /api/v1/templates",
        "GET /api/v1/templates/{id}",
        "GET /api/v1/vocabularies",
        "GET /api/v1/vocabularies/{id}",
        "GET /api/v1/vocabularies/{id}/search",
        "GET /api/v1/vocabulary-views",
        "POST /api/v1/plans",
        "GET /api/v1/plans",
        "GET /api/v1/plans/{id}",
        "PATCH /api/v1/plans/{id}",
        "DELETE /api/v1/plans/{id}",
        "GET /api/v1/plans/{id}/export",
        "POST /api/v1/plans/import",
        "GET /api/madmp/v1/dmps",
        "POST /api/madmp/v1/dmps",
        "GET /api/madmp/v1/dmps/{id}",
        "PUT /api/madmp/v1/dmps/{id}",
        "DELETE /api/madmp/v1/dmps/{id}",
        "GET /api/v1/public/plans",
        "GET /api/v1/plans/{id}/access",
        "POST /api/v1/plans/{id}/restore",
        "POST /api/v1/plans/{id}/duplicate",
        "GET /api/v1/plans/{id}/members",
        "POST /api/v1/plans/{id}/members",
        "PATCH /api/v1/plans/{id}/members/{userId}",
        "DELETE /api/v1/plans/{id}/members/{userId}",
        "DELETE /api/v1/plans/{id}/invitations/{invitationId}",
        "POST /api/v1/invitations/accept",
        "POST /api/v1/plans/{id}/transfer",
        "PUT /api/v1/plans/{id}/visibility",
        "GET /api/v1/plans/{id}/history",
        "GET /api/v1/plans/{id}/revisions/{revision}",
        "GET /api/v1/plans/{id}/diff",
        "POST /api/v1/plans/{id}/revert",
      ]),
    );
    // Web assets and the document itself are not API operations.
    expect(operations.filter((op) => !op.includes(" /api/v1/") && !op.includes(" /api/madmp/v1/"))).toEqual(
      [],
    );
    expect(document.components.securitySchemes.bearer).toEqual({ type: "http", scheme: "bearer" });
  });

  it("describes request bodies from the zod schemas", async () => {
    const document = (await t.app.inject({ url: "/api/v1/openapi.json" })).json();
    const register = document.paths["/api/v1/auth/register"].post;
    const schema = register.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["email", "password", "displayName"]));
    expect(schema.properties.password.minLength).toBe(10);
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(["201", "409", "422"]));
    const madmpCreate = document.paths["/api/madmp/v1/dmps"].post;
    expect(Object.keys(madmpCreate.requestBody.content)).toEqual(
      expect.arrayContaining(["application/vnd.org.rd-alliance.dmp-common.v1.2+json", "application/json"]),
    );
    const planImport = document.paths["/api/v1/plans/import"].post;
    expect(Object.keys(planImport.requestBody.content)).toEqual(
      expect.arrayContaining(["application/json", "application/octet-stream"]),
    );
    const list = document.paths["/api/madmp/v1/dmps"].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["offset", "count", "sort[]", "query", "dmp_ids[]", "embargo_after"]),
    );
  });

  it("renders browsable docs at /api/docs in the reader's language", async () => {
    const page = await t.app.inject({ url: "/api/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("<code>POST /api/v1/auth/register</code>");
    expect(page.body).toContain("<code>DELETE /api/v1/account/tokens/{id}</code>");
    expect(page.body).not.toContain("<script");
    const fr = await t.app.inject({ url: "/api/docs", headers: { "accept-language": "fr" } });
    expect(fr.body).toContain("Toutes les opérations de l’API de Carnet");
  });
});
