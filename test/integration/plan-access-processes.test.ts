import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planAccessMemoryMs } from "../../src/storage/plan-access-cache.js";
import { freePort, type ServerProcess, startServer } from "../support/cli.js";
import { type TestDatabase, testDialects } from "../support/databases.js";
import { callAs, createPlanOverHttp, type HttpSession, registerOverHttp } from "../support/http-session.js";

const dir = mkdtempSync(join(tmpdir(), "carnet-access-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const serverArgs = async () => ["--host", "127.0.0.1", "--port", String(await freePort())];

/** Ask again every few milliseconds until `check` holds; the time it took (ms). */
async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<number> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`not seen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - start;
}

// A read made just before a change remembers the plan for `planAccessMemoryMs`: a change seen well
// within that time was seen because it was announced (PostgreSQL) or noticed in the file (SQLite).
const promptly = planAccessMemoryMs / 2;

// Two real `carnet serve` processes on one database: what a reader sees through one of them follows
// what is changed through the other (plans' revisions and access facts are remembered by each
// process for reads: storage/plan-access-cache.ts).
describe.each(testDialects())("plan reads across two server processes on $name", (dialect) => {
  let database: TestDatabase;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) await server.stop();
    await database?.drop();
  });

  it("sees an edit, a role changed, a member removed, a visibility change, a deletion and a restoration made through the other process", async () => {
    database = await dialect.create();
    const settings = database.settings;
    const where =
      settings.dialect === "postgres"
        ? { args: [], env: { DATABASE_URL: settings.url, CARNET_DATA_DIR: join(dir, "pg") } }
        : { args: ["--data", join(settings.file, "..")], env: {} };
    // One after the other: the first migrates and seeds the database.
    const a = await startServer([...(await serverArgs()), ...where.args], where.env);
    servers.push(a);
    const b = await startServer([...(await serverArgs()), ...where.args], where.env);
    servers.push(b);

    const owner = await registerOverHttp(a.url, "Owner (A)");
    const reader = await registerOverHttp(b.url, "Reader (B)");
    const stranger = await registerOverHttp(b.url, "Stranger (B)");
    const readerEmail = (await callAs(b.url, reader, "GET", "/api/v1/account")).body.email as string;
    const planId = await createPlanOverHttp(a.url, owner);
    const path = `/api/v1/plans/${planId}`;
    const added = await callAs(a.url, owner, "POST", `${path}/members`, {
      email: readerEmail,
      role: "reader",
    });
    expect(added.status).toBe(201);

    const readOnB = (who: HttpSession) => callAs(b.url, who, "GET", path);
    const revisionOnB = async (who: HttpSession) => (await readOnB(who)).body.revision;

    // An edit through A: B serves the new revision.
    expect(await revisionOnB(reader)).toBe(0);
    const edited = await callAs(a.url, owner, "PATCH", path, {
      baseRevision: 0,
      ops: [{ op: "set", path: "/details/title", value: "Edited through A" }],
    });
    expect(edited.status).toBe(200);
    expect(await until(async () => (await revisionOnB(reader)) === 1)).toBeLessThan(promptly);
    expect((await readOnB(reader)).body.details).toMatchObject({ title: "Edited through A" });

    // The reader made an editor through A: B gives them an editor's rights.
    const roleOnB = async () => (await callAs(b.url, reader, "GET", `${path}/access`)).body.role;
    expect(await roleOnB()).toBe("reader");
    const promoted = await callAs(a.url, owner, "PATCH", `${path}/members/${reader.accountId}`, {
      role: "editor",
    });
    expect(promoted.status).toBe(200);
    expect(await until(async () => (await roleOnB()) === "editor")).toBeLessThan(promptly);

    // The reader removed through A: B no longer shows them the plan.
    expect((await readOnB(reader)).status).toBe(200);
    const removed = await callAs(a.url, owner, "DELETE", `${path}/members/${reader.accountId}`);
    expect(removed.status).toBe(204);
    expect(await until(async () => (await readOnB(reader)).status === 404)).toBeLessThan(promptly);

    // Made public, then private again, through A.
    const publicised = await callAs(a.url, owner, "PUT", `${path}/visibility`, { visibility: "public" });
    expect(publicised.status).toBe(200);
    await until(async () => (await readOnB(stranger)).status === 200);
    const hidden = await callAs(a.url, owner, "PUT", `${path}/visibility`, { visibility: "private" });
    expect(hidden.status).toBe(200);
    expect(await until(async () => (await readOnB(stranger)).status === 404)).toBeLessThan(promptly);
    expect((await callAs(b.url, stranger, "GET", `${path}/export?format=rda-dcs-1.2`)).status).toBe(404);

    // Public again, then binned through A.
    await callAs(a.url, owner, "PUT", `${path}/visibility`, { visibility: "public" });
    await until(async () => (await readOnB(stranger)).status === 200);
    const binned = await callAs(a.url, owner, "DELETE", path);
    expect(binned.status).toBe(204);
    expect(await until(async () => (await readOnB(stranger)).status === 404)).toBeLessThan(promptly);
    expect((await callAs(b.url, undefined, "GET", path)).status).toBe(404);

    // Restored through A: public again on B.
    const restored = await callAs(a.url, owner, "POST", `${path}/restore`);
    expect(restored.status).toBe(200);
    expect(await until(async () => (await readOnB(stranger)).status === 200)).toBeLessThan(promptly);
  });
});
