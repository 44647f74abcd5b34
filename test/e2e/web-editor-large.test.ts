// The editor on a 20-output plan: what makes it fast must not change what it does. A section renders
// its cards a few at a time, so a jump from "what is missing" to a question not rendered yet must
// still land in it; typing renders only the card typed in (counted through the hook React DevTools
// uses, installed before the app runs: nothing in the app is there for the test).
import { expect, it } from "vitest";
import type { Plan } from "../../src/domain/plan.js";
import { loadBuiltinContent } from "../../src/services/builtin-content.js";
import { planWithOutputs } from "../factories/large-plan.js";
import { referencePlan } from "../factories/plans.js";
import {
  api,
  describeJourneys,
  type JourneyServer,
  saved,
  signUp,
  useJourneyServer,
  withScreenshots,
} from "../support/web-journeys.js";

/**
 * Records, for every React commit, the answer paths of the question cards that rendered in it (a
 * fiber rendered when it did work and is not the object the previous commit's tree held).
 */
const renderProbe = `(() => {
  let previous = new Set();
  window.__cardRenders = [];
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject() { return 1; }, checkDCE() {},
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      const seen = new Set();
      const stack = [root.current];
      while (stack.length) {
        const fiber = stack.pop();
        seen.add(fiber);
        const props = fiber.memoizedProps;
        if (!previous.has(fiber) && (fiber.flags & 1) && props && typeof props === "object"
            && typeof props.path === "string" && props.question)
          window.__cardRenders.push(props.path);
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
      }
      previous = seen;
    },
  };
})()`;

describeJourneys("the editor of a 20-output plan ($name)", (dialect) => {
  let server: JourneyServer;
  useJourneyServer(dialect, (started) => {
    server = started;
  });

  it("jumps to a question not rendered yet, and typing renders only the card typed in", async () => {
    const { page, errors } = await server.open();
    await withScreenshots([page], "editor-large", async () => {
      await signUp(page, "Léa Moreau", "lea@example.org");
      const content = loadBuiltinContent();
      const template = content.templates.get("science-europe-structured")!;
      const large = planWithOutputs(referencePlan(), template, content.vocabularies, 20) as Plan;
      large.language = "eng"; // question labels in English
      // One required answer missing, far down the first output's first section.
      delete large.outputs.o1?.answers["collection.dataNature"];
      const imported = await api<{ plan: { id: string } }>(
        page,
        "POST",
        "/api/v1/plans/import?format=native",
        large,
      );
      expect(imported.status).toBe(201);
      const planId = imported.body.plan.id;

      await page.addInitScript(renderProbe);
      await page.goto(`/plans/${planId}?view=o:o1:documentation`);
      await page.getByTestId("plan-editor").waitFor();

      // A narrative answer whose editor is not there yet: clicked in the middle, typing goes there.
      const narrative = page.locator('[data-question="quality.description"]');
      await narrative.locator("[data-rich-text-placeholder] strong").click();
      await page.keyboard.type("X");
      await narrative.locator(".ProseMirror strong", { hasText: /^b\w*X\w*d$/ }).waitFor();
      await saved(page);

      // "What is missing" → the question, in another section: shown, scrolled to and focused.
      await page.getByTestId("completeness").click();
      await page
        .getByRole("dialog")
        .getByRole("button", { name: /Data Nature/ })
        .click();
      await page.waitForFunction(
        () =>
          document.activeElement?.closest("[data-question]")?.getAttribute("data-question") ===
          "collection.dataNature",
      );
      expect(new URL(page.url()).searchParams.get("view")).toBe("o:o1:description");

      // Every card of the section comes, and the vocabularies (their arrival renders the cards using them).
      await page.locator('[data-question="collection.costs"]').waitFor();
      await page.waitForFunction(
        () =>
          document.querySelectorAll("[data-question]").length === 17 &&
          document.querySelector("[data-question] input[disabled][readonly]") === null,
      );
      await page.waitForTimeout(500);

      // Typing in one answer renders that card and no other.
      await page.evaluate("window.__cardRenders = []");
      const field = page.locator('[data-question="description.workPackage"] input');
      await field.click();
      await page.keyboard.press("End");
      await page.keyboard.type(" and more");
      await saved(page);
      const rendered = new Set((await page.evaluate("window.__cardRenders")) as string[]);
      expect([...rendered]).toEqual(["/outputs/o1/answers/description.workPackage"]);

      const stored = await api<{ outputs: Record<string, { answers: Record<string, unknown> }> }>(
        page,
        "GET",
        `/api/v1/plans/${planId}`,
      );
      expect(stored.body.outputs.o1?.answers["description.workPackage"]).toMatch(/ and more$/);
      // The click was in the middle of the bold word, not at the end of the answer.
      const narrativeHtml = String(stored.body.outputs.o1?.answers["quality.description"]);
      expect(narrativeHtml).toMatch(/^<p>Answer \d+ with <strong>[a-zA-Z]+<\/strong> text\.<\/p>$/);
      const bold = /<strong>(.*)<\/strong>/.exec(narrativeHtml)?.[1] ?? "";
      expect(bold).toMatch(/^b[a-z]*X[a-z]*d$/);
      expect(bold.replace("X", "")).toBe("bold");
      expect(errors).toEqual([]);
    });
  }, 180_000);
});
