import type { Browser } from "playwright-core";
import { expect, it } from "vitest";
import { describeJourneys, useJourneyServer } from "../support/web-journeys.js";

describeJourneys("web app shell in Chromium ($name)", (dialect) => {
  let browser: Browser;
  let baseUrl: string;
  useJourneyServer(dialect, (server) => ({ browser, baseUrl } = server));

  it("renders the React page, shows server health, and switches language for good", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(baseUrl);
    await expect
      .poll(() => page.getByTestId("health").textContent())
      .toContain(`Server running on ${dialect.name}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");

    await page.getByText("Français").click();
    await expect
      .poll(() => page.getByTestId("health").textContent())
      .toContain(`Serveur en marche sur ${dialect.name}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");

    await page.reload();
    await expect.poll(() => page.getByTestId("health").textContent()).toContain("Serveur en marche");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("greets a French browser in French", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/plans/some-client-route`);
    await expect.poll(() => page.getByTestId("health").textContent()).toContain("Serveur en marche");
    await context.close();
  });
});
