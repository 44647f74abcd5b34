// Narrative templates from the reference transcriptions (templates/README.md there): Science Europe core
// requirements, ANR (the same questions) and Horizon Europe. Rich-text questions; the source's
// "considerations" become the help. French texts the sources lack are translated here (horizon-europe-fr.mjs).
import { readJson } from "./content-lib.mjs";
import { heFrench, seGuidanceFrench } from "./narrative-translations.mjs";

/** Science Europe numbering → [question id, guidance themes, DCS binding]. Sections 1–5 are per output. */
const seQuestions = {
  "1a": ["description.collection", ["Data Collection"]],
  "1b": ["description.data", ["Data Description", "Data Format", "Data Volume"]],
  "2a": ["documentation.metadata", ["Metadata & Documentation"]],
  "2b": ["documentation.quality", ["Metadata & Documentation"], "dataset.data_quality_assurance"],
  "3a": ["storage.backup", ["Storage & Security"]],
  "3b": ["storage.security", ["Storage & Security", "Ethics & Privacy"], "dataset.security_and_privacy"],
  "4a": ["legal.personalData", ["Ethics & Privacy"]],
  "4b": ["legal.otherIssues", ["Intellectual Property Rights"]],
  "4c": ["legal.ethics", ["Ethics & Privacy"]],
  "5a": ["sharing.access", ["Data Sharing"]],
  "5b": ["sharing.preservation", ["Preservation", "Data Repository"], "dataset.preservation_statement"],
  "5c": ["sharing.tools", ["Data Sharing"]],
  "5d": ["sharing.identifiers", ["Data Sharing", "Data Repository"]],
  "6a": ["resources.responsibilities", ["Roles & Responsibilities"]],
  "6b": ["resources.means", ["Budget"]],
};
const seSectionIds = {
  1: "description",
  2: "documentation",
  3: "storage",
  4: "legal",
  5: "sharing",
  6: "resources",
};

/** Help is plain text, one paragraph per line; descriptions are rich text (HTML of the allowlist). */
const paragraphs = (lines) => lines.join("\n");
const html = (...lines) =>
  lines.map((line) => `<p>${line.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("");

function scienceEuropeSections(reference) {
  const source = readJson(`${reference}/templates/science-europe.json`);
  // Section 0 (administrative information) is the plan's and project's native fields, not a question.
  return source.sections
    .filter((section) => section.id !== "0")
    .map((section) => ({
      id: seSectionIds[section.id],
      title: { en: section.title.en, fr: section.title.fr },
      scope: section.id === "6" ? "plan" : "output",
      questions: section.questions.map((question) => {
        const [id, themes, binding] = seQuestions[question.id];
        const guidanceFr = question.guidance.fr ?? seGuidanceFrench[question.id];
        return {
          id,
          kind: "rich_text",
          label: { en: question.text.en, fr: question.text.fr },
          help: { en: paragraphs(question.guidance.en), fr: paragraphs(guidanceFr) },
          required: true,
          themes,
          ...(binding ? { binding } : {}),
        };
      }),
    }));
}

function scienceEuropeCore(reference) {
  const source = readJson(`${reference}/templates/science-europe.json`);
  return {
    carnetTemplate: 1,
    id: "science-europe-core",
    family: "science-europe-core",
    version: 1,
    status: "published",
    title: { en: "Science Europe — core requirements", fr: "Science Europe : exigences fondamentales" },
    description: {
      en: html(
        `The six core requirements for data management plans and their considerations, from the ${source.basedOn.en.title} (Science Europe, January 2021, DOI ${source.basedOn.en.doi}).`,
      ),
      fr: html(
        `Les six exigences fondamentales des plans de gestion des données et leurs recommandations, d'après « ${source.basedOn.fr.title} » (${source.basedOn.fr.publisher}).`,
      ),
    },
    organisation: { name: { en: "Science Europe", fr: "Science Europe" } },
    context: "any",
    languages: ["en", "fr"],
    licence: "CC-BY-4.0",
    source:
      "Science Europe, Practical Guide to the International Alignment of Research Data Management – Extended Edition (2021), DOI 10.5281/zenodo.4915862; French: Ouvrir la Science",
    sections: scienceEuropeSections(reference),
  };
}

