import type { UiLanguage } from "../i18n/translate.js";
import { type InputIssue, localizeInputIssues } from "./input-issues.js";

/**
 * Stable error codes. A code never changes meaning once released; clients may switch on it.
 * Each code maps to an HTTP status and to a message key in `src/i18n` (`error.<code>`).
 */
export const errorCodes = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  read_only_token: 403,
  session_required: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_invalid: 400,
  idempotency_key_reused: 422,
  dmp_already_exists: 409,
  live_connection_unknown: 409,
  email_taken: 409,
  already_member: 409,
  already_invited: 409,
  owner_role_fixed: 409,
  invitation_invalid: 404,
  invitation_other_address: 403,
  reset_token_invalid: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_acceptable: 406,
  rate_limited: 429,
  database_unavailable: 503,
  config_invalid: 500,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface AppErrorOptions {
  /** Parameters interpolated into the translated message (`{name}` placeholders). */
  params?: Record<string, string | number>;
  /** Machine-readable details returned to the client (e.g. validation problems). */
  details?: unknown;
  /**
   * Input problems (validation errors): the details become one `{path, code, message, in?}` per issue,
   * the message in the request's language. Takes the place of `details`.
   */
  issues?: readonly InputIssue[];
  cause?: unknown;
}

/** The one error type of Carnet: a stable code, an HTTP status, and a translatable message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, string | number>;
  readonly details: unknown;
  readonly issues: readonly InputIssue[] | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = errorCodes[code];
    this.params = options.params ?? {};
    this.issues = options.issues;
    this.details = options.issues ? localizeInputIssues(options.issues, "en") : options.details;
  }

  /** The details to show in `lang` (input problems translated). */
  detailsIn(lang: UiLanguage): unknown {
    return this.issues ? localizeInputIssues(this.issues, lang) : this.details;
  }
}

/** True when `value` is an AppError (also across module copies, by shape). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
