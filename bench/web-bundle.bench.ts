// What the browser downloads for each screen of the web app (JavaScript and CSS, raw and gzip), and
// how long a cold load takes until the screen's heading shows in Chromium. Needs `npm run build`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createTestApp } from "../test/support/app.js";
import { chromiumPath, launchBrowser } from "../test/support/browser.js";
import { testDialects } from "../test/support/databases.js";
import { printTable, stats } from "./support.js";

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

const html = readFileSync(join(dist, "index.html"), "utf8");
const entry = /src="\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
const css = [...html.matchAll(/href="\/assets\/([\w.-]+\.css)"/g)].map((m) => m[1] ?? "");
if (!entry) throw new Error("no entry script in dist/web/index.html");
const base = closure(entry);

function sizes(chunks: Iterable<string>) {
  let raw = 0;
  let gzip = 0;
  for (const name of chunks) {
    const bytes = read(name);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

const routes: [string, string][] = [
  ["/ (landing)", "landing-page"],
  ["/sign-in", "sign-in-page"],
  ["/sign-up", "sign-up-page"],
  ["/reset-password", "reset-password-page"],
  ["/plans", "my-plans-page"],
  ["/account", "account-page"],
  ["/account/tokens", "tokens-page"],
];
const rows = [];
const entrySize = sizes(base);
rows.push({
  what: "shared entry",
  chunks: base.size,
  "JS KB": kb(entrySize.raw),
  "JS gzip KB": kb(entrySize.gzip),
});
for (const [route, prefix] of routes) {
  const chunk = files.find((name) => name.startsWith(`${prefix}-`) && name.endsWith(".js"));
  if (!chunk) continue;
  const own = [...closure(chunk)].filter((name) => !base.has(name));
  const total = sizes(new Set([...base, ...own]));
  rows.push({
    what: route,
    chunks: base.size + own.length,
    "JS KB": kb(total.raw),
    "JS gzip KB": kb(total.gzip),
  });
}
const cssSize = sizes(css);
rows.push({
  what: "CSS (all pages)",
  chunks: css.length,
  "JS KB": kb(cssSize.raw),
  "JS gzip KB": kb(cssSize.gzip),
});
printTable("Web app downloads per first screen (JS = entry + the route's chunks; raw and gzip -9)", rows);

// Cold loads in Chromium: new context each time (no cache), until the page's h1 is visible.
if (existsSync(chromiumPath)) {
  const app = await createTestApp(testDialects()[0] ?? { name: "sqlite", create: () => Promise.reject() });
  const baseUrl = await app.app.listen({ host: "127.0.0.1", port: 0 });
  const browser = await launchBrowser();
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
} else {
  console.log(`\n(no Chromium at ${chromiumPath}: load timings skipped)`);
}
