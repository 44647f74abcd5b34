// What the browser downloads for each screen of the web app (JavaScript and CSS, raw and gzip), the
// JavaScript the plan editor (/plans/:id) really loads in Chromium before it takes a keystroke (target
// ≤ 300 KB gzip), and how long a cold load takes until the screen's heading shows. Needs `npm run build`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "playwright-core";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

import { samplePlan } from "../test/factories/plans.js";
import { createTestApp } from "../test/support/app.js";
import { chromiumPath, launchBrowser } from "../test/support/browser.js";
import { testDialects } from "../test/support/databases.js";
import { printTable, signUpWithPlan, stats } from "./support.js";

const dist = new URL("../dist/web/", import.meta.url).pathname;
if (!existsSync(join(dist, "index.html"))) {
  console.error("web bundle bench: run `npm run build` first");
  process.exit(1);
}
const assets = join(dist, "assets");
const files = readdirSync(assets).filter((name) => /\.(js|css)$/.test(name));
const read = (name: string) => readFileSync(join(assets, name));

/** The chunks `name` loads before it runs (static imports, transitively), itself included. */
function closure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const code = read(name).toString("utf8");
  // Static imports only: `import{…}from"./x.js"` and `import"./x.js"`; dynamic imports load later.
  for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) {
    if (match[1] && files.includes(match[1])) closure(match[1], seen);
  }
  return seen;
}
/** The chunk named `prefix` (Vite names a chunk after its first module, then an 8-character hash). */
const chunk = (prefix: string) => files.find((name) => new RegExp(`^${prefix}-[\\w-]{8}\\.js$`).test(name));

const html = readFileSync(join(dist, "index.html"), "utf8");
const entry = /src="\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
const css = [...html.matchAll(/href="\/assets\/([\w.-]+\.css)"/g)].map((m) => m[1] ?? "");
if (!entry) throw new Error("no entry script in dist/web/index.html");
// The entry (boot.ts) imports the app dynamically; index.html preloads the app's chunks alongside it.
const preloaded = [...html.matchAll(/rel="modulepreload"[^>]*href="\/assets\/([\w.-]+\.js)"/g)].map(
  (m) => m[1] ?? "",
);
// Every screen also needs the interface language's messages: a chunk per language, imported on demand.
const catalogues = { en: chunk("en"), fr: chunk("fr") };
if (!catalogues.en || !catalogues.fr) throw new Error("no message catalogue chunks (en-*.js, fr-*.js)");
const base = closure(entry);
for (const name of preloaded) closure(name, base);

const gzipCache = new Map<string, number>();
function gzipSize(name: string): number {
  let size = gzipCache.get(name);
  if (size === undefined) {
    size = gzipSync(read(name), { level: 9 }).length;
    gzipCache.set(name, size);
  }
  return size;
}
function sizes(chunks: Iterable<string>) {
  let raw = 0;
  let gzip = 0;
  for (const name of chunks) {
    raw += read(name).length;
    gzip += gzipSize(name);
  }
  return { raw, gzip };
}
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** A screen's JavaScript: the entry, its chunks and their static imports, and one catalogue. */
function screenRow(what: string, chunks: Set<string>) {
  const en = sizes([...chunks, catalogues.en ?? ""]);
  const fr = sizes([...chunks, catalogues.fr ?? ""]);
  return {
    what,
    chunks: chunks.size + 1,
    "JS KB (en)": kb(en.raw),
    "gzip KB (en)": kb(en.gzip),
    "gzip KB (fr)": kb(fr.gzip),
  };
}
const screens: [string, string[]][] = [
  ["/ (landing)", ["landing-page"]],
  ["/sign-in", ["sign-in-page"]],
  ["/sign-up", ["sign-up-page"]],
  ["/reset-password", ["reset-password-page"]],
  ["/plans", ["my-plans-page"]],
  ["/account", ["account-page"]],
  ["/account/tokens", ["tokens-page"]],
  ["/plans/:id (editor: plan details)", ["editor-page"]],
  ["/plans/:id (editor: view with a narrative answer)", ["editor-page", "rich-text-editor"]],
];
const rows = [screenRow("shared entry", base)];
for (const [route, prefixes] of screens) {
  const chunks = new Set(base);
  for (const prefix of prefixes) {
    const name = chunk(prefix);
    if (!name) throw new Error(`no ${prefix}-*.js chunk in dist/web/assets`);
    closure(name, chunks);
  }
  rows.push(screenRow(route, chunks));
}
printTable(
  "Web app downloads per first screen (JS = entry + the route's chunks and static imports + one message catalogue; raw and gzip -9)",
  rows,
);
const cssSize = sizes(css);
printTable("CSS (all pages)", [{ files: css.length, KB: kb(cssSize.raw), "gzip KB": kb(cssSize.gzip) }]);

