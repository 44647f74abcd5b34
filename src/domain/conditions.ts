import type { AnswerValue } from "./answer-values.js";
import { isPlainObject } from "./json-pointer.js";
import type { Answers, ResearchOutput } from "./plan.js";
import type { Condition, Question, Section } from "./template.js";

/** What a condition is evaluated against: the answers of one scope, and the output for per-output scopes. */
export interface ConditionContext {
  answers: Answers;
  output?: ResearchOutput;
}

/** True when the text has visible content once HTML tags, entities for spaces and blanks are removed. */
function hasText(text: string): boolean {
  return (
    text
      .replace(/<[^>]*>/g, "")
      .replace(/&nbsp;|&#160;|\u00a0/gi, " ")
      .trim() !== ""
  );
}

/**
 * Whether a value counts as an answer. "Opened but empty" does not: an empty string, rich text
 * without text (`<p></p>`), an empty list, a group whose items have no filled field, an empty identifier.
 */
export function isAnswered(value: AnswerValue | unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return hasText(value);
  if (typeof value === "number" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.some((item) => isAnswered(item));
  if (isPlainObject(value)) {
    if ("value" in value) return typeof value.value === "number" || isAnswered(value.value);
    if ("personId" in value) return isAnswered(value.personId);
    if ("name" in value && "identifiers" in value)
      return isAnswered(value.name) || isAnswered(value.identifiers);
    // A group item: answered when one of its fields (other than its id) is.
    return Object.entries(value).some(([key, field]) => key !== "id" && isAnswered(field));
  }
  return false;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Evaluate a template condition; a per-output test in a plan scope is false (there is no output). */
export function evaluateCondition(condition: Condition, context: ConditionContext): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluateCondition(c, context));
  if ("any" in condition) return condition.any.some((c) => evaluateCondition(c, context));
  if ("not" in condition) return !evaluateCondition(condition.not, context);
  if ("output" in condition) {
    const flag = context.output?.[condition.output];
    return flag !== undefined && condition.in.includes(flag);
  }
  if ("outputType" in condition) {
    return context.output !== undefined && condition.outputType.includes(context.output.type);
  }
  const value = context.answers[condition.answer];
  let result = true;
  if (condition.answered !== undefined) result &&= isAnswered(value) === condition.answered;
  if (condition.equals !== undefined) result &&= sameValue(value, condition.equals);
  if (condition.in !== undefined) {
    const candidates = condition.in;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    result &&= values.some((v) => candidates.some((c) => sameValue(v, c)));
  }
  if (condition.answered === undefined && condition.equals === undefined && condition.in === undefined) {
    result = isAnswered(value);
  }
  return result;
}

/** Whether a section applies in a scope: right scope, output type listed (if any), condition true. */
export function isSectionApplicable(section: Section, context: ConditionContext): boolean {
  if (section.scope === "output") {
    if (!context.output) return false;
    if (section.outputTypes && !section.outputTypes.includes(context.output.type)) return false;
  } else if (context.output) {
    return false;
  }
  return section.condition === undefined || evaluateCondition(section.condition, context);
}

/** Whether a question is shown (and so required and exported) in an applicable section. */
export function isQuestionVisible(question: Question, context: ConditionContext): boolean {
  return question.condition === undefined || evaluateCondition(question.condition, context);
}
