import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/app.js";
import { testDialects } from "../../../../../test/support/databases.js";
import {
  callAs,
  createPlanOverHttp,
  type HttpSession,
  registerOverHttp,
} from "../../../../../test/support/http-session.js";
import { AutosaveQueue, type PatchTransport, type SaveState } from "./autosave-queue.js";

/**
 * The autosave queue against the real server: a batch the server applied but whose answer was cut
 * off is sent again with its Idempotency-Key and answered as applied, without a conflict.
 */
describe.each(testDialects())("autosave against the server on $name", (dialect) => {
  let t: TestApp;
  let base: string;
  let owner: HttpSession;
  let other: HttpSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    owner = await registerOverHttp(base, "Autosave Owner");
    other = await registerOverHttp(base, "Autosave Other");
  });
  afterAll(() => t?.close());

  /** PATCH as the browser's client does, the answer of the first `cut` requests lost after the server got them. */
  const transport = (planId: string, cut: number) => {
    const sent: { key: string; status: number }[] = [];
    const send: PatchTransport<{ revision: number }> = async (baseRevision, ops, key) => {
      const response = await fetch(`${base}/api/v1/plans/${planId}`, {
        method: "PATCH",
        headers: {
          cookie: owner.cookie,
          "x-csrf-token": owner.csrf,
          "content-type": "application/json",
          "idempotency-key": key,
        },
        body: JSON.stringify({ baseRevision, ops }),
      });
      const body = (await response.json()) as {
        revision: number;
        plan: { revision: number };
        error?: { code: string; details?: unknown };
      };
      sent.push({ key, status: response.status });
      if (sent.length <= cut) throw Object.assign(new Error("network"), { status: 0, code: "network" });
      if (!response.ok) {
        throw Object.assign(new Error(body.error?.code), {
          status: response.status,
          code: body.error?.code,
          details: body.error?.details,
        });
      }
      return body;
    };
    return { send, sent };
  };

  it("a batch whose answer was lost is answered by its key on the retry: no false conflict, applied once", async () => {
    const planId = await createPlanOverHttp(base, owner);
    const shared = await callAs(base, owner, "POST", `/api/v1/plans/${planId}/members`, {
      email: (await callAs(base, other, "GET", "/api/v1/account")).body.email,
      role: "editor",
    });
    expect(shared.status, JSON.stringify(shared.body)).toBeLessThan(300);
    const { send, sent } = transport(planId, 1);
    const states: SaveState[] = [];
    const queue = new AutosaveQueue({ planId, baseRevision: 0, send, debounceMs: 5, initialBackoffMs: 200 });
    queue.subscribe((state) => states.push(state));
    queue.push([{ op: "set", path: "/details/title", value: "Typed once" }]);
    await until(() => queue.state.kind === "offline");
    // Another author edits the same field meanwhile: without the key, the retry would be a 409.
    const theirs = await callAs(base, other, "PATCH", `/api/v1/plans/${planId}`, {
      baseRevision: 1,
      ops: [{ op: "set", path: "/details/title", value: "Their later title" }],
    });
    expect(theirs.status).toBe(200);
    await until(() => queue.state.kind === "saved");
    expect(sent).toEqual([
      { key: sent[0]!.key, status: 200 },
      { key: sent[0]!.key, status: 200 },
    ]);
    expect(queue.state).toEqual({ kind: "saved", revision: 1 });
    expect(states.some((s) => s.kind === "conflict" || s.kind === "rejected")).toBe(false);
    const history = await callAs(base, owner, "GET", `/api/v1/plans/${planId}/history`);
    const events = history.body.events as { revision: number; author: { id: string } }[];
    expect(events.map((e) => [e.revision, e.author.id])).toEqual([
      [2, other.accountId],
      [1, owner.accountId],
    ]);
    queue.dispose();
  });
});

async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
