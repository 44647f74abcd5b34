import type { z } from "zod";
import { type MessageKey, translate, type UiLanguage } from "../i18n/translate.js";
import { type PathSegment, toPointer, valueAt } from "./json-pointer.js";

/** Stable codes of validation problems (a client may switch on them). */
export const problemCodes = [
  "missing_field",
  "wrong_type",
  "unknown_field",
  "invalid_value",
  "invalid_format",
  "too_long",
  "too_short",
  "unknown_code",
  "malformed_identifier",
  "invalid_email",
  "invalid_url",
  "invalid_date",
  "end_before_start",
  "duplicate_short_name",
  "id_mismatch",
  "duplicate_id",
  "unknown_person",
  "unknown_output",
  "output_scope_mismatch",
  "unknown_template",
  "template_version",
  "unknown_question",
  "wrong_answer_shape",
  "wrong_scope",
  "unknown_choice",
  "disallowed_markup",
  "invalid_op",
] as const;
export type ProblemCode = (typeof problemCodes)[number];

/**
 * One reason a document is invalid: where (JSON pointer), what (stable code and message key with
 * parameters) and how to fix it (hint key, same parameters). Texts come from the `model` catalogue.
 */
export interface Problem {
  path: string;
  code: ProblemCode;
  messageKey: MessageKey;
  params: Record<string, string | number>;
  hint: MessageKey;
}

/** Build a problem of `code` at `path` (segments or an already formed pointer). */
export function problem(
  path: readonly PathSegment[] | string,
  code: ProblemCode,
  params: Record<string, string | number> = {},
): Problem {
  return {
    path: typeof path === "string" ? path : toPointer(path),
    code,
    messageKey: `model.problem.${code}`,
    params,
    hint: `model.hint.${code}`,
  };
}

/** The problem as one sentence plus its hint, in `lang`. */
export function describeProblem(p: Problem, lang: UiLanguage): string {
  return `${translate(lang, p.messageKey, p.params)} ${translate(lang, p.hint, p.params)}`;
}

// Messages of the regexes in the schemas → a readable expected format (kept short, language-neutral).
const formatOfMessage: Record<string, string> = {
  "a date as YYYY-MM-DD": "YYYY-MM-DD",
  "an ISO 639-3 code such as fra or eng": "ISO 639-3 (fra, eng…)",
  "an id of letters, digits, - and _": "A-Z a-z 0-9 - _",
  "a code such as 'dataset' or '1.1'": "code (dataset, 1.1…)",
  "an id such as 'dataSharing.access'": "id (dataSharing.access…)",
};

/** Zod issues of a structural parse → problems with JSON-pointer paths into `input`. */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((s) => (typeof s === "symbol" ? String(s) : s));
    const field = String(path.at(-1) ?? "");
    switch (issue.code) {
      case "invalid_type":
        if (valueAt(input, path) === undefined) out.push(problem(path, "missing_field", { field }));
        else out.push(problem(path, "wrong_type", { expected: issue.expected }));
        break;
      case "unrecognized_keys":
        for (const key of issue.keys) out.push(problem([...path, key], "unknown_field", { field: key }));
        break;
      case "invalid_union":
        out.push(problem(path, "wrong_type", { expected: "…" }));
        break;
      case "invalid_value":
        out.push(problem(path, "invalid_value", { allowed: issue.values.map((v) => String(v)).join(", ") }));
        break;
      case "invalid_format":
        out.push(problem(path, "invalid_format", { format: formatOfMessage[issue.message] ?? issue.format }));
        break;
      case "too_big":
        out.push(problem(path, "too_long", { maximum: Number(issue.maximum) }));
        break;
      case "too_small":
        out.push(problem(path, "too_short", { minimum: Number(issue.minimum) }));
        break;
      default:
        out.push(problem(path, "invalid_value", { allowed: issue.message }));
    }
  }
  return out;
}
