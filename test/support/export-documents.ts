import type { Block, ExportDocument } from "../../src/exports/document/model.js";
import { htmlToBlocks } from "../../src/exports/rich-text/html-to-blocks.js";

/**
 * Hand-built documents that mirror the reference DMP (`shared/seed/dmp-reve-opidor-export.txt`):
 * French text with accents and typographic quotes, links, rich text with bold, lists and
 * sub-headings, a contributors table. Used by renderer tests and the export benchmark until the
 * plan → document builder runs on real plans.
 */

const title =
  'DMP du projet "GTnum TECHNE#REVE : Numérique scolaire : vers des écosystèmes favorables à l\'innovation. Acteurs, collectifs et organisations"';

const summary = `<p>Dans le contexte COVID-19 où l'École, la société et l'économie ont été placés en phase de <strong>numérique distanciel</strong> subit (et subi), contraint et massif, mais aussi dans la perspective des <strong>Etats Généraux du Numérique pour l'Éducation</strong> (EGNé), la Direction du numérique pour l'Éducation a retenu le laboratoire Techné de l'université de Poitiers pour porter le <strong>groupe thématique numérique n°5</strong> sur la période 2020-2022.</p>
<p>Pendant ces 2 années le GTnum5 mène des travaux de veille et de prospective visant à produire plusieurs livrables dans le but de :</p>
<ul><li>Faire l'état des lieux de la recherche sur la thématique fixée ;</li><li>Croiser les apports de la recherche avec les retours d'expériences des acteurs de terrains ;</li><li>Proposer des scénarii prospectifs et des actions concrètes ;</li><li>Travailler en relation avec le conseil scientifique de l'Education nationale.</li></ul>
<h3>Problématique</h3>
<p>Si la « force » de ces collectifs n'a donc plus besoin d'être démontrée, leur existence, leur dynamique et leur pérennité résistent souvent mal aux contingences de terrain.</p>
<p>C'est avec le projet <strong>REVE (Renouveler les Écosystèmes pour Valoriser l'Engagement)</strong> que le GT5Num répond aux objectifs fixés par la DNE, voir <a href="https://hal.science/hal-04317582v1">hal-04317582</a>.</p>`;

const p = (value: string): Block => ({ kind: "paragraph", runs: [{ kind: "text", text: value }] });
const label = (value: string): Block => ({
  kind: "paragraph",
  runs: [{ kind: "text", text: value }],
  role: "label",
});
const link = (value: string): Block => ({
  kind: "paragraph",
  runs: [{ kind: "text", text: value, href: value }],
});
const bullets = (items: string[]): Block => ({
  kind: "list",
  ordered: false,
  items: items.map((item) => [p(item)]),
});

function contributors(): Block {
  return {
    kind: "table",
    header: ["Nom", "Affiliation", "Rôles"],
    rows: [
      [
        [p("CERISIER Jean-François"), link("https://orcid.org/0000-0002-3992-0547")],
        [p("Techné")],
        [bullets(["Coordinateur du projet"])],
      ],
      [
        [p("Nguyen Aurélien"), link("https://orcid.org/0000-0003-0579-8173")],
        [p("Techné")],
        [bullets(["Personne contact pour les données (RO1)", "Responsable du plan de gestion de données"])],
      ],
    ],
  };
}

function outputChapter(index: number, answerHtml: string): Block[] {
  const sections = [
    [
      "1. Description des données et collecte ou réutilisation de données existantes",
      [
        "Comment de nouvelles données seront-elles collectées ou produites et/ou comment des données existantes seront-elles réutilisées ?",
        "Quelles données (types, formats et volumes) seront collectées ou produites ?",
      ],
    ],
    [
      "2. Documentation et qualité des données",
      [
        "Quelles métadonnées et quelle documentation accompagneront les données ?",
        "Quelles mesures de contrôle de la qualité des données seront utilisées ?",
      ],
    ],
    [
      "3. Stockage et sauvegarde pendant le processus de recherche",
      ["Comment les données et les métadonnées seront-elles stockées et sauvegardées ?"],
    ],
  ] as const;
  const blocks: Block[] = [
    { kind: "pageBreak" },
    {
      kind: "heading",
      level: 1,
      runs: [{ kind: "text", text: `Produit ${index} : entretiens et études de cas « écosystèmes »` }],
    },
  ];
  for (const [section, questions] of sections) {
    blocks.push({ kind: "heading", level: 2, runs: [{ kind: "text", text: section }] });
    for (const question of questions) {
      blocks.push({ kind: "heading", level: 3, runs: [{ kind: "text", text: question }] });
      blocks.push(...htmlToBlocks(answerHtml, 4));
    }
  }
  blocks.push({
    kind: "table",
    header: ["Hôte", "Format", "Accès"],
    rows: [
      [[p("Nakala")], [p("PDF/A")], [p("ouvert")]],
      [
        [p("Entrepôt de l'université de Poitiers")],
        [p("CSV, UTF-8")],
        [p("restreint — données personnelles")],
      ],
    ],
  });
  return blocks;
}

