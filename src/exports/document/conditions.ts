import type { Answers, AnswerValue, Condition, ResearchOutput } from "../../domain/index.js";

/**
 * Whether a question or section applies, given the research output being answered (none for
 * plan-scoped sections) and the answers of the same scope. A question hidden by its condition is
 * never exported. (Kept here until the domain offers the same rule; the semantics follow the
 * `Condition` type of `src/domain/template.ts`.)
 */
export function conditionHolds(
  condition: Condition | undefined,
  scope: { output?: ResearchOutput; answers: Answers },
): boolean {
  if (!condition) return true;
  if ("all" in condition) return condition.all.every((c) => conditionHolds(c, scope));
  if ("any" in condition) return condition.any.some((c) => conditionHolds(c, scope));
  if ("not" in condition) return !conditionHolds(condition.not, scope);
  if ("output" in condition)
    return scope.output ? condition.in.includes(scope.output[condition.output]) : false;
  if ("outputType" in condition)
    return scope.output ? condition.outputType.includes(scope.output.type) : false;
  const value = scope.answers[condition.answer];
  if (condition.answered !== undefined && isAnswered(value) !== condition.answered) return false;
  if ("equals" in condition && condition.equals !== undefined && !matches(value, condition.equals))
    return false;
  if (condition.in !== undefined && !condition.in.some((candidate) => matches(value, candidate)))
    return false;
  return true;
}

/** A choice list matches when it contains the value; anything else compares structurally. */
function matches(value: AnswerValue | undefined, expected: unknown): boolean {
  if (Array.isArray(value) && typeof expected === "string") return (value as unknown[]).includes(expected);
  return JSON.stringify(value) === JSON.stringify(expected);
}

/** True when an answer has content (not missing, null, blank, or an empty list). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.replace(/<[^>]*>|&nbsp;|\s/g, "") !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
