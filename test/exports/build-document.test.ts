import { describe, expect, it } from "vitest";
import { planSchema } from "../../src/domain/index.js";
import { buildDocument, type DocumentOptions } from "../../src/exports/document/build-document.js";
import { type Block, type ExportDocument, runsText } from "../../src/exports/document/model.js";
import { renderHtml } from "../../src/exports/render/html.js";
import {
  fixtureTemplate,
  fixtureVocabularies,
  fullyAnsweredPlan,
  referencePlan,
} from "../support/export-plans.js";

const base: DocumentOptions = { headings: true, unanswered: false, cover: true };

/** Headings of the document as "H<level> text" lines. */
function outline(document: ExportDocument): string[] {
  return document.blocks.filter((b) => b.kind === "heading").map((b) => `H${b.level} ${runsText(b.runs)}`);
}

/** All visible text of blocks, flattened. */
function allText(blocks: Block[]): string {
  return blocks
    .map((block): string => {
      switch (block.kind) {
        case "heading":
        case "paragraph":
          return runsText(block.runs);
        case "list":
          return block.items.map(allText).join("\n");
        case "fields":
          return block.rows.map((row) => `${row.label}: ${allText(row.value)}`).join("\n");
        case "table":
          return [block.header.join(" | "), ...block.rows.map((row) => row.map(allText).join(" | "))].join(
            "\n",
          );
        default:
          return ""; // page breaks
      }
    })
    .join("\n");
}

const build = (options: Partial<DocumentOptions> = {}, plan = referencePlan()) =>
  buildDocument(plan, fixtureTemplate(), { ...base, ...options }, fixtureVocabularies());

describe("buildDocument", () => {
  it("follows the reference document's order (French)", () => {
    expect(outline(build({ language: "fr" }))).toEqual([
      `H1 ${referencePlan().details.title}`,
      "H2 Renseignements sur le plan",
      "H2 Renseignements sur le projet",
      "H3 Problématique",
      "H2 Produits de recherche",
      "H2 Contributeurs",
      "H1 Entretiens et études de cas",
      "H2 1. Description des données et collecte ou réutilisation de données existantes",
      "H3 Comment de nouvelles données seront-elles collectées ou produites et/ou comment des données existantes seront-elles réutilisées ?",
      "H3 Quels types de données ?",
      "H2 4. Exigences légales et éthiques, codes de conduite",
      "H3 Comment les données personnelles seront-elles protégées ?",
      "H2 5. Partage des données et conservation à long terme",
      "H3 Comment les données seront-elles accessibles ?",
    ]);
  });

  it("uses the plan's language by default and English labels on request", () => {
    const fr = build();
    expect(fr.meta.language).toBe("fr");
    const en = build({ language: "en" });
    const text = allText(en.blocks);
    expect(text).toContain(
      'Data management plan created with Carnet, based on the template "Science Europe: structured template" provided by Science Europe.',
    );
    expect(text).toContain(
      "Research domains (OECD classification): Media and communications, Computer and information sciences, Education",
    );
    expect(text).toContain("Language: French");
    expect(text).toContain("Creation date: March 29, 2022");
    expect(text).toContain("Shared");
    expect(en.meta.pageLabel).toBe("page {page} / {pages}");
  });

  it("aggregates roles per person, sorted by last then first name, with the outputs a role is limited to", () => {
    const document = build({ language: "en" }, fullyAnsweredPlan(3));
    const table = document.blocks.find((b) => b.kind === "table" && b.header[0] === "Name");
    expect(table?.kind).toBe("table");
    const rows = (table as Extract<Block, { kind: "table" }>).rows.map((row) => row.map(allText).join(" | "));
    expect(rows).toEqual([
      "CERISIER JEAN-FRANÇOIS\n0000-0002-3992-0547 | Techné | Project coordinator\nData Curator (RO2)",
      "Nguyen Aurélien\n0000-0003-0579-8173 | Techné | DMP manager\nContact person (RO1, RO2, RO3)",
    ]);
  });

  it("never prints a question hidden by its condition, even with unanswered questions on", () => {
    for (const unanswered of [false, true]) {
      const text = allText(build({ unanswered }).blocks);
      expect(text).not.toContain("SECRET-HIDDEN-ANSWER");
      expect(text).not.toContain("Comment les données sensibles seront-elles traitées ?");
    }
    // shown when the output does have sensitive data
    const plan = referencePlan();
    const shown = planSchema.parse({
      ...plan,
      outputs: { ro1: { ...plan.outputs.ro1, sensitiveData: "yes" } },
    });
    expect(allText(build({}, shown).blocks)).toContain("SECRET-HIDDEN-ANSWER");
  });

  it("prints unanswered questions only when asked, with the language's placeholder", () => {
    expect(allText(build({ language: "fr" }).blocks)).not.toContain("Question sans réponse.");
    const fr = allText(build({ language: "fr", unanswered: true }).blocks);
    expect(fr).toContain("Quels codes de conduite s'appliquent ?\nQuestion sans réponse.");
    expect(allText(build({ language: "en", unanswered: true }).blocks)).toContain(
      "Which codes of conduct apply?\nNot answered.",
    );
  });

  it("adds a budget only when costs exist", () => {
    expect(outline(build())).not.toContain("H2 Budget");
    const document = build({ language: "fr" }, fullyAnsweredPlan(2));
    const budget = document.blocks.find((b) => b.kind === "table" && b.header[1] === "Montant");
    // Intl writes French amounts with (narrow) no-break spaces
    expect(allText([budget!]).replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Type | Montant | Produit de recherche\nFrais de personnel (Ingénieur de données) | 1 500,00 € | RO1\nStockage (Stockage sécurisé) | 200,00 € | RO1\nFrais de personnel (Ingénieur de données) | 3 000,00 € | RO2\nStockage (Stockage sécurisé) | 200,00 € | RO2",
    );
  });

  it("selects outputs, leaves out question headings or the cover on request", () => {
    const plan = fullyAnsweredPlan(3);
    const some = build({ outputs: ["RO2", "ro3"] }, plan);
    const chapters = outline(some).filter((line) => line.startsWith("H1 Produit"));
    expect(chapters).toEqual([
      "H1 Produit 2 : corpus d’entretiens et études de cas",
      "H1 Produit 3 : corpus d’entretiens et études de cas",
    ]);
    expect(outline(build({ headings: false }, plan)).some((line) => line.startsWith("H3 Comment"))).toBe(
      false,
    );
    const noCover = outline(build({ cover: false }, plan));
    expect(noCover).not.toContain("H2 Renseignements sur le plan");
    expect(noCover).not.toContain("H2 Contributeurs");
  });

  it("renders group answers as tables and choices as labels", () => {
    const text = allText(build({ language: "en" }, fullyAnsweredPlan(1)).blocks);
    expect(text).toContain("Host | Format | Access\nNakala | PDF/A | Open");
    expect(text).toContain("Interviews\nSurveys");
    expect(text).toContain("12.5 Go");
  });

  it("exports hostile answers as harmless text", () => {
    const plan = referencePlan();
    const hostile = planSchema.parse({
      ...plan,
      outputs: {
        ro1: {
          ...plan.outputs.ro1,
          answers: {
            "description.collection":
              '<p>ok</p><script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">lien</a><svg onload="alert(1)"></svg>',
          },
        },
      },
    });
    const html = renderHtml(build({}, hostile));
    expect(html).not.toMatch(/<script|onerror|onload|javascript:/i);
    expect(html).toContain("<p>ok</p>");
    expect(html).toContain("<p>lien</p>");
  });
});
