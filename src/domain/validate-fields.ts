import type { Identifier, Organisation } from "./answer-values.js";
import { normalizeIdentifier } from "./identifiers.js";
import type { PathSegment } from "./json-pointer.js";
import { type Problem, problem } from "./problems.js";
import { richTextTags } from "./rich-text-tags.js";
import type { Vocabulary, VocabularySet } from "./vocabulary.js";

// Codes of each vocabulary as a set, built once per vocabulary object (ISO 639-3 has ~8,000 items).
const codeSets = new WeakMap<Vocabulary, ReadonlySet<string>>();
function codesOf(vocabulary: Vocabulary): ReadonlySet<string> {
  let codes = codeSets.get(vocabulary);
  if (!codes) {
    codes = new Set(vocabulary.items.map((item) => item.code));
    codeSets.set(vocabulary, codes);
  }
  return codes;
}

/** Collects problems while walking a document; the checks shared by plan fields and answers. */
export class ProblemCollector {
  readonly problems: Problem[] = [];
  constructor(readonly vocabularies: VocabularySet) {}

  add(path: readonly PathSegment[], code: Problem["code"], params: Problem["params"] = {}): void {
    this.problems.push(problem(path, code, params));
  }

  /**
   * True when the vocabulary is unknown here (cannot check) or has `code`. Aliases (labels of other
   * tools) are for imports to map; a plan holds the code itself.
   */
  hasCode(vocabularyId: string, code: string): boolean {
    const vocabulary = this.vocabularies.get(vocabularyId);
    if (!vocabulary) return true;
    return codesOf(vocabulary).has(code);
  }

  /** Report `code` at `path` when the vocabulary does not have it. */
  code(vocabularyId: string, code: string | undefined, path: readonly PathSegment[]): void {
    if (code === undefined || code === "") return;
    if (!this.hasCode(vocabularyId, code)) this.add(path, "unknown_code", { code, vocabulary: vocabularyId });
  }

  /** Identifier: a known type (when a vocabulary is given) and a value of valid syntax for that type. */
  identifier(identifier: Identifier, path: readonly PathSegment[], typeVocabulary?: string): void {
    if (typeVocabulary) this.code(typeVocabulary, identifier.type, [...path, "type"]);
    if (normalizeIdentifier(identifier.type.toLowerCase(), identifier.value) === undefined) {
      this.add([...path, "value"], "malformed_identifier", {
        type: identifier.type,
        value: identifier.value,
      });
    }
  }

  identifiers(list: readonly Identifier[], path: readonly PathSegment[], typeVocabulary?: string): void {
    list.forEach((identifier, index) => {
      this.identifier(identifier, [...path, index], typeVocabulary);
    });
  }

  organisation(organisation: Organisation, path: readonly PathSegment[]): void {
    this.identifiers(organisation.identifiers, [...path, "identifiers"], "organisation-identifier-types");
  }

  email(value: string | undefined, path: readonly PathSegment[]): void {
    if (value === undefined || value.trim() === "") return;
    if (!isEmail(value)) this.add(path, "invalid_email", { value });
  }

  url(value: string | undefined, path: readonly PathSegment[]): void {
    if (value === undefined || value.trim() === "") return;
    if (normalizeIdentifier("url", value) === undefined) this.add(path, "invalid_url", { value });
  }

  date(value: string | undefined, path: readonly PathSegment[]): void {
    if (value === undefined || value === "") return;
    if (!isCalendarDate(value)) this.add(path, "invalid_date", { value });
  }

  richText(value: string | undefined, path: readonly PathSegment[]): void {
    if (value === undefined) return;
    const bad = disallowedMarkup(value);
    if (bad) this.add(path, "disallowed_markup", { markup: bad });
  }
}

/** A plausible e-mail address: one @, no spaces, a dot in the domain. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** True for an existing calendar date written YYYY-MM-DD (rejects 2023-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const allowedTags = richTextTags;

/** The first piece of markup outside the rich-text allowlist (tag, event handler, script URL), if any. */
export function disallowedMarkup(html: string): string | undefined {
  for (const match of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const tag = (match[1] ?? "").toLowerCase();
    if (!allowedTags.has(tag)) return `<${tag}>`;
    const attributes = match[2] ?? "";
    if (/\son[a-z]+\s*=/i.test(attributes)) return `<${tag}${attributes}>`;
    if (/javascript:/i.test(attributes)) return "javascript:";
  }
  return undefined;
}
