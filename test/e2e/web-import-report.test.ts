import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { fr } from "../../src/i18n/fr.js";
import { createPlanImports } from "../../src/services/plan-imports.js";
import { api, describeJourneys, journeyServer, signUp } from "../support/web-journeys.js";
import { expectAccessible, expectNoEnglish, openPage } from "../support/web-page.js";

const opidorExample = new URL(
  "../fixtures/formats/opidor/anr_project_import_example.madmp.json",
  import.meta.url,
);

// An RDA DCS file as people send them: a trailing comma, a comment, dates and codes to repair, a key
// the standard does not know, and an ORCID whose check digit is wrong (a problem left in the plan).
const dcsWithWarnings = `{"dmp": {"title": "Reef DMP", "created": "2021-03-04 10:00", "modified": "2021-03-04", "language": "EN",
 "dmp_id": {"identifier": "https://example.org/dmp/1", "type": "url"},
 "contact": {"name": "Ada", "mbox": "ada@example.org", "contact_id": {"identifier": "0000-0002-0000-0000", "type": "ORCID"}},
 "x_custom": 1,
 "dataset": [{"title": "Photos", "dataset_id": {"identifier": "10.1234/abc", "type": "doi"}, "personal_data": "no", "sensitive_data": "unknown",},],
 // a comment
 "ethical_issues_exist": "unknown"}}`;
// Not JSON: a comma is missing after "a" (line 2, column 29).
const brokenJson = `{"dmp": {"title": "x",\n "dataset": [ {"title": "a" "b": 1}]}}`;

async function importFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: "application/json",
    buffer: typeof content === "string" ? Buffer.from(content) : content,
  });
}

async function closeDialog(page: Page, button: string): Promise<void> {
  await page.getByRole("dialog").getByRole("button", { name: button, exact: true }).last().click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
}

