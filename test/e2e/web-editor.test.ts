import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { pdfText, squash } from "../support/extract-text.js";
import {
  api,
  describeJourneys,
  type JourneyServer,
  saved,
  signUp,
  useJourneyServer,
  withScreenshots,
} from "../support/web-journeys.js";
import { expectAccessible } from "../support/web-page.js";

/** Sign up, create an English draft and open it in the editor; its id. */
async function draftInEditor(page: Page, name: string, email: string): Promise<string> {
  await signUp(page, name, email);
  const created = await api<{ id: string }>(page, "POST", "/api/v1/plans", {
    templateId: "science-europe",
    language: "eng",
    title: "Draft",
  });
  const planId = created.body.id;
  await page.goto(`/plans/${planId}`);
  await page.getByTestId("plan-editor").waitFor();
  return planId;
}

/**
 * Let the page's first PATCH of the plan reach the server, and keep the answer from the page:
 * `applied` resolves once the server applied the edit. The connection is cut once `cutAfter`
 * resolves; without it, the answer never arrives (the page is left meanwhile). (In an object: an
 * async function returning the promise itself would wait for it.)
 */
async function withholdFirstPatchAnswer(page: Page, planId: string, cutAfter?: Promise<void>) {
  let applied!: () => void;
  const sent = new Promise<void>((resolve) => {
    applied = resolve;
  });
  let intercepted = false;
  await page.route(`**/api/v1/plans/${planId}`, async (route) => {
    if (route.request().method() !== "PATCH" || intercepted) return route.fallback();
    intercepted = true;
    await route.fetch();
    applied();
    if (cutAfter) {
      await cutAfter;
      await route.abort("connectionreset");
    }
  });
  return { applied: sent };
}

/** Pick an option of a Mantine combobox whose text contains `text`. */
async function pickOption(page: Page, text: string | RegExp) {
  await page.getByRole("option", { name: text }).first().click();
}

