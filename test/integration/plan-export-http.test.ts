import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDcs } from "../../src/formats/rda-dcs/schemas.js";
import { createExportCache, type ExportCache } from "../../src/services/export-cache.js";
import { asSession, registerUser, type TestSession } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";
import { zipEntry } from "../support/extract-text.js";

const reve = readFileSync(new URL("../../examples/reve.carnet.json", import.meta.url), "utf8");

describe.each(testDialects())("plan export over HTTP on $name", (dialect) => {
  let t: TestApp;
  let owner: TestSession & { email: string };
  let stranger: TestSession;
  let cache: ExportCache;
  let cacheDir: string;
  let planId: string;

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), "carnet-export-cache-"));
    cache = createExportCache({ dir: cacheDir });
    t = await createTestApp(dialect, { exportCache: cache });
    owner = await registerUser(t.app);
    stranger = await registerUser(t.app);
    const imported = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      ...asSession(owner),
      headers: { ...asSession(owner).headers, "content-type": "application/json" },
      payload: reve,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    planId = imported.json().plan.id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const exportOf = (query: string, session: TestSession | null = owner, headers = {}) =>
    t.app.inject({
      url: `/api/v1/plans/${planId}/export?${query}`,
      ...(session ? { cookies: session.cookies } : {}),
      headers,
    });

  it("serves each format with its content type, an attachment name and the real file", async () => {
    const pdf = await exportOf("format=pdf");
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.headers["content-disposition"]).toMatch(
      /^attachment; filename="dmp-du-projet-[a-z0-9-]+\.pdf"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(String(pdf.headers["content-disposition"]).split("''")[1]!)).toMatch(
      /Numérique.*\.pdf$/,
    );
    expect(pdf.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);

    const docx = await exportOf("format=docx");
    expect(docx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(zipEntry(new Uint8Array(docx.rawPayload), "word/document.xml")).toContain("<w:body>");

    const odt = await exportOf("format=odt");
    expect(odt.headers["content-type"]).toBe("application/vnd.oasis.opendocument.text");
    expect(zipEntry(new Uint8Array(odt.rawPayload), "content.xml")).toContain("office:document-content");

    const html = await exportOf("format=html");
    expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(html.body).toMatch(/^<!DOCTYPE html>/i);
    expect(html.body).toContain("Numérique scolaire");

    const md = await exportOf("format=md");
    expect(md.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(md.body).toMatch(/^# /);

    const json = await exportOf("format=json");
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(json.headers["content-disposition"]).toMatch(/\.carnet\.json"/);
    expect(json.json()).toMatchObject({ id: planId, carnetFormat: 1 });

    for (const version of ["1.2", "1.1"] as const) {
      const dcs = await exportOf(`format=rda-dcs-${version}`);
      expect(dcs.statusCode, dcs.body).toBe(200);
      expect(dcs.headers["content-disposition"]).toMatch(
        new RegExp(`\\.rda-dcs-${version.replace(".", "\\.")}\\.json"`),
      );
      expect(validateDcs(dcs.json(), version)).toEqual({ valid: true });
    }
  });

  it("honours the options: English headings, no cover, unknown values refused with their names", async () => {
    const french = await exportOf("format=html");
    const english = await exportOf("format=html&lang=en");
    expect(french.body).toContain("Renseignements sur le plan");
    expect(english.body).toContain("Plan details");
    expect(english.body).not.toContain("Renseignements sur le plan");
    expect(english.headers.etag).not.toBe(french.headers.etag);

    const bad = await exportOf("format=tiff&fontSize=40&headings=maybe&outputs=nope", owner, {
      "accept-language": "fr",
    });
    expect(bad.statusCode).toBe(400);
    const details = bad.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(["fontSize", "format", "headings", "outputs"]);
    expect(details.find((d) => d.path === "fontSize")?.message).toMatch(/n’est pas valide/);
  });

  it("renders once: the second identical request is a cache hit, If-None-Match gives 304, a new revision invalidates", async () => {
    const query = "format=md&lang=en&unanswered=true";
    const rendersBefore = cache.stats.renders;
    const [first, concurrent] = await Promise.all([exportOf(query), exportOf(query)]);
    expect(first.statusCode).toBe(200);
    expect(concurrent.body).toBe(first.body);
    expect(cache.stats.renders).toBe(rendersBefore + 1);
    const second = await exportOf(query);
    expect(second.headers["x-carnet-cache"]).toBe("hit");
    expect(second.body).toBe(first.body);
    expect(cache.stats.renders).toBe(rendersBefore + 1);
    expect(readdirSync(cacheDir).filter((name) => /^[0-9a-f]{64}$/.test(name)).length).toBeGreaterThan(0);

    const notModified = await exportOf(query, owner, { "if-none-match": first.headers.etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe("");

    const plan = (await t.app.inject({ url: `/api/v1/plans/${planId}`, cookies: owner.cookies })).json();
    const edit = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/plans/${planId}`,
      ...asSession(owner),
      payload: {
        baseRevision: plan.revision,
        ops: [{ op: "set", path: "/details/title", value: "Renamed plan" }],
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const after = await exportOf(query, owner, { "if-none-match": first.headers.etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers["x-carnet-cache"]).toBe("miss");
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(after.headers["content-disposition"]).toBe('attachment; filename="renamed-plan.md"');
    expect(after.body).toContain("Renamed plan");
    expect(cache.stats.renders).toBe(rendersBefore + 2);
  });

  it("exports a fresh draft without a contact to valid DCS, its owner as contact", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      ...asSession(owner),
      payload: { templateId: "science-europe-structured", language: "eng", title: "Fresh draft" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const dcs = await t.app.inject({
      url: `/api/v1/plans/${created.json().id}/export?format=rda-dcs-1.2`,
      cookies: owner.cookies,
    });
    expect(dcs.statusCode, dcs.body).toBe(200);
    expect(validateDcs(dcs.json(), "1.2")).toEqual({ valid: true });
    expect(dcs.json().dmp.contact.mbox).toBe(owner.email);
    const plan = await t.app.inject({ url: `/api/v1/plans/${created.json().id}`, cookies: owner.cookies });
    expect(plan.json().details.contactPersonId).toBeUndefined();
  });

  it("exports a draft without a contact again when its owner's name changes (the owner is in the cache key)", async () => {
    const author = await registerUser(t.app, undefined, undefined, { displayName: "Ada First" });
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      ...asSession(author),
      payload: { templateId: "science-europe-structured", language: "eng", title: "Owner contact draft" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const get = (format: string) =>
      t.app.inject({ url: `/api/v1/plans/${id}/export?format=${format}`, cookies: author.cookies });
    const before = await get("rda-dcs-1.2");
    expect(before.json().dmp.contact).toMatchObject({
      name: expect.stringContaining("Ada First"),
      mbox: author.email,
    });
    const html = await get("html");
    expect((await get("rda-dcs-1.2")).headers.etag).toBe(before.headers.etag);
    const madmpBefore = await t.app.inject({ url: `/api/madmp/v1/dmps/${id}`, cookies: author.cookies });
    expect(madmpBefore.json().dmp.contact.name).toContain("Ada First");

    const renamed = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/account",
      ...asSession(author),
      payload: { displayName: "Ada Second" },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const after = await get("rda-dcs-1.2");
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().dmp.contact).toMatchObject({
      name: expect.stringContaining("Ada Second"),
      mbox: author.email,
    });
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await get("rda-dcs-1.1")).json().dmp.contact.name).toContain("Ada Second");
    const madmpAfter = await t.app.inject({ url: `/api/madmp/v1/dmps/${id}`, cookies: author.cookies });
    expect(madmpAfter.json().dmp.contact.name).toContain("Ada Second");
    const listed = await t.app.inject({ url: "/api/madmp/v1/dmps", cookies: author.cookies });
    expect(listed.json().items[0].dmp.contact.name).toContain("Ada Second");
    // Formats that do not name the owner keep their cached export.
    expect((await get("html")).headers.etag).toBe(html.headers.etag);
  });

  it("answers 404 to callers who may not read the plan, and serves public plans to anyone", async () => {
    expect((await exportOf("format=pdf", stranger)).statusCode).toBe(404);
    expect((await exportOf("format=pdf", null)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: "/api/v1/plans/nope/export?format=pdf", cookies: owner.cookies }))
        .statusCode,
    ).toBe(404);
    const plan = (await t.app.inject({ url: `/api/v1/plans/${planId}`, cookies: owner.cookies })).json();
    const publish = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/plans/${planId}`,
      ...asSession(owner),
      payload: { baseRevision: plan.revision, ops: [{ op: "set", path: "/visibility", value: "public" }] },
    });
    expect(publish.statusCode, publish.body).toBe(200);
    const anonymous = await exportOf("format=rda-dcs-1.2", null);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().dmp.title).toBe("Renamed plan");
  });
});
