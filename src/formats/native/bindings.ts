import type { Answers, AnswerValue, Question, Template } from "../../domain/index.js";
import { isObject, type JsonObject } from "../rda-dcs/model.js";

/**
 * Template bindings: a question bound to a DCS path (`dataset.distribution.host.title`,
 * `dmp.ethical_issues_description`) fills that field on export and is filled from it on import.
 * Crossing a list field (distribution, license…) uses its first element, except for a group
 * question bound to the list itself, whose items map one-to-one to the list's elements, each
 * sub-field bound to a path below the group's.
 */

const listFields = new Set([
  "dataset",
  "distribution",
  "license",
  "metadata",
  "security_and_privacy",
  "technical_resource",
  "project",
  "funding",
  "cost",
  "contributor",
  "alternate_identifier",
  "related_identifier",
  "host_id",
]);
const textListFields = new Set(["keyword", "format", "data_quality_assurance", "pid_system", "role"]);

/** The questions of `template` with a binding, split by where their answers live. */
export function boundQuestions(template: Template | undefined): { plan: Question[]; output: Question[] } {
  const plan: Question[] = [];
  const output: Question[] = [];
  for (const section of template?.sections ?? []) {
    for (const question of section.questions) {
      if (!question.binding) continue;
      (section.scope === "output" ? output : plan).push(question);
    }
  }
  return { plan, output };
}

/** Binding path below the object it applies to (`dataset.x.y` → `[x, y]`, `dmp.x` → `[x]`). */
function segments(binding: string, root: "dmp" | "dataset"): string[] | undefined {
  const parts = binding.split(".").filter(Boolean);
  if (parts[0] === root) return parts.slice(1);
  return root === "dmp" && parts[0] !== "dataset" ? parts : undefined;
}

function toDcs(answer: AnswerValue, last: string): unknown {
  if (answer === null || answer === undefined) return undefined;
  const value = answer as unknown;
  if (typeof value === "string") return textListFields.has(last) ? [value] : value;
  if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? value : undefined;
  if (isObject(value) && typeof value.value === "number") return value.value;
  if (isObject(value) && typeof value.type === "string" && typeof value.value === "string") {
    return { identifier: value.value, type: value.type };
  }
  return undefined;
}

function fromDcs(value: unknown, question: Pick<Question, "kind">): AnswerValue | undefined {
  switch (question.kind) {
    case "multiple_choice":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
    case "number":
      return typeof value === "number" ? { value } : undefined;
    case "identifier":
      return isObject(value) &&
        typeof value.identifier === "string" &&
        value.identifier &&
        typeof value.type === "string"
        ? { type: value.type, value: value.identifier }
        : undefined;
    case "group":
    case "person":
    case "persons":
    case "organisation":
      return undefined;
    default:
      if (Array.isArray(value) && value.length === 1 && typeof value[0] === "string") return value[0];
      return typeof value === "string" ? value : undefined;
  }
}

function getPath(source: JsonObject, path: string[]): unknown {
  let node: unknown = source;
  path.forEach((key, index) => {
    const next = isObject(node) ? node[key] : undefined;
    node = listFields.has(key) && index < path.length - 1 && Array.isArray(next) ? next[0] : next;
  });
  return node;
}

const bytesPerUnit: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, pb: 1e15 };

/** A volume answer (`{ value: 2, unit: "GB" }`) bound to `byte_size` is written in bytes. */
function toBytes(answer: unknown): number | undefined {
  if (!isObject(answer) || typeof answer.value !== "number") return undefined;
  const factor = bytesPerUnit[String(answer.unit ?? "B").toLowerCase()];
  return factor === undefined ? undefined : Math.round(answer.value * factor);
}

function valueFor(answer: unknown, last: string): unknown {
  return last === "byte_size" ? toBytes(answer) : toDcs(answer as AnswerValue, last);
}

