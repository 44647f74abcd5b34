import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

type Found = { id: string; lang: string; total: number; items: { code: string; label: string }[] };

describe.each(testDialects())("vocabulary search over HTTP on $name", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const search = async (query: string, headers: Record<string, string> = {}) => {
    const response = await t.app.inject({ url: `/api/v1/vocabularies/${query}`, headers });
    return { status: response.statusCode, body: response.json() };
  };

  it("finds items by label prefix in the requested language, accents and case ignored", async () => {
    const en = await search("iso-639-3/search?q=fren&lang=en");
    expect(en.status).toBe(200);
    const found = en.body as Found;
    expect(found.lang).toBe("en");
    expect(found.items[0]).toEqual({ code: "fra", label: "French" });
    expect(found.items.length).toBeLessThanOrEqual(20);
    const fr = (await search("iso-639-3/search?q=FRANCAIS&lang=fr")).body as Found;
    expect(fr.items[0]?.code).toBe("fra");
    expect(fr.items[0]?.label.toLowerCase()).toContain("français");
    // Without `lang`: the request's language.
    const byHeader = (await search("iso-639-3/search?q=fra", { "accept-language": "fr-FR" })).body as Found;
    expect(byHeader.lang).toBe("fr");
    // A code is found too, and ranked first.
    const code = (await search("spdx-licences/search?q=mit&lang=en")).body as Found;
    expect(code.items[0]?.code.toLowerCase().startsWith("mit")).toBe(true);
  });

  it("ranks prefix matches first and keeps to the limit", async () => {
    const some = (await search("iso-639-3/search?q=an&lang=en&limit=5")).body as Found;
    expect(some.items).toHaveLength(5);
    expect(some.total).toBeGreaterThan(5);
    for (const item of some.items)
      expect(
        item.code.startsWith("an") ||
          /(^|[\s(])an/i.test(item.label.normalize("NFD").replace(/[\u0300-\u036f]/g, "")),
        `${item.code} ${item.label}`,
      ).toBe(true);
    const most = (await search("iso-639-3/search?q=a&limit=100")).body as Found;
    expect(most.items).toHaveLength(100);
    const none = (await search("iso-639-3/search?q=zzzzqqq")).body as Found;
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it("says 404 for an unknown vocabulary", async () => {
    const unknown = await search("no-such-list/search?q=a");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    expect(unknown.body.error.message).toContain("no-such-list");
  });

  it("refuses a bad query, saying which parameter and why, in English and French", async () => {
    for (const query of [
      "",
      "?q=",
      "?q=%20%20",
      "?q=a&limit=0",
      "?q=a&limit=101",
      "?q=a&limit=x",
      "?q=a&lang=de",
    ]) {
      const refused = await search(`iso-639-3/search${query}`);
      expect(refused.status, query).toBe(422);
      expect(refused.body.error.code, query).toBe("validation_failed");
      const details = refused.body.error.details as { path: string; message: string; in: string }[];
      expect(details.length, query).toBeGreaterThan(0);
      expect(details[0]?.in, query).toBe("querystring");
    }
    const en = await search("iso-639-3/search?q=a&limit=500");
    expect(en.body.error.details[0].path).toContain("limit");
    expect(en.body.error.details[0].message).toMatch(/100/);
    const fr = await search("iso-639-3/search?q=a&limit=500", { "accept-language": "fr" });
    expect(fr.body.error.message).toBe("Les données envoyées ne sont pas valides.");
    expect(fr.body.error.details[0].message).toMatch(/100/);
    expect(fr.body.error.details[0].message).not.toBe(en.body.error.details[0].message);
    const empty = await search("iso-639-3/search?q=", { "accept-language": "fr" });
    expect(empty.body.error.details[0].path).toContain("q");
  });

  it("labels only the codes asked for in vocabularies too large to send whole", async () => {
    const response = await t.app.inject({
      url: "/api/v1/vocabulary-views?ids=iso-639-3,data-access&langs=en,fr&maxItems=300&codes=fra,eng,open",
    });
    expect(response.statusCode).toBe(200);
    const views = response.json().vocabularies as {
      id: string;
      lang: string;
      items: { code: string; label: string }[];
      partial?: boolean;
      itemCount?: number;
    }[];
    const iso = views.filter((v) => v.id === "iso-639-3");
    expect(iso.map((v) => v.lang)).toEqual(["en", "fr"]);
    for (const view of iso) {
      expect(view.partial).toBe(true);
      expect(view.itemCount).toBeGreaterThan(7000);
      expect(view.items.map((i) => i.code).sort()).toEqual(["eng", "fra"]);
    }
    expect(iso[0]?.items.find((i) => i.code === "fra")?.label).toBe("French");
    // Small vocabularies come whole.
    const access = views.find((v) => v.id === "data-access");
    expect(access?.partial).toBeUndefined();
    expect(access?.items.length).toBeGreaterThan(1);
    for (const query of ["maxItems=-1", "maxItems=x", "maxItems=10&codes=a,,b", "maxItems=10&codes=a%20b"]) {
      const refused = await t.app.inject({ url: `/api/v1/vocabulary-views?ids=iso-639-3&${query}` });
      expect(refused.statusCode, query).toBe(422);
    }
  });
});
