import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseSettings } from "../../src/storage/database.js";

/** A database made for one test file, and how to throw it away. */
export interface TestDatabase {
  settings: DatabaseSettings;
  drop(): Promise<void>;
}

/** A dialect the suites run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export interface TestDialect {
  name: "sqlite" | "postgres";
  create(): Promise<TestDatabase>;
}

async function createSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "carnet-test-"));
  return {
    settings: { dialect: "sqlite", file: join(dir, "carnet.sqlite") },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Create a fresh PostgreSQL database next to TEST_DATABASE_URL's; dropped after the test file. */
async function createPostgres(givenUrl: string): Promise<TestDatabase> {
  const given = new URL(givenUrl);
  // Without a user name in the URL, pg falls back to $USER, which CI machines may not set.
  if (!given.username) given.username = process.env.PGUSER || process.env.USER || "postgres";
  const adminUrl = given.toString();
  const name = `carnet_t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`); // name is generated above, never user input
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    settings: { dialect: "postgres", url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The dialects to run database suites on (`describe.each(testDialects())`): SQLite, plus PostgreSQL
 * when TEST_DATABASE_URL is set. TEST_DIALECT=sqlite|postgres keeps only one (CI runs each once).
 */
export function testDialects(): TestDialect[] {
  const dialects: TestDialect[] = [{ name: "sqlite", create: createSqlite }];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) dialects.push({ name: "postgres", create: () => createPostgres(adminUrl) });
  const only = process.env.TEST_DIALECT;
  if (only === "postgres" && !adminUrl) throw new Error("TEST_DIALECT=postgres needs TEST_DATABASE_URL");
  return only ? dialects.filter((d) => d.name === only) : dialects;
}
