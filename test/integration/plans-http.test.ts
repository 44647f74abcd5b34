import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSession, registerUser, type TestSession } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

describe.each(testDialects())("plans over HTTP on $name", (dialect) => {
  let t: TestApp;
  let owner: TestSession;
  let stranger: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await registerUser(t.app);
    stranger = await registerUser(t.app);
  });
  afterAll(() => t.close());

  const create = async (session: TestSession, title = "Rêve survey DMP") => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      ...asSession(session),
      payload: { templateId: "science-europe-structured", language: "fra", title },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; revision: number; details: { title: string } };
  };
  const patch = (session: TestSession, id: string, payload: object) =>
    t.app.inject({ method: "PATCH", url: `/api/v1/plans/${id}`, ...asSession(session), payload });

  it("creates a plan from a template, lists it for its owner only, and reads it", async () => {
    const plan = await create(owner);
    expect(plan).toMatchObject({ revision: 0, details: { title: "Rêve survey DMP" } });
    const mine = await t.app.inject({ url: "/api/v1/plans", cookies: owner.cookies });
    expect(mine.json().plans.map((p: { id: string }) => p.id)).toContain(plan.id);
    const theirs = await t.app.inject({ url: "/api/v1/plans", cookies: stranger.cookies });
    expect(theirs.json().plans.map((p: { id: string }) => p.id)).not.toContain(plan.id);
    const read = await t.app.inject({ url: `/api/v1/plans/${plan.id}`, cookies: owner.cookies });
    expect(read.statusCode).toBe(200);
    expect(read.json().id).toBe(plan.id);
    const unknownTemplate = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      ...asSession(owner),
      payload: { templateId: "nope", language: "fra", title: "x" },
    });
    expect(unknownTemplate.statusCode).toBe(400);
  });

  it("hides a private plan from strangers and anonymous callers (404, not 403)", async () => {
    const plan = await create(owner);
    for (const request of [
      { url: `/api/v1/plans/${plan.id}`, cookies: stranger.cookies },
      { url: `/api/v1/plans/${plan.id}` },
    ]) {
      const response = await t.app.inject(request);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("not_found");
    }
    const write = await patch(stranger, plan.id, {
      baseRevision: 0,
      ops: [{ op: "set", path: "/details/title", value: "hijacked" }],
    });
    expect(write.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "DELETE", url: `/api/v1/plans/${plan.id}`, ...asSession(stranger) }))
        .statusCode,
    ).toBe(404);
  });

  it("edits on a base revision and answers 409 with the conflicting paths and current values", async () => {
    const plan = await create(owner);
    const first = await patch(owner, plan.id, {
      baseRevision: 0,
      ops: [{ op: "set", path: "/details/title", value: "First title" }],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().revision).toBe(1);
    expect(first.json().plan.details.title).toBe("First title");
    const stale = await patch(owner, plan.id, {
      baseRevision: 0,
      ops: [{ op: "set", path: "/details/title", value: "Second title" }],
    });
    expect(stale.statusCode).toBe(409);
    const body = stale.json();
    expect(body.error.code).toBe("conflict");
    expect(body.error.details.conflicts).toEqual([
      expect.objectContaining({ path: "/details/title", current: "First title", revision: 1 }),
    ]);
    const read = await t.app.inject({ url: `/api/v1/plans/${plan.id}`, cookies: owner.cookies });
    expect(read.json().details.title).toBe("First title");
    const bad = await patch(owner, plan.id, { baseRevision: 1, ops: [{ op: "explode", path: "/x" }] });
    expect(bad.statusCode).toBe(422);
  });

  it("lets a public plan be read by anyone, but written only by its owner's read-write credentials", async () => {
    const plan = await create(owner);
    const published = await patch(owner, plan.id, {
      baseRevision: 0,
      ops: [{ op: "set", path: "/visibility", value: "public" }],
    });
    expect(published.statusCode, published.body).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/plans/${plan.id}` })).statusCode).toBe(200);
    const strangerWrite = await patch(stranger, plan.id, {
      baseRevision: 1,
      ops: [{ op: "set", path: "/details/title", value: "hijacked" }],
    });
    expect(strangerWrite.statusCode).toBe(403);
    const minted = await t.app.inject({
      method: "POST",
      url: "/api/v1/account/tokens",
      ...asSession(owner),
      payload: { name: "read", scope: "read" },
    });
    const viaReadToken = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/plans/${plan.id}`,
      headers: { authorization: `Bearer ${minted.json().secret}` },
      payload: { baseRevision: 1, ops: [{ op: "set", path: "/details/title", value: "x" }] },
    });
    expect(viaReadToken.statusCode).toBe(403);
    expect(viaReadToken.json().error.code).toBe("read_only_token");
  });

  it("puts a plan in the bin", async () => {
    const plan = await create(owner);
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/plans/${plan.id}`,
      ...asSession(owner),
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/v1/plans/${plan.id}`, cookies: owner.cookies })).statusCode).toBe(
      404,
    );
  });
});
