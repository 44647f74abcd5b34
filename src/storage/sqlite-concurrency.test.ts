import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "./database.js";

// Several writers on one SQLite file, each with its own connection in its own thread (as several
// processes would be): WAL + busy timeout + BEGIN IMMEDIATE must make them queue, never fail.
const workerSource = `
const { workerData, parentPort } = require("node:worker_threads");
const { Kysely, SqliteDialect, SqliteDriver, CompiledQuery } = require(workerData.kysely);
const SQLite = require(workerData.sqlite);
class Immediate extends SqliteDriver {
  async beginTransaction(c) { await c.executeQuery(CompiledQuery.raw("begin immediate")); }
}
class Dialect extends SqliteDialect {
  constructor(config) { super(config); this.config = config; }
  createDriver() { return new Immediate(this.config); }
}
(async () => {
  const sqlite = new SQLite(workerData.file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 10000");
  const db = new Kysely({ dialect: new Dialect({ database: sqlite }) });
  let errors = 0;
  for (let i = 0; i < workerData.writes; i++) {
    try {
      await db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom("settings").select("value").where("key", "=", "counter").executeTakeFirst();
        const next = String(Number(row ? row.value : "0") + 1);
        await tx.insertInto("settings").values({ key: "counter", value: next, updated_at: "now" })
          .onConflict((oc) => oc.column("key").doUpdateSet({ value: next })).execute();
      });
    } catch (error) { errors++; parentPort.postMessage({ error: String(error) }); }
  }
  await db.destroy();
  parentPort.postMessage({ done: true, errors });
})();
`;

describe("SQLite with concurrent writers", () => {
  const dir = mkdtempSync(join(tmpdir(), "carnet-concurrency-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("never fails with 'database is locked' and loses no increment", async () => {
    const file = join(dir, "carnet.sqlite");
    const database = openDatabase({ dialect: "sqlite", file });
    await migrateDatabase(database);
    await database.close();

    const writers = 4;
    const writes = 100;
    const messages: string[] = [];
    const results = await Promise.all(
      Array.from(
        { length: writers },
        () =>
          new Promise<number>((resolve, reject) => {
            const worker = new Worker(workerSource, {
              eval: true,
              workerData: {
                file,
                writes,
                kysely: require.resolve("kysely"),
                sqlite: require.resolve("better-sqlite3"),
              },
            });
            worker.on("message", (message: { done?: boolean; errors?: number; error?: string }) => {
              if (message.error) messages.push(message.error);
              if (message.done) resolve(message.errors ?? 0);
            });
            worker.on("error", reject);
          }),
      ),
    );
    expect(messages).toEqual([]);
    expect(results).toEqual([0, 0, 0, 0]);

    const check = openDatabase({ dialect: "sqlite", file });
    const row = await check.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "counter")
      .executeTakeFirst();
    await check.close();
    expect(row?.value).toBe(String(writers * writes));
  });
});
