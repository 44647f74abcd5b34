import {
  type AnswerValue,
  type FieldValue,
  type Identifier,
  labelOrCode,
  localize,
  type Organisation,
  type Person,
  type Question,
  type SubField,
  type VocabularySet,
  vocabularyIds,
} from "../../domain/index.js";
import { translate, type UiLanguage } from "../../i18n/translate.js";
import { htmlToBlocks, plainTextToBlocks, safeHref } from "../rich-text/html-to-blocks.js";
import type { Block, Inline, TextRun } from "./model.js";

/** What formatting values needs: the export language, vocabularies, the plan's persons. */
export interface ValueContext {
  lang: UiLanguage;
  vocabularies: VocabularySet;
  persons: Record<string, Person>;
}

/** The label of a vocabulary code in the export language; the code itself when unknown. */
export function vocabularyLabel(context: ValueContext, vocabularyId: string, code: string): string {
  return labelOrCode(context.vocabularies, vocabularyId, code, context.lang);
}

/** A date (YYYY-MM-DD or an ISO timestamp) in the locale's long format, e.g. « 29 mars 2022 ». */
export function formatDate(value: string, lang: UiLanguage): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

const resolvers: Record<string, (value: string) => string> = {
  orcid: (v) => `https://orcid.org/${v.replace(/^https?:\/\/(www\.)?orcid\.org\//i, "")}`,
  ror: (v) => `https://ror.org/${v.replace(/^https?:\/\/(www\.)?ror\.org\//i, "")}`,
  doi: (v) => `https://doi.org/${v.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, "")}`,
  handle: (v) => `https://hdl.handle.net/${v.replace(/^https?:\/\/hdl\.handle\.net\//i, "")}`,
  ark: (v) => `https://n2t.net/${v.replace(/^https?:\/\/n2t\.net\//i, "")}`,
  hal: (v) => `https://hal.science/${v.replace(/^https?:\/\/hal\.science\//i, "")}`,
  isni: (v) => `https://isni.org/isni/${v.replace(/\s/g, "")}`,
  idref: (v) => `https://www.idref.fr/${v}`,
};

/** A resolvable link for an identifier, when its type has one (or it already is a URL). */
export function identifierHref(identifier: Identifier): string | undefined {
  const resolve = resolvers[identifier.type.toLowerCase()];
  const candidate = /^https?:\/\//i.test(identifier.value)
    ? identifier.value
    : resolve
      ? resolve(identifier.value.trim())
      : undefined;
  return safeHref(candidate);
}

