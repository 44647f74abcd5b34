import type { Identifier, Organisation } from "./answer-values.js";
import { isPlainObject, type PathSegment } from "./json-pointer.js";
import type { Answers, Plan } from "./plan.js";
import type { Question, Section, SubField, Template } from "./template.js";
import type { ProblemCollector } from "./validate-fields.js";

type Field = Question | SubField;

const isString = (value: unknown): value is string => typeof value === "string";
const hasOnlyKeys = (value: Record<string, unknown>, keys: string[]) =>
  Object.keys(value).every((key) => keys.includes(key));
const isIdentifier = (v: unknown) =>
  isPlainObject(v) && isString(v.type) && isString(v.value) && hasOnlyKeys(v, ["type", "value"]);
const isPersonRef = (v: unknown) => isPlainObject(v) && isString(v.personId) && hasOnlyKeys(v, ["personId"]);

/**
 * Whether a value has the shape of an answer of `kind` (see answerSchemas in answer-values.ts). Written
 * out rather than parsed with zod: the plan was parsed already (lengths, union of shapes), and this
 * runs for every answer of every output.
 */
export function hasAnswerShape(kind: Field["kind"], value: unknown): boolean {
  switch (kind) {
    case "yes_no_unknown":
      return value === "yes" || value === "no" || value === "unknown";
    case "multiple_choice":
      return Array.isArray(value) && value.every(isString);
    case "number":
      return (
        isPlainObject(value) &&
        typeof value.value === "number" &&
        Number.isFinite(value.value) &&
        (value.unit === undefined || isString(value.unit)) &&
        hasOnlyKeys(value, ["value", "unit"])
      );
    case "identifier":
      return isIdentifier(value);
    case "person":
      return isPersonRef(value);
    case "persons":
      return Array.isArray(value) && value.every(isPersonRef);
    case "organisation":
      return (
        isPlainObject(value) &&
        isString(value.name) &&
        (value.acronym === undefined || isString(value.acronym)) &&
        (value.identifiers === undefined ||
          (Array.isArray(value.identifiers) && value.identifiers.every(isIdentifier))) &&
        hasOnlyKeys(value, ["name", "acronym", "identifiers"])
      );
    case "group":
      return Array.isArray(value) && value.every((item) => isPlainObject(item) && isString(item.id));
    default:
      return isString(value);
  }
}

// Templates are immutable once loaded: their question index is built once per template object.
const questionIndexes = new WeakMap<
  Template,
  ReadonlyMap<string, { section: Section; question: Question }>
>();

/** Questions of a template by id, with their section. */
export function indexQuestions(
  template: Template,
): ReadonlyMap<string, { section: Section; question: Question }> {
  let index = questionIndexes.get(template);
  if (!index) {
    const built = new Map<string, { section: Section; question: Question }>();
    for (const section of template.sections) {
      for (const question of section.questions) built.set(question.id, { section, question });
    }
    index = built;
    questionIndexes.set(template, index);
  }
  return index;
}

/**
 * Check one answer against the template: the question exists, is asked in that scope (plan or
 * research output), and the value has the shape and codes of the question's kind. What it finds
 * depends only on the template, the scope, the path, the question id, the value and the plan's persons.
 */
export function checkAnswer(
  template: Template,
  scope: "plan" | "output",
  questionId: string,
  value: unknown,
  path: readonly PathSegment[],
  plan: Pick<Plan, "persons">,
  collector: ProblemCollector,
): void {
  const entry = indexQuestions(template).get(questionId);
  if (!entry) {
    collector.add(path, "unknown_question", { question: questionId, template: template.id });
    return;
  }
  if (entry.section.scope !== scope) {
    collector.add(path, "wrong_scope", { question: questionId, scope: entry.section.scope });
    return;
  }
  checkValue(entry.question, value, path, plan, collector);
}

