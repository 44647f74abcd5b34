#!/usr/bin/env node
// Builds what is out of date: the server (tsc → dist/node) and the web app (vite → dist/web).
// `--force` rebuilds everything. Used by `npm run build` and `npm start`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const force = process.argv.includes("--force");

function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

function stampTime(stamp) {
  const path = join(root, stamp);
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function run(label, command, args) {
  const started = Date.now();
  process.stdout.write(`carnet build: ${label}… `);
  // Always the production build: a NODE_ENV inherited from the caller (vitest sets "test") would make
  // Vite bundle React's development build, several times slower, and the stamp would then keep it.
  const env = { ...process.env, NODE_ENV: "production" };
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (result.status !== 0) {
    console.log("failed");
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const shared = ["package.json", "package-lock.json", "src/i18n", "src/domain", "src/contract"];
const targets = [
  {
    label: "server (tsc)",
    stamp: "dist/node/.stamp",
    inputs: [...shared, "tsconfig.json", "tsconfig.build.json", "src"],
    command: [join(root, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"]],
  },
  {
    label: "web app (vite)",
    stamp: "dist/web/.stamp",
    inputs: [...shared, "vite.config.ts", "src/web"],
    command: [join(root, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"]],
  },
];

for (const target of targets) {
  if (!force && stampTime(target.stamp) > newestMtime(target.inputs)) {
    console.log(`carnet build: ${target.label} is up to date`);
    continue;
  }
  run(target.label, ...target.command);
  writeFileSync(join(root, target.stamp), new Date().toISOString());
}
