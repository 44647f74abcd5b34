import { pickText } from "./localized.js";
import type { Vocabulary } from "./vocabulary.js";
import { normaliseName } from "./vocabulary-lookup.js";

/**
 * Searching a vocabulary, the same in the browser (small vocabularies, filtered on the client) and
 * on the server (`GET /api/v1/vocabularies/:id/search`, for vocabularies too large to download).
 */

/** One item of a vocabulary as a combobox shows it: its code and its label in one language. */
export interface VocabularyOption {
  value: string;
  label: string;
}

interface SearchIndex {
  lang: string;
  options: VocabularyOption[];
  /** Normalised `label code aliases` of each option, same order. */
  keys: string[];
  /** Normalised code and label of each option, same order (for ranking). */
  codes: string[];
  labels: string[];
}

const searchIndexes = new WeakMap<Vocabulary, SearchIndex>();

/** The options of a vocabulary in `lang` (deprecated items left out), cached per vocabulary. */
function searchIndexOf(vocabulary: Vocabulary, lang: string): SearchIndex {
  const cached = searchIndexes.get(vocabulary);
  if (cached && cached.lang === lang) return cached;
  const index: SearchIndex = { lang, options: [], keys: [], codes: [], labels: [] };
  for (const item of vocabulary.items) {
    if (item.deprecated) continue;
    const label = pickText(item.label, lang).text || item.code;
    index.options.push({ value: item.code, label });
    index.keys.push(
      normaliseName([label, item.code, ...Object.values(item.label), ...(item.aliases ?? [])].join(" ")),
    );
    index.codes.push(normaliseName(item.code));
    index.labels.push(normaliseName(label));
  }
  searchIndexes.set(vocabulary, index);
  return index;
}

/** Every option of a vocabulary in `lang` (for short lists shown whole). */
export function vocabularyOptions(vocabulary: Vocabulary, lang: string): VocabularyOption[] {
  return searchIndexOf(vocabulary, lang).options;
}

/**
 * Search a vocabulary: options whose label, code or alias contains every word of `query` (accents
 * and case ignored). Options whose code, label or a word of the label starts with the query come
 * first, at most `limit` in all. `total` counts every match, so that a widget can say that more exist.
 */
export function searchVocabulary(
  vocabulary: Vocabulary,
  query: string,
  lang: string,
  limit: number,
): { options: VocabularyOption[]; total: number } {
  const index = searchIndexOf(vocabulary, lang);
  const words = normaliseName(query).split(" ").filter(Boolean);
  if (words.length === 0) return { options: index.options.slice(0, limit), total: index.options.length };
  const whole = words.join(" ");
  // Three tiers: the code or the label starts with the query; the code or a word of the label does;
  // the rest. Each keeps the vocabulary's order.
  const tiers: VocabularyOption[][] = [[], [], []];
  let total = 0;
  for (let i = 0; i < index.keys.length; i += 1) {
    const key = index.keys[i] as string;
    if (!words.every((word) => key.includes(word))) continue;
    total += 1;
    const code = index.codes[i] as string;
    const label = index.labels[i] as string;
    const tier =
      code === whole || label.startsWith(whole)
        ? 0
        : code.startsWith(whole) || label.includes(` ${whole}`) || label.includes(`(${whole}`)
          ? 1
          : 2;
    const list = tiers[tier] as VocabularyOption[];
    if (list.length < limit) list.push(index.options[i] as VocabularyOption);
  }
  return { options: tiers.flat().slice(0, limit), total };
}
