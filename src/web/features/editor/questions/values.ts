/**
 * Pure conversions between answer values (src/domain/answer-values.ts) and what the question
 * widgets show and read: numbers typed with a comma, dates, empty rich text, group rows, vocabulary
 * search, registry results → answer values. No React here, so that unit tests run in Node.
 */

import type { VocabularyView } from "../../../../contract/templates.js";
import type { GroupItem, Identifier, Organisation } from "../../../../domain/answer-values.js";
import type { LookupSource } from "../../../../domain/lookup-sources.js";
import type { Plan } from "../../../../domain/plan.js";
import type { SubField, Template } from "../../../../domain/template.js";
import type { Vocabulary, VocabularySet } from "../../../../domain/vocabulary.js";

/** Element id of the card of the answer at JSON pointer `path` (the editor scrolls to it). */
export function answerAnchorId(path: string): string {
  return `answer${path.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/** Element id of the first input of the answer at `path` (the editor focuses it). */
export function answerInputId(path: string): string {
  return `${answerAnchorId(path)}-input`;
}

/**
 * A number as typed in English or French (`3.5`, `3,5`, `1 200`, `1 200,5`) → number, or undefined
 * when the text is not a finite number. Empty text is undefined too.
 */
export function parseNumber(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (compact === "") return undefined;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(compact)) return undefined;
  const value = Number(compact.replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

/** A number for an input in the interface language (`3,5` in French), without grouping. */
export function formatNumberInput(value: number, lang: string): string {
  const text = String(value);
  return lang === "fr" ? text.replace(".", ",") : text;
}

/** True when `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date answer for people: `12 March 2026` / `12 mars 2026`. */
export function formatDate(value: string, lang: string): string {
  if (!isIsoDate(value)) return value;
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${value}T00:00:00Z`));
}

/** True for http(s) addresses (what a `url` answer should hold). */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text.trim())) return false;
  try {
    new URL(text.trim());
    return true;
  } catch {
    return false;
  }
}

/** A plausible e-mail address (the server does not require more). */
export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

/** Link targets the rich-text allowlist keeps (src/exports/rich-text): http, https and mailto. */
export function isSafeLink(href: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(href.trim());
}

/**
 * The stored form of the rich-text editor's HTML: an editor that holds nothing (`<p></p>`, only
 * spaces or line breaks) is the empty string, so that an untouched answer stays unanswered.
 */
export function normaliseRichText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;|\u00a0/g, "")
    .trim();
  return text === "" ? "" : html;
}

/** Plain text of rich text (for read-only summaries and table cells). */
export function richTextToPlain(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h[1-6])\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Items of a list moved: the item at `from` goes to `to` (both clamped); a new array. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  if (from < 0 || from >= result.length) return result;
  const target = Math.max(0, Math.min(result.length - 1, to));
  const [item] = result.splice(from, 1) as [T];
  result.splice(target, 0, item);
  return result;
}

/** A fresh group row: a new id and every sub-field empty (null). */
export function newGroupItem(fields: readonly SubField[], id: string = newItemId()): GroupItem {
  const item: GroupItem = { id };
  for (const field of fields) item[field.id] = null;
  return item;
}

/** A short random id for group rows (stable across edits, unique enough within one answer). */
export function newItemId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
  return `i${random.replace(/-/g, "").slice(0, 12)}`;
}

/** Template `lookup` names → the API's look-up source (templates use registry names of their origin). */
const lookupAliases: Record<string, LookupSource> = {
  orcid: "orcid",
  ror: "ror",
  funders: "funders",
  rnsr: "rnsr",
  repositories: "repositories",
  re3data: "repositories",
  licences: "licences",
  spdx: "licences",
  languages: "languages",
  standards: "standards",
  "metadata-standards": "standards",
};

/** The look-up source a question's `lookup` stands for, or undefined when the API has none. */
export function lookupSourceOf(lookup: string | undefined): LookupSource | undefined {
  return lookup === undefined ? undefined : lookupAliases[lookup];
}

export {
  searchVocabulary,
  type VocabularyOption,
  vocabularyOptions,
} from "../../../../domain/vocabulary-search.js";

/** A registry result as the API returns it (src/contract/lookups.ts), the fields used here. */
export interface RegistryResult {
  id: string;
  label: string;
  acronym?: string | undefined;
  url?: string | undefined;
  country?: string | undefined;
  identifiers: { scheme: string; value: string }[];
}

/** Identifier schemes of registries → identifier type codes of the identifier-types vocabularies. */
function identifierType(scheme: string): string {
  const lower = scheme.toLowerCase();
  return lower === "re3data" || lower === "fairsharing" ? "url" : lower;
}

/** The identifier a registry result gives (its first one, else its id), typed. */
export function identifierFromResult(result: RegistryResult, allowed?: readonly string[]): Identifier {
  const candidates = result.identifiers.map((id) => ({ type: identifierType(id.scheme), value: id.value }));
  const fitting = allowed ? candidates.find((c) => allowed.includes(c.type)) : candidates[0];
  if (fitting) return fitting;
  if (result.url && (!allowed || allowed.includes("url"))) return { type: "url", value: result.url };
  return candidates[0] ?? { type: allowed?.[0] ?? "other", value: result.id };
}

/** An organisation answer from a registry result (ROR, RNSR, funders). */
export function organisationFromResult(result: RegistryResult): Organisation {
  const organisation: Organisation = { name: result.label, identifiers: [] };
  if (result.acronym) organisation.acronym = result.acronym;
  organisation.identifiers = result.identifiers.map((id) => ({
    type: identifierType(id.scheme),
    value: id.value,
  }));
  // A ROR record's own id is its identifier (the registry lists only the other schemes).
  if (
    /^https:\/\/ror\.org\//.test(result.id) &&
    !organisation.identifiers.some((id) => id.value === result.id)
  )
    organisation.identifiers.unshift({ type: "ror", value: result.id });
  return organisation;
}

/**
 * A group row filled from a registry result: the first text field gets the name, an identifier
 * field the identifier, a url field the address, a country field the country code when the
 * vocabulary knows it. Other fields stay empty.
 */
export function groupItemFromResult(
  fields: readonly SubField[],
  result: RegistryResult,
  vocabularies: VocabularySet,
  id: string = newItemId(),
): GroupItem {
  const item = newGroupItem(fields, id);
  let named = false;
  let linked = false;
  for (const field of fields) {
    if (field.kind === "text" && !named) {
      item[field.id] = result.label;
      named = true;
    } else if (field.kind === "identifier") {
      item[field.id] = identifierFromResult(result, field.identifierTypes);
    } else if (field.kind === "url" && !linked && result.url) {
      item[field.id] = result.url;
      linked = true;
    } else if (field.kind === "single_choice" && field.vocabulary && result.country) {
      const vocabulary = vocabularies.get(field.vocabulary);
      const code = vocabulary?.items.find(
        (i) => i.code.toLowerCase() === result.country?.toLowerCase(),
      )?.code;
      if (code) item[field.id] = code;
    }
  }
  return item;
}

/** Vocabularies that label identifier types, searched in this order. */
export const identifierTypeVocabularies = [
  "resource-identifier-types",
  "person-identifier-types",
  "organisation-identifier-types",
] as const;

/** True when an answer holds nothing (unanswered): null, "", [], an empty organisation or rich text. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return normaliseRichText(value) === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object" && "name" in value) {
    const organisation = value as { name: string; identifiers?: unknown[] };
    return organisation.name.trim() === "" && (organisation.identifiers?.length ?? 0) === 0;
  }
  return false;
}

/**
 * A vocabulary as `GET /api/v1/vocabularies/:id?lang=` answers it (labels in one language) → the
 * domain's `Vocabulary`, for the `vocabularies` prop of QuestionCard. Fetch it in the plan's language.
 */
export function vocabularyFromView(view: VocabularyView): Vocabulary {
  return {
    carnetVocabulary: 1,
    id: view.id,
    title: { [view.lang]: view.title },
    source: view.source,
    licence: view.licence,
    items: view.items.map((item) => ({
      code: item.code,
      label: { [view.lang]: item.label },
      ...(item.uri ? { uri: item.uri } : {}),
      ...(item.parent ? { parent: item.parent } : {}),
      ...(item.deprecated ? { deprecated: item.deprecated } : {}),
    })),
  };
}

/**
 * Rich text made harmless to parse in the page: inline event handlers (`onerror=`…) renamed and
 * resources (`src`, `srcset`) dropped inside tags, so that parsing it — even in an inert template,
 * where Chromium still tries `<img onerror>` — loads and runs nothing. The allowlist then decides
 * what is shown.
 */
export function defuseHtml(html: string): string {
  return html.replace(/<[^>]*>/g, (tag) =>
    tag.replace(
      /(\s)(on[a-z]+|src|srcset)(\s*=)/gi,
      (_whole, space: string, name: string, equals: string) => `${space}data-defused-${name}${equals}`,
    ),
  );
}

/**
 * Vocabularies too large to download whole (ISO 639-3, SPDX licences): the editor loads only the
 * items a plan uses, and their comboboxes search the rest on the server
 * (`GET /api/v1/vocabularies/:id/search`). A vocabulary of more than this many items is one.
 */
export const wholeVocabularyMaxItems = 300;

/** Vocabularies holding only some of their items (the rest are searched on the server). */
const partialVocabularies = new WeakSet<Vocabulary>();

export function markSearchedOnServer(vocabulary: Vocabulary): void {
  partialVocabularies.add(vocabulary);
}

export function isSearchedOnServer(vocabulary: Vocabulary): boolean {
  return partialVocabularies.has(vocabulary);
}

/** Codes a vocabulary holding only some of its items was asked for and does not know. */
const missingCodes = new WeakMap<Vocabulary, ReadonlySet<string>>();

export function markMissingCodes(vocabulary: Vocabulary, codes: ReadonlySet<string>): void {
  if (codes.size) missingCodes.set(vocabulary, codes);
}

/**
 * True when `code` is known not to be a code of `vocabulary`: not among its items when it came
 * whole, or asked of the server and not found when it did not. A code of a large vocabulary whose
 * label is still on its way is not (it shows as it is meanwhile).
 */
export function isUnknownCode(vocabulary: Vocabulary, code: string): boolean {
  if (vocabulary.items.some((item) => item.code === code)) return false;
  return !isSearchedOnServer(vocabulary) || (missingCodes.get(vocabulary)?.has(code) ?? false);
}

/**
 * The codes one set of answers (the plan's, or an output's) holds for each vocabulary of the
 * template's questions and sub-fields, added to `codes`.
 */
export function answerVocabularyCodes(
  answers: Readonly<Record<string, unknown>>,
  template: Template,
  codes = new Map<string, Set<string>>(),
): Map<string, Set<string>> {
  const add = (vocabularyId: string, value: unknown) => {
    for (const code of Array.isArray(value) ? value : [value])
      if (typeof code === "string" && code !== "") {
        const set = codes.get(vocabularyId) ?? new Set<string>();
        codes.set(vocabularyId, set.add(code));
      }
  };
  for (const section of template.sections)
    for (const question of section.questions) {
      const value = answers[question.id];
      if (value === undefined || value === null) continue;
      if (question.vocabulary) add(question.vocabulary, value);
      if (!Array.isArray(value)) continue;
      for (const field of question.fields ?? [])
        if (field.vocabulary)
          for (const row of value)
            if (row && typeof row === "object")
              add(field.vocabulary, (row as Record<string, unknown>)[field.id]);
    }
  return codes;
}

/** The answer sets of a plan: its own, then each output's. */
export function planAnswerSets(plan: Plan): Readonly<Record<string, unknown>>[] {
  return [plan.answers, ...Object.values(plan.outputs).map((output) => output.answers)];
}

/** The codes a plan's answers hold for each vocabulary of its questions (and sub-fields). */
export function planVocabularyCodesById(plan: Plan, template: Template): Map<string, Set<string>> {
  const codes = new Map<string, Set<string>>();
  for (const answers of planAnswerSets(plan)) answerVocabularyCodes(answers, template, codes);
  return codes;
}

/** What `/api/v1/vocabulary-views?codes=` accepts of one code: no comma or space, at most 100 characters. */
export function isListableCode(code: string): boolean {
  return /^[^,\s]{1,100}$/.test(code);
}

/**
 * Codes in lists that `/api/v1/vocabulary-views?codes=` accepts: at most 500 codes and 8,000
 * characters each (codes it cannot take are left out).
 */
export function codeBatches(codes: Iterable<string>): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let length = 0;
  for (const code of codes) {
    if (!isListableCode(code)) continue;
    if (batch.length === 500 || length + code.length + 1 > 8000) {
      batches.push(batch);
      batch = [];
      length = 0;
    }
    batch.push(code);
    length += code.length + 1;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

/**
 * The codes a plan's answers hold for vocabulary questions (and sub-fields), to label them: as many
 * as one `/api/v1/vocabulary-views?codes=` takes (the editor asks for codes beyond afterwards).
 */
export function planVocabularyCodes(plan: Plan, template: Template): string[] {
  const codes = new Set<string>();
  for (const set of planVocabularyCodesById(plan, template).values()) for (const code of set) codes.add(code);
  return codeBatches([...codes].sort())[0] ?? [];
}
