// The plan editor (/plans/:id): time until the editor of a 20-output plan is interactive in Chromium,
// and typing latency while autosave sends edits. The JavaScript the route loads is measured by
// web-bundle.bench.ts. Needs `npm run build`.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadBuiltinContent } from "../src/services/builtin-content.js";
import { planWithOutputs } from "../test/factories/large-plan.js";
import { referencePlan } from "../test/factories/plans.js";
import { createTestApp } from "../test/support/app.js";
import { chromiumPath, launchBrowser } from "../test/support/browser.js";
import { testDialects } from "../test/support/databases.js";
import { printTable, signUpWithPlan, stats } from "./support.js";

const dist = new URL("../dist/web/", import.meta.url).pathname;
if (!existsSync(join(dist, "index.html"))) {
  console.error("web editor bench: run `npm run build` first");
  process.exit(1);
}
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
const planId = await signUpWithPlan(page, "bench@example.org", large);

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