if (!existsSync(chromiumPath)) {
  console.log(`\n(no Chromium at ${chromiumPath}: editor downloads and load timings skipped)`);
  process.exit(0);
}

const app = await createTestApp(testDialects()[0] ?? { name: "sqlite", create: () => Promise.reject() });
const baseUrl = await app.app.listen({ host: "127.0.0.1", port: 0 });
const browser = await launchBrowser();

/** A signed-in session owning one plan (the sample plan with one research output `o1`, imported). */
async function signedInWithPlan(browser: Browser): Promise<{ state: StorageState; planId: string }> {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  const planId = await signUpWithPlan(page, "bench-bundle@example.org", samplePlan());
  const state = await context.storageState();
  await context.close();
  return { state, planId };
}

// The editor in Chromium: every JavaScript file it fetches from navigation until a field of the view
// takes a keystroke (fresh context: no cache), lazily imported chunks included.
const session = await signedInWithPlan(browser);
const { state } = session;
const views = [
  {
    what: "plan details (/plans/:id)",
    path: `/plans/${session.planId}`,
    field: 'input[data-path="/details/title"]',
  },
  {
    what: "narrative answer (?view=o:o1:documentation)",
    path: `/plans/${session.planId}?view=o:o1:documentation`,
    field: '[data-question="documentation.description"] [contenteditable="true"]',
  },
];
const loaded = [];
for (const lang of ["en", "fr"] as const) {
  for (const view of views) {
    const origins = [{ origin: baseUrl, localStorage: [{ name: "carnet.language", value: lang }] }];
    const context = await browser.newContext({ baseURL: baseUrl, storageState: { ...state, origins } });
    const page = await context.newPage();
    const fetched = new Set<string>();
    page.on("response", (response) => {
      const name = /\/assets\/([\w.-]+\.js)$/.exec(new URL(response.url()).pathname)?.[1];
      if (name) fetched.add(name);
    });
    const started = performance.now();
    await page.goto(view.path);
    const field = page.locator(view.field).first();
    await field.waitFor({ timeout: 60_000 });
    await field.click();
    await page.keyboard.type("x");
    // A function, not a string: polling a string needs eval, which the app's CSP refuses.
    await page.waitForFunction((selector) => {
      const element = document.querySelector(selector) as HTMLInputElement | HTMLElement | null;
      return !!element && ((element as HTMLInputElement).value ?? element.textContent ?? "").includes("x");
    }, view.field);
    const ms = performance.now() - started;
    const interactive = [...fetched];
    await context.close();
    const unknown = interactive.filter((name) => !files.includes(name));
    if (unknown.length > 0) throw new Error(`fetched files not in dist/web: ${unknown.join(", ")}`);
    const size = sizes(interactive);
    loaded.push({
      view: view.what,
      ui: lang,
      chunks: interactive.length,
      "JS KB": kb(size.raw),
      "gzip KB": kb(size.gzip),
      "≤ 300": size.gzip <= 300 * 1024 ? "yes" : "NO",
      "ms (1 load)": Math.round(ms),
    });
  }
}
printTable(
  "Plan editor in Chromium: JavaScript fetched until the view's first field takes a keystroke (gzip -9; target ≤ 300 KB)",
  loaded,
);

// Cold loads in Chromium: new context each time (no cache), until the page's h1 is visible.
const timing = [];
for (const path of ["/", "/sign-in", "/account/tokens"]) {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${baseUrl}${path}`);
    await page.locator("h1").first().waitFor();
    samples.push(performance.now() - started);
    await context.close();
  }
  const s = stats(samples.slice(1)); // the first load also warms the server
  timing.push({ path, n: s.n, "median ms": s.median, "max ms": s.max });
}
printTable("Cold load until the first heading is visible (localhost, no cache)", timing);
await browser.close();
await app.close();
