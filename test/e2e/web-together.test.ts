import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  api,
  describeJourneys,
  type JourneyServer,
  saved,
  signUp,
  useJourneyServer,
  withScreenshots,
} from "../support/web-journeys.js";
import { expectAccessible, type TestPage } from "../support/web-page.js";

interface StoredPlan {
  revision: number;
  details: { title: string; deliverableNumber?: string; scope?: string; licence?: string };
}

/** The value an input of the editor shows, once it shows `expected` (live edits, no reload). */
async function shows(page: Page, label: string, expected: string) {
  await expect.poll(() => page.getByLabel(label).inputValue(), { timeout: 15_000 }).toBe(expected);
}

type Author = { name: string; email: string };

/**
 * Two authors, each signed up in a page of their own (screenshots kept on failure): A creates an
 * English Science Europe plan titled `title` and shares it with B as editor; then `steps`.
 */
async function withSharedPlan(
  open: () => Promise<TestPage>,
  name: string,
  authors: [Author, Author],
  title: string,
  steps: (a: TestPage, b: TestPage, planId: string) => Promise<void>,
): Promise<void> {
  const a = await open();
  const b = await open();
  await withScreenshots([a.page, b.page], name, async () => {
    await signUp(a.page, authors[0].name, authors[0].email);
    await signUp(b.page, authors[1].name, authors[1].email);
    const created = await api<{ id: string }>(a.page, "POST", "/api/v1/plans", {
      templateId: "science-europe",
      language: "eng",
      title,
    });
    expect(created.status).toBe(201);
    const planId = created.body.id;
    const shared = await api(a.page, "POST", `/api/v1/plans/${planId}/members`, {
      email: authors[1].email,
      role: "editor",
    });
    expect(shared.status).toBe(201);
    await steps(a, b, planId);
  });
}

