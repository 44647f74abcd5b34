import template from "../../../data/templates/science-europe-structured.json" with { type: "json" };
import type { AnswerValue } from "../../../src/domain/answer-values.js";
import type { Question } from "../../../src/domain/template.js";

const base = { required: false, themes: [] as string[] };
const label = (en: string, fr: string) => ({ en, fr });

/** One question of each kind, plus real questions of the Science Europe structured template. */
const synthetic: Question[] = [
  {
    ...base,
    id: "q.rich",
    kind: "rich_text",
    required: true,
    label: label("Describe the data you will collect", "Décrivez les données que vous allez collecter"),
    help: label("Say what, how much and in which formats.", "Dites quoi, combien et dans quels formats."),
    example: label("We will record 40 interviews…", "Nous enregistrerons 40 entretiens…"),
  },
  { ...base, id: "q.text", kind: "text", label: label("Project acronym", "Acronyme du projet") },
  { ...base, id: "q.url", kind: "url", label: label("Project web site", "Site web du projet") },
  { ...base, id: "q.email", kind: "email", label: label("Contact e-mail", "Courriel de contact") },
  { ...base, id: "q.date", kind: "date", label: label("Date of first deposit", "Date du premier dépôt") },
  {
    ...base,
    id: "q.volume",
    kind: "number",
    unitVocabulary: "volume-units",
    label: label("Expected volume of data", "Volume de données attendu"),
  },
  { ...base, id: "q.cost", kind: "number", unit: "EUR", label: label("Storage cost", "Coût du stockage") },
  {
    ...base,
    id: "q.single",
    kind: "single_choice",
    label: label("How will the data be shared?", "Comment les données seront-elles partagées ?"),
    options: [
      { code: "open", label: label("Openly", "Ouvertement") },
      { code: "restricted", label: label("On request", "Sur demande") },
      { code: "closed", label: label("Not shared", "Non partagées") },
    ],
  },
  {
    ...base,
    id: "q.multiple",
    kind: "multiple_choice",
    label: label("Which backups?", "Quelles sauvegardes ?"),
    options: [
      { code: "local", label: label("Local disk", "Disque local") },
      { code: "cloud", label: label("Institutional cloud", "Nuage de l'établissement") },
      { code: "tape", label: label("Tape", "Bande") },
    ],
  },
  {
    ...base,
    id: "q.personal",
    kind: "yes_no_unknown",
    label: label("Will you process personal data?", "Traiterez-vous des données personnelles ?"),
  },
  {
    ...base,
    id: "q.language",
    kind: "single_choice",
    vocabulary: "iso-639-3",
    label: label("Language of the data", "Langue des données"),
  },
  {
    ...base,
    id: "q.domains",
    kind: "multiple_choice",
    vocabulary: "oecd-ford",
    label: label("Research domains", "Domaines de recherche"),
  },
  {
    ...base,
    id: "q.identifier",
    kind: "identifier",
    identifierTypes: ["doi", "handle", "url"],
    label: label("Identifier of the dataset", "Identifiant du jeu de données"),
  },
  {
    ...base,
    id: "q.organisation",
    kind: "organisation",
    lookup: "ror",
    label: label("Host institution", "Établissement hôte"),
  },
  { ...base, id: "q.person", kind: "person", label: label("Data contact", "Contact pour les données") },
  { ...base, id: "q.persons", kind: "persons", label: label("Data stewards", "Gestionnaires de données") },
  {
    ...base,
    id: "q.group",
    kind: "group",
    minItems: 1,
    label: label("Data collections", "Collectes de données"),
    fields: [
      { id: "name", kind: "text", required: true, label: label("Name", "Nom") },
      {
        id: "size",
        kind: "number",
        required: false,
        unitVocabulary: "volume-units",
        label: label("Size", "Taille"),
      },
      { id: "start", kind: "date", required: false, label: label("Start", "Début") },
    ],
  },
];

const fromTemplate = (template.sections as unknown as { questions: Question[] }[])
  .flatMap((section) => section.questions)
  .filter((q) => q.id === "sharing.hosts")
  .map((q) => ({ ...q, themes: q.themes ?? [], required: q.required ?? false }));

/** A narrative answer at the end, below the fold: it shows read-only until it is near the viewport. */
const last: Question = {
  ...base,
  id: "q.notes",
  kind: "rich_text",
  label: label("Other remarks", "Autres remarques"),
};

export const harnessQuestions: Question[] = [...synthetic, ...fromTemplate, last];

/** Answers of every kind, for the read-only view. */
export const filledAnswers: Record<string, AnswerValue> = {
  "q.rich":
    '<h3>Interviews</h3><p>We record <strong>40</strong> interviews, see <a href="https://example.org/protocol">the protocol</a>.</p><ul><li><p>audio</p></li><li><p>transcripts</p></li></ul><p><img src="x" onerror="alert(1)">kept text<script>alert(2)</script></p>',
  "q.text": "REVE",
  "q.url": "https://reve.example.org",
  "q.email": "data@reve.example.org",
  "q.date": "2026-03-12",
  "q.volume": { value: 3.5, unit: "TB" },
  "q.cost": { value: 1200 },
  "q.single": "restricted",
  "q.multiple": ["local", "tape"],
  "q.personal": "unknown",
  "q.language": "fra",
  "q.domains": ["5.3", "1.2"],
  "q.identifier": { type: "doi", value: "10.5281/zenodo.123" },
  "q.organisation": { name: "CNRS", identifiers: [{ type: "ror", value: "https://ror.org/02feahw73" }] },
  "q.person": { personId: "p1" },
  "q.persons": [{ personId: "p1" }, { personId: "p2" }],
  "q.group": [
    { id: "a", name: "Survey", size: { value: 2, unit: "GB" }, start: "2026-01-05" },
    { id: "b", name: "Interviews", size: null, start: null },
  ],
};
