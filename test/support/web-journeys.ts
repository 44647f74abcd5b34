import type { Page } from "playwright-core";

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
