import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSession, registerUser, type TestSession } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const reve = file("examples/reve.carnet.json");
const dcs10 = file("test/fixtures/formats/rda-dcs/v1.0-tag/ex7-dataset-many.json");
const dcs12 = file("test/fixtures/formats/rda-dcs/v1.2/ex9-dmp-long.json");
const opidor = file("test/fixtures/formats/opidor/anr_project_import_example.madmp.json");

describe.each(testDialects())("plan import over HTTP on $name", (dialect) => {
  let t: TestApp;
  let owner: TestSession;
  let stranger: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await registerUser(t.app);
    stranger = await registerUser(t.app);
  });
  afterAll(() => t.close());

  const post = (body: string | Buffer, query = "", contentType = "application/json", headers = {}) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/plans/import${query}`,
      cookies: owner.cookies,
      headers: { "x-csrf-token": owner.csrf, "content-type": contentType, ...headers },
      payload: body,
    });
  const planCount = async () =>
    (await t.app.inject({ url: "/api/v1/plans", cookies: owner.cookies })).json().plans.length as number;

  it("imports a native plan under a new id, owned by the caller and private", async () => {
    const response = await post(reve, "?filename=reve.carnet.json");
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    const original = JSON.parse(reve);
    expect(body.plan.id).not.toBe(original.id);
    expect(body.plan.title).toBe(original.details.title);
    expect(body.format).toBe("Carnet native 1");
    expect(body.report.some((e: { key: string }) => e.key === "formats.info.detected_native")).toBe(true);
    const stored = await t.app.inject({ url: `/api/v1/plans/${body.plan.id}`, cookies: owner.cookies });
    expect(stored.json()).toMatchObject({ revision: 0, visibility: "private", details: original.details });
    expect(
      (await t.app.inject({ url: `/api/v1/plans/${body.plan.id}`, cookies: stranger.cookies })).statusCode,
    ).toBe(404);
  });

  it("imports RDA DCS 1.0 and 1.2 and DMP OPIDoR files with a report in the request's language", async () => {
    const english = await post(dcs10, "?templateId=science-europe-structured");
    expect(english.statusCode, english.body).toBe(201);
    expect(english.json().format).toBe("RDA DCS 1.0");
    const repairs = english.json().report.filter((e: { kind: string }) => e.kind === "repair");
    expect(repairs.length).toBeGreaterThan(0);
    const french = await post(dcs10, "", "application/octet-stream", { "accept-language": "fr" });
    expect(french.statusCode, french.body).toBe(201);
    const frenchRepairs = french.json().report.filter((e: { kind: string }) => e.kind === "repair");
    expect(frenchRepairs.map((e: { key: string }) => e.key)).toEqual(
      repairs.map((e: { key: string }) => e.key),
    );
    expect(frenchRepairs[0].message).not.toBe(repairs[0].message);

    const long = await post(dcs12, "?templateId=anr");
    expect(long.statusCode, long.body).toBe(201);
    const plan = (
      await t.app.inject({ url: `/api/v1/plans/${long.json().plan.id}`, cookies: owner.cookies })
    ).json();
    expect(plan.template.id).toBe("anr");
    expect(plan.details.title).toBe(JSON.parse(dcs12).dmp.title);
    // What the native model does not hold is kept aside and reported, not dropped silently.
    expect(long.json().problems.length).toBeGreaterThan(0);

    const opidorImport = await post(opidor, "?format=dmp-opidor");
    expect(opidorImport.statusCode, opidorImport.body).toBe(201);
    expect(opidorImport.json().format).toBe("DMP OPIDoR");
  });

  it("refuses what it cannot read with 413, 415 or 422, and stores nothing", async () => {
    const before = await planCount();
    const broken = await post('{\n  "dmp": {\n    "title": "x",\n    "dataset": [ }\n}');
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.details).toMatchObject({ line: 4, problem: { code: "not_json" } });
    expect(typeof broken.json().error.details.column).toBe("number");

    const invalid = await post(JSON.stringify({ dmp: { title: "x", dmp_id: 5, created: "yesterday" } }));
    expect(invalid.statusCode).toBe(422);

    const wrong = await post(dcs12, "?format=dmp-opidor");
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details.problem.message).toMatch(/RDA DCS 1\.2/);

    const unknownTemplate = await post(dcs12, "?templateId=nope");
    expect(unknownTemplate.statusCode).toBe(422);

    const text = await post(reve, "", "text/plain");
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe("unsupported_media_type");

    const huge = await post(Buffer.alloc(21 * 1024 * 1024, 32));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe("payload_too_large");

    const empty = await post("   ");
    expect(empty.statusCode).toBe(422);
    expect(await planCount()).toBe(before);
  });

  it("needs a signed-in writer", async () => {
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      headers: { "content-type": "application/json" },
      payload: reve,
    });
    expect(anonymous.statusCode).toBe(401);
    const token = await t.app.inject({
      method: "POST",
      url: "/api/v1/account/tokens",
      ...asSession(owner),
      payload: { name: "read only", scope: "read" },
    });
    expect(token.statusCode, token.body).toBe(201);
    const readOnly = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.json().secret}` },
      payload: reve,
    });
    expect(readOnly.statusCode).toBe(403);
  });
});
