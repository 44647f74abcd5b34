import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltinContent } from "../../src/services/builtin-content.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

const [dialect] = testDialects();

describe("templates and vocabularies over HTTP", () => {
  let t: TestApp;
  const content = loadBuiltinContent();
  beforeAll(async () => {
    if (!dialect) throw new Error("no dialect");
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it("lists every published template to anonymous callers, sorted by title in their language", async () => {
    const published = [...content.templates.values()].filter((x) => x.status === "published");
    for (const lang of ["en", "fr"] as const) {
      const response = await t.app.inject({ url: `/api/v1/templates?lang=${lang}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers["cache-control"]).toContain("max-age");
      const listed = response.json().templates as { id: string; title: Record<string, string> }[];
      expect(listed.map((x) => x.id).sort()).toEqual(published.map((x) => x.id).sort());
      const titles = listed.map((x) => x.title[lang] ?? "");
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, lang)));
    }
  });

  it("serves one template in full, and a JSON 404 for an unknown id", async () => {
    const [first] = content.templates.values();
    if (!first) throw new Error("no built-in template");
    const response = await t.app.inject({ url: `/api/v1/templates/${first.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(first)));
    const missing = await t.app.inject({ url: "/api/v1/templates/no-such-template" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("not_found");
  });

  it("gives vocabulary labels in the requested language", async () => {
    const vocabulary = content.vocabularies.get("research-output-types");
    const item = vocabulary?.items[0];
    if (!item) throw new Error("no research output types");
    const fr = await t.app.inject({ url: "/api/v1/vocabularies/research-output-types?lang=fr" });
    expect(fr.statusCode).toBe(200);
    expect(fr.json().lang).toBe("fr");
    expect(fr.json().items[0]).toMatchObject({ code: item.code, label: item.label.fr });
    const en = await t.app.inject({
      url: "/api/v1/vocabularies/research-output-types",
      headers: { "accept-language": "en-GB,en;q=0.8" },
    });
    expect(en.json().items[0].label).toBe(item.label.en);
    expect(en.json().items).toHaveLength(vocabulary?.items.length ?? -1);
    const list = await t.app.inject({ url: "/api/v1/vocabularies?lang=fr" });
    expect(list.json().vocabularies.map((v: { id: string }) => v.id)).toContain("research-output-types");
    expect((await t.app.inject({ url: "/api/v1/vocabularies/nope" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/v1/vocabularies/oecd-ford?lang=de" })).statusCode).toBe(422);
  });
});

describe.each(testDialects())("several vocabularies in one request ($name)", (each) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(each);
  });
  afterAll(() => t.close());

  it("gives one view per vocabulary and language, as the one-vocabulary endpoint does", async () => {
    const response = await t.app.inject({
      url: "/api/v1/vocabulary-views?ids=research-output-types,oecd-ford&langs=en,fr",
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toContain("max-age");
    const views = response.json().vocabularies as { id: string; lang: string }[];
    expect(views.map((v) => `${v.id}/${v.lang}`)).toEqual([
      "research-output-types/en",
      "research-output-types/fr",
      "oecd-ford/en",
      "oecd-ford/fr",
    ]);
    for (const view of views) {
      const one = await t.app.inject({ url: `/api/v1/vocabularies/${view.id}?lang=${view.lang}` });
      expect(view).toEqual(one.json());
    }
    // Without `langs`, the request's language.
    const fr = await t.app.inject({
      url: "/api/v1/vocabulary-views?ids=data-access",
      headers: { "accept-language": "fr-FR,fr;q=0.9" },
    });
    expect(fr.json().vocabularies.map((v: { lang: string }) => v.lang)).toEqual(["fr"]);
  });

  it("says which vocabulary is unknown, and refuses malformed lists", async () => {
    const unknown = await t.app.inject({ url: "/api/v1/vocabulary-views?ids=data-access,no-such-list" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("not_found");
    expect(unknown.json().error.message).toContain("no-such-list");
    const tooMany = Array.from({ length: 101 }, (_, i) => `v${i}`).join(",");
    for (const query of [
      "",
      "?ids=",
      "?ids=a,,b",
      `?ids=${tooMany}`,
      "?ids=data-access&langs=de",
      "?ids=a%20b",
    ]) {
      const refused = await t.app.inject({ url: `/api/v1/vocabulary-views${query}` });
      expect(refused.statusCode, query).toBe(422);
      expect(refused.json().error.code, query).toBe("validation_failed");
    }
  });
});
