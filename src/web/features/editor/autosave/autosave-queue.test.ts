import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { applyOps } from "../../../../domain/edit/apply-ops.js";
import type { EditEvent, EditOp } from "../../../../domain/edit/ops.js";
import { type Plan, planSchema } from "../../../../domain/plan.js";
import { opsStillNeeded } from "../plan-ops.js";
import { AutosaveQueue, type KeyValueStorage, type SaveState, storageKey } from "./autosave-queue.js";

/** A plan server in memory that decides edits with the domain's real rules (conflicts included). */
class PlanServer {
  plan: Plan;
  history: EditEvent[] = [];
  reachable = true;
  failWith: number | undefined;
  latencyMs = 0;
  requests: { baseRevision: number; ops: EditOp[]; key: string }[] = [];
  /** Apply batches but never answer (the page that sent them is being closed). */
  answerLost = false;
  /** Apply batches, then fail as if the connection were cut before the answer arrived. */
  connectionCut = false;
  /** Answers of applied batches by Idempotency-Key, as the real server keeps them (plan_events). */
  readonly answered = new Map<string, { revision: number; plan: Plan }>();

  constructor() {
    this.plan = planSchema.parse({
      carnetFormat: 1,
      id: "p1",
      revision: 0,
      template: { id: "t", version: 1 },
      context: "research_project",
      language: "eng",
      createdAt: "2024-01-01T00:00:00.000Z",
      modifiedAt: "2024-01-01T00:00:00.000Z",
      details: { title: "First title" },
      project: { title: "Project" },
    });
  }

  edit(author: string, baseRevision: number, ops: EditOp[]) {
    const result = applyOps(this.plan, ops, { baseRevision, author, history: this.history });
    if (!result.ok && result.reason === "conflict") {
      throw Object.assign(new Error("conflict"), {
        status: 409,
        code: "conflict",
        details: { revision: this.plan.revision, conflicts: result.conflicts },
      });
    }
    if (!result.ok) throw Object.assign(new Error("invalid"), { status: 422, code: "validation_failed" });
    this.plan = result.plan;
    this.history.push(result.event);
    return { revision: this.plan.revision, plan: this.plan };
  }

  send = async (baseRevision: number, ops: EditOp[], key: string) => {
    this.requests.push({ baseRevision, ops, key });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    else await Promise.resolve();
    if (!this.reachable) throw Object.assign(new Error("network"), { status: 0, code: "network" });
    if (this.failWith) throw Object.assign(new Error("failed"), { status: this.failWith, code: "x" });
    const accepted = this.answered.get(key) ?? this.edit("me", baseRevision, ops);
    this.answered.set(key, accepted);
    if (this.answerLost) return new Promise<never>(() => {});
    if (this.connectionCut) throw Object.assign(new Error("network"), { status: 0, code: "network" });
    return accepted;
  };
}

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const set = (path: string, value: unknown): EditOp => ({ op: "set", path, value });