describeJourneys("two authors in the plan editor ($name)", (dialect) => {
  let server: JourneyServer;
  useJourneyServer(dialect, (started) => {
    server = started;
  });

  const open = (locale?: string) => server.open(locale);

  it("journey 2: two authors edit one plan — both edits survive, live; a conflict is offered; nothing is lost", async () => {
    const authors: [Author, Author] = [
      { name: "Aline Martin", email: "aline@example.org" },
      { name: "Bruno Costa", email: "bruno@example.org" },
    ];
    await withSharedPlan(open, "journey-2", authors, "Living soils", async (a, b, planId) => {
      const pageA = a.page;
      const pageB = b.page;
      // What the server holds, read with whichever session is online.
      const stored = async (page = pageA) =>
        (await api<StoredPlan>(page, "GET", `/api/v1/plans/${planId}`)).body;

      // 1. Both in the editor: each sees the other in the header.
      await pageA.goto(`/plans/${planId}`);
      await pageA.getByTestId("plan-editor").waitFor();
      await pageB.goto(`/plans/${planId}`);
      await pageB.getByTestId("plan-editor").waitFor();
      await pageA.getByTestId("presence").getByLabel("Bruno Costa").waitFor();
      await pageB.getByTestId("presence").getByLabel("Aline Martin").waitFor();
      await expectAccessible(pageA, "editor with someone else present");

      // 2. Different fields: both survive; A's edit appears in B's page without a reload.
      await pageA.getByLabel("Plan title").fill("Living soils — data management plan");
      await pageB.getByLabel("Deliverable number").fill("D2.1");
      await saved(pageA);
      await saved(pageB);
      await shows(pageB, "Plan title", "Living soils — data management plan");
      await shows(pageA, "Deliverable number", "D2.1");
      let plan = await stored();
      expect(plan.details.title).toBe("Living soils — data management plan");
      expect(plan.details.deliverableNumber).toBe("D2.1");

      // 3. The same field, changed by both before either sees the other's version: B types while
      // offline (a live stream already open stays up, so B must edit first), then A saves the same
      // field; when B is back online, B is offered both versions and chooses.
      await b.context.setOffline(true);
      await pageB
        .getByLabel("Description of the plan")
        .fill("Soil cores and sensor readings from three sites.");
      await pageB.locator('[data-testid="save-status"][data-state="offline"]').waitFor();
      await pageA.getByLabel("Description of the plan").fill("Field surveys of the Loire basin, 2025–2027.");
      await saved(pageA);
      expect((await stored()).details.scope).toBe("Field surveys of the Loire basin, 2025–2027.");
      // B's unsent edit stays on B's screen while A's arrives.
      await shows(pageB, "Description of the plan", "Soil cores and sensor readings from three sites.");
      await b.context.setOffline(false);
      const conflict = pageB.getByRole("dialog", { name: "Someone else changed the same field" });
      await conflict.waitFor({ timeout: 20_000 });
      await expect
        .poll(() => conflict.getByTestId("conflict-mine").textContent())
        .toBe("Soil cores and sensor readings from three sites.");
      await expect
        .poll(() => conflict.getByTestId("conflict-theirs").textContent())
        .toBe("Field surveys of the Loire basin, 2025–2027.");
      await expectAccessible(pageB, "conflict dialog");
      await conflict.getByRole("button", { name: "Keep my version" }).click();
      await conflict.waitFor({ state: "detached" });
      await saved(pageB);
      plan = await stored();
      expect(plan.details.scope).toBe("Soil cores and sensor readings from three sites.");
      expect(plan.details.title).toBe("Living soils — data management plan");
      expect(plan.details.deliverableNumber).toBe("D2.1");
      // A sees B's choice live; B keeps A's other edits.
      await shows(pageA, "Description of the plan", "Soil cores and sensor readings from three sites.");
      await shows(pageB, "Description of the plan", "Soil cores and sensor readings from three sites.");
      await shows(pageB, "Plan title", "Living soils — data management plan");

      // Once more, and B keeps A's version this time: B's other unsent edit (another field) is not lost.
      await b.context.setOffline(true);
      await pageB.getByLabel("Plan title").fill("Soils (B's title)");
      await pageB.getByLabel("Deliverable number").fill("D2.3");
      await pageB.locator('[data-testid="save-status"][data-state="offline"]').waitFor();
      await pageA.getByLabel("Plan title").fill("Living soils — the agreed title");
      await saved(pageA);
      await b.context.setOffline(false);
      await conflict.waitFor({ timeout: 20_000 });
      await expect
        .poll(() => conflict.getByTestId("conflict-theirs").textContent())
        .toBe("Living soils — the agreed title");
      await expect.poll(() => conflict.getByTestId("conflict-mine").textContent()).toBe("Soils (B's title)");
      await conflict.getByRole("button", { name: "Keep their version" }).click();
      await conflict.waitFor({ state: "detached" });
      await saved(pageB);
      await shows(pageB, "Plan title", "Living soils — the agreed title");
      await shows(pageA, "Deliverable number", "D2.3");
      plan = await stored();
      expect(plan.details.title).toBe("Living soils — the agreed title");
      expect(plan.details.deliverableNumber).toBe("D2.3");
      expect(plan.details.scope).toBe("Soil cores and sensor readings from three sites.");

      // 4. Offline, then online: the edit waits, visibly, and is saved on return.
      await a.context.setOffline(true);
      await pageA.getByLabel("Licence of the plan").fill("CC-BY-4.0");
      await pageA.locator('[data-testid="save-status"][data-state="offline"]').waitFor();
      await expect.poll(() => pageA.getByTestId("save-status").textContent()).toMatch(/^Offline/);
      expect((await stored(pageB)).details.licence).toBeUndefined();
      await a.context.setOffline(false);
      await saved(pageA);
      plan = await stored();
      expect(plan.details.licence).toBe("CC-BY-4.0");
      expect(plan.details.scope).toBe("Soil cores and sensor readings from three sites.");
      await shows(pageB, "Licence of the plan", "CC-BY-4.0");
      // Network failures while offline are expected; nothing else went wrong in either page.
      const unexpected = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));
      expect(unexpected(a.errors)).toEqual([]);
      expect(unexpected(b.errors)).toEqual([]);
    });
  }, 240_000);

  it("a code of a large vocabulary set by another author is labelled live, without a reload", async () => {
    const authors: [Author, Author] = [
      { name: "Chloé Durand", email: "chloe@example.org" },
      { name: "David Okafor", email: "david@example.org" },
    ];
    await withSharedPlan(
      open,
      "live-vocabulary-labels",
      authors,
      "Coastal languages",
      async (a, b, planId) => {
        const pageA = a.page;
        const pageB = b.page;
        // Every request A makes for vocabulary labels once its editor has loaded.
        const labelRequests: URL[] = [];
        pageA.on("request", (request) => {
          if (request.url().includes("/api/v1/vocabulary-views")) labelRequests.push(new URL(request.url()));
        });
        await pageA.goto(`/plans/${planId}`);
        await pageA.getByTestId("plan-editor").waitFor();
        const nav = pageA.getByRole("navigation", { name: "Plan contents" });
        await nav.locator("[data-output]").first().click();
        await nav.getByRole("button", { name: /Data description/ }).click();
        const language = pageA
          .locator('[data-question="description.language"] input:not([type="hidden"])')
          .first();
        await language.waitFor();
        await expect.poll(() => labelRequests.length).toBe(1);
        const loaded = labelRequests.length;

        // B sets codes of ISO 639-3 (not downloaded whole) in one edit: one in the section A shows,
        // one elsewhere. A's page asks for both labels in one request and shows the label live.
        const setAnswers = async (answers: Record<string, string>) => {
          const plan = await api<{ revision: number; outputs: Record<string, unknown> }>(
            pageB,
            "GET",
            `/api/v1/plans/${planId}`,
          );
          const [outputId] = Object.keys(plan.body.outputs);
          const patched = await api(pageB, "PATCH", `/api/v1/plans/${planId}`, {
            baseRevision: plan.body.revision,
            ops: Object.entries(answers).map(([question, value]) => ({
              op: "set",
              path: `/outputs/${outputId}/answers/${question}`,
              value,
            })),
          });
          expect(patched.status).toBe(200);
        };
        await setAnswers({ "description.language": "bre", "documentation.metadataLanguage": "cor" });
        await expect.poll(() => language.inputValue(), { timeout: 15_000 }).toBe("Breton");
        expect(labelRequests.length).toBe(loaded + 1);
        const asked = labelRequests.at(-1)!;
        expect(asked.searchParams.get("codes")?.split(",").sort()).toEqual(["bre", "cor"]);
        expect(asked.searchParams.get("ids")).not.toContain("contributor-roles");

        // A code the vocabulary does not hold is shown as such, asked for once, not again and again.
        await setAnswers({ "description.language": "zzzz" });
        await expect.poll(() => language.inputValue(), { timeout: 15_000 }).toBe("zzzz (not in the list)");
        expect(labelRequests.length).toBe(loaded + 2);
        // Codes already labelled are not asked for again, whatever else changes.
        await setAnswers({ "description.language": "bre" });
        await expect.poll(() => language.inputValue(), { timeout: 15_000 }).toBe("Breton");
        await setAnswers({ "description.language": "zzzz" });
        await expect.poll(() => language.inputValue(), { timeout: 15_000 }).toBe("zzzz (not in the list)");
        await pageA.waitForTimeout(500);
        expect(labelRequests.length).toBe(loaded + 2);
        expect(a.errors).toEqual([]);
      },
    );
  }, 120_000);
});
