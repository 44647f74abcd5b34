import { createPlanMembersRepository } from "../../src/storage/plan-members-repository.js";
import { uniqueEmail } from "./accounts.js";
import type { TestApp } from "./app.js";
import { interopRows } from "./interop-matrix-rows.js";
import { type Fixture, type MatrixRow, refusal } from "./plan-matrix.js";
import { commentRows } from "./plan-matrix-comment-rows.js";

const plan = (fixture: Fixture) => `/api/v1/plans/${fixture.id}`;

async function currentRevision(t: TestApp, id: string): Promise<number> {
  const row = await t.context.database.db
    .selectFrom("plans")
    .select("revision")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.revision;
}

/**
 * EVERY plan route, one row each. To cover a new route, append a row: its `need` (see
 * test/support/plan-matrix.ts) says who may call it; `expected` overrides that for special rules.
 * Rows are grouped by area; comments, live events and import/export add their own groups below
 * (or a `<area>Rows` array in a file of their own, spread into `matrixRows`). The matrix test is
 * test/integration/plan-authorisation-matrix.test.ts.
 */
export const matrixRows: MatrixRow[] = [
  // ── Plans ────────────────────────────────────────────────────────────────────────────────────
  {
    name: "GET /plans/{id}",
    need: "read",
    request: ({ fixture }) => ({ method: "GET", url: plan(fixture) }),
  },
  {
    name: "GET /plans/{id}/access",
    need: "read",
    request: ({ fixture }) => ({ method: "GET", url: `${plan(fixture)}/access` }),
  },
  {
    name: "PATCH /plans/{id}",
    need: "edit",
    request: async ({ t, fixture, persona }) => ({
      method: "PATCH",
      url: plan(fixture),
      payload: {
        baseRevision: await currentRevision(t, fixture.id),
        ops: [{ op: "set", path: "/project/acronym", value: `by ${persona}` }],
      },
    }),
  },
  {
    name: "PATCH /plans/{id} on /visibility",
    need: "share",
    request: async ({ t, fixture }) => ({
      method: "PATCH",
      url: plan(fixture),
      payload: {
        baseRevision: await currentRevision(t, fixture.id),
        ops: [{ op: "set", path: "/visibility", value: fixture.visibility }],
      },
    }),
  },
  {
    name: "DELETE /plans/{id}",
    need: "owner",
    success: 204,
    consumes: true,
    request: ({ fixture }) => ({ method: "DELETE", url: plan(fixture) }),
  },
  {
    name: "POST /plans/{id}/restore (binned plan)",
    need: "owner",
    binned: true,
    consumes: true,
    // A binned plan is invisible to all but its owner.
    expected: (persona) => (persona === "owner" ? 200 : 404),
    request: ({ fixture }) => ({ method: "POST", url: `${plan(fixture)}/restore` }),
  },
  {
    name: "GET /plans/{id} (binned plan)",
    need: "owner",
    binned: true,
    expected: () => 404,
    request: ({ fixture }) => ({ method: "GET", url: plan(fixture) }),
  },
  {
    name: "POST /plans/{id}/duplicate",
    need: "read_signed_in",
    success: 201,
    request: ({ fixture }) => ({ method: "POST", url: `${plan(fixture)}/duplicate`, payload: {} }),
  },

  // ── Sharing and visibility ───────────────────────────────────────────────────────────────────
  {
    name: "GET /plans/{id}/members",
    need: "member_view",
    request: ({ fixture }) => ({ method: "GET", url: `${plan(fixture)}/members` }),
  },
  {
    name: "POST /plans/{id}/members (invitation)",
    need: "share",
    success: 202,
    request: ({ fixture }) => ({
      method: "POST",
      url: `${plan(fixture)}/members`,
      payload: { email: uniqueEmail("matrix-invitee"), role: "reader" },
    }),
  },
  {
    name: "PATCH /plans/{id}/members/{userId}",
    need: "share",
    request: ({ fixture, cast }) => ({
      method: "PATCH",
      url: `${plan(fixture)}/members/${cast.spare.id}`,
      payload: { role: "editor" },
    }),
  },
  {
    name: "DELETE /plans/{id}/members/{userId}",
    need: "share",
    success: 204,
    consumes: true,
    request: ({ fixture, cast }) => ({ method: "DELETE", url: `${plan(fixture)}/members/${cast.spare.id}` }),
  },
  {
    name: "DELETE /plans/{id}/members/{userId} (leave: own id)",
    need: "read",
    success: 204,
    consumes: true,
    expected: (persona, visibility) => {
      if (persona === "owner") return 409; // the owner cannot leave
      if (["reader", "commenter", "editor", "co_owner"].includes(persona)) return 204;
      if (refusal(persona, visibility) !== 403) return refusal(persona, visibility);
      return 404; // not a member
    },
    request: ({ fixture, self }) => ({
      method: "DELETE",
      url: `${plan(fixture)}/members/${self ?? "nobody"}`,
    }),
  },
  {
    name: "DELETE /plans/{id}/invitations/{invitationId}",
    need: "share",
    success: 204,
    request: async ({ t, fixture }) => {
      const id = `inv-${Math.random().toString(36).slice(2)}`;
      const email = uniqueEmail("matrix-pending");
      await createPlanMembersRepository(t.context.database.db).addInvitation({
        id,
        plan_id: fixture.id,
        email,
        token_hash: null,
        email_key: email,
        role: "reader",
        invited_by: "matrix",
        created_at: new Date().toISOString(),
      });
      return { method: "DELETE", url: `${plan(fixture)}/invitations/${id}` };
    },
  },
  {
    name: "POST /plans/{id}/transfer",
    need: "owner",
    consumes: true,
    request: ({ fixture, cast }) => ({
      method: "POST",
      url: `${plan(fixture)}/transfer`,
      payload: { userId: cast.spare.id },
    }),
  },
  {
    name: "PUT /plans/{id}/visibility",
    need: "share",
    request: ({ fixture }) => ({
      method: "PUT",
      url: `${plan(fixture)}/visibility`,
      payload: { visibility: fixture.visibility },
    }),
  },

  // ── History ──────────────────────────────────────────────────────────────────────────────────
  {
    name: "GET /plans/{id}/history",
    need: "member_view",
    request: ({ fixture }) => ({ method: "GET", url: `${plan(fixture)}/history` }),
  },
  {
    name: "GET /plans/{id}/revisions/{revision}",
    need: "member_view",
    request: ({ fixture }) => ({ method: "GET", url: `${plan(fixture)}/revisions/0` }),
  },
  {
    name: "GET /plans/{id}/diff",
    need: "member_view",
    request: ({ fixture }) => ({ method: "GET", url: `${plan(fixture)}/diff?from=0&to=1` }),
  },
  {
    name: "POST /plans/{id}/revert",
    need: "edit",
    request: ({ fixture }) => ({ method: "POST", url: `${plan(fixture)}/revert`, payload: { revision: 1 } }),
  },

  // ── Comments ─────────────────────────────────────────────────────────────────────────────────
  ...commentRows,
  // ── Live events ──────────────────────────────────────────────────────────────────────────────
  // ── Import and export ────────────────────────────────────────────────────────────────────────
  ...interopRows,
  // ── Live editing ─────────────────────────────────────────────────────────────────────────────
  {
    name: "GET /plans/{id}/events",
    need: "read",
    stream: true,
    request: ({ fixture }) => ({ method: "GET", url: `${plan(fixture)}/events` }),
  },
  {
    name: "POST /plans/{id}/presence",
    need: "read_signed_in",
    // Whoever may read it gets as far as the connection check: this one is not theirs.
    success: 409,
    request: ({ fixture }) => ({
      method: "POST",
      url: `${plan(fixture)}/presence`,
      payload: { connectionId: "not-a-connection-of-yours", field: "/details/title" },
    }),
  },
];
