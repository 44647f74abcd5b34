// Cold start of the built server to its first successful /healthz, and its idle memory, on SQLite
// (and PostgreSQL when TEST_DATABASE_URL is set). Needs `npm run build` first.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDialects } from "../test/support/databases.js";
import { printTable, rssOfPid, stats } from "./support.js";

const root = new URL("..", import.meta.url).pathname;
if (!existsSync(join(root, "dist/node/cli/main.js"))) {
  console.error("startup bench: run `npm run build` first");
  process.exit(1);
}

async function coldStart(env: NodeJS.ProcessEnv, port: number) {
  const data = mkdtempSync(join(tmpdir(), "carnet-bench-"));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["bin/carnet.js", "serve", "--host", "127.0.0.1", "--port", String(port)],
    {
      cwd: root,
      env: { ...process.env, CARNET_DATA_DIR: data, LOG_LEVEL: "warn", ...env },
      stdio: "ignore",
    },
  );
  let ready = Number.NaN;
  for (let i = 0; i < 400; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) {
        ready = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const rss = await rssOfPid(child.pid ?? 0);
  child.kill("SIGTERM");
  await new Promise((r) => child.on("close", r));
  rmSync(data, { recursive: true, force: true });
  return { ready, rss };
}

const rows = [];
for (const dialect of testDialects()) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    // Each run starts on a new, empty database: the cold start includes creating and migrating it.
    const database = await dialect.create();
    const env = database.settings.dialect === "postgres" ? { DATABASE_URL: database.settings.url } : {};
    runs.push(await coldStart(env, 3950 + i));
    await database.drop();
  }
  const ready = stats(runs.map((r) => r.ready));
  const rss = stats(runs.map((r) => r.rss));
  rows.push({
    database: dialect.name,
    runs: runs.length,
    "first /healthz median ms": ready.median,
    "max ms": ready.max,
    "idle RSS MB": rss.median,
  });
}
printTable("Cold start of the built server (5 runs each)", rows);
