// Export benchmark: render times per format (warm, in process), peak RSS, and the same PDF made the
// way other DMP tools make it — headless Chromium printing our HTML export, cold (one process per
// export) and warm (one page reused through playwright-core). Run with `npm run bench -- exports`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { buildDocument } from "../src/exports/document/build-document.js";
import type { ExportDocument, ExportFormat, LayoutOptions } from "../src/exports/document/model.js";
import { renderHtml } from "../src/exports/render/html.js";
import { renderDocument } from "../src/exports/render/index.js";
import {
  fixtureTemplate,
  fixtureVocabularies,
  fullyAnsweredPlan,
  referencePlan,
} from "../test/support/export-plans.js";

const layout: LayoutOptions = { fontSize: 10, marginMm: 20, paper: "a4" };
const formats: ExportFormat[] = ["pdf", "docx", "odt", "html", "md"];
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

function stats(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** CPU milliseconds per run of the last `time` call: on a busy machine wall time also counts waiting. */
let lastCpuPerRun = 0;

async function time(runs: number, warmup: number, task: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await task();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  lastCpuPerRun = (used.user + used.system) / 1000 / runs;
  return times;
}

const fixtures: { name: string; document: () => ExportDocument; runs: number }[] = [
  {
    name: "reference DMP",
    document: () =>
      buildDocument(
        referencePlan(),
        fixtureTemplate(),
        { language: "fr", headings: true, unanswered: false, cover: true },
        fixtureVocabularies(),
      ),
    runs: 40,
  },
  {
    name: "20 outputs",
    document: () =>
      buildDocument(
        fullyAnsweredPlan(20),
        fixtureTemplate(),
        { language: "fr", headings: true, unanswered: true, cover: true },
        fixtureVocabularies(),
      ),
    runs: 12,
  },
];

const rows: string[][] = [];
const medians = new Map<string, number>();
let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sampleRss, 5);

for (const fixture of fixtures) {
  const document = fixture.document();
  const build = stats(await time(fixture.runs, 3, async () => fixture.document()));
  rows.push([
    fixture.name,
    "build document",
    build.median.toFixed(1),
    build.p95.toFixed(1),
    lastCpuPerRun.toFixed(1),
    "",
  ]);
  for (const format of formats) {
    let size = 0;
    const result = stats(
      await time(fixture.runs, 3, async () => {
        size = (await renderDocument(document, format, layout)).length;
      }),
    );
    medians.set(`${fixture.name}/${format}`, result.median);
    rows.push([
      fixture.name,
      format,
      result.median.toFixed(1),
      result.p95.toFixed(1),
      lastCpuPerRun.toFixed(1),
      `${(size / 1024).toFixed(0)} kB`,
    ]);
    sampleRss();
  }
}
clearInterval(sampler);
const maxRssMb = process.resourceUsage().maxRSS / 1024;

// The Chromium way, on the reference DMP: our HTML export printed to PDF.
const chromiumRows: string[][] = [];
if (existsSync(chromiumPath)) {
  const dir = mkdtempSync(join(tmpdir(), "carnet-bench-"));
  try {
    const html = renderHtml(fixtures[0]!.document(), layout);
    const htmlPath = join(dir, "plan.html");
    writeFileSync(htmlPath, html);
    const cold = stats(
      await time(5, 1, async () => {
        execFileSync(
          chromiumPath,
          [
            ...chromiumFlags,
            `--user-data-dir=${join(dir, "profile")}`,
            `--print-to-pdf=${join(dir, "cold.pdf")}`,
            "--no-pdf-header-footer",
            `file://${htmlPath}`,
          ],
          {
            stdio: "ignore",
            timeout: 120_000,
          },
        );
      }),
    );
    chromiumRows.push([
      "reference DMP",
      "chromium --print-to-pdf (cold process)",
      cold.median.toFixed(1),
      cold.p95.toFixed(1),
      "",
      "",
    ]);
    medians.set("chromium/cold", cold.median);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags.slice(1) });
    try {
      const page = await browser.newPage();
      const warm = stats(
        await time(20, 3, async () => {
          await page.setContent(html, { waitUntil: "load" });
          await page.pdf({ format: "A4" });
        }),
      );
      chromiumRows.push([
        "reference DMP",
        "playwright page.pdf (warm page)",
        warm.median.toFixed(1),
        warm.p95.toFixed(1),
        "",
        "",
      ]);
      medians.set("chromium/warm", warm.median);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pad = (cells: string[], widths: number[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ");
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on this machine; times in ms`,
);
const widths = [14, 42, 9, 9, 9, 8];
console.log(pad(["document", "format", "median", "p95", "cpu/run", "size"], widths));
for (const row of [...rows, ...chromiumRows]) console.log(pad(row, widths));
console.log(
  `peak RSS of this process after all in-process renders: ${(peakRss / 1024 / 1024).toFixed(0)} MB (maxRSS ${maxRssMb.toFixed(0)} MB)`,
);
// Per format, in a fresh process (as a render worker would be): the 20-output plan rendered 12 times.
const probe = new URL("./support/render-probe.ts", import.meta.url).pathname;
const tsx = new URL("../node_modules/.bin/tsx", import.meta.url).pathname;
const perFormatRss = new Map<string, number>();
for (const format of ["pdf", "docx", "odt"] as const) {
  const line = execFileSync(tsx, [probe, format, "12"], { encoding: "utf8" }).trim().split("\n").at(-1)!;
  const { baselineMb, peakMb, cpuMsPerRender } = JSON.parse(line) as Record<string, number>;
  perFormatRss.set(format, peakMb!);
  console.log(
    `20 outputs ${format}: peak RSS ${peakMb} MB in a fresh process (${baselineMb} MB before rendering), ${cpuMsPerRender} ms CPU per render`,
  );
}

const pdf = medians.get("reference DMP/pdf")!;
const checks: [string, boolean][] = [
  [`reference PDF median ${pdf.toFixed(1)} ms ≤ 30 ms`, pdf <= 30],
  [
    `20-output PDF median ${medians.get("20 outputs/pdf")!.toFixed(0)} ms ≤ 1000 ms`,
    medians.get("20 outputs/pdf")! <= 1000,
  ],
  [
    `20-output DOCX median ${medians.get("20 outputs/docx")!.toFixed(0)} ms ≤ 500 ms`,
    medians.get("20 outputs/docx")! <= 500,
  ],
  [
    `peak RSS per format ${Math.max(...perFormatRss.values())} MB ≤ 300 MB (fresh process, 20 outputs)`,
    Math.max(...perFormatRss.values()) <= 300,
  ],
];
const cold = medians.get("chromium/cold");
const warm = medians.get("chromium/warm");
if (cold)
  checks.push([`${(cold / pdf).toFixed(0)}× faster than cold Chromium (target ≥ 20×)`, cold / pdf >= 20]);
if (warm)
  checks.push([`${(warm / pdf).toFixed(1)}× faster than warm page.pdf (target ≥ 5×)`, warm / pdf >= 5]);
for (const [label, ok] of checks) console.log(`${ok ? "ok  " : "MISS"} ${label}`);
