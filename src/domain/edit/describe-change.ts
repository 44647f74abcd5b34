import { isMessageKey, translate, type UiLanguage } from "../../i18n/translate.js";
import { isPlainObject, type PathSegment, toPointer } from "../json-pointer.js";
import { localize } from "../localized.js";
import type { Plan } from "../plan.js";
import type { Template } from "../template.js";
import { indexQuestions } from "../validate-answers.js";
import type { Change } from "./history.js";

/** A change told in user terms: "Project › Funding › 1 › Grant id: '' → 'ANR-20-CE38-0001'". */
export interface DescribedChange extends Change {
  pointer: string;
  /** Labels of the path's steps, e.g. ["Project", "Funding", "1", "Grant id"]. */
  labels: string[];
  text: string;
}

export interface DescribeOptions {
  lang: UiLanguage;
  /** The two versions compared, to name persons and outputs by their names. */
  before: Plan;
  after: Plan;
  template?: Template;
}

function personName(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const name = [value.firstName, value.lastName, value.name].filter((s) => typeof s === "string" && s);
  return name.length > 0 ? name.join(" ") : undefined;
}

/** A short display of a value: text as is, an object by its name or title, else compact JSON. */
function show(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (isPlainObject(value)) {
    for (const key of ["title", "name", "shortName", "value"]) {
      if (typeof value[key] === "string") return show(value[key]);
    }
    const name = personName(value);
    if (name) return name;
  }
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

function fieldLabel(segment: string, lang: UiLanguage): string {
  const key = `model.field.${segment}`;
  return isMessageKey(key) ? translate(lang, key) : segment;
}

/** Labels of every step of a path, using the plan for entity names and the template for questions. */
export function labelPath(path: readonly PathSegment[], options: DescribeOptions): string[] {
  const textLang = options.lang;
  const questions = options.template ? indexQuestions(options.template) : new Map();
  const labels: string[] = [];
  let question: ReturnType<typeof questions.get>;
  for (let i = 0; i < path.length; i++) {
    const segment = String(path[i]);
    const parent = i > 0 ? String(path[i - 1]) : "";
    const entity = (map: "persons" | "outputs" | "contributions") =>
      options.after[map][segment] ?? options.before[map][segment];
    if (typeof path[i] === "number") labels.push(String(Number(path[i]) + 1));
    else if (i === 1 && parent === "persons") labels.push(personName(entity("persons")) ?? segment);
    else if (i === 1 && parent === "outputs") {
      const output = options.after.outputs[segment] ?? options.before.outputs[segment];
      labels.push(output?.shortName ?? segment);
    } else if (i === 1 && parent === "contributions") {
      const c = options.after.contributions[segment] ?? options.before.contributions[segment];
      const who = c
        ? personName(options.after.persons[c.personId] ?? options.before.persons[c.personId])
        : "";
      labels.push(c ? `${who ?? c.personId} (${c.role})` : segment);
    } else if (parent === "answers" && questions.has(segment)) {
      question = questions.get(segment);
      labels.push(localize(question!.question.label, textLang));
    } else if (question?.question.fields?.some((f: { id: string }) => f.id === segment)) {
      const field = question.question.fields.find((f: { id: string }) => f.id === segment)!;
      labels.push(localize(field.label, textLang));
    } else labels.push(fieldLabel(segment, options.lang));
  }
  return labels;
}

/** Changes with their labels and one sentence each, in the interface language. */
export function describeChanges(changes: readonly Change[], options: DescribeOptions): DescribedChange[] {
  return changes.map((change) => {
    const labels = labelPath(change.path, options);
    const label = labels.join(" › ");
    const before = show(change.before);
    const after = show(change.after);
    const key =
      change.kind === "added" && isPlainObject(change.after)
        ? "model.diff.added"
        : change.kind === "removed" && isPlainObject(change.before)
          ? "model.diff.removed"
          : "model.diff.changed";
    return {
      ...change,
      pointer: toPointer(change.path),
      labels,
      text: translate(options.lang, key, { label, before, after }),
    };
  });
}
