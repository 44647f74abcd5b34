import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDcs } from "../../src/formats/rda-dcs/schemas.js";
import { asSession, registerUser, type TestSession } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

const file = (path: string) =>
  readFileSync(new URL(`../fixtures/formats/rda-dcs/${path}`, import.meta.url), "utf8");
const vnd = "application/vnd.org.rd-alliance.dmp-common.v1.2+json";
const base = "/api/madmp/v1/dmps";

describe.each(testDialects())("RDA Common maDMP API on $name", (dialect) => {
  let t: TestApp;
  let owner: TestSession;
  let stranger: TestSession;
  let readToken: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await registerUser(t.app);
    stranger = await registerUser(t.app);
    const token = await t.app.inject({
      method: "POST",
      url: "/api/v1/account/tokens",
      ...asSession(owner),
      payload: { name: "reader", scope: "read" },
    });
    readToken = token.json().secret;
  });
  afterAll(() => t.close());

  const send = (
    method: "POST" | "PUT" | "DELETE" | "GET",
    url: string,
    session: TestSession | null,
    body?: string,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      ...(session ? { cookies: session.cookies } : {}),
      headers: {
        ...(session ? { "x-csrf-token": session.csrf } : {}),
        ...(body === undefined ? {} : { "content-type": vnd }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body }),
    });

  const created: { id: string; dmp: Record<string, unknown>; lastModified: string }[] = [];

  it("creates DMPs from DCS documents, answering in the negotiated media type", async () => {
    const long = await send("POST", base, owner, file("v1.2/ex9-dmp-long.json"), { accept: vnd });
    expect(long.statusCode, long.body).toBe(200);
    expect(long.headers["content-type"]).toBe(`${vnd}; charset=utf-8`);
    expect(long.headers["last-modified"]).toMatch(/GMT$/);
    expect(long.headers.location).toBe(`${base}/${long.json().id}`);
    expect(validateDcs({ dmp: long.json().dmp }, "1.2")).toEqual({ valid: true });
    expect(long.json().dmp.title).toBe(JSON.parse(file("v1.2/ex9-dmp-long.json")).dmp.title);

    const old = await send("POST", base, owner, file("v1.0-tag/ex7-dataset-many.json"), {
      "content-type": "application/json",
    });
    expect(old.statusCode, old.body).toBe(200);
    expect(old.headers["content-type"]).toBe("application/json; charset=utf-8");
    for (const response of [long, old]) {
      created.push({ ...response.json(), lastModified: String(response.headers["last-modified"]) });
    }
    // The DMP is a Carnet plan owned by the caller.
    const plan = await t.app.inject({ url: `/api/v1/plans/${long.json().id}`, cookies: owner.cookies });
    expect(plan.statusCode).toBe(200);
  });

  it("refuses other media types (415), unacceptable Accept (406), invalid DMPs (400), anonymous writes (401)", async () => {
    const text = await send("POST", base, owner, "{}", { "content-type": "text/plain" });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ error_code: "unsupported_media_type" });
    const html = await send("GET", `${base}/${created[0]!.id}`, owner, undefined, { accept: "text/html" });
    expect(html.statusCode).toBe(406);
    expect(html.json().error_code).toBe("not_acceptable");
    const invalid = await send("POST", base, owner, JSON.stringify({ dmp: { title: 4, dmp_id: 5 } }));
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error_code).toBe("dmp_invalid");
    const native = await send(
      "POST",
      base,
      owner,
      readFileSync(new URL("../../examples/reve.carnet.json", import.meta.url), "utf8"),
    );
    expect(native.statusCode).toBe(400);
    const anonymous = await send("POST", base, null, file("v1.2/ex1-header-fundedProject.json"));
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error_code).toBe("authentication_required");
  });

  it("gets a DMP with Last-Modified; strangers and anonymous callers get 404", async () => {
    const { id } = created[0]!;
    const got = await send("GET", `${base}/${id}`, owner);
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(got.json().id).toBe(id);
    expect(got.headers["last-modified"]).toBe(created[0]!.lastModified);
    for (const who of [stranger, null]) {
      const hidden = await send("GET", `${base}/${id}`, who);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error_code).toBe("dmp_not_found");
    }
  });

  it("lists and searches the caller's DMPs with filters, sorting and paging", async () => {
    const all = await send("GET", `${base}?sort[]=title,asc`, owner);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().total_count).toBe(2);
    const titles = all.json().items.map((i: { dmp: { title: string } }) => i.dmp.title);
    expect(titles).toEqual(
      [...titles].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    const paged = await send("GET", `${base}?sort[]=title,asc&count=1&offset=1`, owner);
    expect(paged.json()).toMatchObject({ total_count: 2, items: [{ dmp: { title: titles[1] } }] });
    const word = String(created[0]!.dmp.title)
      .split(/\s+/)
      .find((w) => w.length > 4)!;
    const search = await send("GET", `${base}?query=${encodeURIComponent(word.toLowerCase())}`, owner);
    expect(search.json().items.map((i: { id: string }) => i.id)).toContain(created[0]!.id);
    const dmpId = (created[1]!.dmp.dmp_id as { identifier: string }).identifier;
    const byId = await send("GET", `${base}?dmp_ids[]=${encodeURIComponent(dmpId)}&dmp_ids[]=nope`, owner);
    expect(byId.json().items.map((i: { id: string }) => i.id)).toEqual([created[1]!.id]);
    const future = await send("GET", `${base}?created_after=2999-01-01T00:00:00Z`, owner);
    expect(future.json().total_count).toBe(0);
    expect((await send("GET", base, stranger)).json().total_count).toBe(0);
    const badSort = await send("GET", `${base}?sort[]=colour,asc`, owner);
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().error_code).toBe("invalid_query_string");
    expect((await send("GET", base, null)).statusCode).toBe(401);
  });

  it("replaces a DMP as a new revision and answers 409 when it changed since If-Unmodified-Since or If-Match", async () => {
    const { id } = created[0]!;
    const current = await send("GET", `${base}/${id}`, owner);
    const dmp = current.json().dmp;
    const since = String(current.headers["last-modified"]);
    const etag = String(current.headers.etag);
    const replaced = await send(
      "PUT",
      `${base}/${id}`,
      owner,
      JSON.stringify({ dmp: { ...dmp, title: "Replaced title" } }),
      {
        "if-unmodified-since": since,
        "if-match": etag,
      },
    );
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().dmp.title).toBe("Replaced title");
    const plan = (await t.app.inject({ url: `/api/v1/plans/${id}`, cookies: owner.cookies })).json();
    expect(plan).toMatchObject({ revision: 1, visibility: "private", details: { title: "Replaced title" } });
    const history = await t.app.inject({ url: `/api/v1/plans/${id}/history`, cookies: owner.cookies });
    expect(history.json().events[0]).toMatchObject({ revision: 1, author: { id: owner.accountId } });

    // The old modification time (millisecond precision, as in the dmp) and the old ETag are stale now.
    const stale = await send("PUT", `${base}/${id}`, owner, JSON.stringify({ dmp }), {
      "if-unmodified-since": dmp.modified,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error_code).toBe("conflict");
    const staleTag = await send("PUT", `${base}/${id}`, owner, JSON.stringify({ dmp }), { "if-match": etag });
    expect(staleTag.statusCode).toBe(409);
    const yesterday = new Date(Date.parse(plan.modifiedAt) - 86_400_000).toUTCString();
    const old = await send("PUT", `${base}/${id}`, owner, JSON.stringify({ dmp }), {
      "if-unmodified-since": yesterday,
    });
    expect(old.statusCode).toBe(409);
    const badDate = await send("PUT", `${base}/${id}`, owner, JSON.stringify({ dmp }), {
      "if-unmodified-since": "soon",
    });
    expect(badDate.statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/v1/plans/${id}`, cookies: owner.cookies })).json().revision).toBe(
      1,
    );

    const readOnly = await t.app.inject({
      method: "PUT",
      url: `${base}/${id}`,
      headers: { authorization: `Bearer ${readToken}`, "content-type": "application/json" },
      payload: JSON.stringify({ dmp }),
    });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().error_code).toBe("insufficient_permissions");
    expect((await send("PUT", `${base}/${id}`, stranger, JSON.stringify({ dmp }))).statusCode).toBe(404);
  });

  it("deletes a DMP (honouring If-Unmodified-Since); it is then not found", async () => {
    const { id } = created[1]!;
    expect((await send("DELETE", `${base}/${id}`, stranger)).statusCode).toBe(404);
    const stale = await send("DELETE", `${base}/${id}`, owner, undefined, {
      "if-unmodified-since": new Date(Date.now() - 86_400_000).toUTCString(),
    });
    expect(stale.statusCode).toBe(409);
    expect((await send("DELETE", `${base}/${id}`, owner)).statusCode).toBe(204);
    expect((await send("GET", `${base}/${id}`, owner)).statusCode).toBe(404);
    expect((await send("GET", base, owner)).json().total_count).toBe(1);
  });
});

describe.each(testDialects())(
  "maDMP list filters, sorting and paging in the database on $name",
  (dialect) => {
    let t: TestApp;
    let owner: TestSession;
    let other: TestSession;
    const ids: Record<string, string> = {};
    const template = JSON.parse(file("v1.2/ex9-dmp-long.json")).dmp;
    /** Five DMPs that differ in every field the list filters or sorts by. */
    const variants = [
      { name: "Delta", language: "eng", ethical: "yes", keyword: "soil", start: "2030-01-01" },
      { name: "alpha", language: "fra", ethical: "no", keyword: "water", start: "2020-05-01" },
      { name: "Charlie", language: "eng", ethical: "no", keyword: undefined, start: undefined },
      { name: "Echo", language: "fra", ethical: "yes", keyword: "air", start: "2025-06-30" },
      { name: "bravo", language: "eng", ethical: "unknown", keyword: "glacier", start: "2010-01-01" },
    ];
    const dmpOf = (v: (typeof variants)[number], i: number) => {
      const dmp = structuredClone(template);
      dmp.title = `${v.name} survey`;
      dmp.description = i === 3 ? "Measures of the stratosphere" : "Field measures";
      dmp.language = v.language;
      dmp.ethical_issues_exist = v.ethical;
      dmp.dmp_id = { identifier: `https://doi.org/10.1234/Variant-${i}`, type: "doi" };
      dmp.contact.contact_id = { identifier: `https://example.org/person/${i}`, type: "other" };
      dmp.project[0].funding[0].grant_id = { identifier: `GRANT-${i}`, type: "other" };
      dmp.dataset[0].dataset_id = { identifier: `dataset-${i}`, type: "other" };
      if (v.keyword) dmp.dataset[0].keyword = [v.keyword];
      for (const dataset of dmp.dataset) {
        for (const distribution of dataset.distribution ?? []) {
          distribution.license = v.start
            ? [{ license_ref: "https://creativecommons.org/licenses/by/4.0/", start_date: v.start }]
            : [];
        }
      }
      return JSON.stringify({ dmp });
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      owner = await registerUser(t.app);
      other = await registerUser(t.app);
      for (const [i, v] of variants.entries()) {
        const response = await t.app.inject({
          method: "POST",
          url: base,
          cookies: owner.cookies,
          headers: { "x-csrf-token": owner.csrf, "content-type": vnd },
          payload: dmpOf(v, i),
        });
        expect(response.statusCode, response.body).toBe(200);
        ids[v.name] = response.json().id;
      }
    });
    afterAll(() => t.close());

    const list = async (query: string, session: TestSession = owner) => {
      const response = await t.app.inject({ url: `${base}?${query}`, cookies: session.cookies });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as {
        total_count: number;
        items: { id: string; dmp: { title: string } }[];
      };
      return { total: body.total_count, names: body.items.map((i) => i.dmp.title.replace(" survey", "")) };
    };

    it("sorts in the database (missing values last) and pages without skipping or repeating", async () => {
      expect(await list("sort[]=title,asc&count=100")).toEqual({
        total: 5,
        names: ["alpha", "bravo", "Charlie", "Delta", "Echo"],
      });
      expect((await list("sort[]=title,desc")).names).toEqual(["Echo", "Delta", "Charlie", "bravo", "alpha"]);
      const pages = [];
      for (let offset = 0; offset < 6; offset += 2)
        pages.push(await list(`sort[]=title,desc&count=2&offset=${offset}`));
      expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
      expect(pages.flatMap((p) => p.names)).toEqual(["Echo", "Delta", "Charlie", "bravo", "alpha"]);
      expect((await list("sort[]=keyword,asc")).names).toEqual([
        "Echo",
        "bravo",
        "Delta",
        "alpha",
        "Charlie",
      ]);
      expect((await list("sort[]=keyword,desc")).names).toEqual([
        "alpha",
        "Delta",
        "bravo",
        "Echo",
        "Charlie",
      ]);
      expect((await list("sort[]=embargo,desc")).names).toEqual([
        "Delta",
        "Echo",
        "alpha",
        "bravo",
        "Charlie",
      ]);
      expect((await list("sort[]=language,asc&sort[]=title,desc")).names).toEqual([
        "Delta",
        "Charlie",
        "bravo",
        "Echo",
        "alpha",
      ]);
      // Created last first by default.
      expect((await list("")).names).toEqual(["bravo", "Echo", "Charlie", "alpha", "Delta"]);
    });

    it("filters in the database, each list filter any of its values, all filters together, with a correct total", async () => {
      expect(await list("languages[]=fra&sort[]=title,asc")).toEqual({ total: 2, names: ["alpha", "Echo"] });
      expect(await list("grant_ids[]=grant-1&grant_ids[]=GRANT-3&grant_ids[]=nope&sort[]=title,asc")).toEqual(
        {
          total: 2,
          names: ["alpha", "Echo"],
        },
      );
      expect(
        await list(`dmp_ids[]=${encodeURIComponent("https://doi.org/10.1234/variant-2")}&sort[]=title,asc`),
      ).toEqual({ total: 1, names: ["Charlie"] });
      expect(
        (await list(`contact_ids[]=${encodeURIComponent("https://example.org/person/4")}`)).names,
      ).toEqual(["bravo"]);
      expect((await list("dataset_ids[]=DATASET-0")).names).toEqual(["Delta"]);
      expect((await list("ethical_issues_exist=true&sort[]=title,asc")).names).toEqual(["Delta", "Echo"]);
      expect((await list("ethical_issues_exist=false&sort[]=title,asc")).names).toEqual([
        "alpha",
        "bravo",
        "Charlie",
      ]);
      expect((await list("embargo_after=2024-12-31&sort[]=title,asc")).names).toEqual(["Delta", "Echo"]);
      expect((await list("embargo_before=2020-06-01&sort[]=title,asc")).names).toEqual(["alpha", "bravo"]);
      expect((await list("query=STRATOSPHERE")).names).toEqual(["Echo"]);
      expect((await list("query=100%25")).total).toBe(0);
      // Filters together, paged: the total counts every match, the page is the asked slice.
      expect(
        await list("languages[]=eng&ethical_issues_exist=false&sort[]=title,asc&count=1&offset=1"),
      ).toEqual({
        total: 2,
        names: ["Charlie"],
      });
      expect((await list("modified_after=2999-01-01T00:00:00Z")).total).toBe(0);
      expect(await list("", other)).toEqual({ total: 0, names: [] });
    });

    it("lists what plans are now: an edit or a removal shows at the next list", async () => {
      const edited = await t.app.inject({
        method: "PATCH",
        url: `/api/v1/plans/${ids.Charlie}`,
        cookies: owner.cookies,
        headers: { "x-csrf-token": owner.csrf },
        payload: { baseRevision: 0, ops: [{ op: "set", path: "/details/title", value: "Zulu survey" }] },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect((await list("sort[]=title,desc&count=1")).names).toEqual(["Zulu"]);
      expect((await list("query=zulu")).names).toEqual(["Zulu"]);
      const removed = await t.app.inject({
        method: "DELETE",
        url: `/api/v1/plans/${ids.Echo}`,
        cookies: owner.cookies,
        headers: { "x-csrf-token": owner.csrf },
      });
      expect(removed.statusCode).toBe(204);
      expect(await list("languages[]=fra")).toEqual({ total: 1, names: ["alpha"] });
    });

    it("answers dmp_already_exists (409) with the existing DMP's id instead of creating a duplicate", async () => {
      const again = await t.app.inject({
        method: "POST",
        url: base,
        cookies: owner.cookies,
        headers: { "x-csrf-token": owner.csrf, "content-type": vnd },
        payload: dmpOf(variants[1]!, 1).replace("Variant-1", "VARIANT-1"),
      });
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json()).toMatchObject({
        error_code: "dmp_already_exists",
        details: { id: ids.alpha, location: `${base}/${ids.alpha}` },
      });
      expect(again.json().error_message).toContain(ids.alpha);
      expect((await list("")).total).toBe(4);
      // Another account's DMPs are theirs: the same document makes their own DMP.
      const theirs = await t.app.inject({
        method: "POST",
        url: base,
        cookies: other.cookies,
        headers: { "x-csrf-token": other.csrf, "content-type": vnd },
        payload: dmpOf(variants[1]!, 1),
      });
      expect(theirs.statusCode, theirs.body).toBe(200);
      expect(theirs.json().id).not.toBe(ids.alpha);
    });
  },
);
