import type {
  TemplateSummary,
  VocabularySearchResult,
  VocabularySummary,
  VocabularyView,
} from "../contract/templates.js";
import { localize } from "../domain/localized.js";
import type { Template } from "../domain/template.js";
import { searchVocabulary as searchItems } from "../domain/vocabulary-search.js";
import type { UiLanguage } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import { type BuiltinContent, loadBuiltinContent } from "./builtin-content.js";

const notFound = (path: string) => new AppError("not_found", "Not found", { params: { path } });

function countQuestions(template: Template): number {
  return template.sections.reduce((sum, section) => sum + section.questions.length, 0);
}

/** Published templates, by title in `lang`, for anyone (templates are public). */
export function listTemplates(
  lang: UiLanguage,
  content: BuiltinContent = loadBuiltinContent(),
): TemplateSummary[] {
  return [...content.templates.values()]
    .filter((t) => t.status === "published")
    .map((t) => ({
      id: t.id,
      family: t.family,
      version: t.version,
      status: t.status,
      title: t.title,
      ...(t.description ? { description: t.description } : {}),
      organisation: t.organisation,
      context: t.context,
      languages: t.languages,
      questionCount: countQuestions(t),
    }))
    .sort((a, b) => localize(a.title, lang).localeCompare(localize(b.title, lang), lang));
}

/**
 * One template in full. Archived versions stay readable (plans written on them need them);
 * drafts are not public and answer 404 like unknown ids.
 */
export function getTemplate(id: string, content: BuiltinContent = loadBuiltinContent()): Template {
  const template = content.templates.get(id);
  if (!template || template.status === "draft") throw notFound(`/api/v1/templates/${id}`);
  return template;
}

/** Every vocabulary, titled in `lang`. */
export function listVocabularies(
  lang: UiLanguage,
  content: BuiltinContent = loadBuiltinContent(),
): VocabularySummary[] {
  return [...content.vocabularies.values()].map((v) => ({
    id: v.id,
    title: localize(v.title, lang),
    source: v.source,
    licence: v.licence,
    itemCount: v.items.length,
  }));
}

/** One vocabulary with its labels in `lang` (falling back to another language when one is missing). */
export function getVocabulary(
  id: string,
  lang: UiLanguage,
  content: BuiltinContent = loadBuiltinContent(),
  only?: ReadonlySet<string>,
): VocabularyView {
  const vocabulary = content.vocabularies.get(id);
  if (!vocabulary) throw notFound(`/api/v1/vocabularies/${id}`);
  const items = only ? vocabulary.items.filter((item) => only.has(item.code)) : vocabulary.items;
  return {
    id: vocabulary.id,
    lang,
    title: localize(vocabulary.title, lang),
    source: vocabulary.source,
    licence: vocabulary.licence,
    items: items.map((item) => ({
      code: item.code,
      label: localize(item.label, lang),
      ...(item.uri ? { uri: item.uri } : {}),
      ...(item.parent ? { parent: item.parent } : {}),
      ...(item.deprecated ? { deprecated: true } : {}),
    })),
    ...(only ? { itemCount: vocabulary.items.length, partial: true as const } : {}),
  };
}

/**
 * Several vocabularies, each with its labels in each of `langs` (one view per vocabulary and
 * language, in that order): what a page needs in one request. An unknown id is a 404 naming it.
 * With `partial`, the vocabularies with more than `partial.maxItems` items hold only the items whose
 * code is in `partial.codes` (the labels a page shows; it searches the rest on the server).
 */
export function getVocabularies(
  ids: readonly string[],
  langs: readonly UiLanguage[],
  options: {
    partial?: { maxItems: number; codes: readonly string[] } | undefined;
    content?: BuiltinContent;
  } = {},
): VocabularyView[] {
  const { partial, content = loadBuiltinContent() } = options;
  const codes = partial ? new Set(partial.codes) : undefined;
  return [...new Set(ids)].flatMap((id) => {
    const size = content.vocabularies.get(id)?.items.length ?? 0;
    const only = partial && size > partial.maxItems ? codes : undefined;
    return [...new Set(langs)].map((lang) => getVocabulary(id, lang, content, only));
  });
}

/**
 * Items of a vocabulary whose code, label (in `lang`) or alias holds every word of `query`, accents
 * and case ignored; code and label-word prefix matches first; at most `limit`.
 */
export function searchVocabulary(
  id: string,
  query: string,
  lang: UiLanguage,
  limit: number,
  content: BuiltinContent = loadBuiltinContent(),
): VocabularySearchResult {
  const vocabulary = content.vocabularies.get(id);
  if (!vocabulary) throw notFound(`/api/v1/vocabularies/${id}/search`);
  const found = searchItems(vocabulary, query, lang, limit);
  return {
    id,
    lang,
    query,
    total: found.total,
    items: found.options.map((option) => ({ code: option.value, label: option.label })),
  };
}
