import type { JsonObject } from "../../src/formats/rda-dcs/model.js";

/** A DMP OPIDoR "standard" plan shaped like the reference DMP (fr labels, as DMP OPIDoR stores them). */
export function reveStandard(): JsonObject {
  return {
    meta: {
      title: 'DMP du projet "GTnum TECHNE#REVE"',
      version: "Version initiale",
      dmpLanguage: "fra",
      dmpKeyword: ["5.8 Media and communications", "1.2 Computer and information sciences"],
      creationDate: "2022-03-29",
      lastModifiedDate: "2023-12-04",
      contact: [
        {
          person: {
            firstName: "Aurélien",
            lastName: "Nguyen",
            mbox: "a.nguyen@example.org",
            personId: "0000-0003-0579-8173",
            idType: "ORCID iD",
          },
          role: "Responsable du plan",
        },
      ],
      relatedDoc: [
        { title: "Solidarité numérique en éducation", docIdentifier: "https://hal.science/x", idType: "URL" },
      ],
    },
    project: {
      title: "GTnum TECHNE#REVE",
      acronym: "REVE",
      description: "<p>Dans le contexte COVID-19…</p>",
      startDate: "2020-10-26",
      endDate: "2023-06-30",
      funding: [
        {
          funder: { name: "Ministère de l'Éducation nationale", idType: "ROR ID" },
          fundingStatus: "Approuvé",
        },
      ],
      partner: [
        {
          name: "Centre de recherche sur l'Education, les Apprentissages et la Didactique",
          rnsr: "200415135N",
        },
        { name: "Réseau Canopé", orgId: "https://ror.org/0000", idType: "ROR ID" },
      ],
      principalInvestigator: [
        {
          person: {
            firstName: "Jean-François",
            lastName: "Cerisier",
            personId: "0000-0002-3992-0547",
            idType: "ORCID iD",
          },
          role: "Coordinateur du projet",
        },
      ],
    },
    researchOutput: [
      {
        researchOutputDescription: {
          title: "Entretiens",
          shortName: "RO1",
          type: "Jeu de données",
          containsPersonalData: "Oui",
          containsSensitiveData: "Non",
          hasEthicalIssues: "Ne sais pas",
          contact: [
            {
              person: {
                firstName: "Aurélien",
                lastName: "Nguyen",
                mbox: "a.nguyen@example.org",
                personId: "0000-0003-0579-8173",
              },
              role: "Personne contact",
            },
          ],
        },
        sharing: { distribution: [{ releaseDate: "2024-01-01" }] },
      },
      {
        researchOutputDescription: {
          title: "Code",
          shortName: "RO2",
          type: "Software",
          containsPersonalData: "No",
        },
      },
    ],
    budget: { cost: [{ title: "Storage", amount: 100 }] },
  };
}
