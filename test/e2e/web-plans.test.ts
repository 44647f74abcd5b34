import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { fr } from "../../src/i18n/fr.js";
import {
  api,
  createPlanFromPage,
  describeJourneys,
  signUp,
  useJourneyServer,
} from "../support/web-journeys.js";
import { expectAccessible, expectNoEnglish, openPage } from "../support/web-page.js";

// An official RDA DMP Common Standard 1.2 example (CC0, see test/fixtures/formats/rda-dcs/README.md).
const dcsExample = new URL("../fixtures/formats/rda-dcs/v1.2/ex9-dmp-long.json", import.meta.url);

const createPlan = createPlanFromPage;

const rows = (page: Page) => page.getByTestId("plan-row");

describeJourneys("plans in the web app, in Chromium ($name)", (dialect) => {
  let browser: Browser;
  let baseUrl: string;
  useJourneyServer(dialect, (server) => ({ browser, baseUrl } = server));

  it("creates a plan with the wizard, finds, sorts, duplicates, bins and restores it", async () => {
    const { page, errors, close } = await openPage(browser, "en-GB", baseUrl);
    await signUp(page, "Ada Lovelace", "ada@example.org");
    await page.getByTestId("plans-empty").getByText("No plan yet").waitFor();
    await expectAccessible(page, "empty plan list");

    await page.getByRole("main").getByRole("link", { name: "New plan", exact: true }).click();
    await page.waitForURL("**/plans/new");
    await page.getByRole("heading", { name: "Step 1 of 4: Context" }).waitFor();
    await expectAccessible(page, "wizard, context");
    await page.getByRole("radio", { name: /^A research project/ }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("heading", { name: "Step 2 of 4: Language" }).waitFor();
    await page.getByRole("radio", { name: "French" }).check();
    await expectAccessible(page, "wizard, language");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("heading", { name: "Step 3 of 4: Template" }).waitFor();
    // Science Europe structured comes first, recommended; the others are grouped by organisation.
    const first = page.getByRole("main").getByRole("radio").first();
    expect(await first.textContent()).toContain("Science Europe — structured");
    expect(await first.textContent()).toContain("Recommended");
    expect(await first.getAttribute("aria-checked")).toBe("true");
    await page
      .getByRole("region", { name: "French National Research Agency (ANR)" })
      .getByRole("radio", { name: /^ANR — data management plan/ })
      .waitFor();
    await expectAccessible(page, "wizard, template");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("heading", { name: "Step 4 of 4: Title" }).waitFor();
    await page.getByRole("button", { name: "Create the plan" }).click();
    await page.getByText("Fill in this field.").waitFor();
    await expectAccessible(page, "wizard, title with error");
    await page.getByLabel("Title of the plan").fill("Coral reef survey");
    await page.getByRole("button", { name: "Create the plan" }).click();
    await page.waitForURL((url) => /^\/plans\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    await page.getByRole("heading", { level: 1, name: "Coral reef survey" }).waitFor();
    const planId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const stored = await api(page, "GET", `/api/v1/plans/${planId}`);
    expect(stored.body).toMatchObject({ language: "fra", context: "research_project" });
    expect(stored.body?.template).toMatchObject({ id: "science-europe-structured" });

    // The list: the plan, search, sort.
    await page.getByRole("navigation").getByRole("link", { name: "My plans" }).click();
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(1);
    await page.getByRole("link", { name: "Coral reef survey" }).waitFor();
    await expectAccessible(page, "plan list");
    await page.getByLabel("Search by title").fill("nothing like this");
    await page.getByText("No plan matches this search").waitFor();
    await page.getByLabel("Search by title").fill("reef");
    await rows(page).first().waitFor();

    // Duplicate: the copy opens.
    await page.getByRole("button", { name: "Actions for the plan “Coral reef survey”" }).click();
    await page.getByRole("menuitem", { name: "Duplicate" }).click();
    await page.getByRole("heading", { level: 1, name: "Copy of Coral reef survey" }).waitFor();
    await page.goto("/plans?sort=title-asc");
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(2);
    expect(await rows(page).first().getByRole("link").textContent()).toBe("Copy of Coral reef survey");
    await page.getByLabel("Sort by").selectOption("title-desc");
    await expect
      .poll(() => rows(page).first().getByRole("link").textContent(), { timeout: 10_000 })
      .toBe("Coral reef survey");

    // Delete, then undo from the notification.
    await page.getByRole("button", { name: "Actions for the plan “Copy of Coral reef survey”" }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const notice = page.getByTestId("binned-notice");
    await notice.getByText("“Copy of Coral reef survey” moved to the bin.").waitFor();
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page, "plan list with the undo notification");
    await notice.getByRole("button", { name: "Undo" }).click();
    await page.getByText("“Copy of Coral reef survey” is back in your plans.").waitFor();
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(2);

    // Delete for good this time: the bin lists it, with a restore action.
    await page.getByRole("button", { name: "Actions for the plan “Copy of Coral reef survey”" }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(1);
    await page.getByText("Bin", { exact: true }).click();
    await page.getByRole("button", { name: "Restore the plan “Copy of Coral reef survey”" }).waitFor();
    await expectAccessible(page, "bin");
    await page.getByText("Shared with me", { exact: true }).click();
    await page.getByText("Nothing shared with you").waitFor();
    expect(errors).toEqual([]);
    await close();
  }, 300_000);

  it("imports an official RDA DCS example: report, then the plan with its datasets as outputs (journey 4)", async () => {
    const { page, errors, close } = await openPage(browser, "en-GB", baseUrl);
    await signUp(page, "Grace Hopper", "grace@example.org");
    await page.getByTestId("plans-empty").waitFor();

    // A file that is not a plan: said so, nothing stored.
    await page.locator('input[type="file"]').setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await page.getByRole("dialog", { name: "This file could not be imported" }).waitFor();
    await expectAccessible(page, "import failure");
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).last().click();
    await page.getByRole("dialog").waitFor({ state: "detached" });

    await page.locator('input[type="file"]').setInputFiles({
      name: "ex9-dmp-long.json",
      mimeType: "application/json",
      buffer: await readFile(dcsExample),
    });
    const dialog = page.getByRole("dialog", { name: "Plan imported" });
    await dialog.waitFor();
    await dialog
      .getByText("“DMP for our new project” was created from your file.", { exact: false })
      .waitFor();
    await dialog.getByTestId("import-report").getByRole("heading", { name: "Recognised" }).waitFor();
    await expectAccessible(page, "import report");
    await dialog.getByRole("button", { name: "Open the plan" }).click();
    await page.getByRole("heading", { level: 1, name: "DMP for our new project" }).waitFor();
    // The editor lists each output as "RO1 — title" (the read-only view, by its title).
    for (const dataset of ["Client application", "Image collection", "Interviews"])
      await page.getByText(dataset).first().waitFor();
    await expectAccessible(page, "imported plan");

    // Export it as Markdown: the file holds the datasets.
    await page.getByRole("button", { name: "Export" }).click();
    const exportDialog = page.getByRole("dialog", { name: "Export the plan" });
    await exportDialog.waitFor();
    await expectAccessible(page, "export dialog");
    await exportDialog.getByLabel("Format").selectOption("md");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      exportDialog.getByRole("button", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const path = await download.path();
    const text = await readFile(path, "utf8");
    expect(text).toContain("Image collection");
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it("shares a plan as reader: the reader sees it and cannot change it (journey 3)", async () => {
    const reader = await openPage(browser, "en-GB", baseUrl);
    await signUp(reader.page, "Rosalind Franklin", "rosalind@example.org");
    const owner = await openPage(browser, "en-GB", baseUrl);
    await signUp(owner.page, "Marie Owner", "owner@example.org");
    const planId = await createPlan(owner.page, "Shared survey");

    await owner.page.goto(`/plans/${planId}`);
    await owner.page.getByRole("heading", { level: 1, name: "Shared survey" }).waitFor();
    await owner.page.getByRole("button", { name: "Share" }).click();
    const share = owner.page.getByRole("dialog", { name: "Share the plan" });
    await share.getByTestId("share-member").first().waitFor();
    await expectAccessible(owner.page, "share dialog");
    await share.getByLabel("E-mail address").fill("rosalind@example.org");
    await share.getByLabel("Role", { exact: true }).selectOption("reader");
    await share.getByRole("button", { name: "Invite" }).click();
    await owner.page.getByText("Rosalind Franklin can now open the plan.").waitFor();
    await expect.poll(() => share.getByTestId("share-member").count(), { timeout: 10_000 }).toBe(2);
    expect(await share.getByLabel("Role of Rosalind Franklin").inputValue()).toBe("reader");
    // Someone without an account: a pending invitation.
    await share.getByLabel("E-mail address").fill("newcomer@example.org");
    await share.getByLabel("Role", { exact: true }).selectOption("commenter");
    await share.getByRole("button", { name: "Invite" }).click();
    await share.getByTestId("share-invitation").getByText("newcomer@example.org").waitFor();
    await expectAccessible(owner.page, "share dialog with a pending invitation");

    const { page } = reader;
    await page.goto("/plans?scope=shared");
    await page.getByRole("link", { name: "Shared survey" }).click();
    await page.getByRole("heading", { level: 1, name: "Shared survey" }).waitFor();
    // The read-only view says so in a notice; the editor, in its header (either may show this plan).
    await page
      .getByText(/You can read this plan but not change it\.|read only/)
      .first()
      .waitFor();
    // A reader may see who else is on the plan, but gets no way to invite or change roles.
    const shareButton = page.getByRole("button", { name: "Share" });
    if ((await shareButton.count()) > 0 && (await shareButton.isEnabled())) {
      await shareButton.click();
      const members = page.getByRole("dialog", { name: "Share the plan" });
      await members.getByTestId("share-member").first().waitFor();
      expect(await members.getByRole("button", { name: "Invite" }).count()).toBe(0);
      expect(await members.getByLabel("Role of Rosalind Franklin").count()).toBe(0);
      await page.keyboard.press("Escape");
      await members.waitFor({ state: "detached" });
    }
    await expectAccessible(page, "shared plan, as reader");
    // The server refuses a change from the reader, and the plan stays as it was.
    const plan = await api(page, "GET", `/api/v1/plans/${planId}`);
    const edit = await api(page, "PATCH", `/api/v1/plans/${planId}`, {
      baseRevision: plan.body?.revision,
      ops: [{ op: "set", path: "/details/title", value: "Changed by the reader" }],
    });
    expect(edit.status).toBe(403);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Shared survey" }).waitFor();
    expect(reader.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
    await reader.close();
    await owner.close();
  }, 180_000);

  it("switches the interface to French: every visible text of the plan screens changes (journey 5)", async () => {
    const { page, errors, close } = await openPage(browser, "en-GB", baseUrl);
    await signUp(page, "Alan Turing", "alan@example.org");
    const planId = await createPlan(page, "Enigma data");
    await page.reload();
    await page.getByRole("link", { name: "Enigma data" }).waitFor();
    await page.getByText("All my plans", { exact: true }).waitFor();

    await page.getByRole("banner").getByText("Français").click();
    await page.getByRole("heading", { level: 1, name: "Mes plans" }).waitFor();
    await page.getByText("Tous mes plans", { exact: true }).waitFor();
    await expectNoEnglish(page, fr);
    await expectAccessible(page, "mes plans");
    await page.getByText("Corbeille", { exact: true }).click();
    await page.getByText(fr["web.plans.empty.bin.title"]).waitFor();
    await expectNoEnglish(page, fr);

    await page.getByRole("main").getByRole("link", { name: "Nouveau plan", exact: true }).click();
    for (const [step, name] of [
      [1, "Contexte"],
      [2, "Langue"],
      [3, "Modèle"],
      [4, "Titre"],
    ] as const) {
      await page.getByRole("heading", { name: `Étape ${step} sur 4 : ${name}` }).waitFor();
      if (step === 3) await page.getByText("Recommandé", { exact: true }).waitFor();
      await expectNoEnglish(page, fr);
      if (step < 4) await page.getByRole("button", { name: "Suivant" }).click();
    }
    await expectAccessible(page, "assistant, titre");

    await page.goto(`/plans/${planId}`);
    await page.getByRole("heading", { level: 1, name: "Enigma data" }).waitFor();
    await expectNoEnglish(page, fr);
    await page.getByRole("button", { name: "Partager" }).click();
    await page.getByRole("dialog", { name: "Partager le plan" }).getByTestId("share-member").waitFor();
    await expectNoEnglish(page, fr);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Exporter" }).click();
    await page.getByRole("dialog", { name: "Exporter le plan" }).getByLabel("Format").waitFor();
    await expectNoEnglish(page, fr);
    await expectAccessible(page, "export (fr)");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Historique" }).click();
    await page.getByRole("dialog", { name: "Historique" }).getByText(fr["web.history.pick_hint"]).waitFor();
    await expectNoEnglish(page, fr);
    await expectAccessible(page, "historique (fr)");
    await page.keyboard.press("Escape");

    await page.goto("/public");
    await page.getByRole("heading", { level: 1, name: "Plans publics" }).waitFor();
    await page.getByText(fr["web.public.empty.title"]).waitFor();
    await expectNoEnglish(page, fr);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it("lists public plans for anonymous visitors and opens them read-only", async () => {
    const author = await openPage(browser, "en-GB", baseUrl);
    await signUp(author.page, "Public Author", "public@example.org");
    const planId = await createPlan(author.page, "Open ocean data");
    await author.page.goto(`/plans/${planId}`);
    await author.page.getByRole("button", { name: "Share" }).click();
    const share = author.page.getByRole("dialog", { name: "Share the plan" });
    await share.getByRole("radio", { name: /^Public/ }).check();
    await author.page.getByText("Visibility saved.").waitFor();
    await author.close();

    const { page, errors, close } = await openPage(browser, "en-GB", baseUrl);
    await page.goto("/");
    await page.getByRole("navigation").getByRole("link", { name: "Public plans" }).click();
    await page.getByRole("heading", { level: 1, name: "Public plans" }).waitFor();
    await page.getByRole("link", { name: "Open ocean data" }).waitFor();
    await expectAccessible(page, "public plans");
    await page.getByRole("link", { name: "Open ocean data" }).click();
    await page.getByRole("heading", { level: 1, name: "Open ocean data" }).waitFor();
    await page.getByText("You can read this plan but not change it.").waitFor();
    await expectAccessible(page, "public plan, anonymous");
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it("compares two revisions side by side and reverts to one, after a confirmation", async () => {
    const { page, errors, close } = await openPage(browser, "en-GB", baseUrl);
    await signUp(page, "Hedy Lamarr", "hedy@example.org");
    const planId = await createPlan(page, "History v0");
    for (const [base, title] of [
      [0, "History v1"],
      [1, "History v2"],
    ] as const) {
      const edit = await api(page, "PATCH", `/api/v1/plans/${planId}`, {
        baseRevision: base,
        ops: [{ op: "set", path: "/details/title", value: title }],
      });
      expect(edit.status).toBe(200);
    }
    await page.goto(`/plans/${planId}`);
    await page.getByRole("heading", { level: 1, name: "History v2" }).waitFor();
    await page.getByRole("button", { name: "History" }).click();
    const drawer = page.getByRole("dialog", { name: "History" });
    await drawer.getByTestId("history-event").nth(1).waitFor();
    await drawer.getByRole("checkbox", { name: /^Revision 2 · Hedy Lamarr/ }).check();
    await drawer.getByRole("checkbox", { name: /^Revision 1 · Hedy Lamarr/ }).check();
    const diff = drawer.getByTestId("history-diff");
    await diff.getByText("History v1", { exact: true }).waitFor();
    await diff.getByText("History v2", { exact: true }).waitFor();
    await expectAccessible(page, "history with a diff");

    await drawer.getByRole("button", { name: "Revert to this: revision 1" }).click();
    const confirm = page.getByRole("dialog", { name: "Revert the plan" });
    await confirm.getByRole("button", { name: "Revert", exact: true }).click();
    await page.getByText("The plan is back to revision 1.").waitFor();
    await page.getByRole("heading", { level: 1, name: "History v1" }).waitFor();
    const stored = await api(page, "GET", `/api/v1/plans/${planId}`);
    expect(stored.body?.details).toMatchObject({ title: "History v1" });
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
