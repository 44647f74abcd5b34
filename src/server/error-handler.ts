import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isMessageKey, pickUiLanguage, translate, type UiLanguage } from "../i18n/translate.js";
import { isDatabaseUnavailable } from "../services/database-errors.js";
import { AppError, type ErrorCode, isAppError } from "../shared/app-error.js";
import type { InputIssue } from "../shared/input-issues.js";

/** The JSON body of every error Carnet answers. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** The interface language of a request: `?lang=` first, then Accept-Language. */
export function requestLanguage(request: FastifyRequest): UiLanguage {
  const query = request.query as { lang?: unknown } | undefined;
  if (query && typeof query.lang === "string") return pickUiLanguage(query.lang);
  return pickUiLanguage(request.headers["accept-language"]);
}

function messageFor(error: AppError, lang: UiLanguage, requestId: string): string {
  const key = `error.${error.code}`;
  const params = { requestId, ...error.params };
  return isMessageKey(key) ? translate(lang, key, params) : error.message;
}

/** Map anything thrown by a route to an AppError, so clients see one shape with stable codes. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map(
      (issue): InputIssue => ({
        path: issue.instancePath || "/",
        code: issue.keyword,
        params: issue.params,
        message: issue.message ?? "invalid",
        in: error.validationContext,
      }),
    );
    return new AppError("validation_failed", "Request validation failed", { issues });
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", "Body too large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("unsupported_media_type", "Unsupported media type", {
        params: { type: String(fastifyError.message ?? "").replace(/^Unsupported Media Type: /, "") },
      });
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("bad_request", "Invalid JSON body", {
        params: { reason: fastifyError.message ?? "" },
      });
  }
  if (
    typeof fastifyError.statusCode === "number" &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return new AppError("bad_request", fastifyError.message ?? "Bad request", {
      params: { reason: fastifyError.message ?? "" },
    });
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError("database_unavailable", "Database unavailable", { cause: error });
  }
  return new AppError("internal", "Internal error", { cause: error });
}

/** Install the one error handler and the JSON 404 for API paths. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: appError.code }, "request rejected");
    const retryAfter = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (appError.code === "rate_limited" && typeof retryAfter === "number") {
      reply.header("retry-after", String(retryAfter));
    }
    const lang = requestLanguage(request);
    const details = appError.detailsIn(lang);
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: messageFor(appError, lang, String(request.id)),
        ...(details === undefined ? {} : { details }),
      },
    };
    return reply.status(appError.status).send(body);
  });
}

/** Reply 404 in the error shape. */
export function replyNotFound(request: FastifyRequest, reply: FastifyReply) {
  const error = new AppError("not_found", "Not found", {
    params: { path: request.url.split("?")[0] ?? "/" },
  });
  const body: ErrorBody = {
    error: { code: error.code, message: messageFor(error, requestLanguage(request), String(request.id)) },
  };
  return reply.status(404).send(body);
}
