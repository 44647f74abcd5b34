#!/usr/bin/env node
// Generates data/templates/*.json from the reference templates (DMP OPIDoR's structured template and
// madmp schemas; the Science Europe, Horizon Europe and ANR transcriptions). Re-runnable: the output is
// committed; `--check` exits 1 when the committed files differ from what this script would write.
import { emit, requireReferenceDir, runGenerator } from "./content-lib.mjs";
import { narrativeTemplates } from "./narrative-templates.mjs";
import { softwareSections } from "./science-europe-software.mjs";
import { scienceEuropeStructured } from "./science-europe-structured.mjs";

const reference = requireReferenceDir();
const opidorCommit = "bf35d6bb8b722ec7b44ed22a208483af92c260bc";

/** DMP OPIDoR's description HTML, without its "opens a new window" screen-reader spans and targets. */
function cleanHtml(html) {
  return html
    .replace(/<span class="new-window-popup-info">[^<]*<\/span>/g, "")
    .replace(/ target="_blank"| class="has-new-window-popup-info"/g, "")
    .replace(/&nbsp;/g, " ")
    .trim();
}

function scienceEuropeStructuredTemplate() {
  const parts = scienceEuropeStructured(reference);
  const budget = {
    id: "budget",
    title: { en: "Data management costs", fr: "Coûts de la gestion des données" },
    scope: "plan",
    questions: [
      parts.question(
        "BudgetStandard",
        "description",
        {
          id: "budget.description",
          kind: "rich_text",
          label: {
            en: "General description of the costs and resources (roles, responsibilities…) of research data management",
            fr: "Description générale des coûts et des ressources (rôles, responsabilités…) utilisés pour la gestion des données de la recherche",
          },
        },
        ["Budget"],
      ),
      parts.costs("BudgetStandard", "budget.costs"),
    ],
  };
  return {
    carnetTemplate: 1,
    id: "science-europe-structured",
    family: "science-europe-structured",
    version: 1,
    status: "published",
    title: { en: "Science Europe — structured", fr: "Science Europe : modèle structuré" },
    description: { en: cleanHtml(parts.descriptions.en), fr: cleanHtml(parts.descriptions.fr) },
    organisation: { name: { en: "Science Europe", fr: "Science Europe" } },
    context: "any",
    languages: ["en", "fr"],
    licence: "MIT",
    source: `DMP OPIDoR structured template and madmp schemas (OPIDoR/DMPOPIDoR @ ${opidorCommit}: db/madmp_seeds.rb, config/templates/*.json, config/registries/*.json)`,
    sections: [...parts.outputSections, ...softwareSections(parts), budget],
  };
}

const templateText = (template) => `${JSON.stringify(template, null, 2)}\n`;

runGenerator("generate-templates", (options) => {
  const templates = [scienceEuropeStructuredTemplate(), ...narrativeTemplates(reference)];
  for (const template of templates) emit(`templates/${template.id}.json`, templateText(template), options);
});
