import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/storage/database.js";

describe("SQLite checkpoints on a background thread", () => {
  let dir: string;
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies committed pages back into the database file while the server's connection never checkpoints", async () => {
    dir = mkdtempSync(join(tmpdir(), "carnet-ckpt-"));
    const file = join(dir, "carnet.db");
    database = openDatabase({ dialect: "sqlite", file }, { backgroundCheckpoints: true });
    const { db } = database;
    await sql`create table t (id integer primary key, body text)`.execute(db);
    const mode = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(mode.rows[0]?.wal_autocheckpoint).toBe(0);
    const before = statSync(file).size;
    for (let i = 0; i < 200; i++) {
      await sql`insert into t (body) values (${"x".repeat(4000)})`.execute(db);
    }
    // Nothing on this connection copies the log back: only the checkpointer thread can grow the file.
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < before + 200 * 4000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statSync(file).size).toBeGreaterThanOrEqual(before + 200 * 4000);
    const count = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    expect(count.rows[0]?.n).toBe(200);
  });

  it("closes promptly, and a database opened without it keeps SQLite's own checkpoints", async () => {
    dir = mkdtempSync(join(tmpdir(), "carnet-ckpt-"));
    const started = Date.now();
    await openDatabase(
      { dialect: "sqlite", file: join(dir, "a.db") },
      { backgroundCheckpoints: true },
    ).close();
    expect(Date.now() - started).toBeLessThan(5_000);
    database = openDatabase({ dialect: "sqlite", file: join(dir, "b.db") });
    const mode = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db);
    expect(mode.rows[0]?.wal_autocheckpoint).toBe(1000);
  });
});
