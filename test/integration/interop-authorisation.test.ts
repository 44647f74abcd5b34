import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSession, registerUser, type TestSession } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

const dcs = readFileSync(
  new URL("../fixtures/formats/rda-dcs/v1.2/ex2-dataset-planned.json", import.meta.url),
  "utf8",
);
const roles = ["owner", "co_owner", "editor", "commenter", "reader", "stranger", "anonymous"] as const;
type Caller = (typeof roles)[number];

/** Expected status per caller for each export/import/maDMP route on a private plan. */
const matrix: Record<string, Record<Caller, number>> = {
  "GET export": {
    owner: 200,
    co_owner: 200,
    editor: 200,
    commenter: 200,
    reader: 200,
    stranger: 404,
    anonymous: 404,
  },
  "GET dmp": {
    owner: 200,
    co_owner: 200,
    editor: 200,
    commenter: 200,
    reader: 200,
    stranger: 404,
    anonymous: 404,
  },
  // Writes need someone signed in first (401 whatever the id, as the maDMP standard asks): no leak.
  "PUT dmp": {
    owner: 200,
    co_owner: 200,
    editor: 200,
    commenter: 403,
    reader: 403,
    stranger: 404,
    anonymous: 401,
  },
  "DELETE dmp": {
    owner: 204,
    co_owner: 403,
    editor: 403,
    commenter: 403,
    reader: 403,
    stranger: 404,
    anonymous: 401,
  },
  "POST import": {
    owner: 201,
    co_owner: 201,
    editor: 201,
    commenter: 201,
    reader: 201,
    stranger: 201,
    anonymous: 401,
  },
};

describe.each(testDialects())("export, import and maDMP routes × plan roles on $name", (dialect) => {
  let t: TestApp;
  const sessions = {} as Record<Exclude<Caller, "anonymous">, TestSession & { email: string }>;
  let planId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const role of roles) if (role !== "anonymous") sessions[role] = await registerUser(t.app);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/madmp/v1/dmps",
      ...asSession(sessions.owner),
      headers: { ...asSession(sessions.owner).headers, "content-type": "application/json" },
      payload: dcs,
    });
    expect(created.statusCode, created.body).toBe(200);
    planId = created.json().id;
    for (const role of ["co_owner", "editor", "commenter", "reader"] as const) {
      const added = await t.app.inject({
        method: "POST",
        url: `/api/v1/plans/${planId}/members`,
        ...asSession(sessions.owner),
        payload: { email: sessions[role].email, role },
      });
      expect(added.statusCode, added.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  const call = (caller: Caller, method: "GET" | "PUT" | "POST" | "DELETE", url: string, body?: string) => {
    const session = caller === "anonymous" ? undefined : sessions[caller];
    return t.app.inject({
      method,
      url,
      ...(session ? { cookies: session.cookies } : {}),
      headers: {
        ...(session ? { "x-csrf-token": session.csrf } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { payload: body }),
    });
  };

  it("answers every caller as the matrix says (no read or write leaks; invisible plans are 404)", async () => {
    const seen: Record<string, Record<string, number>> = {};
    const note = (route: string, caller: Caller, status: number) => {
      seen[route] ??= {};
      seen[route]![caller] = status;
    };
    // The owner's DELETE comes last, once every other route has been tried on the plan.
    const order = [...roles.filter((r) => r !== "owner"), "owner" as const];
    for (const caller of order) {
      note(
        "GET export",
        caller,
        (await call(caller, "GET", `/api/v1/plans/${planId}/export?format=rda-dcs-1.2`)).statusCode,
      );
      note("GET dmp", caller, (await call(caller, "GET", `/api/madmp/v1/dmps/${planId}`)).statusCode);
      note("PUT dmp", caller, (await call(caller, "PUT", `/api/madmp/v1/dmps/${planId}`, dcs)).statusCode);
      note("POST import", caller, (await call(caller, "POST", "/api/v1/plans/import", dcs)).statusCode);
      note("DELETE dmp", caller, (await call(caller, "DELETE", `/api/madmp/v1/dmps/${planId}`)).statusCode);
    }
    expect(seen).toEqual(matrix);
    // Binned by its owner, the plan is now invisible to everyone through these routes.
    expect((await call("reader", "GET", `/api/v1/plans/${planId}/export?format=json`)).statusCode).toBe(404);
  });
});
