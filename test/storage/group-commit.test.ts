import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Database,
  type DirectRun,
  directSqliteOf,
  inTransaction,
  migrateDatabase,
  openDatabase,
} from "../../src/storage/database.js";
import { type TestDatabase, testDialects } from "../support/databases.js";

// The group commit of the direct SQLite path (database.ts, `transactionInGroup`): the edits of one
// turn of the event loop share one transaction, each in its own savepoint.
const sqlite = testDialects().find((d) => d.name === "sqlite");

describe.runIf(sqlite)("SQLite group commit", () => {
  let testDb: TestDatabase;
  let database: Database;
  let other: SQLite.Database;

  beforeAll(async () => {
    testDb = await sqlite!.create();
    database = openDatabase(testDb.settings);
    await migrateDatabase(database);
    if (testDb.settings.dialect !== "sqlite") throw new Error("not SQLite");
    // Another connection to the file: it sees only what was committed.
    other = new SQLite(testDb.settings.file, { readonly: true });
  });
  afterAll(async () => {
    other?.close();
    await database?.close();
    await testDb?.drop();
  });

  const direct = () => {
    const found = directSqliteOf(database.db);
    if (!found) throw new Error("no direct SQLite path");
    return found;
  };
  const put = (run: DirectRun, key: string) =>
    run("insert into settings (key, value, updated_at) values (?, ?, ?)", [key, "v", "now"]);
  const committed = (prefix: string) =>
    other
      .prepare("select key from settings where key like ? order by key")
      .pluck()
      .all(`${prefix}%`) as string[];

  it("runs the works of one turn in one transaction; one that throws is undone alone, with its error", async () => {
    const seenByOthers: string[][] = [];
    const first = direct().transactionInGroup((run) => {
      put(run, "g1-a");
      return "a";
    });
    const failing = direct().transactionInGroup((run) => {
      put(run, "g1-b");
      throw new Error("refused");
    });
    const third = direct().transactionInGroup((run) => {
      // The first work's row is written but not committed: the same transaction.
      seenByOthers.push(committed("g1-"));
      put(run, "g1-c");
      return "c";
    });
    // Nothing runs before the turn ends.
    expect(committed("g1-")).toEqual([]);
    const outcomes = await Promise.allSettled([first, failing, third]);
    expect(outcomes[0]).toEqual({ status: "fulfilled", value: { value: "a" } });
    expect(outcomes[1]).toMatchObject({ status: "rejected", reason: { message: "refused" } });
    expect(outcomes[2]).toEqual({ status: "fulfilled", value: { value: "c" } });
    expect(seenByOthers).toEqual([[]]);
    // Settled after the commit: what landed is visible to every connection.
    expect(committed("g1-")).toEqual(["g1-a", "g1-c"]);
  });

  it("rejects a work whose statement fails (a unique key) and lands the others", async () => {
    const outcomes = await Promise.allSettled([
      direct().transactionInGroup((run) => put(run, "g2-a")),
      direct().transactionInGroup((run) => put(run, "g2-a")),
      direct().transactionInGroup((run) => put(run, "g2-b")),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes[1]).toMatchObject({ reason: { code: "SQLITE_CONSTRAINT_PRIMARYKEY" } });
    expect(committed("g2-")).toEqual(["g2-a", "g2-b"]);
  });

  it("answers undefined, running nothing, while a Kysely transaction holds the connection", async () => {
    let ran = false;
    let outcome: unknown = "not settled";
    await inTransaction(database.db, async (tx) => {
      const queued = direct().transactionInGroup((run) => {
        ran = true;
        put(run, "g3-a");
      });
      outcome = await queued;
      await tx.insertInto("settings").values({ key: "g3-b", value: "v", updated_at: "now" }).execute();
    });
    expect(outcome).toBeUndefined();
    expect(ran).toBe(false);
    expect(committed("g3-")).toEqual(["g3-b"]);
  });

  it("starts a new group for works queued after a group began", async () => {
    const firstGroup = direct().transactionInGroup((run) => put(run, "g4-a"));
    await firstGroup;
    expect(committed("g4-")).toEqual(["g4-a"]);
    await direct().transactionInGroup((run) => put(run, "g4-b"));
    expect(committed("g4-")).toEqual(["g4-a", "g4-b"]);
  });
});