describeJourneys("import report in the web app, in Chromium ($name)", (dialect) => {
  const server = journeyServer(dialect);

  it("lists every repair, kept key and problem with its place, and says where broken JSON breaks", async () => {
    const { page, errors, close } = await openPage(server.browser, "en-GB", server.baseUrl);
    await signUp(page, "Ada Import", "ada-import@example.org");
    await page.getByTestId("plans-empty").waitFor();

    // A DCS file with warnings: each one, where it is.
    await importFile(page, "reef.json", dcsWithWarnings);
    const dialog = page.getByRole("dialog", { name: "Plan imported" });
    await dialog.getByText("“Reef DMP” was created from your file.", { exact: false }).waitFor();
    await dialog.getByText("Read as: RDA DCS 1.1.").waitFor();
    const repaired = dialog.getByTestId("import-repair");
    await repaired.getByRole("heading", { name: "Repaired" }).waitFor();
    const repairs = (text: string) => repaired.getByTestId("import-entry").filter({ hasText: text });
    expect(await repairs("trailing comma removed").count()).toBe(2);
    expect(await repairs("trailing comma removed").first().textContent()).toMatch(
      /trailing comma removed \(line 5, column \d+\) — at dmp\.dataset\[0\]$/,
    );
    expect(await repairs("comment removed (line 6, column 2)").count()).toBe(1);
    expect(await repairs("added timezone Z (was 2021-03-04 10:00) — at dmp.created").count()).toBe(1);
    await dialog
      .getByTestId("import-kept")
      .getByText("'x_custom' is not part of the standard; kept and exported again — at dmp.x_custom")
      .waitFor();
    const problems = dialog.getByTestId("import-problems");
    await problems.getByRole("heading", { name: "To check in the plan" }).waitFor();
    expect(await problems.getByTestId("import-problem").first().textContent()).toMatch(
      /'0000-0002-0000-0000' is not a valid orcid identifier.* — at \/persons\/[^/]+\/identifiers\/0\/value$/,
    );
    // Every line the importer reports is on screen.
    const imports = createPlanImports({ database: server.t.context.database });
    const expected = imports.readForImport(dcsWithWarnings, {}, "en");
    expect(await dialog.getByTestId("import-entry").count()).toBe(expected.report.length);
    expect(await problems.getByTestId("import-problem").count()).toBe(
      imports.describeProblems(expected.plan, "en").length,
    );
    await expectAccessible(page, "import report with repairs and problems");
    await closeDialog(page, "Stay on my plans");

    // A DMP OPIDoR export: its repairs and problems are listed too.
    await importFile(page, "anr.json", await readFile(opidorExample));
    const opidor = page.getByRole("dialog", { name: "Plan imported" });
    await opidor.getByText("Read as: DMP OPIDoR.").waitFor();
    await opidor.getByTestId("import-problem").filter({ hasText: "crossref-funder-id" }).waitFor();
    await closeDialog(page, "Stay on my plans");

    // Broken JSON: what is wrong, where, and how to fix it; nothing stored.
    await importFile(page, "broken.json", brokenJson);
    const failed = page.getByRole("dialog", { name: "This file could not be imported" });
    await failed.getByTestId("import-failure").waitFor();
    expect(await failed.getByTestId("import-failure").textContent()).toBe(
      `The file is not valid JSON: at line 2, column 29 Carnet expected ',' or '}' but found "\\"b\\": 1}]}}".`,
    );
    expect(await failed.getByTestId("import-failure-location").textContent()).toBe(
      "Where: line 2, column 29.",
    );
    await failed.getByRole("heading", { name: "How to fix it" }).waitFor();
    expect(await failed.getByTestId("import-fix-text").textContent()).toContain("go to line 2, column 29");
    await expectAccessible(page, "import failure, broken JSON");
    await closeDialog(page, "Close");

    // A native plan with wrong fields: each field listed.
    await importFile(page, "bad-native.json", JSON.stringify({ carnetFormat: 1, details: "nothing" }));
    await failed.getByTestId("import-failure").waitFor();
    await failed.getByRole("heading", { name: /^Problems in the file/ }).waitFor();
    expect(await failed.getByTestId("import-problem").count()).toBeGreaterThan(0);
    await expectAccessible(page, "import failure, invalid plan");
    await closeDialog(page, "Close");
    const list = await api<{ plans: unknown[] }>(page, "GET", "/api/v1/plans");
    expect(list.body.plans).toHaveLength(2);

    // In French: the report and the failure speak French, and the JSON reader's words too.
    await page.getByRole("banner").getByText("Français").click();
    await page.getByRole("heading", { level: 1, name: "Mes plans" }).waitFor();
    await importFile(page, "reef.json", dcsWithWarnings);
    const dialogFr = page.getByRole("dialog", { name: "Plan importé" });
    await dialogFr
      .getByTestId("import-problems")
      .getByRole("heading", { name: "À vérifier dans le plan" })
      .waitFor();
    await dialogFr
      .getByText(/^virgule finale retirée \(ligne 5, colonne \d+\) — à dmp\.dataset\[0\]$/)
      .waitFor();
    await expectNoEnglish(page, fr);
    await expectAccessible(page, "rapport d’import");
    await closeDialog(page, "Rester sur mes plans");
    await importFile(page, "broken.json", brokenJson);
    const failedFr = page.getByRole("dialog", { name: "Impossible d’importer ce fichier" });
    expect(await failedFr.getByTestId("import-failure").textContent()).toBe(
      `Le fichier n’est pas du JSON valide : ligne 2, colonne 29, Carnet attendait ',' ou '}' mais a trouvé "\\"b\\": 1}]}}".`,
    );
    await failedFr.getByRole("heading", { name: "Comment corriger" }).waitFor();
    await expectNoEnglish(page, fr);
    await expectAccessible(page, "échec d’import");
    expect(errors).toEqual([]);
    await close();
  }, 300_000);
});
