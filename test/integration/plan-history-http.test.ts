import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSession, registerUser, type TestSession } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

interface Change {
  pointer: string;
  kind: string;
  labels: string[];
  text: string;
}
interface HistoryEvent {
  revision: number;
  at: string;
  author: { id: string; displayName: string };
  changes: Change[];
}

describe.each(testDialects())("plan history, duplicate and bin over HTTP on $name", (dialect) => {
  let t: TestApp;
  let owner: TestSession;
  let editor: TestSession;
  let stranger: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await registerUser(t.app, undefined, undefined, { displayName: "Olive Owner" });
    editor = await registerUser(t.app, undefined, undefined, { displayName: "Eddie Editor" });
    stranger = await registerUser(t.app);
  });
  afterAll(() => t.close());

  const call = (
    session: TestSession | undefined,
    method: string,
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: method as "GET",
      url,
      ...(session ? { cookies: session.cookies } : {}),
      headers: { ...(session ? { "x-csrf-token": session.csrf } : {}), ...headers },
      ...(payload ? { payload } : {}),
    });
  const create = async (title: string) => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      ...asSession(owner),
      payload: { templateId: "science-europe-structured", language: "fra", title },
    });
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json() as { id: string };
    const shared = await call(owner, "POST", `/api/v1/plans/${plan.id}/members`, {
      email: (editor as TestSession & { email: string }).email,
      role: "editor",
    });
    expect(shared.statusCode).toBe(201);
    return plan;
  };
  const edit = async (
    session: TestSession,
    id: string,
    baseRevision: number,
    path: string,
    value: unknown,
  ) => {
    const response = await call(session, "PATCH", `/api/v1/plans/${id}`, {
      baseRevision,
      ops: [{ op: "set", path, value }],
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  it("lists events newest first with authors and changes in the request's language, a page at a time", async () => {
    const plan = await create("Premier titre");
    await edit(editor, plan.id, 0, "/details/title", "Second titre");
    await edit(owner, plan.id, 1, "/project/acronym", "RÊVE");
    await edit(editor, plan.id, 2, "/details/title", "Troisième titre");
    const history = await call(owner, "GET", `/api/v1/plans/${plan.id}/history`, undefined, {
      "accept-language": "fr",
    });
    expect(history.statusCode, history.body).toBe(200);
    const { events, nextBefore } = history.json() as { events: HistoryEvent[]; nextBefore: number | null };
    expect(nextBefore).toBeNull();
    expect(events.map((e) => [e.revision, e.author.displayName])).toEqual([
      [3, "Eddie Editor"],
      [2, "Olive Owner"],
      [1, "Eddie Editor"],
    ]);
    expect(events[0]?.changes).toEqual([
      expect.objectContaining({
        pointer: "/details/title",
        kind: "changed",
        before: "Second titre",
        after: "Troisième titre",
      }),
    ]);
    // Each event tells the same changes as the diff between its revision and the one before.
    for (const event of events) {
      const diff = await call(
        owner,
        "GET",
        `/api/v1/plans/${plan.id}/diff?from=${event.revision - 1}&to=${event.revision}&lang=fr`,
      );
      expect(diff.statusCode).toBe(200);
      expect(event.changes.map((c) => c.text)).toEqual(diff.json().changes.map((c: Change) => c.text));
    }
    const english = await call(owner, "GET", `/api/v1/plans/${plan.id}/diff?from=0&to=2&lang=en`);
    const french = await call(owner, "GET", `/api/v1/plans/${plan.id}/diff?from=0&to=2&lang=fr`);
    expect(english.json()).toMatchObject({ from: 0, to: 2 });
    expect(english.json().changes.map((c: Change) => c.pointer)).toEqual([
      "/details/title",
      "/project/acronym",
    ]);
    expect(english.json().changes[0].text).not.toEqual(french.json().changes[0].text);

    const page1 = (await call(owner, "GET", `/api/v1/plans/${plan.id}/history?limit=2`)).json();
    expect(page1.events.map((e: HistoryEvent) => e.revision)).toEqual([3, 2]);
    expect(page1.nextBefore).toBe(2);
    const page2 = (await call(owner, "GET", `/api/v1/plans/${plan.id}/history?limit=2&before=2`)).json();
    expect(page2.events.map((e: HistoryEvent) => e.revision)).toEqual([1]);
    expect(page2.nextBefore).toBeNull();
    expect((await call(owner, "GET", `/api/v1/plans/${plan.id}/diff?from=0&to=9`)).statusCode).toBe(404);
  });

  it("serves a past revision and reverts to it as a new revision, leaving the visibility alone", async () => {
    const plan = await create("Original");
    await edit(owner, plan.id, 0, "/details/title", "Changed");
    const put = await call(owner, "PUT", `/api/v1/plans/${plan.id}/visibility`, { visibility: "public" });
    expect(put.json()).toEqual({ visibility: "public", revision: 2 });
    const at0 = await call(editor, "GET", `/api/v1/plans/${plan.id}/revisions/0`);
    expect(at0.statusCode).toBe(200);
    expect(at0.json()).toMatchObject({ revision: 0, details: { title: "Original" }, visibility: "private" });
    expect((await call(editor, "GET", `/api/v1/plans/${plan.id}/revisions/3`)).statusCode).toBe(404);
    expect((await call(editor, "GET", `/api/v1/plans/${plan.id}/revisions/x`)).statusCode).toBe(422);

    const reverted = await call(editor, "POST", `/api/v1/plans/${plan.id}/revert`, { revision: 0 });
    expect(reverted.statusCode, reverted.body).toBe(200);
    expect(reverted.json().revision).toBe(3);
    expect(reverted.json().plan).toMatchObject({ details: { title: "Original" }, visibility: "public" });
    const last = (await call(owner, "GET", `/api/v1/plans/${plan.id}/history?limit=1`)).json().events[0];
    expect(last).toMatchObject({ revision: 3, author: { displayName: "Eddie Editor" } });

    // A public plan's readers see it as it is now, not its history.
    expect((await call(stranger, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await call(stranger, "GET", `/api/v1/plans/${plan.id}/history`)).statusCode).toBe(403);
    expect((await call(undefined, "GET", `/api/v1/plans/${plan.id}/revisions/0`)).statusCode).toBe(401);
    expect(
      (await call(stranger, "POST", `/api/v1/plans/${plan.id}/revert`, { revision: 0 })).statusCode,
    ).toBe(403);
  });

  it("duplicates a readable plan as the caller's private copy; the owner bins and restores", async () => {
    const plan = await create("To copy");
    await call(owner, "PUT", `/api/v1/plans/${plan.id}/visibility`, { visibility: "public" });
    const copy = await call(stranger, "POST", `/api/v1/plans/${plan.id}/duplicate`, { title: "My copy" });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ revision: 0, visibility: "private", details: { title: "My copy" } });
    const access = await call(stranger, "GET", `/api/v1/plans/${copy.json().id}/access`);
    expect(access.json()).toMatchObject({ role: "owner", visibility: "private" });
    expect((await call(undefined, "POST", `/api/v1/plans/${plan.id}/duplicate`, {})).statusCode).toBe(401);

    expect((await call(editor, "DELETE", `/api/v1/plans/${plan.id}`)).statusCode).toBe(403);
    expect((await call(owner, "DELETE", `/api/v1/plans/${plan.id}`)).statusCode).toBe(204);
    const bin = (await call(owner, "GET", "/api/v1/plans?scope=bin")).json().plans;
    expect(bin.map((p: { id: string }) => p.id)).toContain(plan.id);
    expect(bin.find((p: { id: string }) => p.id === plan.id).deletedAt).toEqual(expect.any(String));
    for (const session of [editor, stranger]) {
      expect((await call(session, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
      expect((await call(session, "POST", `/api/v1/plans/${plan.id}/restore`)).statusCode).toBe(404);
    }
    const restored = await call(owner, "POST", `/api/v1/plans/${plan.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await call(editor, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await call(owner, "GET", "/api/v1/plans?scope=bin")).json().plans).toEqual([]);
  });
});
