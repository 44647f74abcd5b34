// Profile of the plan editor's load (20-output plan) in Chromium: React commits (how many components
// rendered in each), a CPU profile (self time by function and script, busy time per 250 ms with the
// components in it; saved to /tmp/editor.cpuprofile), the DOM's size and the network requests with
// their timing. For readable names, build without minifying first:
// `NODE_ENV=production npx vite build --minify false` (then `node scripts/build.mjs --force`). Not a benchmark (no targets): a tool to see where the time goes.
//   npx tsx bench/support/web-editor-profile.ts [--cached] [--typing]
// Needs `node scripts/build.mjs`.
import { writeFileSync } from "node:fs";
import { loadBuiltinContent } from "../../src/services/builtin-content.js";
import { planWithOutputs } from "../../test/factories/large-plan.js";
import { referencePlan } from "../../test/factories/plans.js";
import { createTestApp } from "../../test/support/app.js";
import { launchBrowser } from "../../test/support/browser.js";
import { testDialects } from "../../test/support/databases.js";
import { signUpWithPlan } from "../support.js";

const cached = process.argv.includes("--cached");
const typing = process.argv.includes("--typing");
const app = await createTestApp(testDialects()[0]!);
const baseUrl = await app.app.listen({ host: "127.0.0.1", port: 0 });
const content = loadBuiltinContent();
const template = content.templates.get("science-europe-structured")!;
const large = planWithOutputs(referencePlan(), template, content.vocabularies, 20);
const browser = await launchBrowser();
const context = await browser.newContext({ baseURL: baseUrl });
const planId = await signUpWithPlan(await context.newPage(), "profile@example.org", large);
const textField = '[data-question="description.workPackage"] input';
const richField = '[data-question="reuse.justification"] [contenteditable="true"]';
const url = `/plans/${planId}?view=o:o1:description`;

// React commits, through the hook React DevTools uses: for each commit, its time and how many
// components rendered in it, by name (a fiber rendered when it is not the object of the previous
// commit's tree and did work).
await context.addInitScript(`(() => {
  let previous = new Set();
  const commits = (window.__commits = []);
  window.__cardsAtFirst = [];
  let last = 0;
  new MutationObserver(() => { const n = document.querySelectorAll("[data-question]").length; if (n !== last) { last = n; window.__cardsAtFirst.push([Math.round(performance.now()), n]); } })
    .observe(document, { subtree: true, childList: true });
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject() { return 1; }, checkDCE() {},
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      const seen = new Set(); const names = {}; let count = 0;
      const stack = [root.current];
      while (stack.length) {
        const f = stack.pop();
        seen.add(f);
        if (!previous.has(f) && (f.flags & 1) && typeof f.type !== "string" && f.type) {
          const t = f.type.type ?? f.type.render ?? f.type;
          const name = t.displayName || t.name || "?";
          names[name] = (names[name] || 0) + 1; count++;
        }
        if (f.sibling) stack.push(f.sibling);
        if (f.child) stack.push(f.child);
      }
      previous = seen;
      commits.push({ at: performance.now(), count, names });
    },
  };
})()`);
const page = await context.newPage();
if (cached) {
  await page.goto(url);
  await page.locator(textField).waitFor();
  await page.goto("about:blank");
}
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await cdp.send("Network.enable");
const requests = new Map<string, { url: string; start: number; end?: number; size?: number }>();
cdp.on("Network.requestWillBeSent", (e) =>
  requests.set(e.requestId, { url: e.request.url, start: e.timestamp }),
);
cdp.on("Network.loadingFinished", (e) => {
  const r = requests.get(e.requestId);
  if (r) Object.assign(r, { end: e.timestamp, size: e.encodedDataLength });
});

await cdp.send("Profiler.start");
const t0 = Date.now();
await page.goto(url, { waitUntil: "commit" });
await page.locator(textField).click({ timeout: 60_000 });
await page.keyboard.type("x");
if (typing) {
  await page.keyboard.type("autosave runs while typing", { delay: 120 });
  await page.locator(richField).click();
  await page.keyboard.press("End");
  await page.keyboard.type("autosave runs while typing", { delay: 120 });
}
const elapsed = Date.now() - t0;
console.log(
  "DOM:",
  await page.evaluate(`(() => ({
    elements: document.querySelectorAll("*").length,
    options: document.querySelectorAll("[role=option]").length,
    listboxes: [...document.querySelectorAll("[role=listbox]")].map((l) => l.closest("[data-question]")?.dataset.question ?? l.id).join(","),
    inputs: document.querySelectorAll("input").length,
    cards: document.querySelectorAll("[data-question]").length,
    cardsAtFirst: window.__cardsAtFirst,
  }))()`),
);
const commits = (await page.evaluate("window.__commits")) as {
  at: number;
  count: number;
  names: Record<string, number>;
}[];
console.log("\nReact commits (page time, components rendered, top names):");
for (const c of commits)
  if (c.count > 5)
    console.log(
      `${c.at.toFixed(0).padStart(6)} ${String(c.count).padStart(5)}  ${Object.entries(c.names)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([n, v]) => `${n}:${v}`)
        .join(" ")}`,
    );