function makeQueue(server: PlanServer, storage = new MemoryStorage(), online = () => true) {
  const states: SaveState[] = [];
  const queue = new AutosaveQueue<Plan>({
    planId: "p1",
    baseRevision: server.plan.revision,
    send: server.send,
    storage,
    debounceMs: 500,
    initialBackoffMs: 1000,
    maxBackoffMs: 8000,
    isOnline: online,
  });
  queue.subscribe((state) => states.push(state));
  return { queue, states, storage };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("AutosaveQueue", () => {
  it("sends edits once the typing pauses, as one batch with the last value of each field", async () => {
    const server = new PlanServer();
    const { queue, states } = makeQueue(server);
    queue.push([set("/details/title", "S")]);
    await vi.advanceTimersByTimeAsync(200);
    queue.push([set("/details/title", "Soil")]);
    queue.push([set("/project/acronym", "SOIL")]);
    await vi.advanceTimersByTimeAsync(499);
    expect(server.requests).toHaveLength(0);
    expect(queue.state.kind).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();
    expect(server.requests).toEqual([
      {
        baseRevision: 0,
        ops: [set("/details/title", "Soil"), set("/project/acronym", "SOIL")],
        key: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    ]);
    expect(server.plan.details.title).toBe("Soil");
    expect(queue.state).toEqual({ kind: "saved", revision: 1 });
    expect(states.map((s) => s.kind)).toEqual(["pending", "pending", "pending", "saving", "saved"]);
  });

  it("bases each batch on the revision the previous one produced", async () => {
    const server = new PlanServer();
    const { queue } = makeQueue(server);
    queue.push([set("/details/title", "A")]);
    await vi.runAllTimersAsync();
    queue.push([set("/details/title", "B")]);
    await vi.runAllTimersAsync();
    expect(server.requests.map((r) => r.baseRevision)).toEqual([0, 1]);
    expect(server.plan.details.title).toBe("B");
    expect(queue.hasUnsaved()).toBe(false);
  });

  it("keeps edits made while a batch travels and sends them after it", async () => {
    const server = new PlanServer();
    server.latencyMs = 300;
    const { queue } = makeQueue(server);
    queue.push([set("/details/title", "A")]);
    await vi.advanceTimersByTimeAsync(500); // the batch is now in flight
    queue.push([set("/project/acronym", "X")]);
    expect(queue.state.kind).toBe("saving");
    await vi.runAllTimersAsync();
    expect(server.requests).toHaveLength(2);
    expect(server.plan.project?.acronym).toBe("X");
    expect(queue.state).toEqual({ kind: "saved", revision: 2 });
  });

  it("retries with exponential backoff while the server cannot be reached, and loses nothing", async () => {
    const server = new PlanServer();
    server.reachable = false;
    const { queue } = makeQueue(server);
    queue.push([set("/details/title", "Offline title")]);
    await vi.advanceTimersByTimeAsync(500);
    expect(queue.state).toMatchObject({ kind: "offline", attempt: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(3);
    expect(queue.state).toMatchObject({ kind: "offline", attempt: 3 });
    // Typed while offline: kept for the next attempt.
    queue.push([set("/project/acronym", "OFF")]);
    server.reachable = true;
    await vi.runAllTimersAsync();
    expect(server.plan.details.title).toBe("Offline title");
    expect(server.plan.project?.acronym).toBe("OFF");
    expect(queue.state.kind).toBe("saved");
  });

  it("caps the backoff and retries at once when the browser comes back online", async () => {
    const server = new PlanServer();
    server.reachable = false;
    let online = false;
    const { queue } = makeQueue(server, new MemoryStorage(), () => online);
    queue.push([set("/details/title", "T")]);
    await vi.advanceTimersByTimeAsync(500);
    for (let i = 0; i < 6; i++) await vi.advanceTimersByTimeAsync(8000);
    const state = queue.state;
    expect(state).toMatchObject({ kind: "offline", browserOffline: true });
    if (state.kind === "offline") expect(state.retryAt - Date.now()).toBeLessThanOrEqual(8000);
    const before = server.requests.length;
    online = true;
    server.reachable = true;
    queue.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests.length).toBe(before + 1);
    expect(queue.state.kind).toBe("saved");
    expect(server.plan.details.title).toBe("T");
  });

  it("retries server failures (5xx) like network failures", async () => {
    const server = new PlanServer();
    server.failWith = 503;
    const { queue } = makeQueue(server);
    queue.push([set("/details/title", "T")]);
    await vi.advanceTimersByTimeAsync(500);
    expect(queue.state.kind).toBe("offline");
    server.failWith = undefined;
    await vi.runAllTimersAsync();
    expect(server.plan.details.title).toBe("T");
  });

  it("keeps pending ops in storage until acknowledged, and a new page resends them", async () => {
    const server = new PlanServer();
    server.reachable = false;
    const storage = new MemoryStorage();
    const first = makeQueue(server, storage);
    first.queue.push([set("/details/title", "Typed before the crash")]);
    expect(JSON.parse(storage.getItem(storageKey("p1"))!)).toEqual({
      baseRevision: 0,
      ops: [set("/details/title", "Typed before the crash")],
    });
    await vi.advanceTimersByTimeAsync(500);
    first.queue.dispose(); // the tab closes while offline
    expect(storage.getItem(storageKey("p1"))).not.toBeNull();

    server.reachable = true;
    const second = makeQueue(server, storage);
    const restored = second.queue.restore();
    expect(restored).toEqual([set("/details/title", "Typed before the crash")]);
    await vi.runAllTimersAsync();
    expect(server.plan.details.title).toBe("Typed before the crash");
    expect(storage.getItem(storageKey("p1"))).toBeNull();
  });

  it("offers both versions on a same-field conflict and sends mine only when chosen", async () => {
    const server = new PlanServer();
    const { queue } = makeQueue(server);
    server.edit("other", 0, [set("/details/title", "Their title")]);
    queue.push([set("/details/title", "My title"), set("/project/acronym", "MINE")]);
    await vi.runAllTimersAsync();
    const state = queue.state;
    expect(state.kind).toBe("conflict");
    if (state.kind !== "conflict") return;
    expect(state.serverRevision).toBe(1);
    expect(state.conflicts).toEqual([
      {
        path: "/details/title",
        theirs: "Their title",
        theirsExists: true,
        mine: "My title",
        mineRemoves: false,
      },
    ]);
    // Nothing was overwritten while the user decides, even after a while.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.plan.details.title).toBe("Their title");
    expect(queue.pendingOps()).toHaveLength(2);

    queue.resolveConflict("mine");
    await vi.runAllTimersAsync();
    expect(server.plan.details.title).toBe("My title");
    expect(server.plan.project?.acronym).toBe("MINE");
    expect(queue.state).toEqual({ kind: "saved", revision: 2 });
  });

  it("keeping their version drops only my ops on the conflicting fields", async () => {
    const server = new PlanServer();
    const { queue } = makeQueue(server);
    server.edit("other", 0, [set("/details/title", "Their title")]);
    queue.push([set("/details/title", "My title"), set("/project/acronym", "MINE")]);
    await vi.runAllTimersAsync();
    queue.resolveConflict("theirs");
    expect(queue.pendingOps()).toEqual([set("/project/acronym", "MINE")]);
    await vi.runAllTimersAsync();
    expect(server.plan.details.title).toBe("Their title");
    expect(server.plan.project?.acronym).toBe("MINE");
    expect(queue.state.kind).toBe("saved");
  });

  it("edits of different fields by two authors both survive without a conflict", async () => {
    const server = new PlanServer();
    const { queue } = makeQueue(server);
    server.edit("other", 0, [set("/project/acronym", "THEIRS")]);
    queue.push([set("/details/title", "Mine")]);
    await vi.runAllTimersAsync();
    expect(queue.state).toEqual({ kind: "saved", revision: 2 });
    expect(server.plan.details.title).toBe("Mine");
    expect(server.plan.project?.acronym).toBe("THEIRS");
  });

  it("stops on an ended session, keeps the ops, and sends them when resumed", async () => {
    const server = new PlanServer();
    server.failWith = 401;
    const { queue, storage } = makeQueue(server);
    queue.push([set("/details/title", "T")]);
    await vi.runAllTimersAsync();
    expect(queue.state.kind).toBe("signed_out");
    expect(server.requests).toHaveLength(1);
    expect(storage.getItem(storageKey("p1"))).not.toBeNull();
    server.failWith = undefined;
    queue.resume();
    await vi.runAllTimersAsync();
    expect(server.plan.details.title).toBe("T");
  });

  it("follows other authors' revisions when nothing of mine is pending", async () => {
    const server = new PlanServer();
    const { queue } = makeQueue(server);
    server.edit("other", 0, [set("/details/title", "Their title")]);
    queue.observeRevision(1);
    expect(queue.revision).toBe(1);
    queue.push([set("/details/title", "After theirs")]);
    await vi.runAllTimersAsync();
    expect(queue.state.kind).toBe("saved");
    expect(server.plan.details.title).toBe("After theirs");
  });

  it("does not resend, after a reload, a batch the server accepted as the page closed", async () => {
    const server = new PlanServer();
    server.answerLost = true;
    const storage = new MemoryStorage();
    const first = makeQueue(server, storage);
    first.queue.push([set("/details/title", "Saved as the tab closed")]);
    await vi.advanceTimersByTimeAsync(500);
    first.queue.dispose();
    expect(server.plan.revision).toBe(1);
    expect(storage.getItem(storageKey("p1"))).not.toBeNull();

    server.answerLost = false;
    const second = makeQueue(server, storage); // loads the plan at revision 1
    const restored = second.queue.restore((ops) => opsStillNeeded(server.plan, ops));
    await vi.runAllTimersAsync();
    expect(restored).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(second.queue.state).toEqual({ kind: "saved", revision: 1 });
    expect(storage.getItem(storageKey("p1"))).toBeNull();
  });

  it("after a reload, resends only the stored edits the plan does not show yet, on their old base", async () => {
    const server = new PlanServer();
    const storage = new MemoryStorage();
    storage.setItem(
      storageKey("p1"),
      JSON.stringify({
        baseRevision: 0,
        ops: [set("/details/title", "Already there"), set("/project/acronym", "NEW")],
      }),
    );
    server.edit("me", 0, [set("/details/title", "Already there")]);
    const { queue } = makeQueue(server, storage);
    expect(queue.restore((ops) => opsStillNeeded(server.plan, ops))).toEqual([
      set("/project/acronym", "NEW"),
    ]);
    await vi.runAllTimersAsync();
    expect(server.requests).toMatchObject([{ baseRevision: 0, ops: [set("/project/acronym", "NEW")] }]);
    expect(queue.state).toEqual({ kind: "saved", revision: 2 });
  });

  it("a conflict where the server already holds my value is no conflict: the rest is saved", async () => {
    const server = new PlanServer();
    const { queue } = makeQueue(server);
    server.edit("other", 0, [set("/details/title", "Same words")]);
    queue.push([set("/details/title", "Same words"), set("/project/acronym", "MINE")]);
    await vi.runAllTimersAsync();
    expect(queue.state).toEqual({ kind: "saved", revision: 2 });
    expect(server.requests.at(-1)).toMatchObject({ baseRevision: 1, ops: [set("/project/acronym", "MINE")] });
    expect(server.plan.details.title).toBe("Same words");
    expect(server.plan.project?.acronym).toBe("MINE");
  });

  it("offers only the fields whose versions differ", async () => {
    const server = new PlanServer();
    const { queue } = makeQueue(server);
    server.edit("other", 0, [set("/details/title", "Same words"), set("/project/acronym", "THEIRS")]);
    queue.push([set("/details/title", "Same words"), set("/project/acronym", "MINE")]);
    await vi.runAllTimersAsync();
    const state = queue.state;
    expect(state.kind).toBe("conflict");
    if (state.kind !== "conflict") return;
    expect(state.conflicts.map((c) => c.path)).toEqual(["/project/acronym"]);
    expect(queue.pendingOps()).toEqual([set("/project/acronym", "MINE")]);
  });

  it("sends each batch with a new Idempotency-Key and a retried batch with the same one", async () => {
    const server = new PlanServer();
    const { queue } = makeQueue(server);
    queue.push([set("/details/title", "One")]);
    await vi.runAllTimersAsync();
    queue.push([set("/details/title", "Two")]);
    await vi.advanceTimersByTimeAsync(500);
    server.reachable = false;
    queue.push([set("/project/acronym", "THREE")]);
    await vi.advanceTimersByTimeAsync(500);
    server.reachable = true;
    await vi.runAllTimersAsync();
    const keys = server.requests.map((r) => r.key);
    expect(keys).toHaveLength(4);
    expect(keys[2]).toBe(keys[3]); // the retry
    expect(new Set(keys).size).toBe(3);
    expect(queue.state.kind).toBe("saved");
  });

  it("a batch applied whose answer was cut off is answered by its key on the retry: no conflict, applied once", async () => {
    const server = new PlanServer();
    const { queue, states } = makeQueue(server);
    server.connectionCut = true;
    queue.push([set("/details/title", "Sent once")]);
    await vi.advanceTimersByTimeAsync(500);
    expect(queue.state.kind).toBe("offline");
    server.connectionCut = false;
    // Another author edits meanwhile: with the key, my retry is not a conflict with my own edit.
    server.edit("other", 1, [set("/project/acronym", "THEIRS")]);
    await vi.runAllTimersAsync();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.key).toBe(server.requests[0]!.key);
    expect(server.history.filter((e) => e.author === "me")).toHaveLength(1);
    expect(states.some((s) => s.kind === "conflict" || s.kind === "rejected")).toBe(false);
    expect(queue.state).toEqual({ kind: "saved", revision: 1 });
  });

  it("after a reload, sends the batch that was on its way again with its stored key", async () => {
    const server = new PlanServer();
    const storage = new MemoryStorage();
    server.answerLost = true;
    const first = makeQueue(server, storage);
    first.queue.push([set("/details/title", "Mine, then overwritten")]);
    await vi.advanceTimersByTimeAsync(500);
    first.queue.dispose();
    const stored = JSON.parse(storage.getItem(storageKey("p1"))!) as {
      batch?: { key: string; size: number };
    };
    expect(stored.batch).toEqual({ key: server.requests[0]!.key, size: 1 });
    // Someone overwrites the field after my batch: the loaded plan does not show my value any more.
    server.answerLost = false;
    server.edit("other", 1, [set("/details/title", "Theirs")]);
    const second = makeQueue(server, storage);
    const restored = second.queue.restore((ops) => opsStillNeeded(server.plan, ops));
    await vi.runAllTimersAsync();
    expect(restored).toEqual([set("/details/title", "Mine, then overwritten")]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]).toMatchObject({ baseRevision: 0, key: server.requests[0]!.key });
    expect(second.states.some((s) => s.kind === "conflict")).toBe(false);
    expect(server.plan.details.title).toBe("Theirs");
    expect(storage.getItem(storageKey("p1"))).toBeNull();
  });

  it("a batch changed by a conflict choice gets a new key", async () => {
    const server = new PlanServer();
    const { queue } = makeQueue(server);
    server.edit("other", 0, [set("/details/title", "Their title")]);
    queue.push([set("/details/title", "My title")]);
    await vi.runAllTimersAsync();
    expect(queue.state.kind).toBe("conflict");
    queue.resolveConflict("mine");
    await vi.runAllTimersAsync();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.key).not.toBe(server.requests[0]!.key);
    expect(server.plan.details.title).toBe("My title");
  });
});