const answer = `<p>Les données sont produites lors d'<strong>entretiens semi-directifs</strong> et d'<em>observations</em> ; elles sont transcrites puis pseudonymisées. Œuvre collective : « écosystèmes » et ’apostrophes’.</p><ul><li>Entretiens : environ 40 heures d'enregistrement</li><li>Transcriptions : 1,2 Go au format <code>.odt</code></li></ul><p>Voir <a href="https://www.ouvrirlascience.fr/">Ouvrir la Science</a>.</p>`;

/** The reference DMP as a document, in French; `outputs` research outputs with answers. */
export function referenceDocument(outputs = 1, answerHtml = answer): ExportDocument {
  const blocks: Block[] = [
    { kind: "heading", level: 1, runs: [{ kind: "text", text: title }] },
    {
      kind: "paragraph",
      role: "subtitle",
      runs: [
        {
          kind: "text",
          text: 'Plan de gestion de données créé à l\'aide de Carnet, basé sur le modèle "Science Europe : modèle structuré" fourni par Science Europe.',
        },
      ],
    },
    { kind: "heading", level: 2, runs: [{ kind: "text", text: "Renseignements sur le plan" }] },
    {
      kind: "fields",
      rows: [
        { label: "Titre du plan", value: [p(title)] },
        { label: "Version", value: [p("Version initiale")] },
        {
          label: "Domaines de recherche",
          value: [
            p("Médias et communications, Informatique et sciences de l'information, Sciences de l'éducation"),
          ],
        },
        { label: "Langue", value: [p("français")] },
        { label: "Date de création", value: [p("29/03/2022")] },
        { label: "Date de dernière modification", value: [p("04/12/2023")] },
        {
          label: "Documents et sites web associés",
          value: [
            {
              kind: "list",
              ordered: false,
              items: [
                [
                  {
                    kind: "paragraph",
                    runs: [
                      {
                        kind: "text",
                        text: "TECHNE#REVE - Rôle des écosystèmes dans les processus d'innovation : ",
                      },
                      { kind: "text", text: "hal-04317582", href: "https://hal.science/hal-04317582" },
                    ],
                  },
                ],
                [p("GT num TECHNE#REVE - Solidarité numérique en éducation")],
              ],
            },
          ],
        },
      ],
    },
    { kind: "heading", level: 2, runs: [{ kind: "text", text: "Renseignements sur le projet" }] },
    label("Titre du projet"),
    p(
      "GTnum TECHNE#REVE : Numérique scolaire : vers des écosystèmes favorables à l'innovation. Acteurs, collectifs et organisations",
    ),
    label("Acronyme"),
    p("REVE"),
    label("Résumé"),
    ...htmlToBlocks(summary, 3),
    label("Sources de financement"),
    bullets(["Ministère de l'Éducation nationale, de la Jeunesse et des Sports"]),
    label("Date de début"),
    p("26/10/2020"),
    label("Date de fin"),
    p("30/06/2023"),
    label("Partenaires"),
    {
      kind: "list",
      ordered: false,
      items: [
        [
          {
            kind: "paragraph",
            runs: [
              {
                kind: "text",
                text: "Centre de recherche sur l'Education, les Apprentissages et la Didactique (",
              },
              {
                kind: "text",
                text: "200415135N",
                href: "https://rnsr.adc.education.fr/structure/200415135N",
              },
              { kind: "text", text: ")" },
            ],
          },
        ],
        [p("Réseau Canopé")],
      ],
    },
    { kind: "heading", level: 2, runs: [{ kind: "text", text: "Produits de recherche" }] },
    {
      kind: "list",
      ordered: true,
      items: Array.from({ length: outputs }, (_, i) => [
        p(`Produit ${i + 1} : entretiens et études de cas « écosystèmes » (Jeu de données)`),
      ]),
    },
    { kind: "heading", level: 2, runs: [{ kind: "text", text: "Contributeurs" }] },
    contributors(),
  ];
  for (let i = 1; i <= outputs; i++) blocks.push(...outputChapter(i, answerHtml));
  return {
    meta: {
      title,
      language: "fr",
      licence: "CC-BY-4.0",
      author: "Aurélien Nguyen",
      pageLabel: "page {page} / {pages}",
    },
    blocks,
  };
}
