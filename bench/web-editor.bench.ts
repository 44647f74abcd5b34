// The plan editor (/plans/:id): time until the editor of a 20-output plan is interactive in Chromium,
// and typing latency while autosave sends edits. The JavaScript the route loads is measured by
// web-bundle.bench.ts. Needs `npm run build`. BENCH_WEB_DIST=<folder> serves another build of the web
// app (e.g. main's, built elsewhere) from this server, for before/after figures taken back to back.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadBuiltinContent } from "../src/services/builtin-content.js";
import { planWithOutputs } from "../test/factories/large-plan.js";
import { referencePlan } from "../test/factories/plans.js";
import { createTestApp } from "../test/support/app.js";
import { chromiumPath, launchBrowser } from "../test/support/browser.js";
import { testDialects } from "../test/support/databases.js";
import { printTable, signUpWithPlan, stats } from "./support.js";

const dist = process.env.BENCH_WEB_DIST ?? new URL("../dist/web/", import.meta.url).pathname;
if (!existsSync(join(dist, "index.html"))) {
  console.error("web editor bench: run `npm run build` first");
  process.exit(1);
}
const assets = join(dist, "assets");
if (
  readdirSync(assets).some(
    (name) => name.endsWith(".js") && readFileSync(join(assets, name), "utf8").includes("jsxDEV"),
  )
) {
  console.error("web editor bench: dist/web holds a development build; run `node scripts/build.mjs --force`");
  process.exit(1);
}
if (!existsSync(chromiumPath)) {
  console.log(`\n(no Chromium at ${chromiumPath}: editor timings skipped)`);
  process.exit(0);
}

const app = await createTestApp(testDialects()[0]!, { webDistDir: dist });
const baseUrl = await app.app.listen({ host: "127.0.0.1", port: 0 });
const content = loadBuiltinContent();
const template = content.templates.get("science-europe-structured")!;
const large = planWithOutputs(referencePlan(), template, content.vocabularies, 20);
const browser = await launchBrowser();
const setup = await browser.newContext({ baseURL: baseUrl });
const planId = await signUpWithPlan(await setup.newPage(), "bench@example.org", large);
const session = await setup.storageState();
await setup.close();

const textField = '[data-question="description.workPackage"] input';
const richField = '[data-question="reuse.justification"] [contenteditable="true"]';

// Installed in every page before the app runs. Times are the page's performance.now(), whose origin is
// the navigation start. `fieldAt`: the first answer field is in the document and enabled (next frame).
// `keyAt`: the frame after the first "x" typed into it reached its value. Every keystroke's latency runs
// from its keydown (the event's own time stamp) to the frame after the character shows in the field,
// and notes whether an autosave request (PATCH) was in flight meanwhile.
const probe = `(() => {
  const bench = (window.__bench = { fieldAt: null, keyAt: null, keys: [], patches: 0, inFlight: 0 });
  const originalFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const saving = (init?.method ?? "GET").toUpperCase() === "PATCH";
    if (!saving) return originalFetch(input, init);
    bench.patches++;
    bench.inFlight++;
    return originalFetch(input, init).finally(() => bench.inFlight--);
  };
  const firstField = () => {
    const field = document.querySelector(${JSON.stringify(textField)});
    if (field && !field.disabled && !field.readOnly && bench.fieldAt === null)
      requestAnimationFrame(() => { bench.fieldAt ??= performance.now(); });
    return field;
  };
  new MutationObserver((_, observer) => { if (firstField()) observer.disconnect(); })
    .observe(document, { subtree: true, childList: true });
  const textOf = (element) => (element instanceof HTMLInputElement ? element.value : element.textContent ?? "");
  let pending = null;
  document.addEventListener("keydown", (event) => {
    if (event.key.length !== 1) return;
    const target = event.target;
    pending = { at: event.timeStamp, target, before: textOf(target).length, saving: bench.inFlight > 0 };
    const key = pending;
    const check = () => {
      if (bench.inFlight > 0) key.saving = true;
      if (textOf(target).length > key.before) {
        const latency = performance.now() - key.at;
        bench.keys.push({ latency, saving: key.saving });
        if (bench.keyAt === null && event.key === "x" && target.matches(${JSON.stringify(textField)}))
          bench.keyAt = performance.now();
      } else if (performance.now() - key.at < 10000) requestAnimationFrame(() => setTimeout(check, 0));
    };
    requestAnimationFrame(() => setTimeout(check, 0));
  }, true);
})()`;

