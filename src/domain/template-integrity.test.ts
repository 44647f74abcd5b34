import { describe, expect, it } from "vitest";
import { type Template, templateSchema } from "./template.js";
import { checkTemplateIntegrity } from "./template-integrity.js";
import type { Vocabulary, VocabularySet } from "./vocabulary.js";

const vocabulary = (id: string, codes: string[]): Vocabulary => ({
  carnetVocabulary: 1,
  id,
  title: { en: id, fr: id },
  source: "test",
  licence: "CC0-1.0",
  items: codes.map((code) => ({ code, label: { en: code, fr: code } })),
});
const vocabularies: VocabularySet = new Map(
  [
    vocabulary("research-output-types", ["dataset", "software"]),
    vocabulary("contributor-roles", ["contact-person"]),
    vocabulary("resource-identifier-types", ["doi"]),
    vocabulary("data-access", ["open"]),
  ].map((v) => [v.id, v]),
);

function template(questions: unknown[], extra: Record<string, unknown> = {}): Template {
  return templateSchema.parse({
    carnetTemplate: 1,
    id: "test",
    family: "test",
    version: 1,
    status: "draft",
    title: { en: "Test", fr: "Test" },
    organisation: { name: { en: "Org", fr: "Org" } },
    context: "any",
    languages: ["en", "fr"],
    sections: [{ id: "main", title: { en: "Main", fr: "Principal" }, scope: "output", questions, ...extra }],
  });
}
const q = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  kind: "text",
  label: { en: id, fr: id },
  ...more,
});

describe("checkTemplateIntegrity", () => {
  it("accepts a consistent template", () => {
    const valid = template([
      q("a", { kind: "single_choice", vocabulary: "data-access" }),
      q("b", { condition: { answer: "a", equals: "open" } }),
      q("c", { kind: "persons", role: "contact-person" }),
      q("d", { kind: "identifier", identifierTypes: ["doi"] }),
    ]);
    expect(checkTemplateIntegrity(valid, vocabularies)).toEqual([]);
  });

  it("reports each defect with its JSON pointer", () => {
    const broken = template(
      [
        q("a", { kind: "single_choice", vocabulary: "nope" }),
        q("a", { label: { en: "Only English" } }),
        q("c", { condition: { any: [{ answer: "ghost" }] } }),
        q("d", { kind: "multiple_choice" }),
        q("e", {
          kind: "group",
          fields: [q("x"), q("x", { kind: "identifier", identifierTypes: ["isbn"] })],
        }),
        q("f", { kind: "persons", role: "boss" }),
      ],
      { outputTypes: ["robot"] },
    );
    const found = checkTemplateIntegrity(broken, vocabularies).map((p) => `${p.pointer} ${p.key}`);
    expect(found).toEqual([
      "/sections/0/outputTypes/0 content.unknown_code",
      "/sections/0/questions/0/vocabulary content.unknown_vocabulary",
      "/sections/0/questions/1/id content.duplicate_id",
      "/sections/0/questions/1/label content.missing_translation",
      "/sections/0/questions/2/condition/any/0/answer content.unknown_question",
      "/sections/0/questions/3 content.choice_without_options",
      "/sections/0/questions/4/fields/1/id content.duplicate_id",
      "/sections/0/questions/4/fields/1/identifierTypes/0 content.unknown_code",
      "/sections/0/questions/5/role content.unknown_code",
    ]);
  });
});
