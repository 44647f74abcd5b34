import { type Plan, planSchema } from "../../src/domain/index.js";

/**
 * A native plan modelled on the reference DMP (REVE, DMP OPIDoR export): acronym, partners with
 * RNSR ids, research domains, version label, related documents, per-output contributions and
 * answers without a DCS binding — everything DCS cannot carry by itself.
 */
export function revePlan(): Plan {
  return planSchema.parse({
    carnetFormat: 1,
    id: "reve-2022",
    revision: 7,
    template: { id: "science-europe-structured", version: 2 },
    context: "research_project",
    language: "fra",
    createdAt: "2022-03-29T09:00:00Z",
    modifiedAt: "2023-12-04T16:20:00Z",
    visibility: "public",
    status: "final",
    details: {
      title:
        'DMP du projet "GTnum TECHNE#REVE : Numérique scolaire : vers des écosystèmes favorables à l\'innovation"',
      versionLabel: "initial",
      scope: "<p>Plan de gestion de données créé à l'aide de DMP OPIDoR.</p>",
      researchDomains: ["5.8", "1.2", "5.3"],
      keywords: ["écosystème", "innovation"],
      contactPersonId: "aurelien",
      identifiers: [{ type: "hal", value: "hal-04317582" }],
      licence: "CC-BY-4.0",
      relatedDocuments: [
        { title: "TECHNE#REVE - Rôle des écosystèmes dans les processus d'innovation" },
        {
          title: "Solidarité numérique en éducation",
          identifier: { type: "url", value: "https://hal.science/x" },
        },
      ],
      associatedPlans: [],
    },
    project: {
      title: "GTnum TECHNE#REVE : Numérique scolaire",
      acronym: "REVE",
      summary: "<p>Dans le contexte COVID-19…</p>",
      funding: [
        {
          funder: {
            name: "Ministère de l'Éducation nationale, de la Jeunesse et des Sports",
            identifiers: [],
          },
          status: "granted",
        },
      ],
      startDate: "2020-10-26",
      endDate: "2023-06-30",
      partners: [
        {
          name: "Centre de recherche sur l'Education, les Apprentissages et la Didactique",
          identifiers: [{ type: "rnsr", value: "200415135N" }],
        },
        {
          name: "CENTRE DE RECHERCHE EN EDUCATION DE NANTES",
          identifiers: [{ type: "rnsr", value: "199614172B" }],
        },
        { name: "Réseau Canopé", identifiers: [] },
      ],
    },
    persons: {
      jfc: {
        id: "jfc",
        firstName: "Jean-François",
        lastName: "Cerisier",
        identifiers: [{ type: "orcid", value: "0000-0002-3992-0547" }],
        affiliations: [{ name: "Techné", identifiers: [{ type: "rnsr", value: "201521213T" }] }],
      },
      aurelien: {
        id: "aurelien",
        firstName: "Aurélien",
        lastName: "Nguyen",
        email: "aurelien.nguyen@example.org",
        identifiers: [{ type: "orcid", value: "0000-0003-0579-8173" }],
        affiliations: [{ name: "Techné", identifiers: [] }],
      },
    },
    contributions: {
      c1: { id: "c1", personId: "jfc", role: "project-coordinator", scope: "project" },
      c2: { id: "c2", personId: "aurelien", role: "dmp-manager", scope: "plan" },
      c3: {
        id: "c3",
        personId: "aurelien",
        role: "contact-person",
        scope: "output",
        outputId: "ro-interviews",
      },
    },
    outputs: {
      "ro-interviews": {
        id: "ro-interviews",
        position: 1,
        title: "Entretiens avec les acteurs",
        shortName: "RO1",
        type: "dataset",
        personalData: "yes",
        sensitiveData: "no",
        ethicalIssues: "yes",
        answers: { "dataCollection.method": "<p>Entretiens semi-directifs</p>" },
      },
      "ro-reports": {
        id: "ro-reports",
        position: 2,
        title: "Rapports",
        shortName: "RO2",
        type: "text",
        description: "Livrables du GTnum",
        answers: {},
      },
    },
    answers: { "ethics.notes": "Consentement recueilli", "costs.estimate": { value: 1200, unit: "EUR" } },
    extensions: { "dmp-opidor": { planId: 12345 } },
  });
}