/** The probe's record in the page. */
interface Bench {
  __bench: { fieldAt: number | null; keyAt: number | null; inFlight: number; patches: number };
}
const url = `/plans/${planId}?view=o:o1:description`;
interface Visit {
  fieldAt: number;
  keyAt: number;
  domContentLoaded: number;
}
/** Open the editor in `page`, click into the first answer field and type "x"; wait until it is saved. */
async function visit(page: import("playwright-core").Page): Promise<Visit> {
  await page.goto(url, { waitUntil: "commit" });
  // Like someone waiting for the field: every frame. (The click's own wait for the field checks it at
  // growing intervals — 0, 20, 100, 100, 500 ms… —, which would add up to half a second to the figure.)
  await page.waitForFunction(() => (window as unknown as Bench).__bench.fieldAt !== null, undefined, {
    polling: "raf",
    timeout: 60_000,
  });
  await page.locator(textField).click({ timeout: 60_000 });
  await page.keyboard.type("x");
  await page.waitForFunction(() => (window as unknown as Bench).__bench.keyAt !== null, undefined, {
    timeout: 60_000,
  });
  const times = (await page.evaluate(`(() => ({
    fieldAt: window.__bench.fieldAt,
    keyAt: window.__bench.keyAt,
    domContentLoaded: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
  }))()`)) as Visit;
  // Leave nothing unsaved: the next visit must start from a clean plan (no edits kept for a reload).
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 60_000 });
  return times;
}

const runs = Number(process.env.BENCH_RUNS ?? 6);
const cold: Visit[] = [];
const warm: Visit[] = [];
for (let i = 0; i < runs; i++) {
  // First visit: a new browser profile (empty HTTP cache), already signed in.
  const context = await browser.newContext({ baseURL: baseUrl, storageState: session });
  await context.addInitScript(probe);
  const page = await context.newPage();
  cold.push(await visit(page));
  // Visit again (cached assets): a new tab in the same profile.
  const again = await context.newPage();
  await page.close();
  warm.push(await visit(again));
  await context.close();
}
const target = 1500;
const row = (what: string, visits: Visit[]) => {
  const field = stats(visits.map((v) => v.fieldAt));
  const key = stats(visits.map((v) => v.keyAt));
  return {
    what,
    n: key.n,
    "DOM ready p50": stats(visits.map((v) => v.domContentLoaded)).median,
    "field shown p50": field.median,
    "key shown p50": key.median,
    "key shown max": key.max,
    target: key.median <= target ? "met" : "MISSED",
  };
};
printTable(
  `20-output plan, from navigation start until the first answer field shows a typed "x" (ms; target ≤ ${target})`,
  [row("first visit (empty cache)", cold), row("next visit (cached assets)", warm)],
);

// Typing: rounds of 26 characters at ~8 per second; after each round, the next one starts as soon
// as the autosave request leaves (after its debounce), so that keystrokes meet saves in flight and
// the plan the server answers.
const context = await browser.newContext({ baseURL: baseUrl, storageState: session });
await context.addInitScript(probe);
const page = await context.newPage();
await visit(page);
await page.evaluate("window.__bench.keys = []");
const rounds = Number(process.env.BENCH_ROUNDS ?? 8);
const typeRounds = async (selector: string) => {
  await page.locator(selector).first().click();
  await page.keyboard.press("End");
  for (let round = 0; round < rounds; round++) {
    const sent = (await page.evaluate("window.__bench.patches")) as number;
    await page.keyboard.type("autosave runs while typing", { delay: 120 });
    // Wait for a save sent since the round began (counted when it leaves: one that is already answered
    // counts too — a fast server answers within a frame, so "one in flight now" could be missed).
    // A function, not a string: polling a string needs eval, which the app's CSP refuses.
    await page.waitForFunction((before) => (window as unknown as Bench).__bench.patches > before, sent, {
      timeout: 30_000,
    });
  }
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 60_000 });
  const result = (await page.evaluate(
    "(() => { const out = { keys: window.__bench.keys, patches: window.__bench.patches }; window.__bench.keys = []; window.__bench.patches = 0; return out; })()",
  )) as { keys: { latency: number; saving: boolean }[]; patches: number };
  return result;
};
const typingRows: Record<string, string | number>[] = [];
const typingTarget = 100; // RAIL: a response within 100 ms feels instant
for (const [what, selector] of [
  ["text answer", textField],
  ["rich-text answer (TipTap)", richField],
] as const) {
  const { keys, patches } = await typeRounds(selector);
  const all = stats(keys.map((k) => k.latency));
  const saving = stats(keys.filter((k) => k.saving).map((k) => k.latency));
  typingRows.push({
    field: what,
    keystrokes: all.n,
    saves: patches,
    "p50 ms": all.median,
    "p95 ms": all.p95,
    "while saving": saving.n,
    "saving p50": saving.n > 0 ? saving.median : "–",
    "saving p95": saving.n > 0 ? saving.p95 : "–",
    target: all.p95 <= typingTarget && (saving.n === 0 || saving.p95 <= typingTarget) ? "met" : "MISSED",
  });
}
printTable(
  `Typing while autosave sends: keydown → frame after the character shows (ms; target p95 ≤ ${typingTarget})`,
  typingRows,
);
await context.close();
await browser.close();
await app.close();
