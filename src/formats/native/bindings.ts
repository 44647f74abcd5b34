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

function setPath(target: JsonObject, path: string[], value: unknown): void {
  let node = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      node[key] = value;
      return;
    }
    if (listFields.has(key)) {
      if (!Array.isArray(node[key])) node[key] = [];
      const list = node[key] as unknown[];
      if (!isObject(list[0])) list[0] = {};
      node = list[0] as JsonObject;
    } else {
      if (!isObject(node[key])) node[key] = {};
      node = node[key] as JsonObject;
    }
  });
}

function getPath(source: JsonObject, path: string[]): unknown {
  let node: unknown = source;
  path.forEach((key, index) => {
    const next = isObject(node) ? node[key] : undefined;
    node = listFields.has(key) && index < path.length - 1 && Array.isArray(next) ? next[0] : next;
  });
  return node;
}

/** Write the bound answers of `answers` into `target` (the dmp or one dataset). */
export function writeBound(
  target: JsonObject,
  questions: Question[],
  answers: Answers,
  root: "dmp" | "dataset",
): void {
  for (const question of questions) {
    const path = segments(question.binding ?? "", root);
    const answer = answers[question.id];
    if (!path || path.length === 0 || answer === undefined) continue;
    if (question.kind === "group" && Array.isArray(answer)) {
      const items = answer.map((item) => {
        const element: JsonObject = {};
        for (const field of question.fields ?? []) {
          const sub = field.binding ? segments(field.binding, root) : undefined;
          const rest =
            sub && sub.slice(0, path.length).join(".") === path.join(".")
              ? sub.slice(path.length)
              : undefined;
          const fields = item as Record<string, unknown>;
          const value = isObject(fields)
            ? toDcs(fields[field.id] as AnswerValue, rest?.at(-1) ?? "")
            : undefined;
          if (rest && rest.length > 0 && value !== undefined) setPath(element, rest, value);
        }
        return element;
      });
      setPath(target, path, items);
      continue;
    }
    const value = toDcs(answer, path.at(-1) ?? "");
    if (value !== undefined) setPath(target, path, value);
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
