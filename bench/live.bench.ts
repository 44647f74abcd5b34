import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer } from "../src/server/build-server.js";
import { createAppContext } from "../src/services/app-context.js";
import { freePort, type ServerProcess, startServer } from "../test/support/cli.js";
import { testDialects } from "../test/support/databases.js";
import { callAs, createPlanOverHttp, registerOverHttp } from "../test/support/http-session.js";
import { openSse, type SseClient } from "../test/support/sse.js";
import { printTable, stats } from "./support.js";

/**
 * Delivery latency of live edits: from sending a PATCH to each of 50 subscribers receiving its
 * `edit` event over real HTTP (Server-Sent Events); also the part after the PATCH was answered. SQLite: one process. PostgreSQL (when
 * TEST_DATABASE_URL is set): two `carnet serve` processes on one database — PATCH through A,
 * subscribers on B, through LISTEN/NOTIFY.
 */
const subscribers = 50;
const edits = 100;
const rows: Record<string, string | number>[] = [];

async function measure(label: string, patchBase: string, streamBase: string) {
  const owner = await registerOverHttp(patchBase, "Bench");
  const planId = await createPlanOverHttp(patchBase, owner);
  const streams: SseClient[] = [];
  for (let i = 0; i < subscribers; i++) {
    streams.push(await openSse(`${streamBase}/api/v1/plans/${planId}/events`, { cookie: owner.cookie }));
  }
  await Promise.all(streams.map((s) => s.next((e) => e.event === "hello")));
  const perDelivery: number[] = [];
  const lastPerEdit: number[] = [];
  const patchTimes: number[] = [];
  const afterAnswer: number[] = [];
  for (let revision = 1; revision <= edits + 5; revision++) {
    const arrivals = streams.map((s) =>
      s.next((e) => e.event === "edit" && (e.data as { revision: number }).revision === revision, 10_000),
    );
    const sent = performance.now();
    const patched = await callAs(patchBase, owner, "PATCH", `/api/v1/plans/${planId}`, {
      baseRevision: revision - 1,
      ops: [{ op: "set", path: "/details/title", value: `Title ${revision}` }],
    });
    const answered = performance.now();
    if (patched.status !== 200) throw new Error(`PATCH failed: ${JSON.stringify(patched.body)}`);
    const events = await Promise.all(arrivals);
    const received = events.map((e) => e.at - sent);
    if (revision <= 5) continue; // warm-up
    patchTimes.push(answered - sent);
    afterAnswer.push(...events.map((e) => Math.max(0, e.at - answered)));
    perDelivery.push(...received);
    lastPerEdit.push(Math.max(...received));
  }
  for (const s of streams) s.close();
  const row = (what: string, samples: number[]) => {
    const s = stats(samples);
    rows.push({ database: label, what, n: s.n, p50: s.median, p99: s.p99, max: s.max, unit: "ms" });
  };
  row("PATCH answered", patchTimes);
  row(`edit delivered (each of ${subscribers})`, perDelivery);
  row(`edit delivered (last of ${subscribers})`, lastPerEdit);
  row("delivered after the PATCH answer", afterAnswer);
}

// SQLite, in process (PATCH and streams on the same server).
{
  const dir = mkdtempSync(join(tmpdir(), "carnet-bench-live-"));
  const context = await createAppContext({ dialect: "sqlite", file: join(dir, "carnet.sqlite") });
  const app = await buildServer(context, { logLevel: "silent" });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  try {
    await measure("sqlite (1 process)", base, base);
    printTable(`Live edit delivery: PATCH → ${subscribers} SSE subscribers, ${edits} edits`, rows.splice(0));
  } finally {
    await app.close();
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// PostgreSQL, two server processes on one database.
const postgres = testDialects().find((d) => d.name === "postgres");
if (postgres) {
  const database = await postgres.create();
  const dataDir = mkdtempSync(join(tmpdir(), "carnet-bench-live-pg-"));
  const servers: ServerProcess[] = [];
  try {
    if (database.settings.dialect !== "postgres") throw new Error("expected postgres");
    const env = { DATABASE_URL: database.settings.url, CARNET_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    const args = async () => ["--host", "127.0.0.1", "--port", String(await freePort())];
    servers.push(await startServer(await args(), { ...env, LOG_LEVEL: "info" }));
    servers.push(await startServer(await args(), { ...env, LOG_LEVEL: "info" }));
    const [a, b] = servers as [ServerProcess, ServerProcess];
    await measure("postgres (A → B)", a.url, b.url);
    printTable(`Live edit delivery: PATCH → ${subscribers} SSE subscribers, ${edits} edits`, rows.splice(0));
  } finally {
    for (const server of servers) await server.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
} else {
  console.log("(PostgreSQL skipped: set TEST_DATABASE_URL to measure across two processes)");
}
