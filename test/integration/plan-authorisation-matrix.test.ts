import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlanMembersRepository } from "../../src/storage/plan-members-repository.js";
import { uniqueEmail } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";
import {
  type Cast,
  castPersonas,
  type Fixture,
  isAllowed,
  type MatrixRow,
  makeFixture,
  type Persona,
  personas,
  refusal,
  type Visibility,
  visibilities,
} from "../support/plan-matrix.js";

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
 * Rows are grouped by area; comments, live events and import/export add their own groups below.
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
    name: "DELETE /plans/{id}/members/{own id} (leave)",
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
  // ── Live events ──────────────────────────────────────────────────────────────────────────────
  // ── Import and export ────────────────────────────────────────────────────────────────────────
];

/** Everything about a plan that a refused call must leave as it was. */
async function snapshot(t: TestApp, id: string) {
  const db = t.context.database.db;
  const row = await db
    .selectFrom("plans")
    .select(["revision", "deleted_at", "owner_id", "visibility", "document"])
    .where("id", "=", id)
    .executeTakeFirst();
  const members = await db
    .selectFrom("plan_members")
    .select(["user_id", "role"])
    .where("plan_id", "=", id)
    .orderBy("user_id")
    .execute();
  const invitations = await db
    .selectFrom("plan_invitations")
    .select(["id"])
    .where("plan_id", "=", id)
    .orderBy("id")
    .execute();
  return { row, members, invitations };
}

describe.each(testDialects())("plan authorisation matrix on $name", (dialect) => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await castPersonas(t);
  });
  afterAll(() => t.close());

  /** The row's request for `persona` (built before the snapshot: building may set things up). */
  const prepare = async (row: MatrixRow, fixture: Fixture, persona: Persona) => {
    const session = cast.sessions[persona];
    const options = await row.request({ t, cast, fixture, persona, self: session?.accountId });
    return {
      ...options,
      ...(session ? { cookies: session.cookies } : {}),
      headers: { ...(options.headers ?? {}), ...(session ? { "x-csrf-token": session.csrf } : {}) },
    };
  };

  for (const row of matrixRows) {
    it(row.name, async () => {
      const mismatches: string[] = [];
      for (const visibility of visibilities) {
        const fresh = () => makeFixture(t, cast, visibility, { binned: row.binned ?? false });
        let fixture = await fresh();
        for (const persona of personas) {
          const allowed = isAllowed(row.need, persona, visibility);
          const expected =
            row.expected?.(persona, visibility) ??
            (allowed ? (row.success ?? 200) : refusal(persona, visibility));
          const request = await prepare(row, fixture, persona);
          const before = await snapshot(t, fixture.id);
          const response = await t.app.inject(request);
          const where = `${persona} on a ${visibility} plan`;
          if (response.statusCode !== expected) {
            mismatches.push(
              `${where}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 200)}`,
            );
          }
          if (response.statusCode >= 400) {
            // A refusal tells nothing about the plan and changes nothing.
            if (response.body.includes(fixture.title))
              mismatches.push(`${where}: the refusal shows the title`);
            const after = await snapshot(t, fixture.id);
            if (JSON.stringify(after) !== JSON.stringify(before))
              mismatches.push(`${where}: refused, yet changed`);
            if (response.statusCode >= 500) mismatches.push(`${where}: server error`);
          } else if (row.consumes) {
            fixture = await fresh();
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it("lists a plan only to those who may see it, in the scopes that fit", async () => {
    const mismatches: string[] = [];
    const has = (body: { plans: { id: string }[] }, id: string) => body.plans.some((p) => p.id === id);
    const fixtures = {} as Record<Visibility, Fixture>;
    for (const visibility of visibilities) fixtures[visibility] = await makeFixture(t, cast, visibility);
    for (const visibility of visibilities) {
      const fixture = fixtures[visibility];
      for (const persona of personas) {
        const session = cast.sessions[persona];
        const members: Persona[] = ["reader", "commenter", "editor", "co_owner", "owner"];
        const expectations: [string, boolean][] = [
          [`/api/v1/public/plans?q=${encodeURIComponent(fixture.title)}`, visibility === "public"],
        ];
        if (session) {
          expectations.push(
            [`/api/v1/plans?q=${encodeURIComponent(fixture.title)}`, members.includes(persona)],
            [
              `/api/v1/plans?scope=shared&q=${encodeURIComponent(fixture.title)}`,
              members.includes(persona) && persona !== "owner",
            ],
            [
              `/api/v1/plans?scope=organisation&q=${encodeURIComponent(fixture.title)}`,
              visibility === "organisation" && (persona === "owner" || persona === "org_admin_same_org"),
            ],
            [`/api/v1/plans?scope=public&q=${encodeURIComponent(fixture.title)}`, visibility === "public"],
          );
        }
        for (const [url, listed] of expectations) {
          const response = await t.app.inject({ url, ...(session ? { cookies: session.cookies } : {}) });
          if (response.statusCode !== 200) {
            mismatches.push(`${persona} ${url}: ${response.statusCode}`);
          } else if (has(response.json(), fixture.id) !== listed) {
            mismatches.push(`${persona} on a ${visibility} plan, ${url}: expected listed=${listed}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
