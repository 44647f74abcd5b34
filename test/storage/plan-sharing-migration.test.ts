import { Migrator } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "../../src/storage/database.js";
import { listMigrations } from "../../src/storage/migrations/index.js";
import { samplePlan } from "../factories/plans.js";
import { type TestDatabase, testDialects } from "../support/databases.js";

describe.each(testDialects())("migration 0005-plan-sharing on $name", (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await dialect.create();
    database = openDatabase(testDb.settings);
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it("backfills visibility, language and title keys, and makes each owner a member", async () => {
    const migrations = listMigrations({ dialect: database.dialect });
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    const upTo4 = await migrator.migrateTo("0004-accounts");
    expect(upTo4.error).toBeUndefined();
    const plans = [
      samplePlan({ id: "m-public", visibility: "public", language: "eng" }),
      samplePlan({ id: "m-private", language: "fra", details: { title: "Étude RÊVE" } }),
    ];
    for (const [i, plan] of plans.entries()) {
      // The shape of `plans` before 0005.
      await database.db
        .insertInto("plans")
        .values({
          id: plan.id,
          owner_id: `owner-${i}`,
          template_id: plan.template.id,
          template_version: plan.template.version,
          title: plan.details.title,
          revision: plan.revision,
          document: JSON.stringify(plan),
          created_at: plan.createdAt,
          modified_at: plan.modifiedAt,
          deleted_at: null,
        } as never)
        .execute();
    }
    const summary = await migrateDatabase(database);
    expect(summary.applied).toContain("0005-plan-sharing");
    const rows = await database.db
      .selectFrom("plans")
      .select(["id", "visibility", "language", "title_key", "title_sort"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      {
        id: "m-private",
        visibility: "private",
        language: "fra",
        title_key: "étude rêve",
        title_sort: "etude reve",
      },
      expect.objectContaining({ id: "m-public", visibility: "public", language: "eng" }),
    ]);
    const members = await database.db.selectFrom("plan_members").selectAll().orderBy("plan_id").execute();
    expect(members.map((m) => [m.plan_id, m.user_id, m.role])).toEqual([
      ["m-private", "owner-1", "owner"],
      ["m-public", "owner-0", "owner"],
    ]);
  });
});
