import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlansRepository } from "../../src/storage/plans-repository.js";
import { asSession, registerUser, type TestSession } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

const setTitle = (value: string) => [{ op: "set", path: "/details/title", value }];

describe.each(testDialects())("plan edits with an Idempotency-Key on $name", (dialect) => {
  let t: TestApp;
  let owner: TestSession;
  let editor: TestSession & { email: string };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await registerUser(t.app);
    editor = await registerUser(t.app);
  });
  afterAll(() => t.close());

  const create = async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      ...asSession(owner),
      payload: { templateId: "science-europe-structured", language: "fra", title: "Idempotent DMP" },
    });
    expect(response.statusCode, response.body).toBe(201);
    const id = (response.json() as { id: string }).id;
    const shared = await t.app.inject({
      method: "POST",
      url: `/api/v1/plans/${id}/members`,
      ...asSession(owner),
      payload: { email: editor.email, role: "editor" },
    });
    expect(shared.statusCode, shared.body).toBeLessThan(300);
    return id;
  };
  const patch = (
    session: TestSession,
    id: string,
    payload: { baseRevision: number; ops: object[] },
    key?: string,
    lang = "en",
  ) => {
    const { cookies, headers } = asSession(session);
    return t.app.inject({
      method: "PATCH",
      url: `/api/v1/plans/${id}`,
      cookies,
      headers: {
        ...headers,
        "accept-language": lang,
        ...(key === undefined ? {} : { "idempotency-key": key }),
      },
      payload,
    });
  };
  const eventCount = async (id: string) =>
    (await createPlansRepository(t.context.database.db).events(id)).length;

  it("answers an edit sent again with its key as it was first (same revision, 200), applying it once", async () => {
    const id = await create();
    const edit = { baseRevision: 0, ops: setTitle("Once") };
    const first = await patch(owner, id, edit, "key-1");
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const again = await patch(owner, id, edit, "key-1");
    expect(again.statusCode, again.body).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(first.json());
    expect(await eventCount(id)).toBe(1);
    // Without a key the same resend is a conflict with oneself: what the key is for.
    const unkeyed = await patch(owner, id, edit);
    expect(unkeyed.statusCode).toBe(409);
    // A new key on an edit that conflicts is a conflict like any other (nothing to answer again).
    const fresh = await patch(owner, id, edit, "key-1-other");
    expect(fresh.statusCode, fresh.body).toBe(409);
    expect(fresh.json().error.code).toBe("conflict");
    expect(await eventCount(id)).toBe(1);
  });

  it("answers the first result even after later edits, and keys are per plan", async () => {
    const id = await create();
    const first = await patch(owner, id, { baseRevision: 0, ops: setTitle("Mine") }, "key-2");
    expect(first.json().revision).toBe(1);
    const later = await patch(editor, id, { baseRevision: 1, ops: setTitle("Theirs") });
    expect(later.json().revision).toBe(2);
    const again = await patch(owner, id, { baseRevision: 0, ops: setTitle("Mine") }, "key-2");
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().revision).toBe(1);
    expect(again.json().plan).toMatchObject({ revision: 1, details: { title: "Mine" } });
    const read = await t.app.inject({ url: `/api/v1/plans/${id}`, cookies: owner.cookies });
    expect(read.json()).toMatchObject({ revision: 2, details: { title: "Theirs" } });
    // The same key on another plan is another edit.
    const other = await create();
    const elsewhere = await patch(owner, other, { baseRevision: 0, ops: setTitle("Mine") }, "key-2");
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.headers["idempotent-replayed"]).toBeUndefined();
    expect(await eventCount(other)).toBe(1);
  });

  it("refuses a key sent with other ops or by another author (422), in the caller's language", async () => {
    const id = await create();
    expect((await patch(owner, id, { baseRevision: 0, ops: setTitle("A") }, "key-3")).statusCode).toBe(200);
    const otherOps = await patch(owner, id, { baseRevision: 1, ops: setTitle("B") }, "key-3");
    expect(otherOps.statusCode).toBe(422);
    expect(otherOps.json().error.code).toBe("idempotency_key_reused");
    expect(otherOps.json().error.message).toContain("new key");
    const otherAuthor = await patch(editor, id, { baseRevision: 0, ops: setTitle("A") }, "key-3", "fr");
    expect(otherAuthor.statusCode).toBe(422);
    expect(otherAuthor.json().error.message).toContain("nouvelle clé");
    expect(await eventCount(id)).toBe(1);
  });

  it("refuses a malformed key with a clear 400, applying nothing", async () => {
    const id = await create();
    for (const key of ["x".repeat(201), "has space", "clé", ""]) {
      const response = await patch(owner, id, { baseRevision: 0, ops: setTitle("No") }, key);
      expect(response.statusCode, `${JSON.stringify(key)}: ${response.body}`).toBe(400);
      expect(response.json().error.code).toBe("idempotency_key_invalid");
      expect(response.json().error.message).toContain("1 to 200 printable ASCII characters");
    }
    const fr = await patch(owner, id, { baseRevision: 0, ops: setTitle("No") }, "a b", "fr");
    expect(fr.json().error.message).toContain("caractères ASCII imprimables");
    expect(
      (await patch(owner, id, { baseRevision: 0, ops: setTitle("Yes") }, "x".repeat(200))).statusCode,
    ).toBe(200);
    expect(await eventCount(id)).toBe(1);
  });

  it("applies the same keyed edit sent twice at once only once; both get its result", async () => {
    const id = await create();
    const edit = { baseRevision: 0, ops: setTitle("Raced") };
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => patch(owner, id, edit, "key-race")));
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
    expect(new Set(answers.map((a) => a.json().revision))).toEqual(new Set([1]));
    expect(await eventCount(id)).toBe(1);
  });
});

describe("the Idempotency-Key in the OpenAPI document", () => {
  it("is a documented header of PATCH /api/v1/plans/{id}", async () => {
    const t = await createTestApp(testDialects()[0]!);
    try {
      const document = (await t.app.inject({ url: "/api/v1/openapi.json" })).json();
      const parameters = document.paths["/api/v1/plans/{id}"].patch.parameters as {
        in: string;
        name: string;
        description?: string;
      }[];
      const header = parameters.find((p) => p.in === "header" && p.name === "idempotency-key");
      expect(header?.description).toContain("Idempotent-Replayed");
    } finally {
      await t.close();
    }
  });
});
