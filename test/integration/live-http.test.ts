import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";
import { callAs, createPlanOverHttp, type HttpSession, registerOverHttp } from "../support/http-session.js";
import { openSse, type ReceivedEvent, type SseClient } from "../support/sse.js";

type Present = { connectionId: string; userId: string; name: string; field: string | null }[];
const presentOf = (e: ReceivedEvent): Present =>
  e.event === "presence" ? (e.data as { present: Present }).present : [];
const helloOf = (stream: SseClient) => stream.events[0]?.data as { connectionId: string; revision: number };

describe.each(testDialects())("live events over HTTP on $name", (dialect) => {
  let t: TestApp;
  let base: string;
  let owner: HttpSession;
  let viewer: HttpSession;
  let stranger: HttpSession;
  const streams: SseClient[] = [];
  const subscribe = async (planId: string, session?: HttpSession) => {
    const stream = await openSse(
      `${base}/api/v1/plans/${planId}/events`,
      session ? { cookie: session.cookie } : {},
    );
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { live: { keepAliveMs: 150, recheckMs: 300 } });
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    owner = await registerOverHttp(base, "Olivia Owner");
    viewer = await registerOverHttp(base, "Victor Viewer");
    stranger = await registerOverHttp(base, "Sam Stranger");
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t?.close();
  });

  it("opens an event stream with the right headers, says hello first and keeps the stream alive", async () => {
    const planId = await createPlanOverHttp(base, owner, { visibility: "public" });
    const stream = await subscribe(planId, owner);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toBe("text/event-stream");
    expect(stream.headers.get("cache-control")).toBe("no-cache");
    expect(stream.headers.get("x-accel-buffering")).toBe("no");
    expect(stream.headers.get("x-request-id")).toBeTruthy();
    expect(stream.headers.get("x-content-type-options")).toBe("nosniff");
    await stream.next((e) => e.event === "presence");
    expect(stream.events[0]).toMatchObject({ event: "hello", data: { revision: 1 } });
    expect(helloOf(stream).connectionId).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(stream.comments.length).toBeGreaterThanOrEqual(1);
  });

  it("delivers an accepted PATCH to another reader within 200 ms, with its revision, author and ops", async () => {
    const planId = await createPlanOverHttp(base, owner, { visibility: "public" });
    const watching = await subscribe(planId, viewer);
    await watching.next((e) => e.event === "hello");
    const refused = await callAs(base, owner, "PATCH", `/api/v1/plans/${planId}`, {
      baseRevision: 1,
      ops: [{ op: "set", path: "/details/title", value: 3 }],
    });
    expect(refused.status).toBe(422);
    const sent = performance.now();
    const patched = await callAs(base, owner, "PATCH", `/api/v1/plans/${planId}`, {
      baseRevision: 1,
      ops: [{ op: "set", path: "/details/title", value: "Données « ouvertes »" }],
    });
    expect(patched.status).toBe(200);
    const edit = await watching.next((e) => e.event === "edit");
    expect(edit.at - sent).toBeLessThan(200);
    expect(edit.data).toEqual({
      revision: 2,
      author: owner.accountId,
      ops: [{ op: "set", path: "/details/title", value: "Données « ouvertes »" }],
    });
    // The refused edit was never announced.
    expect(watching.events.filter((e) => e.event === "edit")).toHaveLength(1);
  });

  it("shows who is here, which field they edit, and who left", async () => {
    const planId = await createPlanOverHttp(base, owner, { visibility: "public" });
    const mine = await subscribe(planId, owner);
    await mine.next((e) => e.event === "hello");
    const theirs = await subscribe(planId, viewer);
    await theirs.next((e) => e.event === "hello");
    const both = await mine.next((e) => presentOf(e).length === 2);
    expect(presentOf(both).map((p) => [p.name, p.userId, p.field])).toEqual([
      ["Olivia Owner", owner.accountId, null],
      ["Victor Viewer", viewer.accountId, null],
    ]);
    const focused = await callAs(base, viewer, "POST", `/api/v1/plans/${planId}/presence`, {
      connectionId: helloOf(theirs).connectionId,
      field: "/details/title",
    });
    expect(focused.status).toBe(204);
    await mine.next((e) =>
      presentOf(e).some(
        (p) => p.connectionId === helloOf(theirs).connectionId && p.field === "/details/title",
      ),
    );
    theirs.close();
    await mine.next(
      (e) => e.event === "presence" && presentOf(e).length === 1 && presentOf(e)[0]?.name === "Olivia Owner",
    );
  });

  it("refuses presence for an unknown connection, someone else's, a bad field, no anti-forgery token or no account", async () => {
    const planId = await createPlanOverHttp(base, owner, { visibility: "public" });
    const mine = await subscribe(planId, owner);
    await mine.next((e) => e.event === "hello");
    const path = `/api/v1/plans/${planId}/presence`;
    const unknown = await callAs(base, owner, "POST", path, { connectionId: "nope", field: null });
    expect(unknown.status).toBe(409);
    expect(unknown.body.error?.code).toBe("live_connection_unknown");
    const notTheirs = await callAs(base, viewer, "POST", path, {
      connectionId: helloOf(mine).connectionId,
      field: "/x",
    });
    expect(notTheirs.status).toBe(409);
    const badField = await callAs(base, owner, "POST", path, {
      connectionId: helloOf(mine).connectionId,
      field: "title",
    });
    expect(badField.status).toBe(422);
    const anonymous = await callAs(base, undefined, "POST", path, {
      connectionId: helloOf(mine).connectionId,
      field: null,
    });
    expect(anonymous.status).toBe(401);
    const noCsrf = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { cookie: owner.cookie, "content-type": "application/json" },
      body: JSON.stringify({ connectionId: helloOf(mine).connectionId, field: null }),
    });
    expect(noCsrf.status).toBe(403);
    // Nothing of this reached the presence others see.
    expect(
      mine.events
        .filter((e) => e.event === "presence")
        .every((e) => presentOf(e).every((p) => p.field === null)),
    ).toBe(true);
  });

  it("answers 404 to a caller who may not read the plan, anonymous or not, and streams public plans anonymously", async () => {
    const privateId = await createPlanOverHttp(base, owner);
    for (const session of [stranger, undefined]) {
      const refused = await subscribe(privateId, session);
      expect(refused.status).toBe(404);
      expect((refused.body as { error: { code: string } }).error.code).toBe("not_found");
    }
    const missing = await subscribe("no-such-plan", owner);
    expect(missing.status).toBe(404);
    const unknownPresence = await callAs(base, stranger, "POST", `/api/v1/plans/${privateId}/presence`, {
      connectionId: "x",
      field: null,
    });
    expect(unknownPresence.status).toBe(404);

    const publicId = await createPlanOverHttp(base, owner, { visibility: "public" });
    const mine = await subscribe(publicId, owner);
    await mine.next((e) => presentOf(e).length === 1);
    const anonymous = await subscribe(publicId);
    expect(anonymous.status).toBe(200);
    await anonymous.next((e) => e.event === "presence");
    await callAs(base, owner, "PATCH", `/api/v1/plans/${publicId}`, {
      baseRevision: 1,
      ops: [{ op: "set", path: "/details/title", value: "Seen by all" }],
    });
    await anonymous.next((e) => e.event === "edit");
    // An anonymous reader is not shown to the editors.
    expect(mine.events.every((e) => presentOf(e).length <= 1)).toBe(true);
  });

  it("ends the stream of a reader who lost access: plan made private, plan binned, signed out", async () => {
    const planId = await createPlanOverHttp(base, owner, { visibility: "public" });
    const reader = await subscribe(planId, viewer);
    await reader.next((e) => e.event === "hello");
    await callAs(base, owner, "PATCH", `/api/v1/plans/${planId}`, {
      baseRevision: 1,
      ops: [{ op: "set", path: "/visibility", value: "private" }],
    });
    expect((await reader.next((e) => e.event === "end")).data).toEqual({ reason: "not_found" });
    await reader.ended;

    const mine = await subscribe(planId, owner);
    await mine.next((e) => e.event === "hello");
    expect((await callAs(base, owner, "DELETE", `/api/v1/plans/${planId}`)).status).toBe(204);
    expect((await mine.next((e) => e.event === "end")).data).toEqual({ reason: "not_found" });
    await mine.ended;

    const other = await registerOverHttp(base, "Leaving Soon");
    const otherPlan = await createPlanOverHttp(base, other);
    const leaving = await subscribe(otherPlan, other);
    await leaving.next((e) => e.event === "hello");
    expect((await callAs(base, other, "POST", "/api/v1/auth/logout")).status).toBeLessThan(300);
    // Found by the periodic check (every 300 ms here).
    expect((await leaving.next((e) => e.event === "end", 3000)).data).toEqual({ reason: "unauthenticated" });
  });

  it("describes both routes in the OpenAPI document", async () => {
    const document = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
      >;
    };
    expect(
      Object.keys(document.paths["/api/v1/plans/{id}/events"]?.get?.responses["200"]?.content ?? {}),
    ).toEqual(["text/event-stream"]);
    expect(document.paths["/api/v1/plans/{id}/presence"]?.post?.responses).toHaveProperty("204");
  });
});

describe.each(testDialects())("live events when the server closes on $name", (dialect) => {
  it("ends open streams promptly, so that closing does not hang, and their presence leaves", async () => {
    const t = await createTestApp(dialect);
    const base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const owner = await registerOverHttp(base, "Closing Time");
      const planId = await createPlanOverHttp(base, owner);
      const streams = await Promise.all(
        [1, 2, 3].map(() => openSse(`${base}/api/v1/plans/${planId}/events`, { cookie: owner.cookie })),
      );
      for (const stream of streams) await stream.next((e) => e.event === "presence");
      expect(t.context.live.localConnections()).toBe(3);
      // A connection that never sends a request (a browser's pre-connection) must not hold the close either.
      const idle = connect(Number(new URL(base).port), "127.0.0.1");
      await new Promise((resolve) => idle.once("connect", resolve));
      const idleClosed = new Promise((resolve) => idle.once("close", resolve));
      idle.on("error", () => {});
      const started = performance.now();
      await t.app.close();
      await Promise.all(streams.map((stream) => stream.ended));
      await idleClosed;
      expect(performance.now() - started).toBeLessThan(2000);
      expect(t.context.live.localConnections()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
