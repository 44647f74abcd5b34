import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Plan,
  planSchema,
  type Template,
  templateSchema,
  type VocabularySet,
} from "../../src/domain/index.js";
import { loadBuiltinContent } from "../../src/services/builtin-content.js";

/**
 * Export fixtures: the reference DMP (test/fixtures/exports/reve.carnet.json, the seed's values) on a
 * small bilingual Science Europe–like template on the built-in vocabularies, and generated plans with many fully
 * answered research outputs (for golden tests and the benchmark).
 */

const dir = fileURLToPath(new URL("../fixtures/exports/", import.meta.url));
export const fixturePaths = {
  plan: `${dir}reve.carnet.json`,
  template: `${dir}template.json`,
  golden: `${dir}golden/`,
};

const json = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

export function referencePlan(): Plan {
  return planSchema.parse(json(fixturePaths.plan));
}

export function fixtureTemplate(): Template {
  return templateSchema.parse(json(fixturePaths.template));
}

/** The built-in vocabularies (data/vocabularies): fixtures use their codes. */
export function fixtureVocabularies(): VocabularySet {
  return loadBuiltinContent().vocabularies;
}

const answerHtml = (n: number) =>
  `<p>Réponse du produit ${n} : les données sont collectées par <strong>entretiens semi-directifs</strong> et <em>questionnaires</em>, puis pseudonymisées.</p>` +
  `<h4>Méthode</h4><ol><li>Recueil du consentement éclairé</li><li>Enregistrement audio (format <code>FLAC</code>)</li><li>Transcription et relecture</li></ol>` +
  `<p>Les fichiers suivent la convention « projet_date_version » ; voir <a href="https://doi.org/10.5281/zenodo.${1000 + n}">le guide</a>. Œuvre d’équipe, coût maîtrisé.</p>`;

/** The reference plan with `count` research outputs, every question of the template answered. */
export function fullyAnsweredPlan(count: number): Plan {
  const base = referencePlan();
  const outputs: Plan["outputs"] = {};
  const contributions: Plan["contributions"] = { ...base.contributions };
  delete contributions.c2;
  for (let n = 1; n <= count; n++) {
    const id = `ro${n}`;
    outputs[id] = {
      id,
      position: n,
      title: `Produit ${n} : corpus d’entretiens et études de cas`,
      shortName: `RO${n}`,
      type: n % 5 === 0 ? "software" : "dataset",
      personalData: "yes",
      sensitiveData: n % 2 === 0 ? "yes" : "no",
      ethicalIssues: "no",
      answers: {
        "description.collection": answerHtml(n),
        "description.types": ["interviews", "surveys"],
        "description.volume": { value: 12.5 * n },
        "description.costs": [
          {
            id: `cost-${n}-1`,
            title: "Ingénieur de données",
            type: "personnel",
            amount: { value: 1500 * n },
            currency: "EUR",
          },
          {
            id: `cost-${n}-2`,
            title: "Stockage sécurisé",
            type: "storage",
            amount: { value: 200 },
            currency: "EUR",
          },
        ],
        "legal.personalData": answerHtml(n),
        "legal.sensitive": `<p>Données sensibles du produit ${n} chiffrées au repos.</p>`,
        "legal.ethics": "yes",
        "legal.unanswered": answerHtml(n),
        "sharing.access": n % 3 === 0 ? "closed" : "open",
        "sharing.repository": "https://nakala.fr/",
        "sharing.distributions": Array.from({ length: 3 }, (_, i) => ({
          id: `dist-${n}-${i}`,
          host: i === 0 ? "Nakala" : `Entrepôt ${i}`,
          format: i === 0 ? "PDF/A" : "CSV (UTF-8)",
          access: i === 2 ? "closed" : "open",
        })),
      },
    };
    contributions[`c-out-${n}`] = {
      id: `c-out-${n}`,
      personId: "p-nguyen",
      role: "contact-person",
      scope: "output",
      outputId: id,
    };
    if (n % 2 === 0)
      contributions[`c-cur-${n}`] = {
        id: `c-cur-${n}`,
        personId: "p-cerisier",
        role: "data-curator",
        scope: "output",
        outputId: id,
      };
  }
  return planSchema.parse({
    ...base,
    outputs,
    contributions,
    answers: { "budget.description": "<p>Un ingénieur à mi-temps pendant <strong>18 mois</strong>.</p>" },
  });
}