const { profile } = await cdp.send("Profiler.stop");
writeFileSync("/tmp/editor.cpuprofile", JSON.stringify(profile));
console.log(`navigation → typed x: ${elapsed} ms (wall, incl. playwright)`);

// Self time by function and by script.
type Node = (typeof profile.nodes)[number];
const byId = new Map<number, Node>(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
const deltas = profile.timeDeltas ?? [];
const samples = profile.samples ?? [];
for (const [i, id] of samples.entries()) self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000);
const byFunction = new Map<string, number>();
const byScript = new Map<string, number>();
for (const [id, ms] of self) {
  const node = byId.get(id)!;
  const { functionName, url: scriptUrl, lineNumber, columnNumber } = node.callFrame;
  const script = scriptUrl.replace(/.*\//, "") || "(native)";
  const key = `${functionName || "(anonymous)"} ${script}:${lineNumber + 1}:${columnNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  byScript.set(script, (byScript.get(script) ?? 0) + ms);
}
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join("\n");
console.log(`\nSelf time by script:\n${top(byScript, 15)}`);
console.log(`\nSelf time by function:\n${top(byFunction, 40)}`);

// Inclusive time of React components (function names starting with an upper-case letter).
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, ms] of self) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = byId.get(at)!.callFrame.functionName;
    if (name && !seen.has(name)) {
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
}
console.log(`\nInclusive time by function name:\n${top(inclusive, 60)}`);

// Per window of 250 ms from the first request: busy time and the React components (capitalised
// function names) with the most inclusive time.
const firstRequest = Math.min(...[...requests.values()].map((r) => r.start)) * 1e6;
const windows = new Map<number, { busy: number; names: Map<string, number>; self: Map<string, number> }>();
let at = profile.startTime;
for (const [i, id] of samples.entries()) {
  at += deltas[i] ?? 0;
  const node = byId.get(id)!;
  if (node.callFrame.functionName === "(idle)") continue;
  const w = Math.floor((at - firstRequest) / 250_000);
  const slot = windows.get(w) ?? { busy: 0, names: new Map(), self: new Map() };
  windows.set(w, slot);
  const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
  slot.busy += ms;
  const selfName = `${node.callFrame.functionName || "(anon)"} ${node.callFrame.url.replace(/.*\//, "")}`;
  slot.self.set(selfName, (slot.self.get(selfName) ?? 0) + ms);
  const seen = new Set<string>();
  for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
    const name = byId.get(up)!.callFrame.functionName;
    if (/^[A-Z]/.test(name) && !seen.has(name)) {
      seen.add(name);
      slot.names.set(name, (slot.names.get(name) ?? 0) + ms);
    }
  }
}
for (const [w, slot] of [...windows].sort((a, b) => a[0] - b[0])) {
  const names = [...slot.names].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const selfTop = [...slot.self].sort((a, b) => b[1] - a[1]).slice(0, 5);
  console.log(
    `${String(w * 250).padStart(6)} ms busy ${slot.busy.toFixed(0).padStart(4)}  ${names.map(([n, v]) => `${n}:${v.toFixed(0)}`).join(" ")}\n          self: ${selfTop.map(([n, v]) => `${n}:${v.toFixed(0)}`).join(" | ")}`,
  );
}

const first = Math.min(...[...requests.values()].map((r) => r.start));
console.log("\nRequests (ms from first):");
for (const r of [...requests.values()].sort((a, b) => a.start - b.start))
  console.log(
    `${((r.start - first) * 1000).toFixed(0).padStart(6)} → ${r.end ? ((r.end - first) * 1000).toFixed(0).padStart(6) : "     ?"}  ${String(r.size ?? "").padStart(8)}  ${r.url.replace(baseUrl, "")}`,
  );
await browser.close();
await app.close();
