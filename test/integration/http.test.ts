import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../src/shared/app-error.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

describe.each(testDialects())("HTTP basics on $name", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // Routes that exist only in this test, to exercise the one error handler.
    t.app.get("/api/test/app-error", async () => {
      throw new AppError("forbidden", "no");
    });
    t.app.get("/api/test/crash", async () => {
      throw new Error("secret internals");
    });
    t.app.post(
      "/api/test/validated",
      { schema: { body: z.object({ title: z.string().min(1), count: z.number().int() }) } },
      async () => ({ ok: true }),
    );
  });
  afterAll(() => t.close());

  it("GET /healthz reports ok, the dialect and the version", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: dialect.name, version: t.context.version });
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("echoes a sane x-request-id and makes one otherwise", async () => {
    const given = await t.app.inject({ url: "/healthz", headers: { "x-request-id": "abc-123" } });
    expect(given.headers["x-request-id"]).toBe("abc-123");
    const made = await t.app.inject({ url: "/healthz", headers: { "x-request-id": "bad id with spaces" } });
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers unknown API paths with a JSON 404 in the caller's language", async () => {
    const en = await t.app.inject({ url: "/api/v1/nothing" });
    expect(en.statusCode).toBe(404);
    expect(en.json()).toEqual({
      error: { code: "not_found", message: "Nothing was found at /api/v1/nothing." },
    });
    const fr = await t.app.inject({
      url: "/api/v1/nothing",
      headers: { "accept-language": "fr-FR,fr;q=0.9" },
    });
    expect(fr.json().error.message).toBe("Rien n’a été trouvé à l’adresse /api/v1/nothing.");
  });

  it("maps AppError to its status and code", async () => {
    const response = await t.app.inject({ url: "/api/test/app-error?lang=fr" });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { code: "forbidden", message: "Vous n’avez pas le droit de faire cela." },
    });
  });

  it("hides internals of unexpected errors behind a 500 with the request id", async () => {
    const response = await t.app.inject({ url: "/api/test/crash", headers: { "x-request-id": "req-42" } });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body.error.code).toBe("internal");
    expect(body.error.message).toContain("req-42");
    expect(JSON.stringify(body)).not.toContain("secret internals");
  });

  it("rejects invalid bodies with 422 and the path of each problem", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/validated",
      payload: { title: "", count: 1.5 },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.error.code).toBe("validation_failed");
    const paths = body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(["/count", "/title"]);
  });

  it("rejects malformed JSON with 400 and unsupported content types with 415", async () => {
    const malformed = await t.app.inject({
      method: "POST",
      url: "/api/test/validated",
      headers: { "content-type": "application/json" },
      payload: '{"title": "x",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe("bad_request");
    const xml = await t.app.inject({
      method: "POST",
      url: "/api/test/validated",
      headers: { "content-type": "application/xml" },
      payload: "<x/>",
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe("unsupported_media_type");
  });

  it("serves the web app shell for client-side routes, not for missing assets", async () => {
    const page = await t.app.inject({ url: "/plans/123" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("Carnet");
    const asset = await t.app.inject({ url: "/assets/missing-file.js" });
    expect(asset.statusCode).toBe(404);
  });

  it("reports 503 once the database is gone", async () => {
    const other = await createTestApp(dialect);
    await other.context.database.close();
    const response = await other.app.inject({ url: "/healthz" });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: "unavailable", database: dialect.name });
    await other.close();
  });
});
