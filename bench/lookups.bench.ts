// Benchmark of offline look-ups: import of a synthetic 120,000-record ROR v2 dump (rate, peak RSS)
// and look-up latency p50/p99 over 1,000 queries, on SQLite and, when BENCH_DATABASE_URL or
// TEST_DATABASE_URL is set, on PostgreSQL. Run: npm run bench -- lookups (RECORDS=N to change size).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { defaultLookupSettings } from "../src/lookups/settings.js";
import { createAppContext } from "../src/services/app-context.js";
import { importRegistryDump } from "../src/services/registry-import.js";
import type { DatabaseSettings } from "../src/storage/database.js";
import { syntheticName, writeRorDump } from "../test/support/ror-dump.js";
import { printTable, stats } from "./support.js";

const records = Number(process.env.RECORDS ?? 120_000);
const queryCount = 1000;

/** Child mode: import the dump into the database and print figures (so RSS is the import's own). */
async function importWorker(settings: DatabaseSettings, file: string) {
  const context = await createAppContext(settings, { lookups: { ...defaultLookupSettings, offline: true } });
  const summary = await importRegistryDump(context.database, "ror", file);
  await context.close();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ...summary, problems: undefined, peakRssMb }));
}

function queries(): string[] {
  const list: string[] = [];
  for (let i = 0; i < queryCount; i++) {
    const n = (i * 7919) % records;
    const name = syntheticName(n);
    const words = name.split(" ");
    switch (i % 5) {
      case 0:
        list.push(name); // full name
        break;
      case 1:
        list.push(`${words[0]} ${words[2]?.slice(0, 4)}`); // typeahead: "Institute Mari"
        break;
      case 2:
        list.push(words.slice(2).join(" ")); // topic and city
        break;
      case 3:
        list.push((words[2] ?? "").slice(0, 3)); // three letters: widest prefix
        break;
      default:
        list.push("cnrs");
    }
  }
  return list;
}

async function run(name: string, settings: DatabaseSettings, file: string) {
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", new URL(import.meta.url).pathname, "--import-worker", JSON.stringify(settings), file],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`import failed on ${name}: ${child.stderr}`);
  const imported = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as {
    imported: number;
    updated: number;
    seconds: number;
    peakRssMb: number;
  };
  const context = await createAppContext(settings, { lookups: { ...defaultLookupSettings, offline: true } });
  const times: number[] = [];
  let empty = 0;
  for (const [i, q] of queries().entries()) {
    const started = performance.now();
    const answer = await context.lookups.search(i % 10 === 9 ? "funders" : "ror", { q, limit: 20 });
    times.push(performance.now() - started);
    if (answer.results.length === 0) empty++;
  }
  await context.close();
  const latency = stats(times);
  return {
    database: name,
    // A synthetic id may equal one of the bundled sample's real ids: that one counts as updated.
    records: imported.imported + imported.updated,
    "import s": Number(imported.seconds.toFixed(1)),
    "records/s": Math.round((imported.imported + imported.updated) / imported.seconds),
    "peak RSS MB": Math.round(imported.peakRssMb),
    "p50 ms": latency.median,
    "p99 ms": latency.p99,
    "empty answers": empty,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "carnet-bench-lookups-"));
  try {
    const file = join(dir, "ror-dump.json");
    const started = performance.now();
    await writeRorDump(file, records);
    console.log(
      `dump: ${records} ROR v2 records, ${(statSync(file).size / 1e6).toFixed(0)} MB, written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const rows = [await run("sqlite", { dialect: "sqlite", file: join(dir, "bench.sqlite") }, file)];
    const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (adminUrl) {
      const dbName = `carnet_bench_${process.pid}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      try {
        const url = new URL(adminUrl);
        url.pathname = `/${dbName}`;
        rows.push(await run("postgres", { dialect: "postgres", url: url.toString() }, file));
      } finally {
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    } else {
      console.log("(PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
    }
    printTable("Offline ROR look-ups", rows);
    // Latencies depend on what else the machine runs: print its load next to them.
    console.log(
      `machine: ${cpus().length} CPU(s), load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")}`,
    );
    console.log(
      `${queryCount} look-ups per database (ror, and funders for 1 in 10), 20 results each; target p50 ≤ 10 ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--import-worker") {
  await importWorker(JSON.parse(process.argv[3] ?? "{}") as DatabaseSettings, process.argv[4] ?? "");
} else {
  await main();
}
