import { describe, expect, it } from "vitest";
import { listOutputs } from "../../src/domain/plan.js";
import { validatePlan } from "../../src/domain/validate-plan.js";
import { loadBuiltinContent } from "../../src/services/builtin-content.js";
import { testTemplate, testVocabularies } from "../factories/content.js";
import { referencePlan } from "../factories/plans.js";

const series =
  " - Groupes thématiques numériques de la Direction du numérique pour l'éducation (Ministère de l'Éducation nationale, de la Jeunesse et des Sports) 2020-2022";

describe("examples/reve.carnet.json (the reference DMP)", () => {
  const plan = referencePlan();

  it("holds the plan details, dates and language of the seed", () => {
    expect(plan.details.title).toBe(
      'DMP du projet "GTnum TECHNE#REVE : Numérique scolaire : vers des écosystèmes favorables à l\'innovation. Acteurs, collectifs et organisations"',
    );
    expect(plan).toMatchObject({
      language: "fra",
      template: { id: "science-europe-structured", version: 1 },
      createdAt: "2022-03-29T00:00:00.000Z",
      modifiedAt: "2023-12-04T00:00:00.000Z",
      details: { versionLabel: "initial", researchDomains: ["5.8", "1.2", "5.3"] },
    });
    expect(plan.details.relatedDocuments).toHaveLength(7);
    for (const doc of plan.details.relatedDocuments) expect(doc.title.endsWith(series)).toBe(true);
    expect(plan.details.relatedDocuments[0]!.title).toBe(
      `TECHNE#REVE - Rôle des écosystèmes dans les processus d'innovation${series}`,
    );
    expect(plan.details.relatedDocuments[6]!.title).toBe(
      `GT num TECHNE#REVE - Exploration des attentes et des recommandations des différents acteurs des écosystèmes territoriaux d'innovation sur le numérique pour l'éducation${series}`,
    );
  });

  it("holds the project: summary as rich text, funding, dates and the three partners", () => {
    const project = plan.project!;
    expect(project).toMatchObject({ acronym: "REVE", startDate: "2020-10-26", endDate: "2023-06-30" });
    expect(project.summary).toContain("<strong>numérique distanciel</strong>");
    expect(project.summary).toContain("<h3>Problématique</h3>");
    expect(project.summary).toContain("<ul><li>Faire l'état des lieux");
    expect(project.funding.map((f) => f.funder.name)).toEqual([
      "Ministère de l'Éducation nationale, de la Jeunesse et des Sports",
    ]);
    expect(project.partners.map((p) => [p.name, p.identifiers.map((i) => `${i.type}:${i.value}`)])).toEqual([
      ["Centre de recherche sur l'Education, les Apprentissages et la Didactique", ["rnsr:200415135N"]],
      ["CENTRE DE RECHERCHE EN EDUCATION DE NANTES", ["rnsr:199614172B"]],
      ["Réseau Canopé", []],
    ]);
  });

  it("holds both contributors with ORCID, affiliation and their three roles", () => {
    const people = Object.values(plan.persons).map((p) => [
      `${p.lastName} ${p.firstName}`,
      p.identifiers[0]?.value,
      p.affiliations.map((a) => a.name),
    ]);
    expect(people).toEqual([
      ["CERISIER JEAN-FRANÇOIS", "https://orcid.org/0000-0002-3992-0547", ["Techné"]],
      ["Nguyen Aurélien", "https://orcid.org/0000-0003-0579-8173", ["Techné"]],
    ]);
    const roles = Object.values(plan.contributions).map((c) => `${c.personId}:${c.role}`);
    expect(roles).toEqual([
      "p-cerisier:project-coordinator",
      "p-nguyen:contact-person",
      "p-nguyen:dmp-manager",
    ]);
    expect(plan.details.contactPersonId).toBe("p-nguyen");
    expect(listOutputs(plan)).toEqual([]);
  });

  it("is valid, against the test content and against the built-in templates and vocabularies", () => {
    expect(
      validatePlan(plan, { vocabularies: testVocabularies(), template: testTemplate() }).problems,
    ).toEqual([]);
    expect(validatePlan(plan, loadBuiltinContent()).problems).toEqual([]);
  });
});
