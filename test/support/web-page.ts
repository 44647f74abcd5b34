import { createServer } from "node:net";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { plansWebEn } from "../../src/i18n/catalogues/plans-web.js";
import { webEn } from "../../src/i18n/catalogues/web.js";

/** A free TCP port on 127.0.0.1 (so that the server's public URL can be known before it listens). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A browser tab in its own context, collecting uncaught page errors and console errors. */
export interface TestPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** Open a fresh context (no cookies, no storage) in `locale` and one page in it. */
export async function openPage(browser: Browser, locale: string, baseUrl: string): Promise<TestPage> {
  const context = await browser.newContext({ locale, baseURL: baseUrl });
  const page = await context.newPage();
  // Fail on the step that hangs, well before the test times out.
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Console errors too (a Content-Security-Policy refusal shows only there), except failed requests,
  // which the app handles: an anonymous visit answers 401 to the session check.
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(message.text());
  });
  return { context, page, errors, close: () => context.close() };
}

/** Fail with the list of serious or critical axe-core violations of the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Judge the page at rest: mid-transition (a dialog fading in, a button changing colour) axe sees
  // blended colours and reports contrast that no user sees once the animation ends.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.html.slice(0, 200)).join(" | ")}`);
  expect(bad, `accessibility violations on ${where}`).toEqual([]);
}

// English texts of the web catalogues that differ in French and are long enough to be unambiguous.
const englishOnly = (fr: Record<string, string>) =>
  Object.entries({ ...webEn, ...plansWebEn })
    .filter(([key, text]) => text.length >= 12 && fr[key] !== text && !text.includes("{"))
    .map(([, text]) => text);

/** Fail if any English text of the web catalogues is visible on a page meant to be in French. */
export async function expectNoEnglish(page: Page, fr: Record<string, string>): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered visibly counts here.
  const visible = await page.locator("body").innerText();
  const leaks = englishOnly(fr).filter((text) => visible.includes(text));
  expect(leaks, `English text on a French page (${page.url()})`).toEqual([]);
}
