import { translate, type UiLanguage } from "../i18n/translate.js";
import { isAnswered, isQuestionVisible, isSectionApplicable } from "./conditions.js";
import { toPointer } from "./json-pointer.js";
import { localize } from "./localized.js";
import { type Answers, listOutputs, type Plan, type ResearchOutput } from "./plan.js";
import type { Question, Template } from "./template.js";

/** Counts shared by every level: visible questions, those answered, required ones and those answered. */
export interface Tally {
  total: number;
  answered: number;
  required: number;
  answeredRequired: number;
  /** Every visible required question is answered. */
  complete: boolean;
}

export interface QuestionCompleteness {
  questionId: string;
  sectionId: string;
  outputId?: string;
  /** Where the answer lives (JSON pointer), to jump to it. */
  path: string;
  required: boolean;
  answered: boolean;
}

export interface SectionCompleteness extends Tally {
  sectionId: string;
  outputId?: string;
}

export interface OutputCompleteness extends Tally {
  outputId: string;
}

/** Completeness of a plan against its template; hidden questions and sections are not counted. */
export interface PlanCompleteness extends Tally {
  sections: SectionCompleteness[];
  outputs: OutputCompleteness[];
  questions: QuestionCompleteness[];
  /** The visible required questions without an answer, in template order (plan first, then outputs). */
  missing: QuestionCompleteness[];
}

function emptyTally(): Tally {
  return { total: 0, answered: 0, required: 0, answeredRequired: 0, complete: true };
}

function count(tally: Tally, question: QuestionCompleteness): void {
  tally.total++;
  if (question.answered) tally.answered++;
  if (question.required) {
    tally.required++;
    if (question.answered) tally.answeredRequired++;
    else tally.complete = false;
  }
}

/** Whether a question's value counts as answered, including a group's minimum number of filled items. */
export function isQuestionAnswered(question: Question, value: unknown): boolean {
  if (question.kind === "group" && Array.isArray(value)) {
    const filled = value.filter((item) => isAnswered(item)).length;
    return filled >= Math.max(1, question.minItems ?? 1);
  }
  return isAnswered(value);
}

/** Completeness per question, section, research output and plan, honouring conditions. */
export function computeCompleteness(plan: Plan, template: Template): PlanCompleteness {
  const result: PlanCompleteness = { ...emptyTally(), sections: [], outputs: [], questions: [], missing: [] };

  const scope = (answers: Answers, base: string[], output?: ResearchOutput): Tally => {
    const scopeTally = emptyTally();
    const context = output ? { answers, output } : { answers };
    for (const section of template.sections) {
      if (!isSectionApplicable(section, context)) continue;
      const sectionTally: SectionCompleteness = {
        ...emptyTally(),
        sectionId: section.id,
        ...(output ? { outputId: output.id } : {}),
      };
      for (const question of section.questions) {
        if (!isQuestionVisible(question, context)) continue;
        const entry: QuestionCompleteness = {
          questionId: question.id,
          sectionId: section.id,
          ...(output ? { outputId: output.id } : {}),
          path: toPointer([...base, question.id]),
          required: question.required,
          answered: isQuestionAnswered(question, answers[question.id]),
        };
        result.questions.push(entry);
        if (entry.required && !entry.answered) result.missing.push(entry);
        for (const tally of [sectionTally, scopeTally, result]) count(tally, entry);
      }
      result.sections.push(sectionTally);
    }
    return scopeTally;
  };

  scope(plan.answers, ["answers"]);
  for (const output of listOutputs(plan)) {
    const tally = scope(output.answers, ["outputs", output.id, "answers"], output);
    result.outputs.push({ ...tally, outputId: output.id });
  }
  return result;
}

/** The missing answers as sentences in `lang`: "RO1 › Sharing › Distributions is not answered." */
export function describeMissing(
  plan: Plan,
  template: Template,
  completeness: PlanCompleteness,
  lang: UiLanguage,
): { path: string; text: string }[] {
  const sections = new Map(template.sections.map((s) => [s.id, s]));
  return completeness.missing.map((entry) => {
    const section = sections.get(entry.sectionId);
    const question = section?.questions.find((q) => q.id === entry.questionId);
    const parts = [
      ...(entry.outputId ? [plan.outputs[entry.outputId]?.shortName ?? entry.outputId] : []),
      localize(section?.title, lang),
      localize(question?.label, lang),
    ];
    return {
      path: entry.path,
      text: translate(lang, "model.completeness.missing", { label: parts.join(" › ") }),
    };
  });
}
