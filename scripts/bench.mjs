#!/usr/bin/env node
// Runs every benchmark in bench/ (files named *.bench.ts) with tsx, one process each, and prints
// their reports. `npm run bench -- storage` runs only the files whose name contains "storage".
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const filter = process.argv[2] ?? "";
const dir = new URL("../bench/", import.meta.url).pathname;
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".bench.ts") && name.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(new URL("../node_modules/.bin/tsx", import.meta.url).pathname, [`${dir}${file}`], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) failed++;
}
if (failed > 0) process.exit(1);
