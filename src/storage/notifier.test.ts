import { afterEach, describe, expect, it } from "vitest";
import { testDialects } from "../../test/support/databases.js";
import { type Database, migrateDatabase, openDatabase } from "./database.js";
import { createNotifier, type LiveMessage, type Notifier } from "./notifier.js";

function nextMessage(notifier: Notifier, predicate: (m: LiveMessage) => boolean, timeoutMs = 2000) {
  return new Promise<{ message: LiveMessage; at: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error("no message within timeout"));
    }, timeoutMs);
    const off = notifier.subscribe((message) => {
      if (!predicate(message)) return;
      clearTimeout(timer);
      off();
      resolve({ message, at: performance.now() });
    });
  });
}

describe.each(testDialects())("live notifier on $name", (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(instances: number) {
    const made = await dialect.create();
    cleanups.push(made.drop);
    const notifiers: { database: Database; notifier: Notifier }[] = [];
    for (let i = 0; i < instances; i++) {
      // On PostgreSQL each instance has its own connections, as separate processes would.
      const database = openDatabase(made.settings);
      if (i === 0) await migrateDatabase(database);
      const notifier = createNotifier(database, made.settings);
      await notifier.start();
      cleanups.push(async () => {
        await notifier.close();
        await database.close();
      });
      notifiers.push({ database, notifier });
    }
    return notifiers;
  }

  it("delivers a message to subscribers within 200 ms", async () => {
    const instances = dialect.name === "postgres" ? 2 : 1;
    const [a, b = a] = await setUp(instances);
    if (!a || !b) throw new Error("setup");
    const received = nextMessage(b.notifier, (m) => m.topic === "plan:1");
    const sent = performance.now();
    await a.notifier.publish({
      topic: "plan:1",
      type: "edit",
      data: { revision: 2, title: "Données « ouvertes »" },
      origin: "a",
    });
    const { message, at } = await received;
    expect(message).toEqual({
      topic: "plan:1",
      type: "edit",
      data: { revision: 2, title: "Données « ouvertes »" },
      origin: "a",
    });
    expect(at - sent).toBeLessThan(200);
  });

  it.runIf(dialect.name === "postgres")("refuses a payload too large for the channel, clearly", async () => {
    const [a] = await setUp(1);
    if (!a) throw new Error("setup");
    await expect(
      a.notifier.publish({ topic: "plan:1", type: "edit", data: "x".repeat(10_000), origin: "a" }),
    ).rejects.toThrow(/too large/);
  });

  it.runIf(dialect.name === "postgres")(
    "reconnects after losing its connection and asks clients to resync",
    async () => {
      const [a, b] = await setUp(2);
      if (!a || !b) throw new Error("setup");
      const resync = nextMessage(b.notifier, (m) => m.type === "resync", 5000);
      // Kill every listening backend of this database except ours: the listener of b (and of a) drop.
      const { sql } = await import("kysely");
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid() and query like 'listen%'`.execute(
        a.database.db,
      );
      await resync;
      const after = nextMessage(b.notifier, (m) => m.topic === "plan:after", 3000);
      await a.notifier.publish({ topic: "plan:after", type: "edit", data: 1, origin: "a" });
      expect((await after).message.data).toBe(1);
    },
  );
});
