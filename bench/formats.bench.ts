// Throughput of the RDA DCS import (read + detect + normalise + validate against 1.2) and export
// (restore kept keys + validate, for 1.2 and 1.1) on the official long example, on one core.
import { readFileSync } from "node:fs";
import { importDocument } from "../src/formats/import-document.js";
import { exportDcs } from "../src/formats/rda-dcs/export-dcs.js";
import type { NormalisedDcs } from "../src/formats/rda-dcs/model.js";

const text = readFileSync(
  new URL("../test/fixtures/formats/rda-dcs/v1.2/ex9-dmp-long.json", import.meta.url),
  "utf8",
);

function imported(): NormalisedDcs {
  const result = importDocument(text);
  if (!result.ok || result.value.format !== "rda-dcs") throw new Error("ex9-dmp-long.json does not import");
  return result.value.dcs;
}

function measure(label: string, run: () => void): { label: string; perSecond: number; microseconds: number } {
  for (let i = 0; i < 300; i++) run(); // warm-up: compile schemas, let the JIT settle
  const started = process.hrtime.bigint();
  let count = 0;
  while (process.hrtime.bigint() - started < 2_000_000_000n) {
    for (let i = 0; i < 50; i++) run();
    count += 50;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, perSecond: count / seconds, microseconds: (seconds / count) * 1e6 };
}

const dcs = imported();
const rows = [
  measure("import + validate (DCS 1.2)", () => {
    if (!importDocument(text).ok) throw new Error("import failed");
  }),
  measure("export DCS 1.2 (validated)", () => {
    if (!exportDcs(dcs, "1.2").ok) throw new Error("export failed");
  }),
  measure("export DCS 1.1 (down-converted, validated)", () => {
    if (!exportDcs(dcs, "1.1").ok) throw new Error("export failed");
  }),
];

const target = 2000;
console.log(
  `ex9-dmp-long.json (${(text.length / 1024).toFixed(1)} KiB), one core, target ≥ ${target} docs/s`,
);
console.log("| operation | docs/s | µs/doc | target |");
console.log("|---|---:|---:|---|");
for (const row of rows) {
  console.log(
    `| ${row.label} | ${Math.round(row.perSecond)} | ${row.microseconds.toFixed(0)} | ${row.perSecond >= target ? "met" : "MISSED"} |`,
  );
}
if (rows.some((row) => row.perSecond < target)) process.exitCode = 1;
