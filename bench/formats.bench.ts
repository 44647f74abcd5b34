// Throughput of the RDA DCS import (read + detect + normalise + validate against 1.2) and export
// (restore kept keys + validate, for 1.2 and 1.1) on the official long example, on one core; and
// the native mapping both ways. The 2,000 docs/s target applies to the first three rows.
import { readFileSync } from "node:fs";
import { importDocument } from "../src/formats/import-document.js";
import { exportPlanToDcs, importPlanFromDcs } from "../src/formats/native/native-dcs.js";
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

// Throughput per CPU-second of this process (user + system, all its threads, so GC and compiler
// threads count against us): the machine is shared, and wall time would measure the neighbours.
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function measure(label: string, run: () => void): { label: string; perSecond: number; microseconds: number } {
  for (let i = 0; i < 300; i++) run(); // warm-up: compile schemas, let the JIT settle
  const started = cpuSeconds();
  let count = 0;
  while (cpuSeconds() - started < 2) {
    for (let i = 0; i < 20; i++) run();
    count += 20;
  }
  const perSecond = count / (cpuSeconds() - started);
  return { label, perSecond, microseconds: 1e6 / perSecond };
}

const dcs = imported();
const planResult = importPlanFromDcs(dcs);
if (!planResult.ok) throw new Error("ex9-dmp-long.json does not map to a native plan");
const plan = planResult.value;
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
  measure("DCS → native plan (import, zod-checked)", () => {
    if (!importPlanFromDcs(imported()).ok) throw new Error("native import failed");
  }),
  measure("native plan → DCS 1.2 (export, validated)", () => {
    if (!exportPlanToDcs(plan, "1.2").ok) throw new Error("native export failed");
  }),
];

const target = 2000;
console.log(
  `ex9-dmp-long.json (${(text.length / 1024).toFixed(1)} KiB), docs per CPU-second of one process, target ≥ ${target} docs/s`,
);
console.log("| operation | docs/s | µs/doc | target |");
console.log("|---|---:|---:|---|");
for (const row of rows) {
  console.log(
    `| ${row.label} | ${Math.round(row.perSecond)} | ${row.microseconds.toFixed(0)} | ${rows.indexOf(row) > 2 ? "-" : row.perSecond >= target ? "met" : "MISSED"} |`,
  );
}
if (rows.slice(0, 3).some((row) => row.perSecond < target)) process.exitCode = 1;
