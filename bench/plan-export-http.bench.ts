import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeRenderPool } from "../src/exports/render/render-pool.js";
import { buildServer } from "../src/server/build-server.js";
import { createAppContext } from "../src/services/app-context.js";
import { createExportCache } from "../src/services/export-cache.js";
import type { DatabaseSettings } from "../src/storage/database.js";
import { testDialects } from "../test/support/databases.js";
import { printTable, stats } from "./support.js";

/**
 * The export route in process (`app.inject`, no network): GET the native plan for comparison, then
 * GET its RDA DCS 1.2 and PDF exports rendered (a new revision each time), from the memory tier, from
 * the file tier, and revalidated with If-None-Match (304). The reference DMP, each dialect.
 */
const reve = readFileSync(new URL("../examples/reve.carnet.json", import.meta.url), "utf8");
const rows: Record<string, string | number>[] = [];

async function timeEach(n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    out.push(performance.now() - start);
  }
  return out;
}

function record(database: string, what: string, samples: number[]) {
  const s = stats(samples);
  rows.push({
    database,
    what,
    n: s.n,
    p50: Number(s.median.toFixed(2)),
    p99: Number(s.p99.toFixed(2)),
    unit: "ms",
  });
}

async function benchDatabase(label: string, settings: DatabaseSettings, tier: "memory" | "files") {
  const dir = mkdtempSync(join(tmpdir(), "carnet-bench-export-"));
  const context = await createAppContext(settings);
  const cache = tier === "memory" ? createExportCache() : createExportCache({ dir, memoryBytes: 0 });
  const app = await buildServer(context, { logLevel: "silent", exportCache: cache });
  const registered = await app.inject({
    method: "POST",
    url: "/api/v1/auth/register",
    payload: {
      email: `bench-${Date.now()}@example.org`,
      password: "a long enough password",
      displayName: "Bench",
    },
  });
  const cookies = Object.fromEntries(registered.cookies.map((c) => [c.name, c.value]));
  const csrf = registered.json().csrfToken as string;
  const imported = await app.inject({
    method: "POST",
    url: "/api/v1/plans/import",
    cookies,
    headers: { "x-csrf-token": csrf, "content-type": "application/json" },
    payload: reve,
  });
  const id = imported.json().plan.id as string;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, cookies, headers });
  let revision = 0;
  const bump = () =>
    app.inject({
      method: "PATCH",
      url: `/api/v1/plans/${id}`,
      cookies,
      headers: { "x-csrf-token": csrf },
      payload: {
        baseRevision: revision++,
        ops: [{ op: "set", path: "/details/title", value: `Title ${revision}` }],
      },
    });
  const name = `${label}/${tier}`;
  if (tier === "memory")
    record(name, "GET plan (native, no export)", await timeEach(300, () => get(`/api/v1/plans/${id}`)));
  const dcs = `/api/v1/plans/${id}/export?format=rda-dcs-1.2`;
  const cold: number[] = [];
  for (let i = 0; i < 30; i++) {
    await bump();
    const start = performance.now();
    await get(dcs);
    cold.push(performance.now() - start);
  }
  record(name, "GET export rda-dcs-1.2, rendered", cold);
  record(name, "GET export rda-dcs-1.2, cache hit", await timeEach(300, () => get(dcs)));
  const etag = String((await get(dcs)).headers.etag);
  record(name, "GET export rda-dcs-1.2, 304", await timeEach(300, () => get(dcs, { "if-none-match": etag })));
  const pdf = `/api/v1/plans/${id}/export?format=pdf`;
  const coldPdf: number[] = [];
  for (let i = 0; i < 10; i++) {
    await bump();
    const start = performance.now();
    await get(pdf);
    coldPdf.push(performance.now() - start);
  }
  record(name, "GET export pdf, rendered (worker)", coldPdf);
  record(name, "GET export pdf, cache hit", await timeEach(300, () => get(pdf)));
  await app.close();
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}

for (const dialect of testDialects()) {
  for (const tier of ["memory", "files"] as const) {
    const database = await dialect.create();
    try {
      await benchDatabase(dialect.name, database.settings, tier);
    } finally {
      await database.drop();
    }
  }
}
await closeRenderPool();
printTable("Plan export over HTTP (in process, reference DMP)", rows);