/** An identifier as a run, linked when resolvable. */
export function identifierRun(identifier: Identifier): TextRun {
  const href = identifierHref(identifier);
  // bare iD, linked: the full URL does not fit a table column without breaking mid-identifier
  const display = identifier.value.replace(/^https?:\/\/(www\.)?orcid\.org\//i, "");
  return href ? { kind: "text", text: display, href } : { kind: "text", text: display };
}

/** "name (identifier, identifier)" with links. */
export function organisationRuns(organisation: Organisation): Inline[] {
  const name = organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name;
  if (organisation.identifiers.length === 0) return [{ kind: "text", text: name }];
  const runs: Inline[] = [{ kind: "text", text: `${name} (` }];
  organisation.identifiers.forEach((identifier, index) => {
    if (index > 0) runs.push({ kind: "text", text: ", " });
    runs.push(identifierRun(identifier));
  });
  runs.push({ kind: "text", text: ")" });
  return runs;
}

/** A person's display name: "Last First" (or the organisation's name). */
export function personName(person: Person | undefined): string {
  if (!person) return "?";
  if (person.kind === "organisation" || (!person.lastName && !person.firstName))
    return person.name ?? person.id;
  return [person.lastName, person.firstName].filter(Boolean).join(" ");
}

const para = (runs: Inline[]): Block => ({ kind: "paragraph", runs });
const plain = (value: string): Block => para([{ kind: "text", text: value }]);

function choiceLabel(field: Question | SubField, code: string, context: ValueContext): string {
  const option = field.options?.find((candidate) => candidate.code === code);
  if (option) return localize(option.label, context.lang);
  return field.vocabulary ? vocabularyLabel(context, field.vocabulary, code) : code;
}

function triStateLabel(value: string, context: ValueContext): string {
  const known = context.vocabularies.get(vocabularyIds.triState)?.items.some((item) => item.code === value);
  if (known) return vocabularyLabel(context, vocabularyIds.triState, value);
  const key = value === "yes" ? "export.yes" : value === "no" ? "export.no" : "export.unknown";
  return translate(context.lang, key);
}

function numberText(
  value: { value: number; unit?: string },
  field: Question | SubField,
  context: ValueContext,
): string {
  const number = new Intl.NumberFormat(context.lang).format(value.value);
  const unitCode = value.unit ?? field.unit;
  if (!unitCode) return number;
  const unit = field.unitVocabulary ? vocabularyLabel(context, field.unitVocabulary, unitCode) : unitCode;
  return `${number} ${unit}`;
}

/** The answer to a question (or a group's sub-field) as blocks, by the question's kind. */
export function answerBlocks(
  field: Question | SubField,
  value: AnswerValue | FieldValue,
  context: ValueContext,
  headingBase = 4,
): Block[] {
  if (value === null || value === undefined) return [];
  switch (field.kind) {
    case "rich_text":
      return typeof value === "string" ? htmlToBlocks(value, headingBase) : [];
    case "text":
      return typeof value === "string" ? plainTextToBlocks(value) : [];
    case "number":
      return typeof value === "object" && "value" in value && typeof value.value === "number"
        ? [plain(numberText(value as { value: number; unit?: string }, field, context))]
        : [];
    case "date":
      return typeof value === "string" ? [plain(formatDate(value, context.lang))] : [];
    case "url":
    case "email": {
      if (typeof value !== "string") return [];
      const href = safeHref(field.kind === "email" ? `mailto:${value}` : value);
      return [para([href ? { kind: "text", text: value, href } : { kind: "text", text: value }])];
    }
    case "single_choice":
      return typeof value === "string" ? [plain(choiceLabel(field, value, context))] : [];
    case "multiple_choice":
      return Array.isArray(value)
        ? [
            {
              kind: "list",
              ordered: false,
              items: (value as string[]).map((code) => [plain(choiceLabel(field, code, context))]),
            },
          ]
        : [];
    case "yes_no_unknown":
      return typeof value === "string" ? [plain(triStateLabel(value, context))] : [];
    case "identifier":
      return typeof value === "object" && "type" in value ? [para([identifierRun(value as Identifier)])] : [];
    case "person":
      return typeof value === "object" && "personId" in value
        ? [plain(personName(context.persons[(value as { personId: string }).personId]))]
        : [];
    case "persons":
      return Array.isArray(value)
        ? [
            {
              kind: "list",
              ordered: false,
              items: (value as { personId: string }[]).map((ref) => [
                plain(personName(context.persons[ref.personId])),
              ]),
            },
          ]
        : [];
    case "organisation":
      return typeof value === "object" && "name" in value
        ? [para(organisationRuns(value as Organisation))]
        : [];
    case "group":
      return Array.isArray(value)
        ? [groupTable(field as Question, value as Record<string, FieldValue>[], context)]
        : [];
  }
}

/** A repeatable group as a table: one column per sub-field, one row per item. */
function groupTable(question: Question, items: Record<string, FieldValue>[], context: ValueContext): Block {
  const fields = question.fields ?? [];
  return {
    kind: "table",
    header: fields.map((field) => localize(field.label, context.lang)),
    rows: items.map((item) => fields.map((field) => answerBlocks(field, item[field.id] ?? null, context, 5))),
  };
}
