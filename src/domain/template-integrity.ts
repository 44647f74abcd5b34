import type { MessageKey } from "../i18n/en.js";
import type { LocalizedText } from "./localized.js";
import type { Condition, Question, SubField, Template } from "./template.js";
import { type VocabularySet, vocabularyIds } from "./vocabulary.js";
import { hasVocabularyCode } from "./vocabulary-lookup.js";

/** A defect of a template: where (JSON pointer into the template) and what (message key + params). */
export interface TemplateProblem {
  pointer: string;
  key: MessageKey;
  params: Record<string, string>;
}

const identifierVocabularies = [
  vocabularyIds.personIdentifierTypes,
  vocabularyIds.organisationIdentifierTypes,
  vocabularyIds.resourceIdentifierTypes,
];

/**
 * Checks what the schema alone cannot: ids unique across sections and questions, every referenced
 * vocabulary, code, role and output type known, conditions pointing at existing questions, choice
 * questions with something to choose from, and every text present in each of `template.languages`.
 */
export function checkTemplateIntegrity(template: Template, vocabularies: VocabularySet): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const report = (pointer: string, key: MessageKey, params: Record<string, string> = {}): void => {
    problems.push({ pointer, key, params });
  };
  const text = (pointer: string, value: LocalizedText | undefined) => {
    if (value === undefined) return;
    for (const lang of template.languages) {
      if (!value[lang]?.trim()) report(pointer, "content.missing_translation", { lang });
    }
  };
  const vocabulary = (pointer: string, id: string | undefined) => {
    if (id !== undefined && !vocabularies.has(id))
      report(pointer, "content.unknown_vocabulary", { vocabulary: id });
  };
  const questionIds = new Set(template.sections.flatMap((section) => section.questions.map((q) => q.id)));
  const condition = (pointer: string, value: Condition | undefined): void => {
    if (value === undefined) return;
    if ("answer" in value && !questionIds.has(value.answer)) {
      report(`${pointer}/answer`, "content.unknown_question", { id: value.answer });
    }
    if ("outputType" in value) outputTypes(`${pointer}/outputType`, value.outputType);
    for (const [i, c] of ("all" in value ? value.all : []).entries()) condition(`${pointer}/all/${i}`, c);
    for (const [i, c] of ("any" in value ? value.any : []).entries()) condition(`${pointer}/any/${i}`, c);
    if ("not" in value) condition(`${pointer}/not`, value.not);
  };
  const outputTypes = (pointer: string, codes: string[] | undefined) => {
    codes?.forEach((code, i) => {
      if (!hasVocabularyCode(vocabularies, vocabularyIds.outputTypes, code)) {
        report(`${pointer}/${i}`, "content.unknown_code", { code, vocabulary: vocabularyIds.outputTypes });
      }
    });
  };
  const field = (pointer: string, item: Question | SubField) => {
    text(`${pointer}/label`, item.label);
    text(`${pointer}/help`, item.help);
    text(`${pointer}/example`, item.example);
    vocabulary(`${pointer}/vocabulary`, item.vocabulary);
    vocabulary(`${pointer}/unitVocabulary`, item.unitVocabulary);
    for (const [i, option] of (item.options ?? []).entries())
      text(`${pointer}/options/${i}/label`, option.label);
    const optionCodes = item.options?.map((option) => option.code) ?? [];
    if (new Set(optionCodes).size !== optionCodes.length)
      report(`${pointer}/options`, "content.duplicate_option");
    if (
      (item.kind === "single_choice" || item.kind === "multiple_choice") &&
      !item.options &&
      !item.vocabulary
    ) {
      report(pointer, "content.choice_without_options");
    }
    item.identifierTypes?.forEach((code, i) => {
      if (!identifierVocabularies.some((id) => hasVocabularyCode(vocabularies, id, code))) {
        report(`${pointer}/identifierTypes/${i}`, "content.unknown_code", {
          code,
          vocabulary: "identifier types",
        });
      }
    });
    if (
      item.role !== undefined &&
      !hasVocabularyCode(vocabularies, vocabularyIds.contributorRoles, item.role)
    ) {
      report(`${pointer}/role`, "content.unknown_code", {
        code: item.role,
        vocabulary: vocabularyIds.contributorRoles,
      });
    }
  };

  text("/title", template.title);
  text("/description", template.description);
  text("/organisation/name", template.organisation.name);
  const seen = new Set<string>();
  const unique = (pointer: string, id: string) => {
    if (seen.has(id)) report(pointer, "content.duplicate_id", { id });
    seen.add(id);
  };
  template.sections.forEach((section, s) => {
    const sp = `/sections/${s}`;
    unique(`${sp}/id`, section.id);
    text(`${sp}/title`, section.title);
    text(`${sp}/description`, section.description);
    outputTypes(`${sp}/outputTypes`, section.outputTypes);
    condition(`${sp}/condition`, section.condition);
    section.questions.forEach((question, q) => {
      const qp = `${sp}/questions/${q}`;
      unique(`${qp}/id`, question.id);
      field(qp, question);
      condition(`${qp}/condition`, question.condition);
      if (question.kind === "group" && !question.fields?.length) report(qp, "content.group_without_fields");
      const fieldIds = new Set<string>();
      question.fields?.forEach((sub, f) => {
        if (fieldIds.has(sub.id)) report(`${qp}/fields/${f}/id`, "content.duplicate_id", { id: sub.id });
        fieldIds.add(sub.id);
        field(`${qp}/fields/${f}`, sub);
      });
    });
  });
  return problems;
}
