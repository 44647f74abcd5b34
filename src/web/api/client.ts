import type { UiLanguage } from "../../i18n/translate.js";

/** Name of the anti-forgery cookie set by the server at sign-in (readable by scripts on purpose). */
export const csrfCookieName = "carnet_csrf";
/** Header that must echo the anti-forgery cookie on unsafe methods. */
export const csrfHeaderName = "X-CSRF-Token";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** One problem with one field, as the server reports it (`path` is a JSON pointer like `/email`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * An error answer of the API: its stable `code`, the HTTP status, and a message already in the
 * interface language (the request carried `Accept-Language`). `code` is `network` when the server
 * could not be reached and `invalid_answer` when the answer was not Carnet's error shape.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** Field problems from `details` (validation errors), if any. */
  fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (item): item is FieldProblem =>
        typeof item === "object" &&
        item !== null &&
        typeof (item as FieldProblem).path === "string" &&
        typeof (item as FieldProblem).message === "string",
    );
  }
}

/** True when `error` is an ApiError, optionally with one of `codes`. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** The value of cookie `name` in `document.cookie`, if set. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  lang: UiLanguage;
  signal?: AbortSignal;
  /** More request headers (e.g. `idempotency-key`). */
  headers?: Record<string, string>;
}

/**
 * Call the Carnet API with the session cookie, the anti-forgery header on unsafe methods and the
 * interface language; resolve to the parsed JSON (undefined for 204), reject with an ApiError.
 */
export async function apiRequest<T>(path: string, options: RequestOptions): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = {
    ...options.headers,
    accept: "application/json",
    "accept-language": options.lang,
  };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (!safeMethods.has(method)) {
    const token = readCookie(globalThis.document?.cookie ?? "", csrfCookieName);
    if (token) headers[csrfHeaderName] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError("network", 0, "");
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok) return body as T;
  // Checked by hand rather than with the contract's zod schema: zod stays out of the first chunk.
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  if (typeof error?.code !== "string" || typeof error.message !== "string")
    throw new ApiError("invalid_answer", response.status, "");
  throw new ApiError(error.code, response.status, error.message, error.details);
}
