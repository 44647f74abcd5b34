import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { matrixRows } from "../support/plan-matrix-rows.js";

/** The body of a streamed answer: an error's whole JSON; nothing of a stream that stays open (left to the server's close). */
async function streamedBody(response: LightMyRequestResponse): Promise<string> {
  if (response.statusCode === 200) return "";
  let text = "";
  for await (const chunk of response.stream()) text += String(chunk);
  return text;
}

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

/**
 * Every plan route (rows in test/support/plan-matrix-rows.ts) × ten personas × private,
 * organisation and public plans: the status each must get, no refusal showing the plan's title,
 * no refusal changing anything; and plan lists showing a plan only to those who may see it.
 */
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
          const response = await t.app.inject({
            ...request,
            ...(row.stream ? { payloadAsStream: true } : {}),
          });
          const body = row.stream ? await streamedBody(response) : response.body;
          const where = `${persona} on a ${visibility} plan`;
          if (response.statusCode !== expected) {
            mismatches.push(
              `${where}: expected ${expected}, got ${response.statusCode} ${body.slice(0, 200)}`,
            );
          }
          if (response.statusCode >= 400) {
            // A refusal tells nothing about the plan and changes nothing.
            if (body.includes(fixture.title)) mismatches.push(`${where}: the refusal shows the title`);
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

  it("has a row for every plan route of the API", async () => {
    const document = (await t.app.inject({ url: "/api/v1/openapi.json" })).json();
    // Not about one plan: creating, listing (checked below) and importing.
    const notAboutOnePlan = new Set(["POST /plans", "GET /plans", "POST /plans/import", "GET /public/plans"]);
    const routes = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .map((operation) => operation.replace(" /api/v1/", " /"))
      .filter((operation) => /^\w+ \/(public\/)?plans\b/.test(operation) && !notAboutOnePlan.has(operation));
    expect(routes).toEqual(expect.arrayContaining(["GET /plans/{id}", "POST /plans/{id}/transfer"]));
    const covered = new Set(matrixRows.map((row) => row.name.split(" ").slice(0, 2).join(" ").split("?")[0]));
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });

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
