#!/usr/bin/env node
// Entry point of the `carnet` command: runs the compiled CLI from dist/.
import { existsSync } from "node:fs";

const entry = new URL("../dist/node/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  console.error(
    "carnet: Carnet is not built yet: run `npm run build` in its folder first.\n" +
      "carnet: Carnet n’est pas encore construit : lancez d’abord `npm run build` dans son dossier.",
  );
  process.exit(2);
}
await import(entry.href);
