import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, type ServerProcess, startServer } from "../support/cli.js";
import { type TestDatabase, testDialects } from "../support/databases.js";
import { callAs, createPlanOverHttp, registerOverHttp } from "../support/http-session.js";
import { openSse, type ReceivedEvent, type SseClient } from "../support/sse.js";

type Present = { connectionId: string; name: string; field: string | null }[];
const presentOf = (e: ReceivedEvent): Present =>
  e.event === "presence" ? (e.data as { present: Present }).present : [];
const connectionOf = (stream: SseClient) =>
  ((stream.events[0]?.data ?? {}) as { connectionId: string }).connectionId;

const dir = mkdtempSync(join(tmpdir(), "carnet-live-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const serverArgs = async () => ["--host", "127.0.0.1", "--port", String(await freePort())];

// Real `carnet serve` processes: what separate instances behind a load balancer would be.
describe.each(testDialects().filter((d) => d.name === "postgres"))(
  "live events across two server processes on $name",
  (dialect) => {
    let database: TestDatabase;
    const servers: ServerProcess[] = [];
    const streams: SseClient[] = [];
    afterAll(async () => {
      for (const stream of streams) stream.close();
      for (const server of servers) if (server.child.exitCode === null) await server.stop();
      await database?.drop();
    });

    it("delivers an edit made through one process to a subscriber of the other within 200 ms, and presence both ways", async () => {
      database = await dialect.create();
      if (database.settings.dialect !== "postgres") throw new Error("expected postgres");
      const env = { DATABASE_URL: database.settings.url, CARNET_DATA_DIR: join(dir, "pg") };
      // One after the other: the first migrates and seeds the database.
      const a = await startServer(await serverArgs(), env);
      servers.push(a);
      const b = await startServer(await serverArgs(), env);
      servers.push(b);

      const owner = await registerOverHttp(a.url, "Ada (A)");
      const viewer = await registerOverHttp(b.url, "Bao (B)");
      const planId = await createPlanOverHttp(a.url, owner, { visibility: "public" });

      const onA = await openSse(`${a.url}/api/v1/plans/${planId}/events`, { cookie: owner.cookie });
      const onB = await openSse(`${b.url}/api/v1/plans/${planId}/events`, { cookie: viewer.cookie });
      streams.push(onA, onB);
      expect([onA.status, onB.status]).toEqual([200, 200]);
      await onB.next((e) => presentOf(e).length === 2);
      await onA.next((e) => presentOf(e).length === 2);

      const sent = performance.now();
      const patched = await callAs(a.url, owner, "PATCH", `/api/v1/plans/${planId}`, {
        baseRevision: 1,
        ops: [{ op: "set", path: "/details/title", value: "Edited through A" }],
      });
      expect(patched.status).toBe(200);
      const edit = await onB.next((e) => e.event === "edit");
      expect(edit.at - sent).toBeLessThan(200);
      expect(edit.data).toEqual({
        revision: 2,
        author: owner.accountId,
        ops: [{ op: "set", path: "/details/title", value: "Edited through A" }],
      });

      // Presence set through A for A's stream shows on B.
      const focusedAt = performance.now();
      const focused = await callAs(a.url, owner, "POST", `/api/v1/plans/${planId}/presence`, {
        connectionId: connectionOf(onA),
        field: "/details/title",
      });
      expect(focused.status).toBe(204);
      const seen = await onB.next((e) =>
        presentOf(e).some((p) => p.connectionId === connectionOf(onA) && p.field === "/details/title"),
      );
      expect(seen.at - focusedAt).toBeLessThan(200);

      // No sticky sessions needed: B's stream, its presence set through A, shows on A.
      const forwarded = await callAs(a.url, viewer, "POST", `/api/v1/plans/${planId}/presence`, {
        connectionId: connectionOf(onB),
        field: "/project/title",
      });
      expect(forwarded.status).toBe(204);
      await onA.next((e) =>
        presentOf(e).some((p) => p.connectionId === connectionOf(onB) && p.field === "/project/title"),
      );
      // …but someone else's stream stays theirs, in whichever process.
      const hijack = await callAs(b.url, owner, "POST", `/api/v1/plans/${planId}/presence`, {
        connectionId: connectionOf(onB),
        field: null,
      });
      expect(hijack.status).toBe(409);

      // B stops (SIGTERM): it ends its streams and exits promptly; its viewer leaves A's presence.
      const stopping = performance.now();
      expect(await b.stop()).toBe(0);
      await onB.ended;
      expect(performance.now() - stopping).toBeLessThan(5000);
      await onA.next(
        (e) => e.event === "presence" && presentOf(e).length === 1 && presentOf(e)[0]?.name === "Ada (A)",
      );
    }, 150_000); // two server starts, each allowed 50 s on a loaded machine
  },
);

describe("live events when a server process stops", () => {
  it("ends open streams on SIGTERM and exits promptly (SQLite)", async () => {
    const server = await startServer([...(await serverArgs()), "--data", join(dir, "sqlite")]);
    try {
      const owner = await registerOverHttp(server.url, "Stopping");
      const planId = await createPlanOverHttp(server.url, owner);
      const stream = await openSse(`${server.url}/api/v1/plans/${planId}/events`, { cookie: owner.cookie });
      await stream.next((e) => e.event === "presence");
      const stopping = performance.now();
      expect(await server.stop()).toBe(0);
      await stream.ended;
      expect(performance.now() - stopping).toBeLessThan(5000);
      expect(server.output()).toContain("Carnet stopped.");
    } finally {
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
    }
  });
});
