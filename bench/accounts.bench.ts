import { availableParallelism, loadavg } from "node:os";
import { buildServer } from "../src/server/build-server.js";
import { createAppContext } from "../src/services/app-context.js";
import { hashPassword, scryptParameters } from "../src/services/passwords.js";
import type { DatabaseSettings } from "../src/storage/database.js";
import { testDialects } from "../test/support/databases.js";
import { printTable } from "./support.js";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { n: samples.length, mean, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function timeEach(n: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    out.push(performance.now() - start);
  }
  return out;
}

const rows: Record<string, string | number>[] = [];
function record(database: string, what: string, samples: number[], unit: "ms" | "µs") {
  const s = summarise(samples);
  const scale = unit === "µs" ? 1000 : 1;
  const fmt = (v: number) => Number((v * scale).toFixed(unit === "µs" ? 0 : 1));
  rows.push({ database, what, n: s.n, mean: fmt(s.mean), p50: fmt(s.p50), p99: fmt(s.p99), unit });
}

async function benchDatabase(label: string, settings: DatabaseSettings) {
  const context = await createAppContext(settings);
  const app = await buildServer(context, { logLevel: "silent" });
  // The same trivial answer with and without credentials: the difference is authentication.
  app.get("/api/bench/bare", async () => ({ ok: true }));
  await app.ready();

  const password = "benchmark password";
  const email = "bench@example.org";
  const registered = await app.inject({
    method: "POST",
    url: "/api/v1/auth/register",
    payload: { email, password, displayName: "Bench" },
  });
  const cookies = Object.fromEntries(registered.cookies.map((c) => [c.name, c.value]));
  const csrf = registered.json().csrfToken as string;
  const minted = await app.inject({
    method: "POST",
    url: "/api/v1/account/tokens",
    cookies,
    headers: { "x-csrf-token": csrf },
    payload: { name: "bench", scope: "read" },
  });
  const bearer = { authorization: `Bearer ${minted.json().secret}` };

  const signIns = await timeEach(8, async () => {
    const r = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
    if (r.statusCode !== 200) throw new Error(`sign-in failed: ${r.body}`);
  });
  record(label, "sign-in (scrypt default cost)", signIns, "ms");

  const n = 2000;
  const warm = () => app.inject({ url: "/api/bench/bare" });
  for (let i = 0; i < 200; i++) await warm();
  record(label, "GET bare route, anonymous", await timeEach(n, warm), "µs");
  record(
    label,
    "GET bare route, session cookie",
    await timeEach(n, () => app.inject({ url: "/api/bench/bare", cookies })),
    "µs",
  );
  record(
    label,
    "GET bare route, bearer token",
    await timeEach(n, () => app.inject({ url: "/api/bench/bare", headers: bearer })),
    "µs",
  );
  record(
    label,
    "GET /api/v1/account, session",
    await timeEach(n, () => app.inject({ url: "/api/v1/account", cookies })),
    "µs",
  );

  await app.close();
  await context.close();
}

const hashes = await timeEach(8, () => hashPassword("benchmark password"));
record(
  "-",
  `scrypt hash N=2^${Math.log2(scryptParameters.N)} r=${scryptParameters.r} p=${scryptParameters.p}`,
  hashes,
  "ms",
);

// SQLite, and PostgreSQL when TEST_DATABASE_URL is set: each on a database made for the run.
for (const dialect of testDialects()) {
  const database = await dialect.create();
  try {
    await benchDatabase(dialect.name, database.settings);
  } finally {
    await database.drop();
  }
}
// The machine may be shared: say how busy it was, since every figure scales with it.
printTable(`Accounts (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`, rows);
