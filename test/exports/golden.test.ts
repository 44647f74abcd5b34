import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDocument, type DocumentOptions } from "../../src/exports/document/build-document.js";
import type { ExportDocument, ExportFormat } from "../../src/exports/document/model.js";
import { renderDocument } from "../../src/exports/render/index.js";
import {
  fixturePaths,
  fixtureTemplate,
  fixtureVocabularies,
  fullyAnsweredPlan,
  referencePlan,
} from "../support/export-plans.js";
import { docxOutline, hasCommand, odtOutline, pdfText, squash } from "../support/extract-text.js";

/**
 * Golden tests: each format's extracted text or XML outline (not bytes) for the reference DMP in
 * French and English and for a plan with three fully answered research outputs. Regenerate after a
 * deliberate change with `UPDATE_GOLDEN=1 npx vitest run test/exports/golden.test.ts` and review the diff.
 */

const layout = { fontSize: 10, marginMm: 20, paper: "a4" } as const;
const update = process.env.UPDATE_GOLDEN === "1";
const options = (language: "fr" | "en"): DocumentOptions => ({
  language,
  headings: true,
  unanswered: false,
  cover: true,
});

function golden(name: string, actual: string): void {
  const path = `${fixturePaths.golden}${name}`;
  if (update || !existsSync(path)) {
    mkdirSync(fixturePaths.golden, { recursive: true });
    writeFileSync(path, actual);
    if (!update)
      throw new Error(`golden file ${name} was missing and has been written; review it and run again`);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

/** Extracted content per format, stable across runs. */
async function extract(document: ExportDocument, format: ExportFormat): Promise<string> {
  const bytes = await renderDocument(document, format, layout);
  switch (format) {
    case "pdf":
      return `${pdfText(bytes)
        .split("\f")
        .map((page) => squash(page))
        .join("\n--- page ---\n")}\n`;
    case "docx":
      return `${docxOutline(bytes).join("\n")}\n`;
    case "odt":
      return `${odtOutline(bytes).join("\n")}\n`;
    default:
      return new TextDecoder().decode(bytes);
  }
}

const formats: ExportFormat[] = ["pdf", "docx", "odt", "html", "md"];
const havePdftotext = hasCommand("pdftotext");
if (!havePdftotext)
  console.warn(
    "pdftotext is missing (Debian: poppler-utils): PDF golden tests are skipped here; CI installs it.",
  );

describe.each([
  ["reve.fr", () => buildDocument(referencePlan(), fixtureTemplate(), options("fr"), fixtureVocabularies())],
  ["reve.en", () => buildDocument(referencePlan(), fixtureTemplate(), options("en"), fixtureVocabularies())],
  [
    "three-outputs.fr",
    () =>
      buildDocument(
        fullyAnsweredPlan(3),
        fixtureTemplate(),
        { ...options("fr"), unanswered: true },
        fixtureVocabularies(),
      ),
  ],
])("golden export %s", (name, build) => {
  let document: ExportDocument;
  beforeAll(() => {
    document = build();
  });
  for (const format of formats) {
    it.skipIf(format === "pdf" && !havePdftotext)(`${format} matches its golden text`, async () => {
      const ext =
        format === "pdf" ? "pdf.txt" : format === "docx" ? "docx.txt" : format === "odt" ? "odt.txt" : format;
      golden(`${name}.${ext}`, await extract(document, format));
    });
  }
});

describe("PDF of the reference DMP", () => {
  it.skipIf(!havePdftotext)(
    "shows the seed's sections, in the seed's order, with the seed's values",
    async () => {
      const plan = referencePlan();
      const bytes = await renderDocument(
        buildDocument(plan, fixtureTemplate(), options("fr"), fixtureVocabularies()),
        "pdf",
        layout,
      );
      const text = squash(pdfText(bytes));
      const inOrder = [
        plan.details.title,
        "Plan de gestion de données créé à l’aide de Carnet, basé sur le modèle « Science Europe : modèle structuré » fourni par Science Europe.",
        "Renseignements sur le plan",
        "Version initiale",
        "Médias et communications, Informatique et sciences de l'information, Education",
        "Français",
        "29 mars 2022",
        "4 décembre 2023",
        "Renseignements sur le projet",
        "REVE",
        "numérique distanciel",
        "Problématique",
        "Sources de financement",
        "Ministère de l'Éducation nationale, de la Jeunesse et des Sports",
        "26 octobre 2020",
        "30 juin 2023",
        "Partenaires",
        "(200415135N)",
        "Réseau Canopé",
        "Produits de recherche",
        "1. Entretiens et études de cas (Jeu de données)",
        "Contributeurs",
        "CERISIER JEAN-FRANÇOIS",
        "0000-0002-3992-0547",
        "Techné",
        "Coordinateur du projet",
        "Nguyen Aurélien",
        "0000-0003-0579-8173",
        "Personne contact (RO1)",
        "Responsable du plan",
        "Entretiens et études de cas",
        "1. Description des données et collecte ou réutilisation de données existantes",
      ];
      let from = 0;
      for (const expected of inOrder) {
        const at = text.indexOf(squash(expected), from);
        expect(at, `"${expected}" after position ${from}`).toBeGreaterThanOrEqual(from);
        from = at + 1;
      }
      expect(text).toContain("CC-BY-4.0 — page 1 /");
      expect(text).not.toContain("SECRET-HIDDEN-ANSWER"); // hidden by its condition (no sensitive data)
      expect(text).not.toContain("Question sans réponse.");
    },
  );

  it.skipIf(!havePdftotext)("has English headings and labels in English", async () => {
    const bytes = await renderDocument(
      buildDocument(referencePlan(), fixtureTemplate(), options("en"), fixtureVocabularies()),
      "pdf",
      layout,
    );
    const text = squash(pdfText(bytes));
    for (const expected of [
      "Plan details",
      "Project details",
      "Research outputs",
      "Contributors",
      "Project coordinator",
      "Contact person (RO1)",
      "March 29, 2022",
      "Education",
      "Entretiens et études de cas (Dataset)",
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain("Renseignements sur le plan");
  });

  it.skipIf(!havePdftotext)("starts every research output on a new page", async () => {
    const bytes = await renderDocument(
      buildDocument(fullyAnsweredPlan(3), fixtureTemplate(), options("fr"), fixtureVocabularies()),
      "pdf",
      layout,
    );
    const pages = pdfText(bytes).split("\f").map(squash);
    for (const n of [1, 2, 3]) {
      const first = pages.findIndex((page) => page.startsWith(`Produit ${n} : corpus d’entretiens`));
      expect(first, `output ${n} opens a page`).toBeGreaterThan(0);
    }
  });
});
