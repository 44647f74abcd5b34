#!/usr/bin/env node
// Entry point of the `carnet` command. Runs the compiled CLI from dist/ when it is up to date;
// in a development checkout whose build is missing or older than the sources, runs the sources
// through tsx instead, so that `npx carnet …` works right after `npm install`.
import { existsSync, readdirSync, statSync } from "node:fs";

const root = new URL("../", import.meta.url);
const compiled = new URL("dist/node/cli/main.js", root);
const stamp = new URL("dist/node/.stamp", root);
const sources = new URL("src/", root);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const hasSources = existsSync(sources);
const buildIsFresh =
  existsSync(compiled) &&
  (!hasSources || (existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(sources)));

if (buildIsFresh) {
  await import(compiled.href);
} else if (hasSources && existsSync(new URL("node_modules/tsx/", root))) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("src/cli/main.ts", root).href);
} else {
  console.error(
    "carnet: Carnet is not built yet: run `npm run build` in its folder first.\n" +
      "carnet: Carnet n’est pas encore construit : lancez d’abord `npm run build` dans son dossier.",
  );
  process.exit(2);
}
