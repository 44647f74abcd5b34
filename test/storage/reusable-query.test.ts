import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Database,
  type Db,
  inTransaction,
  migrateDatabase,
  openDatabase,
} from "../../src/storage/database.js";
import { reusableQuery } from "../../src/storage/reusable-query.js";
import { type TestDatabase, testDialects } from "../support/databases.js";

describe.each(testDialects())("reusable queries on $name", (dialect) => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await dialect.create();
    database = openDatabase(testDb.settings);
    await migrateDatabase(database);
    for (const [id, role] of [
      ["u1", "user"],
      ["u2", "super_admin"],
      ["u3", "user"],
    ] as const) {
      await database.db
        .insertInto("users")
        .values({
          id,
          email: `${id}@example.org`,
          email_key: `${id}@example.org`,
          display_name: id.toUpperCase(),
          password_hash: "x",
          role,
          organisation_id: null,
          preferred_language: "en",
          created_at: "2026-01-01T00:00:00.000Z",
          updated_at: "2026-01-01T00:00:00.000Z",
        })
        .execute();
    }
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  // A constant ("user") between two parameters: each run must put its values in the right places.
  const usersBetween = reusableQuery((db: Db, param: (name: "from" | "to") => never) =>
    db
      .selectFrom("users")
      .select("id")
      .where("id", ">=", param("from"))
      .where("role", "=", "user")
      .where("id", "<=", param("to"))
      .orderBy("id"),
  );
  const rename = reusableQuery((db: Db, param: (name: "id" | "name") => never) =>
    db
      .updateTable("users")
      .set({ display_name: param("name") })
      .where("id", "=", param("id")),
  );

  it("runs one compiled query with each call's values", async () => {
    const ids = async (from: string, to: string) =>
      (await usersBetween(database.db, { from, to })).rows.map((r) => r.id);
    expect(await ids("u1", "u3")).toEqual(["u1", "u3"]);
    expect(await ids("u2", "u3")).toEqual(["u3"]);
    expect(await ids("u1", "u1")).toEqual(["u1"]);
  });

  it("runs in a transaction, whose rollback undoes it", async () => {
    const updated = await rename(database.db, { id: "u2", name: "Two" });
    expect(Number(updated.numAffectedRows)).toBe(1);
    await expect(
      inTransaction(database.db, async (tx) => {
        await rename(tx, { id: "u2", name: "Rolled back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const row = await database.db
      .selectFrom("users")
      .select("display_name")
      .where("id", "=", "u2")
      .executeTakeFirst();
    expect(row?.display_name).toBe("Two");
  });
});