describeJourneys("the plan editor in Chromium ($name)", (dialect) => {
  let server: JourneyServer;
  useJourneyServer(
    dialect,
    (started) => {
      server = started;
    },
    { registryFakes: true },
  );

  const open = (locale?: string) => server.open(locale);
  const journey = withScreenshots;

  it("journey 1: a French Science Europe plan filled in the editor comes out in the PDF", async () => {
    const { page, errors } = await open();
    await journey([page], "journey-1", async () => {
      await signUp(page, "Aline Martin", "aline@example.org");
      const created = await api<{ id: string }>(page, "POST", "/api/v1/plans", {
        templateId: "science-europe",
        language: "fra",
        title: "Plan provisoire",
      });
      expect(created.status).toBe(201);
      const planId = created.body.id;

      await page.goto(`/plans/${planId}`);
      await page.getByTestId("plan-editor").waitFor();
      await expectAccessible(page, "editor, plan details");

      // Plan details.
      await page.getByLabel("Plan title").fill("Sols vivants — plan de gestion des données");
      await page.getByLabel("Deliverable number").fill("D1.4");
      await saved(page);

      // Project: acronym, funding (funder look-up), partner (ROR look-up).
      await page
        .getByRole("navigation", { name: "Plan contents" })
        .getByRole("button", { name: "Project" })
        .click();
      await page.getByLabel("Project title").fill("Sols vivants");
      await page.getByLabel("Acronym").fill("SOLVIV");
      await page.getByRole("combobox", { name: "Find a funder" }).fill("ANR");
      await pickOption(page, /ANR/);
      await page.getByLabel("Grant number").fill("ANR-24-CE01-0042");
      await page.getByRole("combobox", { name: "Find an organisation (Partners)" }).fill("INRAE");
      await pickOption(page, /INRAE/);
      await page.getByLabel("Name").first().waitFor();
      await saved(page);
      await expectAccessible(page, "editor, project");

      // A contributor found by ORCID, with two roles.
      await page
        .getByRole("navigation", { name: "Plan contents" })
        .getByRole("button", { name: "Contributors" })
        .click();
      await page.getByRole("combobox", { name: "Find a person (name or ORCID iD)" }).fill("Carberry");
      await pickOption(page, /Carberry/);
      const contributor = page.getByTestId("contributor").first();
      await contributor.getByText("ORCID 0000-0002-1825-0097").waitFor();
      await contributor.getByLabel("Roles in the plan").click();
      await pickOption(page, "Data manager");
      await contributor.getByLabel("Roles in the plan").click();
      await pickOption(page, "Project coordinator");
      await page.keyboard.press("Escape");
      await page.getByTestId("roles-table").getByText("Josiah Carberry").first().waitFor();
      await saved(page);
      await expectAccessible(page, "editor, contributors");

      // One research output.
      await page
        .getByRole("navigation", { name: "Plan contents" })
        .getByRole("button", { name: "Research outputs" })
        .click();
      // The new plan starts with one output: name it.
      const output = page.getByTestId("output").first();
      await output.getByLabel("Title").fill("Relevés de sols");
      await saved(page);
      await expectAccessible(page, "editor, research outputs");

      // Three answers in the output's sections (labels in the plan's language, French).
      const nav = page.getByRole("navigation", { name: "Plan contents" });
      await nav.locator("[data-output]").first().click();
      await nav.getByRole("button", { name: /Description des données/ }).click();
      await page
        .locator('[data-question="description.workPackage"] input')
        .fill("WP2 — campagnes de terrain");
      await nav
        .getByRole("button", { name: /Documentation/ })
        .first()
        .click();
      // Rich text: a bold word and a bulleted list, with the editor's toolbar.
      const documentation = page.locator('[data-question="documentation.description"]');
      const editor = documentation.locator('[contenteditable="true"]');
      await editor.click();
      await page.keyboard.type("Chaque relevé est ");
      await documentation.getByRole("button", { name: "Bold" }).click();
      await page.keyboard.type("décrit");
      await documentation.getByRole("button", { name: "Bold" }).click();
      await page.keyboard.type(" par :");
      await page.keyboard.press("Enter");
      await documentation.getByRole("button", { name: "Bulleted list" }).click();
      await page.keyboard.type("une fiche de terrain");
      await page.keyboard.press("Enter");
      await page.keyboard.type("un protocole publié");
      await nav.getByRole("button", { name: /Stockage/ }).click();
      await page.locator('[data-question="storage.description"] [contenteditable="true"]').click();
      await page.keyboard.type("Les données sont sauvegardées chaque nuit sur le serveur du laboratoire.");
      await saved(page);
      await expectAccessible(page, "editor, a section of an output");

      const stored = await api<{ outputs: Record<string, { answers: Record<string, unknown> }> }>(
        page,
        "GET",
        `/api/v1/plans/${planId}`,
      );
      const answers = Object.values(stored.body.outputs)[0]?.answers ?? {};
      expect(answers["description.workPackage"]).toBe("WP2 — campagnes de terrain");
      expect(answers["documentation.description"]).toContain("<strong>décrit</strong>");
      expect(answers["documentation.description"]).toMatch(
        /<ul>.*une fiche de terrain.*un protocole publié.*<\/ul>/s,
      );

      // What is missing jumps to the question (scrolled to and focused).
      await page.getByTestId("completeness").click();
      await page.getByRole("dialog").getByRole("button").first().click();
      await page.waitForFunction(() => document.activeElement?.closest("[data-question]") !== null);

      // Export as PDF from the export dialog; its text holds what was typed.
      await page.getByRole("button", { name: "Export", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Export the plan" });
      await dialog.waitFor();
      await expectAccessible(page, "editor, export dialog");
      const downloading = page.waitForEvent("download", { timeout: 60_000 });
      await dialog.getByRole("button", { name: "Download" }).click();
      const download = await downloading;
      const dir = mkdtempSync(join(tmpdir(), "carnet-editor-"));
      try {
        const file = join(dir, "plan.pdf");
        await download.saveAs(file);
        const text = squash(pdfText(readFileSync(file)));
        for (const typed of [
          "Sols vivants — plan de gestion des données",
          "SOLVIV",
          "ANR-24-CE01-0042",
          "INRAE",
          "Carberry",
          "0000-0002-1825-0097",
          "Relevés de sols",
          "WP2 — campagnes de terrain",
          "Chaque relevé est décrit par :",
          "une fiche de terrain",
          "un protocole publié",
          "Les données sont sauvegardées chaque nuit",
        ]) {
          expect(text).toContain(typed);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(errors).toEqual([]);
    });
  }, 180_000);

  it("an edit saved as the page was left is not offered as a conflict when the plan opens again", async () => {
    const { page, errors } = await open();
    await journey([page], "reopen-after-leaving", async () => {
      const planId = await draftInEditor(page, "Chloé Durand", "chloe@example.org");

      // The server applies the batch, but its answer never reaches the page: the user leaves first.
      const { applied: sent } = await withholdFirstPatchAnswer(page, planId);
      await page.getByLabel("Plan title").fill("Living soils");
      await sent;
      const conflicts: string[] = [];
      page.on("response", (response) => {
        if (response.status() === 409) conflicts.push(response.url());
      });
      page.once("dialog", (dialog) => void dialog.accept()); // "leave with unsaved edits?" — yes
      await page.reload();

      // The reopened editor sees its edit already in the plan: nothing to send, nothing to choose.
      await expect.poll(() => page.getByLabel("Plan title").inputValue()).toBe("Living soils");
      const key = `carnet.autosave.${planId}`;
      await page.waitForFunction(
        (key) =>
          localStorage.getItem(key) === null ||
          document.querySelector('[data-testid="save-status"][data-state="conflict"]') !== null,
        key,
      );
      expect(await page.getByTestId("save-status").getAttribute("data-state")).toBe("saved");
      expect(await page.getByRole("dialog").count()).toBe(0);
      expect(conflicts).toEqual([]);
      const stored = await api<{ revision: number; details: { title: string } }>(
        page,
        "GET",
        `/api/v1/plans/${planId}`,
      );
      expect(stored.body.details.title).toBe("Living soils");
      expect(stored.body.revision).toBe(1);

      // Typing goes on normally.
      await page.getByLabel("Plan title").fill("Living soils, 2026");
      await saved(page);
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it("opening a plan asks once for the session, the plan, its access and its template", async () => {
    const { page: first } = await open();
    const { page, errors } = await open();
    await journey([first, page], "editor-page-load", async () => {
      const planId = await draftInEditor(first, "Hugo Petit", "hugo@example.org");
      // The same account in a new browser (nothing cached), opening the plan.
      await page.context().addCookies(await first.context().cookies());
      const asked: string[] = [];
      page.on("request", (request) => {
        const { pathname } = new URL(request.url());
        if (request.method() === "GET" && pathname.startsWith("/api/")) asked.push(pathname);
      });
      await page.goto(`/plans/${planId}`);
      const title = page.getByLabel("Plan title");
      await title.waitFor();
      const count = (path: string) => asked.filter((p) => p === path).length;
      expect(count("/api/v1/session")).toBe(1);
      expect(count(`/api/v1/plans/${planId}`)).toBe(1);
      expect(count(`/api/v1/plans/${planId}/access`)).toBe(1);
      expect(asked.filter((p) => p.startsWith("/api/v1/templates/"))).toHaveLength(1);

      // The editor so opened edits and saves as usual.
      await title.fill("Asked once");
      await expect
        .poll(
          async () =>
            (await api<{ details: { title: string } }>(page, "GET", `/api/v1/plans/${planId}`)).body.details
              .title,
        )
        .toBe("Asked once");
      await saved(page);
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it("an edit whose answer was cut off is sent again with its Idempotency-Key: no conflict with oneself", async () => {
    const { page, errors } = await open();
    await journey([page], "answer-cut-off", async () => {
      const planId = await draftInEditor(page, "Inès Moreau", "ines@example.org");

      const patches: { key: string | undefined; status: number; replayed: string | undefined }[] = [];
      page.on("response", async (response) => {
        if (response.request().method() !== "PATCH") return;
        patches.push({
          key: await response
            .request()
            .headerValue("idempotency-key")
            .then((v) => v ?? undefined),
          status: response.status(),
          replayed: (await response.headerValue("idempotent-replayed")) ?? undefined,
        });
      });
      const sentKeys: string[] = [];
      page.on("request", (request) => {
        const key = request.headers()["idempotency-key"];
        if (request.method() === "PATCH" && key) sentKeys.push(key);
      });
      // The server applies the batch, then the connection drops before its answer arrives; meanwhile
      // someone changes the same field. Sent again without its key, the batch would be a conflict.
      let theirsDone!: () => void;
      const theirs = new Promise<void>((resolve) => {
        theirsDone = resolve;
      });
      const { applied: sent } = await withholdFirstPatchAnswer(page, planId, theirs);
      await page.getByLabel("Plan title").fill("Living soils");
      await sent;
      const other = await api<{ revision: number }>(page, "PATCH", `/api/v1/plans/${planId}`, {
        baseRevision: 1,
        ops: [{ op: "set", path: "/details/title", value: "Their title" }],
      });
      expect(other.body.revision).toBe(2);
      theirsDone();

      await expect.poll(() => patches.filter((p) => p.key !== undefined).length, { timeout: 15_000 }).toBe(1);
      await saved(page);
      const [retry] = patches.filter((p) => p.key !== undefined);
      expect(retry).toMatchObject({ status: 200, replayed: "true" });
      expect(retry!.key).toMatch(/^[0-9a-f]{32}$/);
      expect(sentKeys).toEqual([retry!.key, retry!.key]);
      expect(await page.getByRole("dialog").count()).toBe(0);
      // The editor shows the latest plan, not the older one the replayed answer carries.
      await expect.poll(() => page.getByLabel("Plan title").inputValue()).toBe("Their title");
      const stored = await api<{ revision: number; details: { title: string } }>(
        page,
        "GET",
        `/api/v1/plans/${planId}`,
      );
      expect(stored.body).toMatchObject({ revision: 2, details: { title: "Their title" } });
      expect(errors.filter((e) => !/ERR_CONNECTION_RESET|Failed to load resource/.test(e))).toEqual([]);
    });
  }, 120_000);

  it("a large vocabulary is searched on the server as one types, and the choice is saved", async () => {
    const { page, errors } = await open();
    await journey([page], "vocabulary-search", async () => {
      const searches: string[] = [];
      const views: { url: string; bytes: number }[] = [];
      page.on("response", async (response) => {
        const url = response.url();
        if (url.includes("/api/v1/vocabularies/iso-639-3/search")) searches.push(url);
        if (url.includes("/api/v1/vocabulary-views"))
          views.push({ url, bytes: (await response.body()).length });
      });
      const planId = await draftInEditor(page, "Léa Martin", "lea@example.org");
      const nav = page.getByRole("navigation", { name: "Plan contents" });
      await nav.locator("[data-output]").first().click();
      await nav.getByRole("button", { name: /Data description/ }).click();
      const input = page.locator('[data-question="description.language"] input:not([type="hidden"])').first();
      await input.click();
      await input.pressSequentially("fren");
      await page.getByRole("option", { name: "French", exact: true }).waitFor();
      expect(searches.some((url) => new URL(url).searchParams.get("q") === "fren")).toBe(true);
      // ISO 639-3 did not come whole with the editor: only the plan's codes (none yet).
      await expect.poll(() => views.length).toBeGreaterThan(0);
      expect(views.every((view) => view.bytes < 100_000)).toBe(true);
      await expectAccessible(page, "large vocabulary combobox open");
      // Keyboard: the first option is French; Enter chooses it.
      const viewsBeforeChoice = views.length;
      await input.press("ArrowDown");
      await input.press("Enter");
      await expect.poll(() => input.inputValue()).toBe("French");
      await saved(page);
      // The label came with the search: the editor does not ask for it again.
      await page.waitForTimeout(300);
      expect(views.length).toBe(viewsBeforeChoice);
      const stored = await api<{ outputs: Record<string, { answers: Record<string, unknown> }> }>(
        page,
        "GET",
        `/api/v1/plans/${planId}`,
      );
      const [output] = Object.values(stored.body.outputs);
      expect(output?.answers["description.language"]).toBe("fra");

      // Opened again, the editor labels the plan's code without downloading the vocabulary.
      await page.reload();
      await nav.locator("[data-output]").first().click();
      await nav.getByRole("button", { name: /Data description/ }).click();
      await expect.poll(() => input.inputValue()).toBe("French");
      const last = views.at(-1);
      expect(new URL(last?.url ?? "http://x").searchParams.get("codes")).toContain("fra");
      expect(errors).toEqual([]);
    });
  }, 120_000);
});
