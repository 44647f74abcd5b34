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

/**
 * Open a fresh context (no cookies, no storage) in `locale` and one page in it. It asks for reduced
 * motion, as some users do: the app then shows and hides things (notifications, dialogs) at once,
 * so that no check sees them half-faded.
 */
export async function openPage(browser: Browser, locale: string, baseUrl: string): Promise<TestPage> {
  const context = await browser.newContext({ locale, baseURL: baseUrl, reducedMotion: "reduce" });
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
  // blended colours and reports contrast that no user sees once the animation ends. A transition
  // starts in the frame after the change that causes it (a notification just shown): none may be
  // running over two frames.
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const still = () => document.getAnimations().every((a) => a.playState !== "running");
        requestAnimationFrame(() => {
          const first = still();
          requestAnimationFrame(() => resolve(first && still()));
        });
      }),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.html.slice(0, 200)).join(" | ")}`);
  expect(bad, `accessibility violations on ${where}`).toEqual([]);
  // axe leaves text the colour of its background as "incomplete" (it may be hidden on purpose): here
  // visible text must stand out from its background at least a little (axe judges the finer levels).
  expect(await unreadableTexts(page), `text as dark or light as its background on ${where}`).toEqual([]);
}

/** Visible texts whose colour is (almost) that of the background behind them, as contrast ratios. */
function unreadableTexts(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const rgb = (css) => (css.match(/[\\d.]+/g) || []).map(Number);
    const linear = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    // The background behind an element: its ancestors' colours blended, from white at the root.
    const background = (element) => {
      const layers = [];
      for (let e = element; e; e = e.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(e).backgroundColor);
        if (a > 0) layers.push([r, g, b, a]);
        if (a >= 1) break;
      }
      return layers.reverse().reduce(
        (under, [r, g, b, a]) => [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)],
        [255, 255, 255],
      );
    };
    const found = [];
    for (const element of document.body.querySelectorAll("*")) {
      const text = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join("");
      if (!text) continue;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (rect.width === 0 || rect.height === 0 || style.visibility === "hidden" || style.opacity === "0") continue;
      const [lf, lb] = [luminance(rgb(style.color)), luminance(background(element))];
      const ratio = (Math.max(lf, lb) + 0.05) / (Math.min(lf, lb) + 0.05);
      if (ratio < 1.5) found.push(text.slice(0, 40) + " (" + ratio.toFixed(2) + ":1)");
    }
    return found;
  })()`) as Promise<string[]>;
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
