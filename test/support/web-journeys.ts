import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { defaultLookupSettings } from "../../src/lookups/settings.js";
import type { ServerOptions } from "../../src/server/build-server.js";
import { type RegistryFakes, startRegistryFakes } from "../fakes/registry-fakes.js";
import { createTestApp, type TestApp } from "./app.js";
import { browserAvailable, ensureWebBuilt, launchBrowser } from "./browser.js";
import { type TestDialect, testDialects } from "./databases.js";
import { startMailCatcher } from "./mail-catcher.js";
import { freePort, openPage, type TestPage } from "./web-page.js";

type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;

/**
 * A block of browser journeys, run once: on the first dialect this run covers (the journeys drive the
 * same services on both; the API, service and storage suites cover each dialect), and only where
 * Chromium is (in CI a missing Chromium fails instead). `title` may name the dialect with `$name`.
 */
export function describeJourneys(title: string, body: (dialect: TestDialect) => void): void {
  describe.runIf(browserAvailable()).each(testDialects().slice(0, 1))(title, body);
}

/** What a browser journey file runs against: one server on a fresh database, one Chromium. */
export interface JourneyServer {
  /** The server's URL; known before it listens, so that links in e-mails point at it. */
  baseUrl: string;
  browser: Browser;
  t: TestApp;
  /** The local registry stand-ins the look-ups call, when asked for. */
  fakes: RegistryFakes | undefined;
  /** The SMTP catcher the server's e-mails go to, when asked for. */
  mail: MailCatcher | undefined;
  /** A fresh tab in its own browser context; any left open are closed with the server. */
  open(locale?: string): Promise<TestPage>;
  /** Close the tabs, the browser, the server and the registry fakes; drop the database. */
  close(): Promise<void>;
}

export interface JourneyServerOptions {
  /** Server options (mail, web app folder…); accounts use the cheap test password cost. */
  server?: ServerOptions;
  /** Point the ORCID, ROR, RNSR and re3data look-ups at local fakes (uncached). */
  registryFakes?: boolean;
  /** Send e-mails to an SMTP catcher (links in them point at this server). */
  mail?: boolean;
}

/**
 * Start what a journey file needs, once per file (`beforeAll`): the built web app (unless the
 * server is given its own `webDistDir`), a server listening on 127.0.0.1, and one Chromium.
 */
export async function startJourneyServer(
  dialect: TestDialect,
  options: JourneyServerOptions = {},
): Promise<JourneyServer> {
  if (!options.server?.webDistDir) ensureWebBuilt();
  const tabs: TestPage[] = [];
  let fakes: RegistryFakes | undefined;
  let mail: MailCatcher | undefined;
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    for (const tab of tabs) await tab.close().catch(() => {});
    await browser?.close();
    await t?.close();
    await fakes?.close();
    await mail?.close();
  };
  try {
    fakes = options.registryFakes ? await startRegistryFakes() : undefined;
    mail = options.mail ? await startMailCatcher() : undefined;
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const lookups = fakes && {
      ...defaultLookupSettings,
      cacheTtlMs: 0,
      baseUrls: { orcid: fakes.url, ror: fakes.url, rnsr: fakes.url, re3data: fakes.url },
    };
    t = await createTestApp(
      dialect,
      {
        ...options.server,
        accounts: {
          publicUrl: baseUrl,
          ...(mail ? { smtpUrl: mail.url } : {}),
          ...options.server?.accounts,
        },
      },
      lookups ? { lookups } : {},
    );
    await t.app.listen({ host: "127.0.0.1", port });
    browser = await launchBrowser();
    const started: Browser = browser;
    return {
      baseUrl,
      browser,
      t,
      fakes,
      mail,
      open: async (locale = "en-GB") => {
        const tab = await openPage(started, locale, baseUrl);
        tabs.push(tab);
        return tab;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Inside a `describe` block: start the journey server before the block's tests (handed to
 * `started`) and close it after them.
 */
export function useJourneyServer(
  dialect: TestDialect,
  started: (server: JourneyServer) => void,
  options: JourneyServerOptions = {},
): void {
  let server: JourneyServer | undefined;
  beforeAll(async () => {
    server = await startJourneyServer(dialect, options);
    started(server);
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  });
}

/** Run a journey's steps; on failure keep a screenshot of each page (in the temporary folder). */
export async function withScreenshots(
  pages: Page[],
  name: string,
  steps: () => Promise<void>,
): Promise<void> {
  try {
    await steps();
  } catch (error) {
    for (const [index, page] of pages.entries())
      await page
        .screenshot({ path: join(tmpdir(), `carnet-${name}-${index}.png`), fullPage: true })
        .catch(() => {});
    throw error;
  }
}

/** The password every browser journey signs up with. */
export const journeyPassword = "correct horse battery staple";

/** Create an account through the sign-up page; lands on the plans list, signed in. */
export async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(journeyPassword);
  await page.getByRole("button", { name: "Create my account" }).click();
  await page.waitForURL("**/plans");
}

/** Call the API from the page's session (cookies and anti-forgery header), as the web app does. */
export async function api<T = Record<string, unknown> | undefined>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = /(?:^|;\s*)carnet_csrf=([^;]+)/.exec(document.cookie)?.[1];
      const response = await fetch(path, {
        method,
        headers: {
          "content-type": "application/json",
          ...(csrf ? { "x-csrf-token": decodeURIComponent(csrf) } : {}),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    { method, path, body },
  ) as Promise<{ status: number; body: T }>;
}

/** Wait until the editor's autosave badge says everything is saved. */
export async function saved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
}

/**
 * Inside a `describe` block: the journey server of its tests, as an object whose fields are filled
 * in before they run (closed after them). With `mail`, `server.mail` is set.
 */
export function journeyServer(
  dialect: TestDialect,
  options: JourneyServerOptions = {},
): JourneyServer & { mail: MailCatcher } {
  const server = {} as JourneyServer & { mail: MailCatcher };
  beforeAll(async () => {
    Object.assign(server, await startJourneyServer(dialect, options));
  }, 300_000);
  afterAll(async () => {
    await server.close?.();
  });
  return server;
}

/** Create a Science Europe structured plan from the page's session; returns its id. */
export async function createPlanFromPage(page: Page, title: string, language = "eng"): Promise<string> {
  const created = await api(page, "POST", "/api/v1/plans", {
    templateId: "science-europe-structured",
    language,
    title,
    context: "research_project",
  });
  expect(created.status).toBe(201);
  return String(created.body?.id);
}
