import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { createTestApp, type TestApp } from "./app.js";
import { ensureWebBuilt, launchBrowser } from "./browser.js";
import type { TestDialect } from "./databases.js";
import { startMailCatcher } from "./mail-catcher.js";
import { freePort } from "./web-page.js";

type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;

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

/** A Carnet server on a fresh database and a Chromium, shared by the journeys of one suite. */
export interface JourneyServer {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  /** The SMTP catcher e-mails go to (with `mail: true`). */
  mail: MailCatcher;
}

/**
 * Start a server on a fresh `dialect` database and launch Chromium before the suite's tests, and stop
 * both after them. With `mail`, e-mails go to a catcher and links in them point at this server.
 */
export function journeyServer(dialect: TestDialect, options: { mail?: boolean } = {}): JourneyServer {
  const server = {} as JourneyServer;
  beforeAll(async () => {
    ensureWebBuilt();
    if (options.mail) {
      server.mail = await startMailCatcher();
      // Links in e-mails are built from the public URL, so the server must know its port in advance.
      const port = await freePort();
      server.baseUrl = `http://127.0.0.1:${port}`;
      server.t = await createTestApp(dialect, {
        accounts: { smtpUrl: server.mail.url, publicUrl: server.baseUrl },
      });
      await server.t.app.listen({ host: "127.0.0.1", port });
    } else {
      server.t = await createTestApp(dialect);
      server.baseUrl = await server.t.app.listen({ host: "127.0.0.1", port: 0 });
    }
    server.browser = await launchBrowser();
    // The web build runs first; on a loaded machine it can take minutes.
  }, 300_000);
  afterAll(async () => {
    await server.browser?.close();
    await server.t?.close();
    await server.mail?.close();
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
