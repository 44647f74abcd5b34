import { type PickedText, pickText } from "./localized.js";
import type { Vocabulary, VocabularyItem, VocabularySet } from "./vocabulary.js";

/** Lookup tables of one vocabulary, built once per vocabulary object. */
interface VocabularyIndex {
  byCode: Map<string, VocabularyItem>;
  /** Normalised code, label (any language) or alias → code; the first claim wins. */
  byName: Map<string, string>;
}

const indexes = new WeakMap<Vocabulary, VocabularyIndex>();

/**
 * `Données  d’enquête ` → `donnees d'enquete`: case, accents, curly quotes and runs of spaces do not
 * matter when matching a label another tool exported.
 */
export function normaliseName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function indexOf(vocabulary: Vocabulary): VocabularyIndex {
  const cached = indexes.get(vocabulary);
  if (cached) return cached;
  const byCode = new Map<string, VocabularyItem>();
  const byName = new Map<string, string>();
  const claim = (name: string, code: string) => {
    const key = normaliseName(name);
    if (key !== "" && !byName.has(key)) byName.set(key, code);
  };
  for (const item of vocabulary.items) byCode.set(item.code, item);
  // Codes first, then labels, then aliases: an exact code always maps to itself.
  for (const item of vocabulary.items) claim(item.code, item.code);
  for (const item of vocabulary.items) for (const label of Object.values(item.label)) claim(label, item.code);
  for (const item of vocabulary.items) for (const alias of item.aliases ?? []) claim(alias, item.code);
  const index = { byCode, byName };
  indexes.set(vocabulary, index);
  return index;
}

/** The item of `code` in vocabulary `vocabularyId`, or undefined when either is unknown. */
export function findVocabularyItem(
  vocabularies: VocabularySet,
  vocabularyId: string,
  code: string,
): VocabularyItem | undefined {
  const vocabulary = vocabularies.get(vocabularyId);
  return vocabulary ? indexOf(vocabulary).byCode.get(code) : undefined;
}

/** True when `code` is a code of vocabulary `vocabularyId`. */
export function hasVocabularyCode(vocabularies: VocabularySet, vocabularyId: string, code: string): boolean {
  return findVocabularyItem(vocabularies, vocabularyId, code) !== undefined;
}

/**
 * The label of `code` in `lang` (ISO 639-1, e.g. `fr`), falling back visibly to another language;
 * undefined when the code is unknown, so that callers can show the raw code and flag it.
 */
export function vocabularyLabel(
  vocabularies: VocabularySet,
  vocabularyId: string,
  code: string,
  lang: string,
): PickedText | undefined {
  const item = findVocabularyItem(vocabularies, vocabularyId, code);
  return item ? pickText(item.label, lang) : undefined;
}

/** Shorthand: the label text of `code`, or the code itself when it is unknown. */
export function labelOrCode(
  vocabularies: VocabularySet,
  vocabularyId: string,
  code: string,
  lang: string,
): string {
  return vocabularyLabel(vocabularies, vocabularyId, code, lang)?.text ?? code;
}

/**
 * The code that a code, label (any language) or alias from another tool stands for — e.g.
 * `Personne contact pour les données` → `contact-person` — or undefined when nothing matches.
 */
export function codeFromName(
  vocabularies: VocabularySet,
  vocabularyId: string,
  name: string,
): string | undefined {
  const vocabulary = vocabularies.get(vocabularyId);
  if (!vocabulary) return undefined;
  const index = indexOf(vocabulary);
  return index.byCode.has(name) ? name : index.byName.get(normaliseName(name));
}
