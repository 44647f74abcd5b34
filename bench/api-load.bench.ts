// HTTP load on the built server, driven from this process with autocannon (64 connections, ~10 s per
// row): GET a plan (the reference plan, examples/reve.carnet.json), GET its RDA DCS 1.2 export, PATCH
// one answer (each connection edits its own copy of the plan, so every edit is accepted and writes an
// event), and a bare Fastify route in a separate process serving the same bytes as the GET plan.
// SQLite, then PostgreSQL when TEST_DATABASE_URL is set; each on a fresh database. Builds first
// (`npm run build` when out of date). BENCH_SECONDS changes the duration of each row; BENCH_CPU_PROF=DIR
// profiles the server processes; BENCH_ROWS=get,export,patch runs only some rows (get includes the bare route).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import autocannon from "autocannon";
import { freePort } from "../test/support/cli.js";
import { testDialects } from "../test/support/databases.js";
import { printTable } from "./support.js";

const root = new URL("..", import.meta.url).pathname;
const connections = 64;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const targets = { getVsBare: 0.5, getP99Ms: 20, patchPerSecondSqlite: 1500 };
const wanted = new Set((process.env.BENCH_ROWS ?? "get,export,patch").split(","));

const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(1);

function startProcess(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  return child;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer within 30 s`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const closed = new Promise((r) => child.on("close", r));
  child.kill("SIGTERM");
  await closed;
}

async function call(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return { response, json: text ? JSON.parse(text) : undefined };
}

/** A user with a read-write token, and `count` copies of the reference plan created through the API. */
async function setUp(base: string, count: number) {
  const registered = await call(
    base,
    "POST",
    "/api/v1/auth/register",
    {},
    {
      email: "bench@example.org",
      password: "a long enough bench password",
      displayName: "Bench",
    },
  );
  const cookie = (registered.response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const minted = await call(
    base,
    "POST",
    "/api/v1/account/tokens",
    { cookie, "x-csrf-token": registered.json.csrfToken },
    { name: "bench", scope: "read-write" },
  );
  const auth = { authorization: `Bearer ${minted.json.secret}` };
  const reference = JSON.parse(readFileSync(join(root, "examples/reve.carnet.json"), "utf8"));
  const content = [
    "visibility",
    "status",
    "details",
    "project",
    "persons",
    "contributions",
    "outputs",
    "answers",
  ];
  const planIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await call(base, "POST", "/api/v1/plans", auth, {
      templateId: reference.template.id,
      language: reference.language,
      title: reference.details.title,
      context: reference.context,
    });
    const ops = content
      .filter((key) => reference[key] !== undefined)
      .map((key) => ({ op: "set", path: `/${key}`, value: reference[key] }));
    await call(base, "PATCH", `/api/v1/plans/${created.json.id}`, auth, { baseRevision: 0, ops });
    planIds.push(created.json.id);
  }
  return { auth, planIds };
}

interface Row {
  database: string;
  request: string;
  "req/s": number | string;
  "p50 ms": number | string;
  "p99 ms": number | string;
  "non-2xx": number | string;
  errors: number | string;
  "server CPU µs/req": number | string;
  "kernel %": number | string;
}

/** CPU time (user and system, ms) a process has used so far, from /proc; undefined where there is none. */
function cpuMsOf(pid: number | undefined): { user: number; system: number } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
  } catch {
    return undefined;
  }
}

function serverCpu(
  before: ReturnType<typeof cpuMsOf>,
  after: ReturnType<typeof cpuMsOf>,
  requests: number,
): Pick<Row, "server CPU µs/req" | "kernel %"> {
  if (!before || !after || requests === 0) return { "server CPU µs/req": "-", "kernel %": "-" };
  const user = after.user - before.user;
  const system = after.system - before.system;
  return {
    "server CPU µs/req": Math.round(((user + system) * 1000) / requests),
    "kernel %": user + system === 0 ? "-" : Math.round((100 * system) / (user + system)),
  };
}

async function load(
  database: string,
  request: string,
  options: autocannon.Options,
  serverPid: number | undefined,
): Promise<Row & { rps: number; p99: number }> {
  const cpuBefore = cpuMsOf(serverPid);
  const result = await autocannon({ connections, duration: seconds, timeout: 30, ...options });
  const cpuAfter = cpuMsOf(serverPid);
  const rps = result.requests.total / (result.duration || seconds);
  return {
    database,
    request,
    "req/s": Math.round(rps),
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    "non-2xx": result.non2xx,
    errors: result.errors + result.timeouts,
    // The server's own CPU time per request: unlike req/s, barely moved by other work on the machine
    // (the share spent in the kernel: sockets, file writes).
    ...serverCpu(cpuBefore, cpuAfter, result.requests.total),
    rps,
    p99: result.latency.p99,
  };
}

/** The plan a PATCH request in flight is editing. */
interface PatchContext {
  planId: string;
}

const rows: Row[] = [];
const verdicts: { target: string; value: string; met: boolean }[] = [];

for (const dialect of testDialects()) {
  const database = await dialect.create();
  const data = mkdtempSync(join(tmpdir(), "carnet-load-"));
  const env: NodeJS.ProcessEnv =
    database.settings.dialect === "postgres"
      ? { DATABASE_URL: database.settings.url, CARNET_DATA_DIR: data }
      : { CARNET_DATA_DIR: dirname(database.settings.file) };
  const port = await freePort();
  // BENCH_CPU_PROF=DIR writes a CPU profile of each Carnet server process into DIR (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const server = startProcess(
    [...profile, "bin/carnet.js", "serve", "--host", "127.0.0.1", "--port", String(port)],
    {
      ...env,
      LOG_LEVEL: "warn",
      CARNET_LOOKUPS_OFFLINE: "1",
    },
  );
  let bare: ChildProcess | undefined;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`);
    const { auth, planIds } = await setUp(base, connections + 1);
    const [planId] = planIds as [string];
    const planPath = `/api/v1/plans/${planId}`;

    const served = await fetch(`${base}${planPath}`, { headers: auth });
    const bytes = Buffer.from(await served.arrayBuffer());
    const bytesFile = join(data, "plan.json");
    writeFileSync(bytesFile, bytes);
    const barePort = await freePort();
    bare = startProcess(["bench/support/bare-server.mjs", bytesFile, String(barePort)], {});
    await waitFor(`http://127.0.0.1:${barePort}/plan`);

    if (wanted.has("get")) {
      const bareRow = await load(
        dialect.name,
        `bare Fastify route (${bytes.length} B)`,
        {
          url: `http://127.0.0.1:${barePort}/plan`,
        },
        bare.pid,
      );
      const getRow = await load(
        dialect.name,
        "GET plan (native)",
        {
          url: `${base}${planPath}`,
          headers: auth,
        },
        server.pid,
      );
      rows.push(bareRow, getRow);
      verdicts.push(
        {
          target: `${dialect.name}: GET plan ≥ ${targets.getVsBare}× bare route`,
          value: `${(getRow.rps / bareRow.rps).toFixed(2)}×`,
          met: getRow.rps >= targets.getVsBare * bareRow.rps,
        },
        {
          target: `${dialect.name}: GET plan p99 ≤ ${targets.getP99Ms} ms`,
          value: `${getRow.p99} ms`,
          met: getRow.p99 <= targets.getP99Ms,
        },
      );
    }

    if (wanted.has("export")) {
      const exportPath = `${planPath}/export?format=rda-dcs-1.2`;
      const probe = await fetch(`${base}${exportPath}`, { headers: auth });
      await probe.arrayBuffer();
      if (probe.status === 200) {
        const exportRow = await load(
          dialect.name,
          "GET export rda-dcs-1.2",
          {
            url: `${base}${exportPath}`,
            headers: auth,
          },
          server.pid,
        );
        rows.push(exportRow);
        verdicts.push({
          target: `${dialect.name}: GET export p99 ≤ ${targets.getP99Ms} ms`,
          value: `${exportRow.p99} ms`,
          met: exportRow.p99 <= targets.getP99Ms,
        });
      } else {
        const na = `not available (${probe.status})`;
        rows.push({
          database: dialect.name,
          request: "GET export rda-dcs-1.2",
          "req/s": na,
          "p50 ms": "-",
          "p99 ms": "-",
          "non-2xx": "-",
          errors: "-",
          "server CPU µs/req": "-",
          "kernel %": "-",
        });
      }
    }

    if (wanted.has("patch")) {
      // Each request takes a plan no other request is editing (at most one per connection at a time),
      // edits it on the revision its last edit produced, and gives it back: every edit is accepted.
      // (autocannon clears a connection's context after each request, so the state lives here.)
      const editable = planIds.slice(1);
      const free = new Set(editable);
      const revisions = new Map(editable.map((id) => [id, 1]));
      let spill = 0;
      const refused = new Map<number, number>();
      let edits = 0;
      const patchRow = await load(
        dialect.name,
        "PATCH one answer",
        {
          url: base,
          requests: [
            {
              method: "PATCH",
              setupRequest: (request, untyped) => {
                const context = untyped as PatchContext;
                // A request resent after a timeout never gave its plan back: then share one (a 409 may follow).
                const planId = free.values().next().value ?? (editable[spill++ % editable.length] as string);
                free.delete(planId);
                context.planId = planId;
                edits += 1;
                return {
                  ...request,
                  path: `/api/v1/plans/${planId}`,
                  headers: { ...auth, "content-type": "application/json" },
                  body: JSON.stringify({
                    baseRevision: revisions.get(planId),
                    ops: [{ op: "set", path: "/answers/budget.description", value: `<p>Edit ${edits}</p>` }],
                  }),
                };
              },
              onResponse: (status, body, untyped) => {
                const context = untyped as PatchContext;
                if (status >= 300) refused.set(status, (refused.get(status) ?? 0) + 1);
                // `{"revision":N,…}` on success; a conflict's details carry the current revision too.
                const revision = /"revision":(\d+)/.exec(body)?.[1];
                if (revision) revisions.set(context.planId, Number(revision));
                free.add(context.planId);
              },
            },
          ],
        },
        server.pid,
      );
      rows.push(patchRow);
      if (refused.size > 0)
        console.log(
          `${dialect.name}: PATCH refusals by status: ${JSON.stringify(Object.fromEntries(refused))}`,
        );
      if (dialect.name === "sqlite") {
        verdicts.push({
          target: `sqlite: PATCH ≥ ${targets.patchPerSecondSqlite}/s (non-2xx counted as errors)`,
          value: `${Math.round(patchRow.rps)}/s, ${patchRow["non-2xx"]} non-2xx`,
          met: patchRow.rps >= targets.patchPerSecondSqlite && patchRow["non-2xx"] === 0,
        });
      }
      // Every plan's stored revision is the last one a response reported, or one more when the run
      // stopped with that plan's request in flight (applied, its response never read).
      const stored = await Promise.all(
        editable.map(async (id) => (await call(base, "GET", `/api/v1/plans/${id}`, auth)).json.revision),
      );
      const lost = stored.filter((revision, i) => {
        const seen = revisions.get(editable[i] as string) ?? 0;
        return revision !== seen && revision !== seen + 1;
      });
      const accepted = stored.reduce((sum, r) => sum + r - 1, 0);
      console.log(
        `${dialect.name}: ${accepted} edits stored over ${editable.length} plans; ${lost.length} plan(s) whose stored revision disagrees with the responses`,
      );
    }
  } finally {
    if (bare) await stop(bare);
    await stop(server);
    await database.drop();
    rmSync(data, { recursive: true, force: true });
  }
}

printTable(
  `API load: ${connections} connections, ${seconds} s per row, LOG_LEVEL=warn (built server, separate process; load average ${loadavg()[0]?.toFixed(1)} at the end)`,
  rows.map(({ rps: _rps, p99: _p99, ...shown }: Row & { rps?: number; p99?: number }) => shown),
);
printTable(
  "Targets (issue 6)",
  verdicts.map((v) => ({ target: v.target, value: v.value, result: v.met ? "met" : "MISSED" })),
);
