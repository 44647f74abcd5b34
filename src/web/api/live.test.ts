import { EventSource } from "eventsource";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { testDialects } from "../../../test/support/databases.js";
import {
  callAs,
  createPlanOverHttp,
  type HttpSession,
  registerOverHttp,
} from "../../../test/support/http-session.js";
import { isApiError } from "./client.js";
import {
  type EventSourceFactory,
  type EventSourceLike,
  type LiveEdit,
  type LiveHello,
  type LivePresenceEntry,
  type LiveStatus,
  sendPresence,
  subscribePlanEvents,
} from "./live.js";

/**
 * Node has no EventSource: the `eventsource` package implements the WHATWG one over fetch. The
 * browser would send the session cookie itself; here each request carries it explicitly.
 */
const asBrowserOf = (session: HttpSession | undefined) => {
  const headers: Record<string, string> = session ? { cookie: session.cookie } : {};
  const eventSource: EventSourceFactory = (url) =>
    new EventSource(url, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
    }) as unknown as EventSourceLike;
  const probe = ((input: string, init?: RequestInit) =>
    fetch(input, { ...init, headers: { ...headers } })) as typeof fetch;
  return { eventSource, fetch: probe };
};

/** Everything a subscription reported, and a way to wait for a condition on it. */
function recorder() {
  const seen = {
    statuses: [] as string[],
    hellos: [] as LiveHello[],
    edits: [] as LiveEdit[],
    presence: [] as LivePresenceEntry[][],
  };
  const handlers = {
    onStatus: (status: LiveStatus, reason?: string) =>
      seen.statuses.push(reason ? `${status}:${reason}` : status),
    onHello: (hello: LiveHello) => seen.hellos.push(hello),
    onEdit: (edit: LiveEdit) => seen.edits.push(edit),
    onPresence: (present: LivePresenceEntry[]) => seen.presence.push(present),
  };
  const until = async (predicate: () => boolean, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; saw ${JSON.stringify(seen)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { seen, handlers, until };
}

describe.each(testDialects().slice(0, 1))("live client against the server ($name)", (dialect) => {
  let t: TestApp;
  let base: string;
  let owner: HttpSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    owner = await registerOverHttp(base, "Client Owner");
  });
  afterAll(() => t?.close());

  it("opens, says hello, reports presence and edits, and reconnects after the connection drops", async () => {
    const planId = await createPlanOverHttp(base, owner);
    const r = recorder();
    const live = subscribePlanEvents(planId, r.handlers, { baseUrl: base, ...asBrowserOf(owner) });
    try {
      await r.until(() => r.seen.hellos.length === 1 && r.seen.presence.some((p) => p.length === 1));
      expect(r.seen.statuses).toEqual(["connecting", "open"]);
      expect(r.seen.hellos[0]?.revision).toBe(0);
      expect(live.connectionId()).toBe(r.seen.hellos[0]?.connectionId);
      expect(r.seen.presence.at(-1)).toEqual([
        { connectionId: live.connectionId(), userId: owner.accountId, name: "Client Owner", field: null },
      ]);

      await callAs(base, owner, "PATCH", `/api/v1/plans/${planId}`, {
        baseRevision: 0,
        ops: [{ op: "set", path: "/details/title", value: "From the client test" }],
      });
      await r.until(() => r.seen.edits.length === 1);
      expect(r.seen.edits[0]).toMatchObject({ revision: 1, author: owner.accountId });

      // Every connection of the server drops (as when a proxy restarts): the client comes back.
      const first = live.connectionId();
      t.app.server.closeAllConnections();
      await r.until(() => r.seen.hellos.length === 2);
      expect(r.seen.statuses).toEqual(["connecting", "open", "retrying", "open"]);
      expect(live.connectionId()).not.toBe(first);
      expect(r.seen.hellos[1]?.revision).toBe(1);
    } finally {
      live.close();
    }
  });

  it("stops for good when the plan is binned, and when it was never readable", async () => {
    const planId = await createPlanOverHttp(base, owner);
    const r = recorder();
    const live = subscribePlanEvents(planId, r.handlers, { baseUrl: base, ...asBrowserOf(owner) });
    await r.until(() => r.seen.hellos.length === 1);
    expect((await callAs(base, owner, "DELETE", `/api/v1/plans/${planId}`)).status).toBe(204);
    await r.until(() => r.seen.statuses.includes("closed:not_found"));
    expect(live.connectionId()).toBeNull();

    const anonymous = recorder();
    subscribePlanEvents("no-such-plan", anonymous.handlers, {
      baseUrl: base,
      ...asBrowserOf(undefined),
      retryDelayMs: 10,
    });
    await anonymous.until(() => anonymous.seen.statuses.includes("closed:not_found"));
    expect(anonymous.seen.hellos).toEqual([]);
  });

  it("keeps retrying while connections are refused but the plan is still readable, then opens", async () => {
    const planId = await createPlanOverHttp(base, owner);
    const browser = asBrowserOf(owner);
    // The first two attempts get an answer that is not an event stream (as from a proxy in front of
    // a restarting server); the plan itself still answers, so the client tries again.
    let refusals = 2;
    const eventSource: EventSourceFactory = (url) =>
      browser.eventSource(refusals-- > 0 ? `${base}/api/v1/no-such-route` : url);
    const r = recorder();
    const live = subscribePlanEvents(planId, r.handlers, {
      baseUrl: base,
      eventSource,
      fetch: browser.fetch,
      retryDelayMs: 10,
    });
    try {
      await r.until(() => r.seen.hellos.length === 1);
      expect(r.seen.statuses).toEqual(["connecting", "retrying", "open"]);
    } finally {
      live.close();
    }
  });

  it("sends presence to the server's route (refused without a session)", async () => {
    const planId = await createPlanOverHttp(base, owner, { visibility: "public" });
    const error = await sendPresence(planId, "any", "/details/title", { lang: "fr", baseUrl: base }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isApiError(error, "unauthenticated")).toBe(true);
  });
});