/** The answers of the plan and of each research output, with the path of each, in the order they are checked. */
export function answerScopes(
  plan: Plan,
): { scope: "plan" | "output"; answers: Answers; base: PathSegment[] }[] {
  return [
    { scope: "plan", answers: plan.answers, base: ["answers"] },
    ...Object.values(plan.outputs).map((output) => ({
      scope: "output" as const,
      answers: output.answers,
      base: ["outputs", output.id, "answers"],
    })),
  ];
}

function checkChoice(field: Field, code: string, path: readonly PathSegment[], c: ProblemCollector): void {
  if (code === "") return;
  if (field.options) {
    if (!field.options.some((option) => option.code === code)) c.add(path, "unknown_choice", { code });
  } else if (field.vocabulary && !c.hasCode(field.vocabulary, code)) {
    c.add(path, "unknown_choice", { code });
  }
}

function checkIdentifierAnswer(
  field: Field,
  identifier: Identifier,
  path: readonly PathSegment[],
  c: ProblemCollector,
): void {
  if (field.identifierTypes && !field.identifierTypes.includes(identifier.type)) {
    c.add([...path, "type"], "unknown_code", {
      code: identifier.type,
      vocabulary: field.identifierTypes.join(", "),
    });
  }
  c.identifier(identifier, path);
}

/** Check one value (an answer, or a sub-field of a group item) against its field's kind. */
function checkValue(
  field: Field,
  value: unknown,
  path: readonly PathSegment[],
  plan: Pick<Plan, "persons">,
  c: ProblemCollector,
): void {
  if (value === null) return; // cleared: allowed, simply not answered
  if (!hasAnswerShape(field.kind, value)) {
    c.add(path, "wrong_answer_shape", { kind: field.kind });
    return;
  }
  switch (field.kind) {
    case "rich_text":
      c.richText(value as string, path);
      break;
    case "url":
      c.url(value as string, path);
      break;
    case "email":
      c.email(value as string, path);
      break;
    case "date":
      c.date(value as string, path);
      break;
    case "single_choice":
      checkChoice(field, value as string, path, c);
      break;
    case "multiple_choice":
      (value as string[]).forEach((code, i) => {
        checkChoice(field, code, [...path, i], c);
      });
      break;
    case "identifier":
      checkIdentifierAnswer(field, value as Identifier, path, c);
      break;
    case "organisation":
      c.organisation(value as Organisation, path);
      break;
    case "person":
      checkPerson(plan, (value as { personId: string }).personId, [...path, "personId"], c);
      break;
    case "persons":
      (value as { personId: string }[]).forEach((ref, i) => {
        checkPerson(plan, ref.personId, [...path, i, "personId"], c);
      });
      break;
    case "number": {
      const unit = (value as { unit?: string }).unit;
      if (unit && field.unitVocabulary) c.code(field.unitVocabulary, unit, [...path, "unit"]);
      break;
    }
    case "group":
      checkGroup(field as Question, value as unknown[], path, plan, c);
      break;
    default:
      break;
  }
}

function checkPerson(
  plan: Pick<Plan, "persons">,
  personId: string,
  at: readonly PathSegment[],
  c: ProblemCollector,
): void {
  if (!Object.hasOwn(plan.persons, personId)) c.add(at, "unknown_person", { id: personId });
}

// Sub-fields of each group question by id, built once per template object.
const fieldsByQuestion = new WeakMap<Question, Map<string, SubField>>();

function checkGroup(
  question: Question,
  items: unknown[],
  path: readonly PathSegment[],
  plan: Pick<Plan, "persons">,
  c: ProblemCollector,
): void {
  let fields = fieldsByQuestion.get(question);
  if (!fields) {
    fields = new Map((question.fields ?? []).map((f) => [f.id, f]));
    fieldsByQuestion.set(question, fields);
  }
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!isPlainObject(item)) return;
    const id = String(item.id);
    if (seen.has(id)) c.add([...path, index, "id"], "duplicate_id", { id });
    seen.add(id);
    for (const [key, value] of Object.entries(item)) {
      if (key === "id") continue;
      const field = fields.get(key);
      if (!field) c.add([...path, index, key], "unknown_field", { field: key });
      else checkValue(field, value, [...path, index, key], plan, c);
    }
  });
}
