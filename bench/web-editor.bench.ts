// The plan editor (/plans/:id): JavaScript shipped for the route (gzip), time until the editor of a
// 20-output plan is interactive in Chromium, and typing latency while autosave sends edits.
// Needs `npm run build`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadBuiltinContent } from "../src/services/builtin-content.js";
import { planWithOutputs } from "../test/factories/large-plan.js";
import { referencePlan } from "../test/factories/plans.js";
import { createTestApp } from "../test/support/app.js";
import { chromiumPath, launchBrowser } from "../test/support/browser.js";
import { testDialects } from "../test/support/databases.js";
import { printTable, stats } from "./support.js";

const dist = new URL("../dist/web/", import.meta.url).pathname;
if (!existsSync(join(dist, "index.html"))) {
  console.error("web editor bench: run `npm run build` first");
  process.exit(1);
}
const assets = join(dist, "assets");
const files = readdirSync(assets).filter((name) => name.endsWith(".js"));
const read = (name: string) => readFileSync(join(assets, name));

/** Chunks loaded before `name` runs (static imports), or also later (dynamic imports) when `lazy`. */
function closure(name: string, lazy: boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const code = read(name).toString("utf8");
  const pattern = lazy
    ? /(?:from|import)\s*\(?\s*["']\.\/([\w.-]+\.js)["']/g
    : /(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g;
  for (const match of code.matchAll(pattern))
    if (match[1] && files.includes(match[1])) closure(match[1], lazy, seen);
  return seen;
}
const gzip = (chunks: Iterable<string>) => {
  let total = 0;
  for (const name of chunks) total += gzipSync(read(name), { level: 9 }).length;
  return Math.round(total / 102.4) / 10;
};
const html = readFileSync(join(dist, "index.html"), "utf8");
const entry = /src="\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
const editor = files.find((name) => name.startsWith("editor-page-"));
if (!entry || !editor) throw new Error("no entry or editor chunk in dist/web");
const first = new Set([...closure(entry, false), ...closure(editor, false)]);
const everything = closure(editor, true, new Set(first));
printTable("JavaScript of the editor route (gzip -9, KB; target ≤ 300 for the first screen)", [
  {
    what: "entry + editor chunk and its static imports (first screen)",
    chunks: first.size,
    "gzip KB": gzip(first),
  },
  {
    what: "…plus every chunk it may load later (widgets, rich text, panels)",
    chunks: everything.size,
    "gzip KB": gzip(everything),
  },
]);

if (!existsSync(chromiumPath)) {
  console.log(`\n(no Chromium at ${chromiumPath}: editor timings skipped)`);
  process.exit(0);
}

const app = await createTestApp(testDialects()[0]!);
const baseUrl = await app.app.listen({ host: "127.0.0.1", port: 0 });
const content = loadBuiltinContent();
const template = content.templates.get("science-europe-structured")!;
const large = planWithOutputs(referencePlan(), template, content.vocabularies, 20);
const browser = await launchBrowser();
const context = await browser.newContext({ baseURL: baseUrl });
const page = await context.newPage();
await page.goto("/");
// A string, not a function: tsx would wrap named helpers in `__name`, unknown in the page.
const planId = (await page.evaluate(`(async () => {
  const post = async (path, body) => {
    const csrf = /(?:^|;\\s*)carnet_csrf=([^;]+)/.exec(document.cookie)?.[1];
    const headers = { "content-type": "application/json" };
    if (csrf) headers["x-csrf-token"] = decodeURIComponent(csrf);
    const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
    return response.json();
  };
  await post("/api/v1/auth/register", {
    displayName: "Bench",
    email: "bench@example.org",
    password: "correct horse battery staple",
  });
  const imported = await post("/api/v1/plans/import?format=native", ${JSON.stringify(large)});
  return imported.plan.id;
})()`)) as string;

const samples: number[] = [];
for (let i = 0; i < 6; i++) {
  const started = performance.now();
  await page.goto(`/plans/${planId}?view=o:o1:description`);
  // Interactive: the first answer field takes a keystroke and shows it.
  const field = page.locator('[data-question="description.workPackage"] input');
  await field.waitFor({ timeout: 60_000 });
  await field.click();
  await page.keyboard.type("x");
  await page.waitForFunction(() =>
    (
      document.querySelector('[data-question="description.workPackage"] input') as HTMLInputElement
    )?.value.endsWith("x"),
  );
  samples.push(performance.now() - started);
}
const load = stats(samples.slice(1));
printTable("20-output plan: navigation until the first answer field takes a keystroke (target ≤ 1500 ms)", [
  { n: load.n, "median ms": load.median, "max ms": load.max },
]);

// Typing latency: from each keystroke's event to the next frame painted, while saves go out.
await page.evaluate(`(() => {
  window.latencies = [];
  document.addEventListener("input", (event) => {
    const at = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.latencies.push(performance.now() - at), 0));
  }, true);
})()`);
const field = page.locator('[data-question="description.workPackage"] input');
await field.click();
for (let round = 0; round < 6; round++) {
  await page.keyboard.type("autosave runs while typing ", { delay: 30 });
  await page.waitForTimeout(900); // the debounce ends: a save starts while the next round types
}
const latencies = (await page.evaluate("window.latencies")) as number[];
const typing = stats(latencies);
printTable("Typing in an answer while autosave sends (keystroke → next frame, ms)", [
  { keystrokes: typing.n, "median ms": typing.median, "max ms": typing.max },
]);
await browser.close();
await app.close();
