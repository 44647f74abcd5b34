import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ChildNode, isTag } from "domhandler";
import { parseDocument } from "htmlparser2";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { richTextTags } from "../../src/domain/rich-text-tags.js";
import { htmlToBlocks } from "../../src/exports/rich-text/html-to-blocks.js";
import { answerInputId } from "../../src/web/features/editor/questions/values.js";
import { describeJourneys, type JourneyServer, startJourneyServer } from "../support/web-journeys.js";
import { expectAccessible, type TestPage } from "../support/web-page.js";

// Browser steps on a busy machine take seconds each: each journey gets three minutes.
const journey = 180_000;
const harnessRoot = fileURLToPath(new URL("./question-harness", import.meta.url));

/** Tags the rich-text allowlist keeps. */
const allowedTags = richTextTags;
function tagsOf(html: string): Set<string> {
  const tags = new Set<string>();
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (isTag(node)) {
        tags.add(node.name);
        walk(node.children);
      }
    }
  };
  walk(parseDocument(html).children);
  return tags;
}

describeJourneys("question widgets in Chromium ($name)", (dialect) => {
  let outDir: string;
  let server: JourneyServer;
  let tab: TestPage | undefined;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), "carnet-question-harness-"));
    // Built in a child process like the app itself (vitest's NODE_ENV=test would build React's development code).
    const vite = fileURLToPath(new URL("../../node_modules/vite/bin/vite.js", import.meta.url));
    const built = spawnSync(
      process.execPath,
      [vite, "build", "--config", join(harnessRoot, "vite.config.ts"), "--outDir", outDir],
      {
        encoding: "utf8",
        env: { ...process.env, NODE_ENV: "production" },
      },
    );
    if (built.status !== 0) throw new Error(`harness build failed:\n${built.stdout}\n${built.stderr}`);
    server = await startJourneyServer(dialect, { registryFakes: true, server: { webDistDir: outDir } });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const input = (page: Page, path: string) => page.locator(`[id="${answerInputId(path)}"]`);
  const answers = async (page: Page) =>
    JSON.parse((await page.getByTestId("answers").textContent()) ?? "{}") as Record<string, unknown>;
  const open = async (query: string) => {
    await tab?.close();
    tab = await server.open("en-GB");
    // The machine running the suite may be busy: give each step more than the default 15 s.
    tab.page.setDefaultTimeout(45_000);
    tab.page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
    await tab.page.goto(`/${query}`);
    await tab.page.getByRole("heading", { name: "Question widgets" }).waitFor();
    return tab.page;
  };

  it(
    "ships the rich-text editor as a chunk of its own",
    () => {
      const assets = join(outDir, "assets");
      const scripts = readdirSync(assets).filter((name) => name.endsWith(".js"));
      const html = readFileSync(join(outDir, "index.html"), "utf8");
      const entry = scripts.find((name) => html.includes(name));
      expect(entry).toBeDefined();
      expect(readFileSync(join(assets, entry as string), "utf8")).not.toMatch(/ProseMirror/);
      expect(scripts.some((name) => /ProseMirror/.test(readFileSync(join(assets, name), "utf8")))).toBe(true);
    },
    journey,
  );

  it(
    "writes rich text with the keyboard and the toolbar, in HTML the export allowlist keeps",
    async () => {
      const page = await open("");
      const editor = input(page, "/answers/q.rich");
      await editor.waitFor();
      await expectAccessible(page, "question widgets, empty");

      await editor.click();
      await page.keyboard.type("We record ");
      await page.keyboard.press("Control+b");
      await page.keyboard.type("forty");
      await page.keyboard.press("Control+b");
      await page.keyboard.type(" interviews.");
      await page.keyboard.press("Enter");
      // The toolbar is one Tab stop before the text; arrows move inside it (Bold, Italic, Sub-heading, Bulleted list).
      await page.keyboard.press("Shift+Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Bold");
      for (let i = 0; i < 3; i += 1) await page.keyboard.press("ArrowRight");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
        "Bulleted list",
      );
      // The button gives the focus back to the text, now in an empty list item, at once: keys typed
      // straight after reach the text even when the next frame is late (frames slowed down here).
      await page.evaluate(() => {
        const w = window as unknown as { realRaf?: typeof requestAnimationFrame };
        w.realRaf = window.requestAnimationFrame;
        window.requestAnimationFrame = (callback) =>
          window.setTimeout(() => callback(performance.now()), 300);
      });
      await page.keyboard.press("Enter");
      await page.keyboard.type("audio");
      await page.evaluate(() => {
        window.requestAnimationFrame = (
          window as unknown as { realRaf: typeof requestAnimationFrame }
        ).realRaf;
      });
      await page.keyboard.press("Enter");
      await page.keyboard.type("protocol");
      for (let i = 0; i < "protocol".length; i += 1) await page.keyboard.press("Shift+ArrowLeft");
      await page.getByRole("button", { name: "Link", exact: true }).click();
      await page.getByLabel("Address of the link (https://…)").fill("javascript:alert(1)");
      await page.keyboard.press("Enter");
      await page.getByText("Enter an address starting with https://, http:// or mailto:.").waitFor();
      await page.getByLabel("Address of the link (https://…)").fill("https://example.org/protocol");
      await page.keyboard.press("Enter");

      await expect
        .poll(async () => String((await answers(page))["q.rich"] ?? ""))
        .toContain('<a href="https://example.org/protocol">protocol</a>');
      const html = String((await answers(page))["q.rich"]);
      expect(html).toContain("<strong>forty</strong>");
      expect(html).toMatch(
        /<ul><li><p>audio<\/p><\/li><li><p><a href="https:\/\/example.org\/protocol">protocol<\/a>/,
      );
      for (const tag of tagsOf(html)) expect(allowedTags.has(tag), `tag <${tag}>`).toBe(true);
      const blocks = htmlToBlocks(html);
      expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "list"]);
      expect(JSON.stringify(blocks)).toContain('"text":"forty","bold":true');
      expect(tab?.errors).toEqual([]);
    },
    journey,
  );

  it(
    "mounts a narrative answer's editor when its read-only stand-in takes the focus, keeping what is typed",
    async () => {
      const page = await open("");
      // Below the fold, a narrative answer shows read-only until it comes into view or takes the focus.
      await page.setViewportSize({ width: 1280, height: 400 });
      await page.reload();
      const id = answerInputId("/answers/q.notes");
      const standIn = page.locator(`[data-rich-text-placeholder] [id="${id}"]`);
      await standIn.waitFor();
      expect(await standIn.evaluate((element) => element.classList.contains("ProseMirror"))).toBe(false);
      await standIn.focus();
      await page.keyboard.type("Kept while mounting");
      const editor = page.locator(`[id="${id}"]`);
      await expect
        .poll(() => editor.evaluate((element) => element.classList.contains("ProseMirror")))
        .toBe(true);
      await expect.poll(() => editor.textContent()).toContain("Kept while mounting");
      expect(await editor.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      await expect.poll(async () => JSON.stringify(await answers(page))).toContain("Kept while mounting");
    },
    journey,
  );

  it(
    "answers every short kind with typed values and explains format errors",
    async () => {
      const page = await open("");
      // Guidance and example open and close under the question.
      await page.getByRole("button", { name: "Show guidance" }).click();
      await page.getByText("Say what, how much and in which formats.").waitFor();
      await page.getByLabel("Project acronym").fill("REVE");

      const url = input(page, "/answers/q.url");
      await url.fill("reve.example.org");
      await url.blur();
      const message = page.getByText("Enter an address starting with https:// or http://.");
      await message.waitFor();
      expect(await url.getAttribute("aria-invalid")).toBe("true");
      expect(await url.getAttribute("aria-describedby")).toContain(await message.getAttribute("id"));
      await url.fill("https://reve.example.org");

      await input(page, "/answers/q.date").fill("2026-03-12");
      await input(page, "/answers/q.volume").fill("3,5");
      await page.getByRole("combobox", { name: "Unit of “Expected volume of data”" }).click();
      await page.getByRole("option", { name: "TB", exact: true }).click();
      await input(page, "/answers/q.cost").fill("1 200");
      await page.getByRole("radio", { name: "On request" }).check();
      await page.getByRole("checkbox", { name: "Tape" }).check();
      await page.getByRole("checkbox", { name: "Local disk" }).check();
      await page.getByRole("radio", { name: "Don't know yet" }).check();
      await input(page, "/answers/q.identifier").fill("10.5281/zenodo.123");
      await expectAccessible(page, "question widgets, filled in, guidance open, a format error shown");

      await input(page, "/answers/q.person").click();
      await page.getByRole("option", { name: "Jeanne Dupont" }).click();

      const values = await answers(page);
      expect(values).toMatchObject({
        "q.text": "REVE",
        "q.url": "https://reve.example.org",
        "q.date": "2026-03-12",
        "q.volume": { value: 3.5, unit: "TB" },
        "q.cost": { value: 1200 },
        "q.single": "restricted",
        "q.multiple": ["tape", "local"],
        "q.personal": "unknown",
        "q.identifier": { type: "doi", value: "10.5281/zenodo.123" },
        "q.person": { personId: "p1" },
      });
      // Clearing an input clears the answer.
      await page.getByLabel("Project acronym").fill("");
      expect((await answers(page))["q.text"]).toBeUndefined();
      expect(tab?.errors).toEqual([]);
    },
    journey,
  );

  it(
    "searches 7,867 languages on the client, showing at most 20 options",
    async () => {
      const page = await open("");
      const language = input(page, "/answers/q.language");
      await language.click();
      await language.fill("a");
      await page.getByRole("option").first().waitFor();
      expect(await page.getByRole("option").count()).toBe(20);
      await language.fill("fren");
      await page.getByRole("option", { name: "French", exact: true }).waitFor();
      await expectAccessible(page, "vocabulary combobox open");
      await page.getByRole("option", { name: "French", exact: true }).click();
      expect((await answers(page))["q.language"]).toBe("fra");
    },
    journey,
  );

  it(
    "searches a registry on the server and picks a result with the keyboard",
    async () => {
      const page = await open("");
      const search = page.getByRole("textbox", { name: "Search ROR" });
      await search.fill("cnrs");
      const option = page.getByRole("option").first();
      await option.waitFor();
      await expectAccessible(page, "registry combobox open");
      await search.press("ArrowDown");
      await search.press("Enter");
      await expect
        .poll(async () => (await answers(page))["q.organisation"])
        .toMatchObject({
          identifiers: expect.arrayContaining([expect.objectContaining({ type: "ror" })]),
        });
      expect(await input(page, "/answers/q.organisation").inputValue()).not.toBe("");
      expect(server.fakes?.hits.ror).toBeGreaterThan(0);
    },
    journey,
  );

  it(
    "edits a repeatable group as a table: add, fill, reorder, remove, add from a registry",
    async () => {
      const page = await open("");
      const add = page.getByRole("button", { name: "Add a row" }).first();
      await add.click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(
        answerInputId("/answers/q.group/0/name"),
      );
      await page.keyboard.type("Survey");
      await add.click();
      await page.keyboard.type("Interviews");
      await input(page, "/answers/q.group/1/size").fill("2");
      await page.getByRole("button", { name: "Move row 2 up" }).click();
      const names = async () =>
        ((await answers(page))["q.group"] as { name: string }[]).map((row) => row.name);
      expect(await names()).toEqual(["Interviews", "Survey"]);
      expect(((await answers(page))["q.group"] as { size: unknown }[])[0]?.size).toEqual({ value: 2 });
      await expectAccessible(page, "group table with two rows");
      await page.getByRole("button", { name: "Remove row 1" }).click();
      expect(await names()).toEqual(["Survey"]);

      const repositories = page.getByRole("textbox", { name: "Add from repositories (re3data, cat.OPIDoR)" });
      await repositories.fill("zenodo");
      await page
        .getByRole("option", { name: /Zenodo/ })
        .first()
        .click();
      await expect
        .poll(
          async () => ((await answers(page))["sharing.hosts"] as { title: string }[] | undefined)?.[0]?.title,
        )
        .toBe("Zenodo");
      expect(tab?.errors).toEqual([]);
    },
    journey,
  );

  it(
    "shows answers read-only, rich text through the allowlist, nothing editable",
    async () => {
      const page = await open("?readonly=1&filled=1");
      await page.getByText("kept text", { exact: true }).waitFor();
      expect(await page.locator("main input, main [contenteditable='true'], main textarea").count()).toBe(0);
      expect(await page.locator("main img, main script").count()).toBe(0);
      expect(await page.getByRole("link", { name: "the protocol" }).getAttribute("href")).toBe(
        "https://example.org/protocol",
      );
      await page.getByText("12 March 2026").waitFor();
      await page.getByText("3.5 TB").waitFor();
      await page.getByText("Jeanne Dupont, Josiah Carberry").waitFor();
      await expectAccessible(page, "read-only answers");
      expect(tab?.errors).toEqual([]);
    },
    journey,
  );

  it(
    "marks a problem on the input it concerns",
    async () => {
      const page = await open("?problems=1&filled=1");
      const text = page.getByLabel("Project acronym");
      expect(await text.getAttribute("aria-invalid")).toBe("true");
      const problem = page.getByText("Problem with q.text");
      expect(await text.getAttribute("aria-describedby")).toContain(await problem.getAttribute("id"));
      await input(page, "/answers/q.rich").waitFor();
      expect(await input(page, "/answers/q.rich").getAttribute("aria-invalid")).toBe("true");
      await expectAccessible(page, "every question with a problem");
    },
    journey,
  );

  it(
    "speaks French in the interface and shows the plan's language in the questions",
    async () => {
      const page = await open("?ui=fr&plan=fra&filled=1");
      await page.getByText("Acronyme du projet").waitFor();
      await page.getByRole("button", { name: "Afficher les recommandations" }).first().waitFor();
      await page.getByRole("button", { name: "Ajouter une ligne" }).first().waitFor();
      expect(await input(page, "/answers/q.volume").inputValue()).toBe("3,5");
      await expectAccessible(page, "question widgets in French");
    },
    journey,
  );
});
