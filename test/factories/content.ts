import { type Template, templateSchema } from "../../src/domain/template.js";
import { type Vocabulary, type VocabularySet, vocabularySchema } from "../../src/domain/vocabulary.js";

/** A small vocabulary with en/fr labels equal to the code (tests do not read labels). */
function vocabulary(id: string, codes: string[]): Vocabulary {
  return vocabularySchema.parse({
    carnetVocabulary: 1,
    id,
    title: { en: id, fr: id },
    source: "test",
    licence: "CC0-1.0",
    items: codes.map((code) => ({ code, label: { en: `${code} (en)`, fr: `${code} (fr)` } })),
  });
}

/** Vocabularies with the codes the tests and the reference plan use. */
export function testVocabularies(): VocabularySet {
  const list = [
    vocabulary("oecd-ford", ["1", "1.2", "5", "5.3", "5.8"]),
    vocabulary("contributor-roles", [
      "project-coordinator",
      "contact-person",
      "dmp-manager",
      "data-collector",
      "data-curator",
    ]),
    vocabulary("research-output-types", ["dataset", "software", "other"]),
    vocabulary("version-labels", ["initial", "intermediate", "final"]),
    vocabulary("funding-status", ["planned", "applied", "granted", "rejected"]),
    vocabulary("person-identifier-types", ["orcid", "isni", "idhal", "idref"]),
    vocabulary("organisation-identifier-types", ["ror", "rnsr", "siren", "url", "crossref-funder"]),
    vocabulary("resource-identifier-types", ["doi", "handle", "ark", "url", "hal"]),
    vocabulary("iso-639-3", ["fra", "eng", "deu"]),
    vocabulary("spdx-licences", ["CC-BY-4.0", "CC0-1.0", "MIT"]),
    vocabulary("data-access", ["open", "shared", "closed", "embargo"]),
    vocabulary("volume-units", ["MB", "GB", "TB"]),
  ];
  return new Map(list.map((v) => [v.id, v]));
}

const t = (en: string) => ({ en, fr: `${en} (fr)` });

/** A compact template exercising every question kind, both scopes, conditions and an output-type section. */
export function testTemplate(overrides: Partial<Template> = {}): Template {
  return templateSchema.parse({
    carnetTemplate: 1,
    id: "science-europe-structured",
    family: "science-europe-structured",
    version: 1,
    status: "published",
    title: t("Test template"),
    organisation: { name: t("Test") },
    context: "any",
    languages: ["en", "fr"],
    sections: [
      {
        id: "general",
        title: t("General"),
        scope: "plan",
        questions: [
          { id: "general.summary", kind: "rich_text", label: t("Summary"), required: true },
          { id: "general.ethics", kind: "yes_no_unknown", label: t("Ethics"), required: true },
          {
            id: "general.ethicsDetails",
            kind: "text",
            label: t("Ethics details"),
            required: true,
            condition: { answer: "general.ethics", equals: "yes" },
          },
          {
            id: "general.costs",
            kind: "group",
            label: t("Costs"),
            binding: "dmp.cost",
            fields: [
              { id: "title", kind: "text", label: t("Title"), binding: "dmp.cost.title" },
              { id: "amount", kind: "number", label: t("Amount"), binding: "dmp.cost.value" },
              { id: "currency", kind: "single_choice", label: t("Currency"), vocabulary: "iso-4217" },
            ],
          },
        ],
      },
      {
        id: "description",
        title: t("Description"),
        scope: "output",
        questions: [
          { id: "description.text", kind: "rich_text", label: t("Description"), required: true },
          { id: "description.contact", kind: "person", label: t("Contact"), required: true },
          { id: "description.collectors", kind: "persons", label: t("Collectors") },
          { id: "description.started", kind: "date", label: t("Start") },
          { id: "description.email", kind: "email", label: t("E-mail") },
          { id: "description.page", kind: "url", label: t("Page") },
          {
            id: "description.pid",
            kind: "identifier",
            label: t("Identifier"),
            identifierTypes: ["doi", "handle"],
          },
          { id: "description.producer", kind: "organisation", label: t("Producer") },
          {
            id: "description.format",
            kind: "single_choice",
            label: t("Format"),
            options: [
              { code: "csv", label: t("CSV") },
              { code: "json", label: t("JSON") },
            ],
          },
          {
            id: "description.access",
            kind: "multiple_choice",
            label: t("Access"),
            vocabulary: "data-access",
          },
          { id: "description.volume", kind: "number", label: t("Volume"), unitVocabulary: "volume-units" },
        ],
      },
      {
        id: "personal",
        title: t("Personal data"),
        scope: "output",
        condition: { output: "personalData", in: ["yes"] },
        questions: [{ id: "personal.legalBasis", kind: "text", label: t("Legal basis"), required: true }],
      },
      {
        id: "sharing",
        title: t("Sharing"),
        scope: "output",
        questions: [
          {
            id: "sharing.distributions",
            kind: "group",
            label: t("Distributions"),
            required: true,
            fields: [
              { id: "title", kind: "text", label: t("Title") },
              { id: "accessUrl", kind: "url", label: t("Access URL") },
              { id: "licence", kind: "single_choice", label: t("Licence"), vocabulary: "spdx-licences" },
              { id: "size", kind: "number", label: t("Size"), unitVocabulary: "volume-units" },
            ],
          },
        ],
      },
      {
        id: "software",
        title: t("Software"),
        scope: "output",
        outputTypes: ["software"],
        questions: [{ id: "software.language", kind: "text", label: t("Language"), required: true }],
      },
    ],
    ...overrides,
  });
}
