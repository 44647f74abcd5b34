import type { Browser } from "playwright-core";
import { expect, it } from "vitest";
import {
  describeJourneys,
  journeyPassword as password,
  signUp,
  useJourneyServer,
} from "../support/web-journeys.js";
import { expectAccessible, openPage } from "../support/web-page.js";

describeJourneys("accounts in the web app, in Chromium ($name)", (dialect) => {
  let browser: Browser;
  let baseUrl: string;
  useJourneyServer(dialect, (server) => ({ browser, baseUrl } = server));

  it("registers, lands signed in, signs out, and signs back in where it was heading", async () => {
    const { page, errors, close } = await openPage(browser, "en-GB", baseUrl);
    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Data management plans");
    await expectAccessible(page, "landing page");

    await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL("**/sign-up");
    // Inline validation, in the interface language, before anything is sent.
    await page.getByRole("button", { name: "Create my account" }).click();
    await page.getByText("Fill in this field.").first().waitFor();
    await page.getByLabel("E-mail address").fill("not-an-address");
    await page.getByRole("textbox", { name: "Password", exact: true }).fill("short");
    await page.getByRole("button", { name: "Create my account" }).click();
    await page.getByText("Enter an e-mail address such as name@example.org.").waitFor();
    await page.getByText("Use at least 10 characters.").waitFor();
    expect(
      await page.getByRole("textbox", { name: "Password", exact: true }).getAttribute("aria-invalid"),
    ).toBe("true");
    await expectAccessible(page, "sign-up page with errors");

    await signUp(page, "Ada Lovelace", "ada@example.org");
    await page.getByRole("heading", { name: "My plans" }).waitFor();
    // The welcome notification closes by itself: look for it before the list has loaded.
    const welcome = page.getByText("Welcome, Ada Lovelace! Your account is ready.");
    await welcome.waitFor();
    // The page asks for reduced motion (as every journey's does): the notification shows and goes
    // without fading, so that no check sees it half-transparent (blended colours, low contrast).
    const motion = () =>
      welcome.evaluate((element) => {
        const style = getComputedStyle(element.closest(".mantine-Notifications-notification") ?? element);
        return { opacity: style.opacity, durations: style.transitionDuration.split(", ") };
      });
    await expect.poll(async () => (await motion()).opacity).toBe("1");
    for (const duration of (await motion()).durations)
      expect(Number.parseFloat(duration)).toBeLessThan(0.002);
    await page.getByTestId("plans-empty").getByText("No plan yet").waitFor();
    await expectAccessible(page, "my plans page");

    // Signing up with the same address again says so next to the field.
    const other = await openPage(browser, "en-GB", baseUrl);
    await other.page.goto("/sign-up");
    await other.page.getByLabel("Your name").fill("Someone Else");
    await other.page.getByLabel("E-mail address").fill("ada@example.org");
    await other.page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
    await other.page.getByRole("button", { name: "Create my account" }).click();
    await other.page.getByText("An account already uses this e-mail address").first().waitFor();
    await other.close();

    await page.getByRole("button", { name: "Account menu of Ada Lovelace" }).click();
    await page.getByRole("menuitem", { name: "Account" }).click();
    await page.waitForURL("**/account");
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    expect(await page.getByLabel("E-mail address").inputValue()).toBe("ada@example.org");
    await expectAccessible(page, "account page");

    await page.getByRole("button", { name: "Account menu of Ada Lovelace" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByText("You are signed out.").waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("carnet_session");

    // A protected page sends to sign-in and, once signed in, back to that page.
    await page.goto("/account/tokens");
    await page.waitForURL("**/sign-in?next=%2Faccount%2Ftokens");
    await page.getByText("Sign in to open that page.").waitFor();
    await expectAccessible(page, "sign-in page");
    await page.getByLabel("E-mail address").fill("ada@example.org");
    await page.getByRole("textbox", { name: "Password", exact: true }).fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    const error = page.getByTestId("form-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("The e-mail address or the password is wrong.");
    expect(await error.getAttribute("role")).toBe("alert");
    await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/account/tokens");
    await page.getByRole("heading", { name: "Personal API tokens" }).waitFor();
    expect(errors).toEqual([]);
    await close();
  }, 120_000);

  it("creates a token, shows its secret once, and revokes it after confirmation", async () => {
    const { page, context, errors, close } = await openPage(browser, "en-GB", baseUrl);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await signUp(page, "Grace Hopper", "grace@example.org");
    await page.goto("/account/tokens");
    await page.getByTestId("tokens-empty").waitFor();
    await expectAccessible(page, "tokens page (empty)");

    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByText("Fill in this field.").waitFor();
    await page.getByLabel("Token name").fill("lab backup script");
    await page.getByLabel("Read and write").check();
    await page.getByRole("button", { name: "Create token" }).click();
    const dialog = page.getByRole("dialog", { name: "Copy your new token now" });
    await dialog.waitFor();
    const secret = ((await dialog.getByTestId("token-secret").textContent()) ?? "").trim();
    expect(secret.length).toBeGreaterThan(20);
    await expectAccessible(page, "token created dialog");
    await dialog.getByRole("button", { name: "Copy the token" }).click();
    await dialog.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // The secret works as a bearer token…
    const bearer = { authorization: `Bearer ${secret}` };
    const me = await fetch(`${baseUrl}/api/v1/account`, { headers: bearer });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe("grace@example.org");

    // …and is never shown again.
    await dialog.getByRole("button", { name: "I have stored it" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = page.getByTestId("token-row").filter({ hasText: "lab backup script" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Read and write");
    expect(await row.textContent()).toContain("Active");
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    await expectAccessible(page, "tokens page (one token)");

    // Revoking asks first; cancelling keeps the token.
    await row.getByRole("button", { name: "Revoke the token “lab backup script”" }).click();
    const confirm = page.getByRole("dialog", { name: "Revoke this token?" });
    await confirm.waitFor();
    await expectAccessible(page, "revoke confirmation");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "hidden" });
    expect((await fetch(`${baseUrl}/api/v1/account`, { headers: bearer })).status).toBe(200);

    await row.getByRole("button", { name: "Revoke the token “lab backup script”" }).click();
    await confirm.getByRole("button", { name: "Revoke the token" }).click();
    await page.getByText("The token “lab backup script” is revoked.").waitFor();
    await row.getByText("Revoked on").waitFor();
    expect(await row.getByRole("button").count()).toBe(0);
    expect((await fetch(`${baseUrl}/api/v1/account`, { headers: bearer })).status).toBe(401);

    // When the session ends elsewhere, the next request sends the user to sign in, then back here.
    const csrf = (await context.cookies()).find((cookie) => cookie.name === "carnet_csrf")?.value ?? "";
    const ended = await page.request.post(`${baseUrl}/api/v1/auth/sign-out`, {
      headers: { "x-csrf-token": csrf },
    });
    expect(ended.status()).toBe(204);
    await page.getByLabel("Token name").fill("after the session ended");
    await page.getByRole("button", { name: "Create token" }).click();
    await page.waitForURL("**/sign-in?next=%2Faccount%2Ftokens");
    expect(errors).toEqual([]);
    await close();
  }, 120_000);

  it("answers an unknown address with a translated page inside the layout", async () => {
    const { page, errors, close } = await openPage(browser, "en-GB", baseUrl);
    await page.goto("/no/such/page");
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.getByTestId("health").waitFor();
    await expectAccessible(page, "not-found page");
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
