import { afterEach, describe, expect, it } from "vitest";
import { testDialects } from "../../test/support/databases.js";
import { migrateDatabase, openDatabase } from "../storage/database.js";
import { createNotifier, type Notifier } from "../storage/notifier.js";
import { createLiveHub, type LiveEvent, type LiveHub } from "./live.js";

/** A fake browser stream: records events and lets a test wait for one. */
function recorder(userId: string, name: string) {
  const events: LiveEvent[] = [];
  const waiters: { predicate: (e: LiveEvent) => boolean; resolve: (e: LiveEvent) => void }[] = [];
  return {
    connection: {
      userId,
      name,
      send(event: LiveEvent) {
        events.push(event);
        for (const waiter of waiters.splice(0)) {
          if (waiter.predicate(event)) waiter.resolve(event);
          else waiters.push(waiter);
        }
      },
    },
    events,
    next(predicate: (e: LiveEvent) => boolean, timeoutMs = 2000): Promise<LiveEvent> {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching event; got ${JSON.stringify(events)}`)),
          timeoutMs,
        );
        waiters.push({
          predicate,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
  };
}

const presenceOf = (e: LiveEvent) => (e.type === "presence" ? e.present : []);

describe.each(testDialects())("live hub on $name", (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Two instances: on PostgreSQL with their own connections; on SQLite sharing the process bus. */
  async function twoInstances(options = {}) {
    const made = await dialect.create();
    cleanups.push(made.drop);
    const hubs: { hub: LiveHub; notifier: Notifier; closeDb: () => Promise<void> }[] = [];
    let shared: Notifier | undefined;
    for (let i = 0; i < 2; i++) {
      const database = openDatabase(made.settings);
      if (i === 0) await migrateDatabase(database);
      const notifier = dialect.name === "sqlite" && shared ? shared : createNotifier(database, made.settings);
      if (notifier !== shared) await notifier.start();
      shared ??= notifier;
      const hub = createLiveHub(notifier, options);
      hubs.push({ hub, notifier, closeDb: () => database.close() });
      cleanups.push(async () => {
        await hub.close();
        await notifier.close();
        await database.close();
      });
    }
    return hubs as [(typeof hubs)[0], (typeof hubs)[0]];
  }

  it("shows who is here and which field they edit, and delivers edits from the other instance", async () => {
    const [a, b] = await twoInstances();
    const alice = recorder("u-alice", "Alice");
    const bob = recorder("u-bob", "Bob");
    await a.hub.join("p1", alice.connection);
    const joined = await b.hub.join("p1", bob.connection);

    await alice.next((e) => presenceOf(e).length === 2);
    await b.hub.focus("p1", joined.connectionId, "/details/title");
    const focused = await alice.next((e) =>
      presenceOf(e).some((p) => p.name === "Bob" && p.field === "/details/title"),
    );
    expect(focused.type).toBe("presence");

    const sent = performance.now();
    await b.hub.publishEdit("p1", {
      revision: 7,
      author: "u-bob",
      ops: [{ op: "set", path: "/details/title", value: "Titre" }],
    });
    const edit = await alice.next((e) => e.type === "edit");
    expect(performance.now() - sent).toBeLessThan(200);
    expect(edit).toEqual({
      type: "edit",
      planId: "p1",
      revision: 7,
      author: "u-bob",
      ops: [{ op: "set", path: "/details/title", value: "Titre" }],
    });

    await joined.leave();
    await alice.next(
      (e) => e.type === "presence" && e.present.length === 1 && e.present[0]?.name === "Alice",
    );
  });

  it("sends big edits without their ops so that clients reload", async () => {
    const [a, b] = await twoInstances();
    const alice = recorder("u-alice", "Alice");
    await a.hub.join("p2", alice.connection);
    await b.hub.publishEdit("p2", {
      revision: 3,
      author: "u-bob",
      ops: [{ op: "set", path: "/x", value: "é".repeat(8000) }],
    });
    expect(await alice.next((e) => e.type === "edit")).toEqual({
      type: "edit",
      planId: "p2",
      revision: 3,
      author: "u-bob",
      truncated: true,
    });
  });

  it("keeps edits of one plan away from viewers of another", async () => {
    const [a, b] = await twoInstances();
    const alice = recorder("u-alice", "Alice");
    await a.hub.join("p3", alice.connection);
    await b.hub.publishEdit("p4", { revision: 1, author: "u-bob", ops: [] });
    await b.hub.publishEdit("p3", { revision: 1, author: "u-bob", ops: [] });
    const edit = await alice.next((e) => e.type === "edit");
    expect(edit).toMatchObject({ planId: "p3" });
    expect(alice.events.filter((e) => e.type === "edit")).toHaveLength(1);
  });

  it("takes a presence request in any instance, for the connection's own user only", async () => {
    const [a, b] = await twoInstances();
    const alice = recorder("u-alice", "Alice");
    const bob = recorder("u-bob", "Bob");
    const joined = await a.hub.join("p6", alice.connection);
    await b.hub.join("p6", bob.connection);
    await bob.next((e) => presenceOf(e).length === 2);
    // Not Alice: refused, in her instance and in the other one.
    expect(await a.hub.focus("p6", joined.connectionId, "/x", { userId: "u-bob" })).toBe(false);
    expect(await b.hub.focus("p6", joined.connectionId, "/x", { userId: "u-bob" })).toBe(false);
    expect(await b.hub.focus("p6", "no-such-connection", "/x", { userId: "u-alice" })).toBe(false);
    // Alice's request reached instance b (no sticky sessions): forwarded to a, seen by everyone.
    expect(await b.hub.focus("p6", joined.connectionId, "/details/title", { userId: "u-alice" })).toBe(true);
    for (const viewer of [bob, alice])
      await viewer.next((e) => presenceOf(e).some((p) => p.name === "Alice" && p.field === "/details/title"));
  });

  it("keeps hidden viewers out of presence but sends them edits and access notices", async () => {
    const [a, b] = await twoInstances();
    const alice = recorder("u-alice", "Alice");
    const anonymous = recorder("", "");
    await a.hub.join("p7", alice.connection);
    const hidden = await b.hub.join("p7", { ...anonymous.connection, hidden: true });
    expect(await b.hub.focus("p7", hidden.connectionId, "/x", { userId: "" })).toBe(false);
    await a.hub.publishEdit("p7", { revision: 2, author: "u-alice", ops: [] });
    await anonymous.next((e) => e.type === "edit");
    await a.hub.accessChanged("p7");
    await anonymous.next((e) => e.type === "access");
    await alice.next((e) => e.type === "access");
    expect(a.hub.present("p7").map((p) => p.name)).toEqual(["Alice"]);
    expect(b.hub.present("p7").map((p) => p.name)).toEqual(["Alice"]);
  });

  it.runIf(dialect.name === "postgres")("forgets the presence of an instance that died", async () => {
    const [a, b] = await twoInstances({ heartbeatMs: 50, presenceTtlMs: 200 });
    const alice = recorder("u-alice", "Alice");
    const bob = recorder("u-bob", "Bob");
    await a.hub.join("p5", alice.connection);
    await b.hub.join("p5", bob.connection);
    await alice.next((e) => presenceOf(e).length === 2);
    // Instance b disappears without saying goodbye: its connections are gone, nothing is announced.
    await b.notifier.close();
    await b.closeDb();
    await alice.next((e) => e.type === "presence" && e.present.length === 1, 3000);
  });
});
