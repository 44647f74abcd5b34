import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { api, createPlanFromPage, describeJourneys, journeyServer, signUp } from "../support/web-journeys.js";
import { expectAccessible, openPage, type TestPage } from "../support/web-page.js";

// A question answered once per plan (section "Data management costs" of Science Europe structured).
const questionId = "budget.description";

/** Open the plan's "Data management costs" section; returns the card of its first question. */
async function openBudget(page: Page, planId: string) {
  await page.goto(`/plans/${planId}`);
  await page.getByTestId("plan-editor").waitFor();
  await page
    .getByRole("navigation", { name: "Plan contents" })
    .getByRole("button", { name: /Data management costs/ })
    .click();
  const card = page.locator(`[data-question="${questionId}"]`);
  await card.waitFor();
  return card;
}

const commentButton = (card: ReturnType<Page["locator"]>) =>
  card.getByRole("button", { name: /^(Comment|Comments)( \(\d+ open\))?$/ });

describeJourneys("comments panel, in Chromium ($name)", (dialect) => {
  const server = journeyServer(dialect);
  const opened: TestPage[] = [];
  afterAll(async () => {
    for (const page of opened) await page.close().catch(() => {});
  });

  async function open(name: string, email: string) {
    const page = await openPage(server.browser, "en-GB", server.baseUrl);
    opened.push(page);
    await signUp(page.page, name, email);
    return page;
  }

  it("a commenter posts, replies, edits, resolves and reopens; the owner and a reader see it as they may", async () => {
    const commenter = await open("Carl Commenter", "carl@example.org");
    const reader = await open("Rita Reader", "rita@example.org");
    const owner = await open("Olga Owner", "olga@example.org");
    const pages = [commenter.page, reader.page, owner.page];
    try {
      const planId = await createPlanFromPage(owner.page, "Commented plan");
      for (const [email, role] of [
        ["carl@example.org", "commenter"],
        ["rita@example.org", "reader"],
      ] as const) {
        const shared = await api(owner.page, "POST", `/api/v1/plans/${planId}/members`, { email, role });
        expect(shared.status).toBe(201);
      }

      // Before any comment, the reader is offered to read comments, not to write one.
      const readerCard = await openBudget(reader.page, planId);
      expect(await commentButton(readerCard).textContent()).toBe("Comments");

      // The commenter: the plan is read-only, comments are open to them.
      const { page } = commenter;
      const card = await openBudget(page, planId);
      await page
        .getByText(/read only|You can read this plan but not change it\./)
        .first()
        .waitFor();
      expect(await card.locator('[contenteditable="true"]').count()).toBe(0);
      await commentButton(card).click();
      const drawer = page.getByRole("dialog", { name: "Comments" });
      await drawer.getByTestId("comments-empty").getByText("No open discussion on this question.").waitFor();
      await expectAccessible(page, "comments panel, empty");

      // Post: the thread appears, the question's count follows.
      await drawer.getByRole("button", { name: "Post the comment" }).click();
      await drawer.getByText("Fill in this field.").waitFor();
      await drawer.getByLabel("New comment").fill("Which costs does this cover?");
      await drawer.getByRole("button", { name: "Post the comment" }).click();
      const thread = drawer.getByTestId("comment-thread");
      await thread.getByText("Which costs does this cover?").waitFor();
      expect(await drawer.getByLabel("New comment").inputValue()).toBe("");
      await expect
        .poll(() => commentButton(card).textContent(), { timeout: 10_000 })
        .toBe("Comments (1 open)");

      // Reply, then edit the reply (own comment).
      await thread.getByRole("button", { name: "Reply" }).click();
      await thread.getByLabel("Your reply").fill("Storage and curation, I think.");
      await thread.getByRole("button", { name: "Reply" }).click();
      await thread.getByText("Storage and curation, I think.").waitFor();
      await expectAccessible(page, "comments panel, a thread with a reply");
      await thread.getByRole("button", { name: "Edit" }).last().click();
      const editor = thread.getByLabel("Your comment");
      expect(await editor.inputValue()).toBe("Storage and curation, I think.");
      await editor.fill("Storage, curation and deposit.");
      await thread.getByRole("button", { name: "Save" }).click();
      await thread.getByText("Storage, curation and deposit.").waitFor();
      await thread.getByText("edited", { exact: false }).waitFor();
      expect(await thread.getByText("Storage and curation, I think.").count()).toBe(0);

      // Resolve: the thread leaves the open ones; the count goes; "Resolved" shows it; reopen.
      await thread.getByRole("button", { name: "Resolve" }).click();
      await drawer.getByTestId("comments-empty").waitFor();
      await expect.poll(() => commentButton(card).textContent(), { timeout: 10_000 }).toBe("Comment");
      await drawer.locator("fieldset").getByText("Resolved", { exact: true }).click();
      await thread.getByText("Resolved by Carl Commenter").waitFor();
      await expectAccessible(page, "comments panel, resolved thread");
      await thread.getByRole("button", { name: "Reopen" }).click();
      await drawer
        .getByTestId("comments-empty")
        .getByText("No resolved discussion on this question.")
        .waitFor();
      await drawer.locator("fieldset").getByText("Open", { exact: true }).click();
      await thread.getByText("Which costs does this cover?").waitFor();
      await expect
        .poll(() => commentButton(card).textContent(), { timeout: 10_000 })
        .toBe("Comments (1 open)");

      // The server refuses a change to the plan from the commenter.
      const plan = await api(page, "GET", `/api/v1/plans/${planId}`);
      const edit = await api(page, "PATCH", `/api/v1/plans/${planId}`, {
        baseRevision: plan.body?.revision,
        ops: [{ op: "set", path: "/details/title", value: "Changed by the commenter" }],
      });
      expect(edit.status).toBe(403);

      // The owner sees the thread, may reply and resolve, but not edit someone else's words.
      const ownerCard = await openBudget(owner.page, planId);
      expect(await commentButton(ownerCard).textContent()).toBe("Comments (1 open)");
      await commentButton(ownerCard).click();
      const ownerThread = owner.page.getByRole("dialog", { name: "Comments" }).getByTestId("comment-thread");
      await ownerThread.getByText("Storage, curation and deposit.").waitFor();
      await ownerThread.getByRole("button", { name: "Reply" }).waitFor();
      expect(await ownerThread.getByRole("button", { name: "Edit" }).count()).toBe(0);

      // The reader sees the discussion but has no way to take part.
      await openBudget(reader.page, planId);
      await expect
        .poll(() => commentButton(readerCard).textContent(), { timeout: 10_000 })
        .toBe("Comments (1 open)");
      await commentButton(readerCard).click();
      const readerDrawer = reader.page.getByRole("dialog", { name: "Comments" });
      await readerDrawer.getByText("Which costs does this cover?").waitFor();
      await readerDrawer.getByText("Storage, curation and deposit.").waitFor();
      await readerDrawer.getByText("You can read these comments but not write any.").waitFor();
      expect(await readerDrawer.getByLabel("New comment").count()).toBe(0);
      for (const name of ["Reply", "Resolve", "Edit"])
        expect(await readerDrawer.getByRole("button", { name }).count()).toBe(0);
      await expectAccessible(reader.page, "comments panel, as reader");
      const refused = await api(reader.page, "POST", `/api/v1/plans/${planId}/comments`, {
        questionId,
        body: "A reader tries",
      });
      expect(refused.status).toBe(403);

      expect(commenter.errors).toEqual([]);
      expect(reader.errors).toEqual([]);
      expect(owner.errors).toEqual([]);
    } catch (error) {
      for (const [index, shot] of pages.entries())
        await shot
          .screenshot({ path: join(tmpdir(), `carnet-comments-${index}.png`), fullPage: true })
          .catch(() => {});
      throw error;
    }
  }, 300_000);
});
