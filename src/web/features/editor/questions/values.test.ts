import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { referencePlan } from "../../../../../test/factories/plans.js";
import type { Plan } from "../../../../domain/plan.js";
import { templateSchema } from "../../../../domain/template.js";
import { vocabularySchema } from "../../../../domain/vocabulary.js";
import {
  answerAnchorId,
  answerInputId,
  defuseHtml,
  formatNumberInput,
  groupItemFromResult,
  identifierFromResult,
  isEmpty,
  isIsoDate,
  isSafeLink,
  lookupSourceOf,
  moveItem,
  newGroupItem,
  normaliseRichText,
  organisationFromResult,
  parseNumber,
  planVocabularyCodes,
  richTextToPlain,
  searchVocabulary,
  vocabularyFromView,
} from "./values.js";

const languages = vocabularySchema.parse(
  JSON.parse(
    readFileSync(new URL("../../../../../data/vocabularies/iso-639-3.json", import.meta.url), "utf8"),
  ),
);
const countries = vocabularySchema.parse(
  JSON.parse(
    readFileSync(new URL("../../../../../data/vocabularies/iso-3166-1.json", import.meta.url), "utf8"),
  ),
);

describe("question value helpers", () => {
  it("reads numbers typed in English or French and rejects the rest", () => {
    expect(parseNumber("3.5")).toBe(3.5);
    expect(parseNumber("3,5")).toBe(3.5);
    expect(parseNumber(" 1 200 ")).toBe(1200);
    expect(parseNumber("1\u202f200,25")).toBe(1200.25);
    expect(parseNumber("-2e3")).toBe(-2000);
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber("12 GB")).toBeUndefined();
    expect(parseNumber("1,2,3")).toBeUndefined();
    expect(parseNumber("abc")).toBeUndefined();
    expect(formatNumberInput(3.5, "fr")).toBe("3,5");
    expect(formatNumberInput(3.5, "en")).toBe("3.5");
  });

  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("26-01-01")).toBe(false);
  });

  it("stores an empty editor as no answer and keeps real text as it is", () => {
    expect(normaliseRichText("<p></p>")).toBe("");
    expect(normaliseRichText("<p> <br></p><p>&nbsp;</p>")).toBe("");
    expect(normaliseRichText("<p><strong>Data</strong></p>")).toBe("<p><strong>Data</strong></p>");
    expect(richTextToPlain("<h3>A</h3><p>b &amp; c</p><ul><li><p>d</p></li></ul>")).toBe("A b & c d");
    expect(isEmpty(null)).toBe(true);
    expect(isEmpty("<p></p>")).toBe(true);
    expect(isEmpty([])).toBe(true);
    expect(isEmpty({ name: " ", identifiers: [] })).toBe(true);
    expect(isEmpty({ value: 0 })).toBe(false);
    expect(isEmpty("no")).toBe(false);
  });

  it("accepts only the link schemes the export allowlist keeps", () => {
    expect(isSafeLink("https://example.org/a")).toBe(true);
    expect(isSafeLink("mailto:a@b.org")).toBe(true);
    expect(isSafeLink("javascript:alert(1)")).toBe(false);
    expect(isSafeLink("data:text/html,x")).toBe(false);
  });

  it("moves and creates group rows", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b"], 1, 5)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], 3, 0)).toEqual(["a", "b"]);
    const fields = [
      { id: "name", kind: "text" as const, label: { en: "Name" }, required: true },
      { id: "size", kind: "number" as const, label: { en: "Size" }, required: false },
    ];
    expect(newGroupItem(fields, "r1")).toEqual({ id: "r1", name: null, size: null });
  });

  it("maps template registry names to look-up sources", () => {
    expect(lookupSourceOf("re3data")).toBe("repositories");
    expect(lookupSourceOf("spdx")).toBe("licences");
    expect(lookupSourceOf("metadata-standards")).toBe("standards");
    expect(lookupSourceOf("orcid")).toBe("orcid");
    expect(lookupSourceOf("keywords")).toBeUndefined();
    expect(lookupSourceOf(undefined)).toBeUndefined();
  });

  it("makes element ids from answer pointers that stay distinct", () => {
    const a = answerAnchorId("/outputs/o1/answers/data.description");
    const b = answerAnchorId("/outputs/o1/answers/data-description");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
    expect(answerInputId("/answers/x")).toBe(`${answerAnchorId("/answers/x")}-input`);
  });

  it("searches a vocabulary of 7,867 languages by label, code or accent-free text, best first", () => {
    expect(languages.items.length).toBeGreaterThan(7000);
    const french = searchVocabulary(languages, "fra", "en", 20);
    expect(french.options[0]?.value).toBe("fra");
    const accents = searchVocabulary(countries, "etats", "fr", 10);
    expect(accents.options.map((o) => o.value)).toContain("US");
    const limited = searchVocabulary(languages, "a", "en", 50);
    expect(limited.options).toHaveLength(50);
    expect(limited.total).toBeGreaterThan(50);
    expect(searchVocabulary(languages, "zzzzqqq", "en", 50)).toEqual({ options: [], total: 0 });
    expect(searchVocabulary(languages, "", "en", 10).options).toHaveLength(10);
    // A label that starts with the query comes before one where a later word does.
    const fren = searchVocabulary(languages, "fren", "en", 20).options.map((o) => o.label);
    expect(fren[0]).toBe("French");
    expect(fren.indexOf("French")).toBeLessThan(fren.findIndex((label) => label.endsWith(" French")));
  });

  it("lists the codes a plan's answers hold for vocabulary questions and sub-fields", () => {
    const template = templateSchema.parse(
      JSON.parse(
        readFileSync(
          new URL("../../../../../data/templates/science-europe-structured.json", import.meta.url),
          "utf8",
        ),
      ),
    );
    const plan = referencePlan();
    plan.answers["description.language"] = "fra";
    plan.outputs = {
      o1: {
        answers: {
          "software.licences": ["MIT", "Apache-2.0"],
          "sharing.distributions": [{ id: "d1", licence: "CC-BY-4.0" }],
          "description.workPackage": "not a vocabulary answer",
        },
      } as unknown as Plan["outputs"][string],
    };
    const codes = planVocabularyCodes(plan, template);
    expect(codes).toEqual(expect.arrayContaining(["fra", "MIT", "Apache-2.0", "CC-BY-4.0"]));
    expect(codes).not.toContain("not a vocabulary answer");
    expect(codes).toEqual([...codes].sort());
  });

  it("turns registry results into answers", () => {
    const ror = {
      id: "https://ror.org/02feahw73",
      label: "Centre National de la Recherche Scientifique",
      acronym: "CNRS",
      url: "https://www.cnrs.fr",
      country: "FR",
      identifiers: [{ scheme: "ror", value: "https://ror.org/02feahw73" }],
    };
    expect(organisationFromResult(ror)).toEqual({
      name: "Centre National de la Recherche Scientifique",
      acronym: "CNRS",
      identifiers: [{ type: "ror", value: "https://ror.org/02feahw73" }],
    });
    expect(identifierFromResult(ror, ["url", "doi"])).toEqual({ type: "url", value: "https://www.cnrs.fr" });
    const fields = [
      { id: "title", kind: "text" as const, label: { en: "Title" }, required: true },
      {
        id: "identifier",
        kind: "identifier" as const,
        label: { en: "Id" },
        required: true,
        identifierTypes: ["url"],
      },
      { id: "policyUrl", kind: "url" as const, label: { en: "Policy" }, required: false },
      {
        id: "country",
        kind: "single_choice" as const,
        label: { en: "Country" },
        required: true,
        vocabulary: "iso-3166-1",
      },
      { id: "notes", kind: "rich_text" as const, label: { en: "Notes" }, required: false },
    ];
    const row = groupItemFromResult(fields, ror, new Map([["iso-3166-1", countries]]), "r1");
    expect(row).toEqual({
      id: "r1",
      title: "Centre National de la Recherche Scientifique",
      identifier: { type: "url", value: "https://www.cnrs.fr" },
      policyUrl: "https://www.cnrs.fr",
      country: "FR",
      notes: null,
    });
  });

  it("turns a vocabulary of the API into the domain's vocabulary", () => {
    const vocabulary = vocabularyFromView({
      id: "volume-units",
      lang: "fr",
      title: "Unités",
      source: "x",
      licence: "CC0-1.0",
      items: [
        { code: "TB", label: "To" },
        { code: "old", label: "Ancien", deprecated: true },
      ],
    });
    expect(vocabulary.items[0]).toEqual({ code: "TB", label: { fr: "To" } });
    expect(searchVocabulary(vocabulary, "to", "fr", 10).options).toEqual([{ value: "TB", label: "To" }]);
  });

  it("defuses event handlers and resources before rich text is parsed in the page", () => {
    expect(
      defuseHtml('<p>on=1 <img src="x" ONERROR="alert(1)"><a href="https://a.org" onclick=x>a</a></p>'),
    ).toBe(
      '<p>on=1 <img data-defused-src="x" data-defused-ONERROR="alert(1)"><a href="https://a.org" data-defused-onclick=x>a</a></p>',
    );
  });
});
