import { randomUUID } from "node:crypto";
import type { TestApp } from "./app.js";
import { type Fixture, isAllowed, type MatrixRow, refusal } from "./plan-matrix.js";

// science-europe-structured asks "budget.description" once per plan.
const questionId = "budget.description";
const comments = (fixture: Fixture) => `/api/v1/plans/${fixture.id}/comments`;

/** A thread on the fixture plan written by `authorId` (the owner's when the caller is anonymous). */
async function seedComment(t: TestApp, fixture: Fixture, authorId: string): Promise<string> {
  const id = randomUUID();
  await t.context.database.db
    .insertInto("plan_comments")
    .values({
      id,
      plan_id: fixture.id,
      question_id: questionId,
      output_id: null,
      parent_id: null,
      author_id: authorId,
      body: "Seeded by the matrix",
      created_at: new Date().toISOString(),
      edited_at: null,
      resolved_at: null,
      resolved_by: null,
    })
    .execute();
  return id;
}

/** Comment routes of the authorisation matrix (spread into `matrixRows`). */
export const commentRows: MatrixRow[] = [
  {
    name: "GET /plans/{id}/comments",
    need: "read",
    request: ({ fixture }) => ({ method: "GET", url: comments(fixture) }),
  },
  {
    name: "GET /plans/{id}/comments/counts",
    need: "read",
    request: ({ fixture }) => ({ method: "GET", url: `${comments(fixture)}/counts` }),
  },
  {
    name: "POST /plans/{id}/comments",
    need: "comment",
    success: 201,
    request: ({ fixture, persona }) => ({
      method: "POST",
      url: comments(fixture),
      payload: { questionId, body: `by ${persona}` },
    }),
  },
  {
    name: "PATCH /plans/{id}/comments/{commentId} (own comment)",
    need: "comment",
    request: async ({ t, cast, fixture, self }) => {
      const author = self ?? (cast.sessions.owner?.accountId as string);
      const id = await seedComment(t, fixture, author);
      return { method: "PATCH", url: `${comments(fixture)}/${id}`, payload: { body: "Edited" } };
    },
  },
  {
    name: "PATCH /plans/{id}/comments/{commentId} (the owner's comment)",
    need: "comment",
    // Only its author edits a comment: other commenters get 403.
    expected: (persona, visibility) =>
      persona === "owner"
        ? 200
        : isAllowed("comment", persona, visibility)
          ? 403
          : refusal(persona, visibility),
    request: async ({ t, cast, fixture }) => {
      const id = await seedComment(t, fixture, cast.sessions.owner?.accountId as string);
      return { method: "PATCH", url: `${comments(fixture)}/${id}`, payload: { body: "Edited" } };
    },
  },
  {
    name: "POST /plans/{id}/comments/{commentId}/resolve",
    need: "comment",
    request: async ({ t, cast, fixture }) => {
      const id = await seedComment(t, fixture, cast.sessions.owner?.accountId as string);
      return { method: "POST", url: `${comments(fixture)}/${id}/resolve` };
    },
  },
  {
    name: "POST /plans/{id}/comments/{commentId}/reopen",
    need: "comment",
    request: async ({ t, cast, fixture }) => {
      const id = await seedComment(t, fixture, cast.sessions.owner?.accountId as string);
      return { method: "POST", url: `${comments(fixture)}/${id}/reopen` };
    },
  },
];
