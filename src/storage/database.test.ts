import { afterEach, describe, expect, it } from "vitest";
import { testDialects } from "../../test/support/databases.js";
import { type Database, inTransaction, migrateDatabase, openDatabase } from "./database.js";
import { createSettingsRepository } from "./settings-repository.js";

describe.each(testDialects())("storage on $name", (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function freshDatabase() {
    const made = await dialect.create();
    cleanups.push(made.drop);
    const open = (): Database => {
      const database = openDatabase(made.settings);
      cleanups.push(() => database.close());
      return database;
    };
    return { settings: made.settings, open };
  }

  it("applies every migration once, then nothing", async () => {
    const { open } = await freshDatabase();
    const database = open();
    const first = await migrateDatabase(database);
    expect(first.applied).toContain("0001-foundation");
    expect(first.applied.length).toBe(first.total);
    const second = await migrateDatabase(database);
    expect(second.applied).toEqual([]);
  });

  it("keeps data across close and reopen", async () => {
    const { open } = await freshDatabase();
    const first = open();
    await migrateDatabase(first);
    await createSettingsRepository(first.db).set("greeting", "bonjour « à tous »");
    await first.close();
    const second = open();
    expect(await createSettingsRepository(second.db).get("greeting")).toBe("bonjour « à tous »");
  });

  it("rolls a failed transaction back entirely", async () => {
    const { open } = await freshDatabase();
    const database = open();
    await migrateDatabase(database);
    await expect(
      inTransaction(database.db, async (tx) => {
        const settings = createSettingsRepository(tx);
        await settings.set("a", "1");
        await settings.set("b", "2");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const settings = createSettingsRepository(database.db);
    expect(await settings.get("a")).toBeUndefined();
    expect(await settings.get("b")).toBeUndefined();
  });

  it("setIfAbsent keeps the first value", async () => {
    const { open } = await freshDatabase();
    const database = open();
    await migrateDatabase(database);
    const settings = createSettingsRepository(database.db);
    expect(await settings.setIfAbsent("instance_id", "first")).toBe("first");
    expect(await settings.setIfAbsent("instance_id", "second")).toBe("first");
  });

  it("serves many concurrent transactions from one process", async () => {
    const { open } = await freshDatabase();
    const database = open();
    await migrateDatabase(database);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        inTransaction(database.db, async (tx) => {
          const settings = createSettingsRepository(tx);
          const current = Number((await settings.get("counter")) ?? "0");
          await settings.set("counter", String(current + 1));
          await settings.set(`k${i}`, String(i));
        }),
      ),
    );
    const settings = createSettingsRepository(database.db);
    // Transactions are serialised (SQLite) or isolated by the row lock of the upsert (PostgreSQL):
    // every key is written; on SQLite the read-modify-write counter is exact as well.
    for (let i = 0; i < 50; i++) expect(await settings.get(`k${i}`)).toBe(String(i));
    if (dialect.name === "sqlite") expect(await settings.get("counter")).toBe("50");
  });

  it("reports a closed database as unreachable", async () => {
    const { open } = await freshDatabase();
    const database = open();
    expect(await database.ping()).toBe(true);
    await database.close();
    expect(await database.ping(500)).toBe(false);
  });
});
