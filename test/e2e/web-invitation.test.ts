import { expect, it } from "vitest";
import {
  api,
  createPlanFromPage,
  describeJourneys,
  journeyPassword,
  journeyServer,
  signUp,
} from "../support/web-journeys.js";
import { expectAccessible, openPage } from "../support/web-page.js";

describeJourneys("invitation link, in Chromium ($name)", (dialect) => {
  const server = journeyServer(dialect, { mail: true });

  it("leads a signed-out invitee to sign-up with the address filled in, then to the plan; sign-in works too", async () => {
    const { browser, baseUrl, mail } = server;
    const owner = await openPage(browser, "en-GB", baseUrl);
    await signUp(owner.page, "Olga Owner", "olga@example.org");
    const planId = await createPlanFromPage(owner.page, "Invited survey");
    const invited = await api(owner.page, "POST", `/api/v1/plans/${planId}/members`, {
      email: "newcomer@example.org",
      role: "editor",
    });
    expect(invited.status).toBe(202);

    // The e-mail's link: sign-up with the address, then the plan.
    const message = await mail.waitFor("newcomer@example.org");
    const link = new RegExp(`${baseUrl.replace(/[.]/g, "\\.")}/sign-up\\?\\S+`).exec(message.text)?.[0];
    expect(link).toBeDefined();

    // Signed in with another address, the link does not join the plan: it says whom it was for.
    await owner.page.goto(link ?? "");
    await owner.page
      .getByRole("heading", { level: 1, name: "The invitation could not be accepted" })
      .waitFor();
    await owner.page
      .getByText("This invitation was sent to newcomer@example.org", { exact: false })
      .waitFor();
    await expectAccessible(owner.page, "an invitation for another address");

    const { page, errors, close } = await openPage(browser, "en-GB", baseUrl);
    await page.goto(link ?? "");
    await page.getByRole("heading", { level: 1, name: "Create your account" }).waitFor();
    const notice = page.getByTestId("invitation-notice");
    await notice.getByText("You are invited to a plan").waitFor();
    await notice.getByText("Create your account with newcomer@example.org", { exact: false }).waitFor();
    expect(await page.getByLabel("E-mail address").inputValue()).toBe("newcomer@example.org");
    await expectAccessible(page, "sign-up from an invitation");

    // Sign-in is offered, with the address and the destination kept; and back.
    await notice.getByRole("link", { name: "Sign in to open the plan" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.getByText("Sign in to open the plan you were invited to.").waitFor();
    expect(await page.getByLabel("E-mail address").inputValue()).toBe("newcomer@example.org");
    await expectAccessible(page, "sign-in from an invitation");
    await page.getByRole("link", { name: "Create one" }).click();
    await page.getByRole("heading", { level: 1, name: "Create your account" }).waitFor();
    expect(await page.getByLabel("E-mail address").inputValue()).toBe("newcomer@example.org");

    await page.getByLabel("Your name").fill("Nora Newcomer");
    await page.getByRole("textbox", { name: "Password", exact: true }).fill(journeyPassword);
    await page.getByRole("button", { name: "Create my account" }).click();
    await page.waitForURL(`**/plans/${planId}`);
    await page.getByRole("heading", { level: 1, name: "Invited survey" }).waitFor();
    const access = await api(page, "GET", `/api/v1/plans/${planId}/access`);
    expect(access.body).toMatchObject({ role: "editor" });
    await expectAccessible(page, "the plan, just after sign-up from an invitation");
    expect(errors).toEqual([]);
    await close();

    // The same link later, signed out, with the account made: sign in from it, land on the plan.
    const again = await openPage(browser, "en-GB", baseUrl);
    await again.page.goto(link ?? "");
    await again.page
      .getByTestId("invitation-notice")
      .getByRole("link", { name: "Sign in to open the plan" })
      .click();
    await again.page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await again.page.getByRole("textbox", { name: "Password", exact: true }).fill(journeyPassword);
    await again.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await again.page.waitForURL(`**/plans/${planId}`);
    await again.page.getByRole("heading", { level: 1, name: "Invited survey" }).waitFor();
    // Signed in already: the link goes straight to the plan.
    await again.page.goto(link ?? "");
    await again.page.waitForURL(`**/plans/${planId}`);
    await again.page.getByRole("heading", { level: 1, name: "Invited survey" }).waitFor();
    expect(again.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
    await again.close();
    await owner.close();
  }, 300_000);
});