/** Set a value; a list value is appended to what other questions bound to the same list wrote. */
function put(target: JsonObject, path: string[], value: unknown): void {
  if (value === undefined) return;
  const last = path.at(-1) ?? "";
  const holder = ensureHolder(target, path.slice(0, -1));
  const existing = holder[last];
  holder[last] = Array.isArray(value) && Array.isArray(existing) ? [...existing, ...value] : value;
}

/** The object at `path`, created on the way; a list field is entered through its first element. */
function ensureHolder(target: JsonObject, path: string[]): JsonObject {
  let node = target;
  for (const key of path) {
    if (listFields.has(key)) {
      if (!Array.isArray(node[key])) node[key] = [];
      const list = node[key] as unknown[];
      if (!isObject(list[0])) list[0] = {};
      node = list[0] as JsonObject;
    } else {
      if (!isObject(node[key])) node[key] = {};
      node = node[key] as JsonObject;
    }
  }
  return node;
}

/**
 * Write the bound answers into `dataset` (output-scoped questions) or `dmp`. Output questions bound
 * to `dmp.*` (costs, contributors) add to the plan-level lists; several questions bound to one list
 * add up; a group sub-field bound to the group's own path makes each item a plain list element
 * (keywords). Person answers are carried by contributions, not here.
 */
export function writeBound(
  dmp: JsonObject,
  dataset: JsonObject | undefined,
  questions: Question[],
  answers: Answers,
): void {
  for (const question of questions) {
    const answer = answers[question.id];
    if (answer === undefined || question.kind === "person" || question.kind === "persons") continue;
    const onDataset = dataset !== undefined && (question.binding ?? "").startsWith("dataset.");
    const root = onDataset ? "dataset" : "dmp";
    const target = onDataset ? dataset : dmp;
    const path = question.binding ? segments(question.binding, root) : [];
    if (!path) continue;
    if (question.kind === "group" && Array.isArray(answer)) {
      const items = answer.flatMap((item) => {
        const fields = item as Record<string, unknown>;
        const element: JsonObject = {};
        for (const field of question.fields ?? []) {
          if (!field.binding || field.kind === "person" || field.kind === "persons") continue;
          const sub = segments(field.binding, root);
          if (!sub) continue;
          const rest =
            sub.slice(0, path.length).join(".") === path.join(".") ? sub.slice(path.length) : undefined;
          const value = valueFor(fields[field.id], sub.at(-1) ?? "");
          if (value === undefined) continue;
          // A sub-field bound to the group's own path: the item is the value itself.
          if (rest && rest.length === 0 && path.length > 0) return Array.isArray(value) ? value : [value];
          if (rest && rest.length > 0) put(element, rest, value);
          else if (path.length === 0) put(target, sub, value); // an unbound group: each field stands alone
        }
        return path.length > 0 && Object.keys(element).length > 0 ? [element] : [];
      });
      if (path.length > 0 && items.length > 0) put(target, path, items);
      continue;
    }
    if (path.length > 0) put(target, path, valueFor(answer, path.at(-1) ?? ""));
  }
}

/** Read the bound answers out of `source` (the dmp or one dataset); group items get ids `item-N`. */
export function readBound(source: JsonObject, questions: Question[], root: "dmp" | "dataset"): Answers {
  const answers: Answers = {};
  for (const question of questions) {
    const path = segments(question.binding ?? "", root);
    if (!path || path.length === 0) continue;
    const value = getPath(source, path);
    if (question.kind === "group") {
      if (!Array.isArray(value)) continue;
      answers[question.id] = value.filter(isObject).map((element, index) => {
        const item: Record<string, unknown> = { id: `item-${index + 1}` };
        for (const field of question.fields ?? []) {
          const sub = field.binding ? segments(field.binding, root) : undefined;
          if (!sub || sub.slice(0, path.length).join(".") !== path.join(".")) continue;
          const read = fromDcs(getPath(element, sub.slice(path.length)), field);
          if (read !== undefined) item[field.id] = read;
        }
        return item as { id: string };
      });
      continue;
    }
    const read = fromDcs(value, question);
    if (read !== undefined) answers[question.id] = read;
  }
  return answers;
}
