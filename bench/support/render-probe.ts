// Renders the 20-output plan RUNS times in one format, in a fresh process, and prints its peak RSS
// in MB and the CPU time per render in ms as JSON. Used by exports.bench.ts.
import { buildDocument } from "../../src/exports/document/build-document.js";
import type { ExportFormat } from "../../src/exports/document/model.js";
import { renderDocument } from "../../src/exports/render/index.js";
import { fixtureTemplate, fixtureVocabularies, fullyAnsweredPlan } from "../../test/support/export-plans.js";

const format = (process.argv[2] ?? "pdf") as ExportFormat;
const runs = Number(process.argv[3] ?? 12);
const document = buildDocument(
  fullyAnsweredPlan(20),
  fixtureTemplate(),
  { language: "fr", headings: true, unanswered: true, cover: true },
  fixtureVocabularies(),
);
const before = process.resourceUsage().maxRSS;
const cpu = process.cpuUsage();
for (let i = 0; i < runs; i++)
  await renderDocument(document, format, { fontSize: 10, marginMm: 20, paper: "a4" });
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    format,
    baselineMb: Math.round(before / 1024),
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuMsPerRender: Math.round((used.user + used.system) / 1000 / runs),
  }),
);
