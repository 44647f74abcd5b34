import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlanMembersRepository } from "../../src/storage/plan-members-repository.js";
import { asSession, registerUser, type TestSession } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

interface Item {
  id: string;
  title: string;
  role: string | null;
  visibility: string;
  owner: { id: string; displayName: string };
}

describe.each(testDialects())("plan lists over HTTP on $name", (dialect) => {
  let t: TestApp;
  let ana: TestSession;
  let bob: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ana = await registerUser(t.app, undefined, undefined, { displayName: "Ana Lopes" });
    bob = await registerUser(t.app, undefined, undefined, { displayName: "Bob" });
  });
  afterAll(() => t.close());

  const create = async (
    session: TestSession,
    title: string,
    extra: { templateId?: string; language?: string } = {},
  ) => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      ...asSession(session),
      payload: { templateId: "science-europe-structured", language: "fra", title, ...extra },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; revision: number };
  };
  const list = async (session: TestSession | undefined, query: string) => {
    const response = await t.app.inject({
      url: `/api/v1/plans${query}`,
      ...(session ? { cookies: session.cookies } : {}),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { plans: Item[]; nextCursor: string | null };
  };
  const publish = async (session: TestSession, id: string, visibility: string) => {
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/plans/${id}`,
      ...asSession(session),
      payload: { baseRevision: 0, ops: [{ op: "set", path: "/visibility", value: visibility }] },
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  it("lists by scope with the caller's role and the owner's name", async () => {
    const own = await create(ana, "Scope: Ana's own");
    const theirs = await create(bob, "Scope: Bob's, shared with Ana");
    const hidden = await create(bob, "Scope: Bob's private");
    const open = await create(bob, "Scope: Bob's public");
    await publish(bob, open.id, "public");
    await createPlanMembersRepository(t.context.database.db).add({
      plan_id: theirs.id,
      user_id: ana.accountId,
      role: "editor",
      added_at: new Date().toISOString(),
      added_by: bob.accountId,
    });
    const ids = (items: Item[]) => items.map((p) => p.id);
    const all = await list(ana, "?q=scope:");
    expect(ids(all.plans).sort()).toEqual([own.id, theirs.id].sort());
    expect(all.plans.find((p) => p.id === theirs.id)).toMatchObject({
      role: "editor",
      owner: { id: bob.accountId, displayName: "Bob" },
      visibility: "private",
    });
    expect(ids((await list(ana, "?scope=mine&q=scope:")).plans)).toEqual([own.id]);
    expect(ids((await list(ana, "?scope=shared&q=scope:")).plans)).toEqual([theirs.id]);
    const pub = await list(ana, "?scope=public&q=scope:");
    expect(ids(pub.plans)).toEqual([open.id]);
    expect(pub.plans[0]?.role).toBeNull();
    expect(ids((await list(ana, "?scope=all")).plans)).not.toContain(hidden.id);
    const anonymous = await t.app.inject({ url: "/api/v1/public/plans?q=scope:" });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().plans.map((p: Item) => p.id)).toEqual([open.id]);
    expect((await t.app.inject({ url: "/api/v1/plans" })).statusCode).toBe(401);

    await t.app.inject({ method: "DELETE", url: `/api/v1/plans/${own.id}`, ...asSession(ana) });
    expect(ids((await list(ana, "?scope=all&q=scope:")).plans)).toEqual([theirs.id]);
    expect(ids((await list(ana, "?scope=bin")).plans)).toEqual([own.id]);
    expect(ids((await list(bob, "?scope=bin")).plans)).toEqual([]);
  });

  it("searches titles without regard to case, accents as typed, and filters by template and language", async () => {
    const reve = await create(ana, "Enquête RÊVE sur les rêves", { language: "fra" });
    const other = await create(ana, "Dreams survey (reve)", {
      language: "eng",
      templateId: "horizon-europe",
    });
    const percent = await create(ana, "100% done_ok");
    const found = async (q: string) =>
      (await list(ana, `?q=${encodeURIComponent(q)}`)).plans.map((p) => p.id).sort();
    expect(await found("rêve")).toEqual([reve.id]);
    expect(await found("ENQUÊTE rêve")).toEqual([reve.id]);
    expect(await found("reve")).toEqual([other.id]);
    expect(await found("100%")).toEqual([percent.id]);
    expect(await found("0%_")).toEqual([]);
    expect(await found("_")).toEqual([percent.id]);
    const english = await list(ana, "?language=eng");
    expect(english.plans.map((p) => p.id)).toEqual([other.id]);
    const horizon = await list(ana, "?template=horizon-europe");
    expect(horizon.plans.map((p) => p.id)).toEqual([other.id]);
    const bad = await t.app.inject({ url: "/api/v1/plans?sort=size", cookies: ana.cookies });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("validation_failed");
  });

  it("sorts by title without regard to accents, either way, with id breaking ties", async () => {
    const me = await registerUser(t.app);
    for (const title of ["zèbre", "Écologie", "abeille", "Abeille", "éclair"]) await create(me, title);
    const titles = async (order: string) =>
      (await list(me, `?sort=title&order=${order}`)).plans.map((p) => p.title);
    const asc = await titles("asc");
    expect(asc.slice(0, 2).map((s) => s.toLowerCase())).toEqual(["abeille", "abeille"]);
    expect(asc.slice(2)).toEqual(["éclair", "Écologie", "zèbre"]);
    expect(await titles("desc")).toEqual([...asc].reverse());
  });

  it("pages with an opaque cursor that never skips nor repeats a plan, even with inserts between pages", async () => {
    for (const [sort, order] of [
      ["modified", "desc"],
      ["created", "asc"],
      ["title", "asc"],
      ["title", "desc"],
    ] as const) {
      const me = await registerUser(t.app);
      const before = new Set<string>();
      for (let i = 0; i < 7; i++) before.add((await create(me, `Page ${i % 3}`)).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { plans: Item[]; nextCursor: string | null } = await list(
          me,
          `?sort=${sort}&order=${order}&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        );
        expect(page.plans.length).toBeLessThanOrEqual(3);
        seen.push(...page.plans.map((p) => p.id));
        cursor = page.nextCursor;
        // Someone creates a plan between two pages.
        await create(me, `Page ${pages % 3}`);
        pages += 1;
      } while (cursor && pages < 20);
      expect(new Set(seen).size, `${sort} ${order}: no repeats`).toBe(seen.length);
      for (const id of before) expect(seen, `${sort} ${order}: nothing skipped`).toContain(id);
    }
    const me = await registerUser(t.app);
    for (let i = 0; i < 3; i++) await create(me, `Cursor ${i}`);
    const first = await list(me, "?limit=2");
    expect(first.nextCursor).toEqual(expect.any(String));
    const wrongSort = await t.app.inject({
      url: `/api/v1/plans?limit=2&sort=title&cursor=${first.nextCursor}`,
      cookies: me.cookies,
    });
    expect(wrongSort.statusCode).toBe(400);
    expect(wrongSort.json().error.details).toEqual([expect.objectContaining({ path: "/cursor" })]);
    const garbage = await t.app.inject({ url: "/api/v1/plans?cursor=%%%", cookies: me.cookies });
    expect(garbage.statusCode).toBe(400);
  });
});
