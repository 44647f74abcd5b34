import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyOps } from "../../src/domain/edit/apply-ops.js";
import type { Plan } from "../../src/domain/plan.js";
import { type Database, migrateDatabase, openDatabase } from "../../src/storage/database.js";
import { createNotifier, type LiveMessage } from "../../src/storage/notifier.js";
import { createPlansRepository, StaleRevisionError } from "../../src/storage/plans-repository.js";
import { samplePlan } from "../factories/plans.js";
import { type TestDatabase, testDialects } from "../support/databases.js";

describe.each(testDialects())("plans repository on $name", (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  let other: Database;

  beforeAll(async () => {
    testDb = await dialect.create();
    database = openDatabase(testDb.settings);
    await migrateDatabase(database);
    // PostgreSQL: a second pool, as a second process would have. SQLite: the same handle, because
    // better-sqlite3 blocks the thread while waiting for a lock held by another handle of this process
    // (across processes, BEGIN IMMEDIATE and the busy timeout make writers queue).
    other = dialect.name === "postgres" ? openDatabase(testDb.settings) : database;
  });
  afterAll(async () => {
    if (other !== database) await other?.close();
    await database?.close();
    await testDb?.drop();
  });

  const edit = (plan: Plan, title: string, author = "ada") => {
    const result = applyOps(plan, [{ op: "set", path: "/details/title", value: title }], {
      baseRevision: plan.revision,
      author,
      history: [],
    });
    if (!result.ok) throw new Error("edit refused");
    return result;
  };

  it("stores, loads and lists plans; soft delete and restore", async () => {
    const repo = createPlansRepository(database.db);
    const plan = samplePlan({ id: "p-store" });
    await repo.insert(plan, "owner-1");
    await repo.insert(samplePlan({ id: "p-other", modifiedAt: "2025-01-01T00:00:00.000Z" }), "owner-1");
    await repo.insert(samplePlan({ id: "p-foreign" }), "owner-2");
    const stored = await repo.get("p-store");
    expect(stored).toMatchObject({ ownerId: "owner-1", deletedAt: null });
    expect(stored?.plan).toEqual(plan);
    // The stored text is served as is: it must be exactly the plan's JSON.
    expect(stored?.documentBytes.toString("utf8")).toBe(JSON.stringify(plan));
    expect((await repo.listByOwner("owner-1")).map((p) => p.id)).toEqual(["p-other", "p-store"]);
    expect(await repo.setDeleted("p-other", "2025-02-01T00:00:00.000Z")).toBe(true);
    expect((await repo.listByOwner("owner-1")).map((p) => p.id)).toEqual(["p-store"]);
    expect((await repo.listByOwner("owner-1", { deleted: true })).map((p) => p.id)).toEqual(["p-other"]);
    await repo.setDeleted("p-other", null);
    expect((await repo.listByOwner("owner-1")).map((p) => p.id)).toHaveLength(2);
    expect(await repo.get("missing")).toBeUndefined();
  });

  it("writes the new revision and its event together, and reads the log back", async () => {
    const repo = createPlansRepository(database.db);
    const plan = samplePlan({ id: "p-log" });
    await repo.insert(plan, "owner-1");
    const first = edit(plan, "One");
    await repo.saveEdit(first.plan, first.event);
    const second = edit(first.plan, "Two", "alan");
    await repo.saveEdit(second.plan, second.event);
    const stored = await repo.get("p-log");
    expect(stored?.plan).toEqual(second.plan);
    expect(await repo.events("p-log")).toEqual([first.event, second.event]);
    expect(await repo.events("p-log", 1)).toEqual([second.event]);
    const [summary] = (await repo.listByOwner("owner-1")).filter((p) => p.id === "p-log");
    expect(summary).toMatchObject({ title: "Two", revision: 2 });
  });

  it("lets only one of two concurrent writers commit a revision; the plan row stays consistent", async () => {
    const repo = createPlansRepository(database.db);
    const repo2 = createPlansRepository(other.db);
    const plan = samplePlan({ id: "p-race" });
    await repo.insert(plan, "owner-1");
    const a = edit(plan, "From A", "ada");
    const b = edit(plan, "From B", "alan");
    const results = await Promise.allSettled([
      repo.saveEdit(a.plan, a.event),
      repo2.saveEdit(b.plan, b.event),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(StaleRevisionError);
    const stored = await repo.get("p-race");
    const events = await repo.events("p-race");
    expect(events).toHaveLength(1);
    expect(stored?.plan.details.title).toBe(events[0]!.author === "ada" ? "From A" : "From B");
  });

  it("shares the plan an edit stored with later reads (frozen), and stores exactly its JSON", async () => {
    const repo = createPlansRepository(database.db);
    const plan = samplePlan({ id: "p-shared" });
    await repo.insert(plan, "owner-1");
    let head = (await repo.get("p-shared"))!.plan;
    expect(Object.isFrozen(head.details)).toBe(true);
    for (const title of ["One", "Two", "Deux — Ünïcode"]) {
      const next = edit(head, title);
      const bytes = await repo.saveEdit(next.plan, next.event);
      expect(bytes.toString("utf8")).toBe(JSON.stringify(next.plan));
      head = (await repo.get("p-shared"))!.plan;
      expect(head).toBe(next.plan);
      expect(Object.isFrozen(head) && Object.isFrozen(head.persons)).toBe(true);
    }
    // What another handle (another process) reads is the same document.
    const fresh = openDatabase(testDb.settings);
    try {
      const stored = await createPlansRepository(fresh.db).get("p-shared");
      expect(stored?.documentBytes.toString("utf8")).toBe(JSON.stringify(head));
      expect(stored?.plan).toEqual(head);
      expect(stored?.plan).not.toBe(head);
    } finally {
      await fresh.close();
    }
  });

  it("refuses a stale revision without writing anything", async () => {
    const repo = createPlansRepository(database.db);
    const plan = samplePlan({ id: "p-stale" });
    await repo.insert(plan, "owner-1");
    const first = edit(plan, "One");
    await repo.saveEdit(first.plan, first.event);
    const again = edit(plan, "Late");
    await expect(repo.saveEdit(again.plan, again.event)).rejects.toBeInstanceOf(StaleRevisionError);
    expect((await repo.get("p-stale"))?.plan.details.title).toBe("One");
    expect(await repo.events("p-stale")).toHaveLength(1);
  });

  it.runIf(dialect.name === "postgres")(
    "sends the NOTIFY given with an edit from the statement that stores it, and only when it is stored",
    async () => {
      const notifier = createNotifier(database, testDb.settings);
      await notifier.start();
      const received: LiveMessage[] = [];
      notifier.subscribe((message) => received.push(message));
      try {
        const repo = createPlansRepository(database.db);
        const plan = samplePlan({ id: "p-notify" });
        await repo.insert(plan, "owner-1");
        const message = (title: string): LiveMessage => ({
          topic: "plan:p-notify",
          type: "edit",
          data: { title },
          origin: "test",
        });
        const first = edit(plan, "One");
        await repo.saveEdit(first.plan, first.event, undefined, notifier.notification(message("One")));
        const late = edit(plan, "Late");
        await expect(
          repo.saveEdit(late.plan, late.event, undefined, notifier.notification(message("Late"))),
        ).rejects.toBeInstanceOf(StaleRevisionError);
        // A marker published after both: once it arrives, anything the two edits sent has arrived too.
        await notifier.publish(message("marker"));
        const deadline = Date.now() + 3000;
        while (
          !received.some((m) => (m.data as { title: string }).title === "marker") &&
          Date.now() < deadline
        )
          await new Promise((r) => setTimeout(r, 10));
        expect(received.map((m) => (m.data as { title: string }).title)).toEqual(["One", "marker"]);
      } finally {
        await notifier.close();
      }
    },
  );
});
