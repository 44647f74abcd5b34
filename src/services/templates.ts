import type { TemplateSummary, VocabularySummary, VocabularyView } from "../contract/templates.js";
import { localize } from "../domain/localized.js";
import type { Template } from "../domain/template.js";
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
): VocabularyView {
  const vocabulary = content.vocabularies.get(id);
  if (!vocabulary) throw notFound(`/api/v1/vocabularies/${id}`);
  return {
    id: vocabulary.id,
    lang,
    title: localize(vocabulary.title, lang),
    source: vocabulary.source,
    licence: vocabulary.licence,
    items: vocabulary.items.map((item) => ({
      code: item.code,
      label: localize(item.label, lang),
      ...(item.uri ? { uri: item.uri } : {}),
      ...(item.parent ? { parent: item.parent } : {}),
      ...(item.deprecated ? { deprecated: true } : {}),
    })),
  };
}

/**
 * Several vocabularies, each with its labels in each of `langs` (one view per vocabulary and
 * language, in that order): what a page needs in one request. An unknown id is a 404 naming it.
 */
export function getVocabularies(
  ids: readonly string[],
  langs: readonly UiLanguage[],
  content: BuiltinContent = loadBuiltinContent(),
): VocabularyView[] {
  return [...new Set(ids)].flatMap((id) =>
    [...new Set(langs)].map((lang) => getVocabulary(id, lang, content)),
  );
}
