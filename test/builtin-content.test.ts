import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listQuestions, type Question, type SubField } from "../src/domain/template.js";
import { checkTemplateIntegrity } from "../src/domain/template-integrity.js";
import { vocabularyIds } from "../src/domain/vocabulary.js";
import { codeFromName, vocabularyLabel } from "../src/domain/vocabulary-lookup.js";
import { loadBuiltinContent } from "../src/services/builtin-content.js";
import { packageRoot } from "../src/shared/package-info.js";
import { dcsPaths } from "./support/dcs-paths.js";

const content = loadBuiltinContent();
const templates = [...content.templates.values()];
const vocabularies = [...content.vocabularies.values()];
const knownDcsPaths = dcsPaths(new URL("./fixtures/rda-dcs/maDMP-schema-1.2.json", import.meta.url));

/** Every localized text of a JSON value, with its JSON pointer: objects whose keys are all `en`/`fr`/… */
function localizedTexts(value: unknown, pointer = ""): { pointer: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${pointer}/${i}`));
  if (value === null || typeof value !== "object") return [];
  const entries = Object.entries(value);
  if (entries.length > 0 && entries.every(([key]) => /^[a-z]{2}$/.test(key))) {
    return [{ pointer, text: value as Record<string, unknown> }];
  }
  return entries.flatMap(([key, child]) => localizedTexts(child, `${pointer}/${key}`));
}

function allFields(question: Question): (Question | SubField)[] {
  return [question, ...(question.fields ?? [])];
}

describe("built-in content", () => {
  it("loads every file of data/templates and data/vocabularies", () => {
    const files = (dir: string) =>
      readdirSync(join(packageRoot, "data", dir)).filter((f) => f.endsWith(".json"));
    expect(content.templates.size).toBe(files("templates").length);
    expect(content.vocabularies.size).toBe(files("vocabularies").length);
    expect(content.templates.has("science-europe-structured")).toBe(true);
    expect(loadBuiltinContent()).toBe(content);
  });

  it("has every vocabulary the model refers to", () => {
    for (const id of Object.values(vocabularyIds)) expect(content.vocabularies.has(id), id).toBe(true);
  });

  it("gives every text of every template and vocabulary a non-empty English and French version", () => {
    const missing: string[] = [];
    for (const [kind, items] of [
      ["templates", templates],
      ["vocabularies", vocabularies],
    ] as const) {
      for (const item of items) {
        const texts = localizedTexts(item);
        expect(texts.length).toBeGreaterThan(0);
        for (const { pointer, text } of texts) {
          for (const lang of ["en", "fr"]) {
            if (typeof text[lang] !== "string" || (text[lang] as string).trim() === "") {
              missing.push(`${kind}/${item.id}${pointer} (${lang})`);
            }
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("passes the integrity checks: unique ids, known vocabularies, codes and condition targets", () => {
    for (const template of templates) {
      expect(checkTemplateIntegrity(template, content.vocabularies), template.id).toEqual([]);
    }
  });

  it("keeps question ids unique within each template", () => {
    for (const template of templates) {
      const ids = listQuestions(template).map(({ question }) => question.id);
      expect(new Set(ids).size, template.id).toBe(ids.length);
    }
  });

  it("refers only to vocabularies that exist", () => {
    for (const template of templates) {
      for (const { question } of listQuestions(template)) {
        for (const field of allFields(question)) {
          for (const id of [field.vocabulary, field.unitVocabulary]) {
            if (id !== undefined) expect(content.vocabularies.has(id), `${question.id}: ${id}`).toBe(true);
          }
        }
      }
    }
  });

  it("binds answers only to paths of the RDA DCS 1.2 model", () => {
    expect(knownDcsPaths.has("dataset.distribution.host.title")).toBe(true);
    expect(knownDcsPaths.has("dmp.cost")).toBe(true);
    const unknown: string[] = [];
    for (const template of templates) {
      for (const { question } of listQuestions(template)) {
        for (const field of allFields(question)) {
          if (field.binding !== undefined && !knownDcsPaths.has(field.binding)) {
            unknown.push(`${template.id}: ${question.id}/${field.id}: ${field.binding}`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it("uses vocabulary codes that are unique and hierarchies whose parents exist", () => {
    for (const vocabulary of vocabularies) {
      const codes = vocabulary.items.map((item) => item.code);
      expect(new Set(codes).size, vocabulary.id).toBe(codes.length);
      for (const item of vocabulary.items) {
        if (item.parent !== undefined) expect(codes, `${vocabulary.id}: ${item.code}`).toContain(item.parent);
      }
    }
  });

  it("maps the labels of the reference DMP (DMP OPIDoR export) back to codes", () => {
    const v = content.vocabularies;
    const cases: [string, string, string][] = [
      [vocabularyIds.contributorRoles, "Coordinateur du projet", "project-coordinator"],
      [vocabularyIds.contributorRoles, "Personne contact pour les données", "contact-person"],
      [vocabularyIds.contributorRoles, "Responsable du plan de gestion de données", "dmp-manager"],
      [vocabularyIds.versionLabels, "Version initiale", "initial"],
      [vocabularyIds.researchDomains, "Media and communications", "5.8"],
      [vocabularyIds.researchDomains, "Educational sciences", "5.3"],
      [vocabularyIds.researchDomains, "1.1 Mathematics", "1.1"],
      [vocabularyIds.languages, "fre", "fra"],
      [vocabularyIds.languages, "Français", "fra"],
      [vocabularyIds.dataAccess, "Restreint", "shared"],
      [vocabularyIds.fundingStatus, "Approuvé", "granted"],
      [vocabularyIds.personIdentifierTypes, "ORCID iD", "orcid"],
      [vocabularyIds.outputTypes, "Jeu de données", "dataset"],
      [vocabularyIds.volumeUnits, "Go", "GB"],
      [vocabularyIds.licences, "CC-BY-4.0", "CC-BY-4.0"],
    ];
    for (const [vocabulary, name, code] of cases) expect(codeFromName(v, vocabulary, name), name).toBe(code);
    expect(vocabularyLabel(v, vocabularyIds.currencies, "EUR", "fr")?.text).toBe("Euro");
    expect(vocabularyLabel(v, vocabularyIds.languages, "deu", "fr")?.text).toBe("Allemand");
    expect(vocabularyLabel(v, vocabularyIds.researchDomains, "5.3", "fr")?.fallback).toBe(false);
  });

  it("holds the structured template's key questions with their DCS bindings", () => {
    const template = content.templates.get("science-europe-structured")!;
    const byId = new Map(
      listQuestions(template).map(({ question, section }) => [question.id, { question, section }]),
    );
    const distributions = byId.get("sharing.distributions")!;
    expect(distributions.question.kind).toBe("group");
    expect(distributions.question.binding).toBe("dataset.distribution");
    expect(distributions.section.scope).toBe("output");
    const licence = distributions.question.fields!.find((field) => field.id === "licence")!;
    expect(licence.vocabulary).toBe("spdx-licences");
    expect(byId.get("sharing.hosts")!.question.binding).toBe("dataset.distribution.host");
    expect(byId.get("personalData.measures")!.question.condition).toEqual({
      output: "personalData",
      in: ["yes"],
    });
    expect(byId.get("budget.costs")!.section.scope).toBe("plan");
    const software = template.sections.filter((section) => section.outputTypes?.includes("software"));
    expect(software.length).toBeGreaterThan(0);
    expect(template.sections.filter((section) => section.scope === "output").length).toBeGreaterThan(
      software.length,
    );
  });
});

// The generators read the reference data sets (the project's shared/reference); they run where it exists.
const referenceAvailable = [
  process.env.CARNET_REFERENCE_DIR,
  join(packageRoot, "..", "shared", "reference"),
  join(packageRoot, "..", "..", "shared", "reference"),
].some((dir) => dir !== undefined && existsSync(join(dir, "dmp-opidor")));

describe.skipIf(!referenceAvailable)("content generators", () => {
  for (const script of ["generate-vocabularies.mjs", "generate-templates.mjs"]) {
    it(`${script} reproduces the committed files`, () => {
      const run = spawnSync(process.execPath, [join(packageRoot, "scripts", script), "--check"], {
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    }, 60_000);
  }
});