function anr(reference) {
  const source = readJson(`${reference}/templates/anr.json`);
  return {
    carnetTemplate: 1,
    id: "anr",
    family: "anr",
    version: 1,
    status: "published",
    title: { en: "ANR — data management plan", fr: "ANR : plan de gestion des données" },
    description: {
      en: html(
        "The data management plan of the French National Research Agency (ANR), which follows the Science Europe model. A first version is due six months after the start of the project, an update at mid-term for projects longer than 30 months, and a final version at the end.",
      ),
      fr: html(
        "Le plan de gestion des données de l'Agence nationale de la recherche (ANR), qui suit le modèle de Science Europe. Une première version est attendue six mois après le début du projet, une mise à jour à mi-parcours pour les projets de plus de 30 mois et une version finale à la fin du projet.",
      ),
    },
    organisation: {
      name: { en: "French National Research Agency (ANR)", fr: "Agence nationale de la recherche (ANR)" },
      identifier: source.publisher.ror,
    },
    context: "research_project",
    languages: ["en", "fr"],
    licence: "CC-BY-4.0",
    source:
      "ANR adopted the Science Europe model (ANR news, 2019-09-05; ANR FAQ on DMPs); questions and considerations from the Science Europe guide",
    sections: scienceEuropeSections(reference),
  };
}

/** Horizon Europe: one answer per plan; the sub-sections of "FAIR data" become sections. */
function horizonEurope(reference) {
  const source = readJson(`${reference}/templates/horizon-europe.json`);
  const flat = [];
  for (const section of source.sections) {
    if (section.questions?.length) flat.push({ section, parent: undefined });
    for (const sub of section.subsections ?? []) flat.push({ section: sub, parent: section });
  }
  // The closing statement of "FAIR data" (2.4.6) introduces the sections that follow: it becomes the
  // description of "Other research outputs" rather than a question.
  const statement = flat.flatMap(({ section }) => section.questions).find((q) => q.id === "2.4.6");
  const descriptions = { 3: { en: html(statement.text.en), fr: html(heFrench.statement) } };
  const sections = [];
  for (const { section, parent } of flat) {
    const fr = heFrench.sections[section.id];
    const title = parent
      ? {
          en: `${parent.title.en}: ${section.title.en.charAt(0).toLowerCase()}${section.title.en.slice(1)}`,
          fr,
        }
      : { en: section.title.en, fr };
    const questions = section.questions
      .filter((question) => heFrench.questions[question.id] !== undefined)
      .map((question) => {
        const [id, themes, frLabel, binding] = heFrench.questions[question.id];
        return {
          id,
          kind: "rich_text",
          label: { en: question.text.en, fr: frLabel },
          ...(question.group
            ? { help: { en: question.group.en, fr: heFrench.groups[question.group.en] } }
            : {}),
          required: true,
          themes,
          ...(binding ? { binding } : {}),
        };
      });
    const description = descriptions[section.id];
    sections.push({
      id: heFrench.sectionIds[section.id],
      title,
      ...(description ? { description } : {}),
      scope: "plan",
      questions,
    });
  }
  return {
    carnetTemplate: 1,
    id: "horizon-europe",
    family: "horizon-europe",
    version: 1,
    status: "published",
    title: {
      en: "Horizon Europe — data management plan",
      fr: "Horizon Europe : plan de gestion des données",
    },
    description: { en: html(...source.frontMatter.en.slice(0, 2)), fr: html(...heFrench.frontMatter) },
    organisation: { name: { en: "European Commission", fr: "Commission européenne" } },
    context: "research_project",
    languages: ["en", "fr"],
    licence: source.licence.spdx,
    source:
      "European Commission, Horizon Europe Data Management Plan template v1.0 (2021-05-05) / v1.1 (2022-04-01); French translation by Carnet",
    sections,
  };
}

export function narrativeTemplates(reference) {
  return [horizonEurope(reference), anr(reference), scienceEuropeCore(reference)];
}
