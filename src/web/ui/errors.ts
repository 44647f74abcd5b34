import type { ZodType } from "zod";
import type { MessageKey } from "../../i18n/translate.js";
import { ApiError } from "../api/client.js";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Errors of a form, by field name. */
export type FieldErrors = Partial<Record<string, string>>;

/** A message for anything a request rejected with: the server's own words, else a translated fallback. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === "network") return t("web.error.network");
    if (error.message) return error.message;
  }
  return t("web.error.unexpected");
}

interface IssueLike {
  code: string;
  path: PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  input?: unknown;
}

function issueMessage(issue: IssueLike, t: Translate): string {
  if (issue.code === "invalid_format" && issue.format === "email") return t("web.validation.email");
  if (issue.code === "too_small") {
    const min = Number(issue.minimum ?? 1);
    const empty = typeof issue.input === "string" && issue.input.trim() === "";
    return min <= 1 || empty ? t("web.validation.required") : t("web.validation.min", { min });
  }
  if (issue.code === "too_big") return t("web.validation.max", { max: Number(issue.maximum ?? 0) });
  if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === ""))
    return t("web.validation.required");
  return t("web.validation.invalid");
}

/**
 * Check `values` against a contract schema before sending them, so that mistakes show next to the
 * field at once, in the interface language (zod's own messages are English-only).
 */
export function validateWith(schema: ZodType, values: unknown, t: Translate): FieldErrors {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues as IssueLike[]) {
    const field = String(issue.path[0] ?? "");
    if (field && errors[field] === undefined) errors[field] = issueMessage(issue, t);
  }
  return errors;
}

/** Field errors the server reported (`details: [{path: "/field", …}]`), translated. */
export function serverFieldErrors(error: unknown, t: Translate): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const problem of error.fieldProblems()) {
    const field = problem.path.replace(/^\//, "").split("/")[0] ?? "";
    if (!field) continue;
    errors[field] =
      field === "currentPassword" ? t("web.validation.current_password") : t("web.validation.invalid");
  }
  return errors;
}
