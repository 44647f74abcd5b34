import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyOps } from "../../src/domain/edit/apply-ops.js";
import type { Plan } from "../../src/domain/plan.js";
import { type Database, migrateDatabase, openDatabase } from "../../src/storage/database.js";
import { createNotifier, type Notifier } from "../../src/storage/notifier.js";
import {
  connectPlanAccessCache,
  type PlanAccessRow,
  planAccessChanged,
  planAccessMemoryMs,
  rememberedPlanAccess,
} from "../../src/storage/plan-access-cache.js";
import {
  createPlanMembersRepository,
  transferPlanOwnership,
} from "../../src/storage/plan-members-repository.js";
import { createPlansRepository } from "../../src/storage/plans-repository.js";
import { createUsersRepository } from "../../src/storage/users-repository.js";
import { samplePlan } from "../factories/plans.js";
import { type TestDatabase, testDialects } from "../support/databases.js";

const until = async (check: () => Promise<boolean>, timeoutMs = 3000): Promise<number> => {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`not seen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - start;
};

describe.each(testDialects())("remembered plan access on $name", (dialect) => {
  let testDb: TestDatabase;
  /** This process's database handle, its cache connected to its notifier as the server's is. */
  let database: Database;
  let notifier: Notifier;
  let disconnect: () => void;
  /** Another handle on the same database: another process (PostgreSQL), another connection (SQLite). */
  let other: Database;
  let otherNotifier: Notifier;

  beforeAll(async () => {
    testDb = await dialect.create();
    database = openDatabase(testDb.settings);
    await migrateDatabase(database);
    notifier = createNotifier(database, testDb.settings);
    await notifier.start();
    disconnect = connectPlanAccessCache(database.db, notifier);
    other = openDatabase(testDb.settings);
    otherNotifier = createNotifier(other, testDb.settings);
    await otherNotifier.start();
    const users = createUsersRepository(database.db);
    for (const id of ["owner", "reader", "stranger"]) {
      await users.insert({
        id,
        email: `${id}@example.org`,
        email_key: `${id}@example.org`,
        display_name: id,
        password_hash: "x",
        role: "user",
        organisation_id: null,
        preferred_language: "en",
        created_at: "2025-01-01T00:00:00.000Z",
        updated_at: "2025-01-01T00:00:00.000Z",
      });
    }
  });
  afterAll(async () => {
    disconnect?.();
    await otherNotifier?.close();
    await notifier?.close();
    await other?.close();
    await database?.close();
    await testDb?.drop();
  });

  let planCount = 0;
  const newPlan = async (): Promise<Plan> => {
    const plan = samplePlan({ id: `p-access-${++planCount}` });
    await createPlansRepository(database.db).insert(plan, "owner");
    return plan;
  };
  const read = (id: string, viewer: string) =>
    createPlansRepository(database.db).getWithAccess(id, viewer, { remembered: true });
  /** Counts the queries a remembered read makes. */
  const counted = (id: string, viewer: string) => {
    let queries = 0;
    const load = async () => {
      queries += 1;
      const stored = await createPlansRepository(database.db).getWithAccess(id, viewer);
      return (
        stored && {
          revision: stored.revision,
          owner_id: stored.ownerId,
          deleted_at: stored.deletedAt,
          visibility: stored.visibility,
          organisation_id: stored.ownerOrganisationId,
          role: stored.viewerRole ?? null,
        }
      );
    };
    return { read: () => rememberedPlanAccess(database.db, id, viewer, load), queries: () => queries };
  };

  it("serves a plan's access facts read lately without asking the database", async () => {
    const plan = await newPlan();
    const probe = counted(plan.id, "owner");
    expect(await probe.read()).toMatchObject({ revision: plan.revision, owner_id: "owner", role: "owner" });
    expect(await probe.read()).toMatchObject({ revision: plan.revision, role: "owner" });
    expect(probe.queries()).toBe(1);
    // Each viewer has their role read once; a missing plan is never remembered.
    const stranger = counted(plan.id, "stranger");
    expect(await stranger.read()).toMatchObject({ role: null });
    expect(await stranger.read()).toMatchObject({ role: null });
    expect(stranger.queries()).toBe(1);
    const missing = counted("no-such-plan", "owner");
    expect(await missing.read()).toBeUndefined();
    expect(await missing.read()).toBeUndefined();
    expect(missing.queries()).toBe(2);
  });

  it("sees at once every change made through this process's repositories", async () => {
    const plans = createPlansRepository(database.db);
    const members = createPlanMembersRepository(database.db);
    const plan = await newPlan();
    expect((await read(plan.id, "reader"))?.viewerRole).toBeUndefined();
    await members.add({
      plan_id: plan.id,
      user_id: "reader",
      role: "editor",
      added_at: "2025-01-01T00:00:00.000Z",
      added_by: "owner",
    });
    expect((await read(plan.id, "reader"))?.viewerRole).toBe("editor");
    await members.setRole(plan.id, "reader", "reader");
    expect((await read(plan.id, "reader"))?.viewerRole).toBe("reader");

    const edited = applyOps(plan, [{ op: "set", path: "/visibility", value: "public" }], {
      baseRevision: plan.revision,
      author: "owner",
      history: [],
    });
    if (!edited.ok) throw new Error("edit refused");
    await plans.saveEdit(edited.plan, edited.event);
    expect(await read(plan.id, "stranger")).toMatchObject({
      revision: plan.revision + 1,
      visibility: "public",
    });

    await transferPlanOwnership(database.db, plan.id, "reader");
    expect(await read(plan.id, "reader")).toMatchObject({ ownerId: "reader", viewerRole: "owner" });
    expect((await read(plan.id, "owner"))?.viewerRole).toBe("co_owner");

    await members.remove(plan.id, "owner");
    expect((await read(plan.id, "owner"))?.viewerRole).toBeUndefined();

    await plans.setDeleted(plan.id, "2025-02-01T00:00:00.000Z");
    expect((await read(plan.id, "reader"))?.deletedAt).toBe("2025-02-01T00:00:00.000Z");
    await plans.setDeleted(plan.id, null);
    expect((await read(plan.id, "reader"))?.deletedAt).toBeNull();
  });

  it("follows this process's edits: the next read has the new revision without a query, unless visibility changed", async () => {
    const plans = createPlansRepository(database.db);
    const plan = await newPlan();
    const probe = counted(plan.id, "owner");
    expect(await probe.read()).toMatchObject({ revision: plan.revision });
    const edit = (base: Plan, ops: Parameters<typeof applyOps>[1]) => {
      const edited = applyOps(base, ops, { baseRevision: base.revision, author: "owner", history: [] });
      if (!edited.ok) throw new Error("edit refused");
      return edited;
    };
    const titled = edit(plan, [{ op: "set", path: "/details/title", value: "Edited" }]);
    await plans.saveEdit(titled.plan, titled.event);
    expect(await probe.read()).toMatchObject({
      revision: plan.revision + 1,
      visibility: "private",
      role: "owner",
    });
    expect(probe.queries()).toBe(1);
    // This edit announced back (PostgreSQL: through LISTEN) changes nothing; a later revision is read again.
    if (dialect.name === "postgres") {
      const announce = (revision: number) =>
        notifier.publish({ topic: `plan:${plan.id}`, type: "edit", data: { revision }, origin: "test" });
      await announce(plan.revision + 1);
      await new Promise((r) => setTimeout(r, 100));
      await probe.read();
      expect(probe.queries()).toBe(1);
      await announce(plan.revision + 2);
      await until(async () => {
        await probe.read();
        return probe.queries() === 2;
      });
    }
    const before = probe.queries();
    const opened = edit(titled.plan, [{ op: "set", path: "/visibility", value: "public" }]);
    await plans.saveEdit(opened.plan, opened.event);
    expect(await probe.read()).toMatchObject({ revision: plan.revision + 2, visibility: "public" });
    expect(probe.queries()).toBe(before + 1);
  });

  it("forgets every plan when an account changes in this process (an owner's organisation)", async () => {
    const plan = await newPlan();
    expect((await read(plan.id, "stranger"))?.ownerOrganisationId).toBeNull();
    await database.db
      .insertInto("organisations")
      .values({ id: "org-1", name: "Org", ror_id: null, created_at: "2025-01-01T00:00:00.000Z" })
      .execute();
    await createUsersRepository(database.db).update("owner", { organisation_id: "org-1" });
    expect((await read(plan.id, "stranger"))?.ownerOrganisationId).toBe("org-1");
  });

  it("keeps nothing read while a change was being made", async () => {
    const plan = await newPlan();
    let queries = 0;
    const stale: PlanAccessRow = {
      revision: plan.revision,
      owner_id: "owner",
      deleted_at: null,
      visibility: "private",
      organisation_id: null,
      role: "owner",
    };
    // The read's query returns the row as it was; the change is announced before it answers.
    const racing = async () => {
      queries += 1;
      planAccessChanged(database.db, plan.id);
      return stale;
    };
    await rememberedPlanAccess(database.db, plan.id, "owner", racing);
    await rememberedPlanAccess(database.db, plan.id, "owner", racing);
    expect(queries).toBe(2);
  });

  it.runIf(dialect.name === "sqlite")(
    "sees within a millisecond a change committed by another connection to the file",
    async () => {
      const plan = await newPlan();
      const probe = counted(plan.id, "owner");
      expect((await probe.read())?.deleted_at).toBeNull();
      expect((await probe.read())?.deleted_at).toBeNull();
      expect(probe.queries()).toBe(1);
      await other.db
        .updateTable("plans")
        .set({ deleted_at: "2025-03-01T00:00:00.000Z" })
        .where("id", "=", plan.id)
        .execute();
      await new Promise((r) => setTimeout(r, 2));
      expect((await probe.read())?.deleted_at).toBe("2025-03-01T00:00:00.000Z");
    },
  );

  it.runIf(dialect.name === "postgres")(
    "sees another process's change when it is announced, and any change after the memory's lifetime",
    async () => {
      const plan = await newPlan();
      const probe = counted(plan.id, "owner");
      expect((await probe.read())?.visibility).toBe("private");
      // Changed by another process, not announced (yet): still served from memory…
      await other.db.updateTable("plans").set({ visibility: "public" }).where("id", "=", plan.id).execute();
      expect((await probe.read())?.visibility).toBe("private");
      expect(probe.queries()).toBe(1);
      // …until its announcement arrives (through LISTEN/NOTIFY).
      await otherNotifier.publish({ topic: `plan:${plan.id}`, type: "access", data: null, origin: "other" });
      await until(async () => (await probe.read())?.visibility === "public");

      // A change never announced is seen once the remembered row has lived its time.
      await other.db
        .updateTable("plans")
        .set({ visibility: "organisation" })
        .where("id", "=", plan.id)
        .execute();
      const waited = await until(async () => (await probe.read())?.visibility === "organisation", 3000);
      expect(waited).toBeLessThanOrEqual(planAccessMemoryMs + 200);
    },
  );

  it.runIf(dialect.name === "postgres")(
    "serves nothing from memory while the listening connection is down",
    async () => {
      const plan = await newPlan();
      expect((await read(plan.id, "owner"))?.visibility).toBe("private");
      const probe = counted(plan.id, "owner");
      await probe.read();
      const lost = new Promise<void>((resolve) => {
        const off = notifier.subscribe((m) => {
          if (m.type === "lost") {
            off();
            resolve();
          }
        });
      });
      const resynced = new Promise<void>((resolve) => {
        const off = notifier.subscribe((m) => {
          if (m.type === "resync") {
            off();
            resolve();
          }
        });
      });
      // Drop the listening connections (the other handle's too: it only publishes here).
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid() and query like 'listen%'`.execute(
        other.db,
      );
      await lost;
      // Changed and not announced: seen at once, nothing is remembered while notifications may be missed.
      await other.db.updateTable("plans").set({ visibility: "public" }).where("id", "=", plan.id).execute();
      expect((await probe.read())?.visibility).toBe("public");
      await resynced;
      const before = probe.queries();
      await probe.read();
      await probe.read();
      expect(probe.queries()).toBe(before + 1);
    },
  );
});
