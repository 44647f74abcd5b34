import type { FastifyReply, FastifyRequest } from "fastify";
import { type FastifyPluginAsyncZod, hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { isMessageKey, translate } from "../../../i18n/translate.js";
import { type MadmpDocument, type MadmpService, madmpSorts } from "../../../services/madmp.js";
import { bodyText } from "../../../services/plan-imports.js";
import { AppError, type ErrorCode } from "../../../shared/app-error.js";
import { toAppError } from "../../error-handler.js";
import { rawBodyValidatorCompiler } from "../../raw-body.js";

/** Where the RDA Common maDMP API is served (its `/dmps` paths are under it). */
export const madmpBasePath = "/api/madmp/v1";
/** The media type of RDA DCS 1.2 documents in the Common maDMP API. */
export const dcsMediaType = "application/vnd.org.rd-alliance.dmp-common.v1.2+json";
const bodyLimit = 20 * 1024 * 1024;

const tags = ["rda-madmp"];
const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const madmpError = z
  .object({ error_code: z.string(), error_message: z.string(), details: z.unknown().optional() })
  .describe("An error of the Common maDMP API (error_code: authentication_required, dmp_not_found…)");
const dmpWithId = z
  .object({ id: z.string().describe("Carnet's plan id"), dmp: z.looseObject({}).describe("RDA DCS 1.2 dmp") })
  .describe(`A DMP (${dcsMediaType} or application/json)`);
const idParams = z.object({ id: z.string().min(1).max(100) });
const dmpDocument = z
  .looseObject({ dmp: z.looseObject({}).describe("RDA DCS dmp (1.2; 1.0 and 1.1 are normalised)") })
  .describe(`A DMP document, sent as ${dcsMediaType} or application/json`);
const consumes = [dcsMediaType, "application/json"];
const errors = (codes: number[]) => Object.fromEntries(codes.map((code) => [code, madmpError]));

const many = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).optional();
const dateTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "a date-time (ISO 8601)");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date (YYYY-MM-DD)");
const sortValues = madmpSorts.flatMap((field) => [`${field},asc`, `${field},desc`]) as [string, ...string[]];
const listQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  count: z.coerce.number().int().min(1).max(100).default(20),
  "sort[]": many(z.enum(sortValues)),
  created_before: dateTime.optional(),
  created_after: dateTime.optional(),
  modified_before: dateTime.optional(),
  modified_after: dateTime.optional(),
  "languages[]": many(z.string().regex(/^[a-z]{3}$/, "an ISO 639-3 code")),
  "contact_ids[]": many(z.string().max(500)),
  "contributor_ids[]": many(z.string().max(500)),
  "dataset_ids[]": many(z.string().max(500)),
  "metadata_standard_ids[]": many(z.string().max(500)),
  "dmp_ids[]": many(z.string().max(500)),
  "funder_ids[]": many(z.string().max(500)),
  "grant_ids[]": many(z.string().max(500)),
  query: z.string().max(500).optional(),
  ethical_issues_exist: z.enum(["true", "false"]).optional(),
  embargo_before: date.optional(),
  embargo_after: date.optional(),
});

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The maDMP error code and status of an error of Carnet's. */
const madmpCodes: Partial<Record<ErrorCode, string>> = {
  unauthenticated: "authentication_required",
  invalid_credentials: "authentication_required",
  forbidden: "insufficient_permissions",
  read_only_token: "insufficient_permissions",
  session_required: "insufficient_permissions",
  csrf_failed: "insufficient_permissions",
  not_found: "dmp_not_found",
  conflict: "conflict",
  dmp_already_exists: "dmp_already_exists",
  validation_failed: "dmp_invalid",
  bad_request: "bad_request",
  unsupported_media_type: "unsupported_media_type",
  not_acceptable: "not_acceptable",
  payload_too_large: "payload_too_large",
};

/**
 * The media type to answer in: the supported type the `Accept` header prefers (quality values
 * honoured); `application/json` without a header or for wildcards; 406 when none is acceptable.
 */
export function negotiate(accept: string | undefined): string {
  if (!accept || accept.trim() === "") return "application/json";
  const ranges = accept
    .split(",")
    .map((part, index) => {
      const [type = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { type: type.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((range) => range.q > 0 && !Number.isNaN(range.q));
  const candidates = [
    { media: dcsMediaType, exact: dcsMediaType },
    { media: "application/json", exact: "application/json" },
  ];
  let best: { media: string; q: number; specific: number; index: number } | undefined;
  for (const range of ranges) {
    for (const candidate of candidates) {
      const specific =
        range.type === candidate.exact ? 2 : range.type === "application/*" || range.type === "*/*" ? 0 : -1;
      if (specific < 0) continue;
      // Wildcards answer in plain JSON, as the standard asks for unqualified requests.
      if (specific === 0 && candidate.media !== "application/json") continue;
      if (!best || range.q > best.q || (range.q === best.q && specific > best.specific)) {
        best = { media: candidate.media, q: range.q, specific, index: range.index };
      }
    }
  }
  if (!best) {
    throw new AppError("not_acceptable", "Not acceptable", {
      params: { accept: `${dcsMediaType}, application/json` },
    });
  }
  return best.media;
}

function sendDocument(request: FastifyRequest, reply: FastifyReply, document: MadmpDocument) {
  reply.header("content-type", `${negotiate(request.headers.accept)}; charset=utf-8`);
  reply.header("last-modified", new Date(document.modifiedAt).toUTCString());
  reply.header("etag", document.etag);
  return { id: document.id, dmp: document.dmp };
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
};

/** `/api/madmp/v1/dmps…`: the RDA Common maDMP API (RDA DCS 1.2 documents). */
export function madmpRoutes(madmp: MadmpService): FastifyPluginAsyncZod {
  return async (app) => {
    // DCS documents are read by Carnet's tolerant reader, so JSON arrives as raw bytes here.
    app.removeAllContentTypeParsers();
    const raw = { parseAs: "buffer", bodyLimit } as const;
    const keep = (_request: unknown, body: Buffer | string, done: (error: null, body: unknown) => void) =>
      done(null, body);
    app.addContentTypeParser(["application/json", dcsMediaType], raw, keep);

    // Errors in the shape of the standard ({error_code, error_message}), in English.
    app.setErrorHandler((error: unknown, request, reply) => {
      const appError = toAppError(error);
      let code = madmpCodes[appError.code] ?? "generic_error";
      if (hasZodFastifySchemaValidationErrors(error) && error.validationContext === "querystring") {
        code = "invalid_query_string";
      }
      const status = code === "invalid_query_string" || code === "dmp_invalid" ? 400 : appError.status;
      if (status >= 500) request.log.error({ err: error }, "request failed");
      const key = `error.${appError.code}`;
      const specific = ["conflict", "validation_failed", "bad_request"].includes(appError.code);
      const message =
        specific || !isMessageKey(key)
          ? appError.message
          : translate("en", key, { requestId: String(request.id), ...appError.params });
      return reply
        .status(status)
        .type("application/json; charset=utf-8")
        .send({
          error_code: code,
          error_message: message,
          ...(appError.details === undefined ? {} : { details: appError.details }),
        });
    });

    // Refuse early what cannot be answered in an accepted media type.
    app.addHook("preHandler", async (request) => {
      negotiate(request.headers.accept);
    });

    app.get(
      `${madmpBasePath}/dmps`,
      {
        schema: {
          tags,
          security,
          summary: "List/search DMPs the caller may read (RDA Common maDMP API)",
          description:
            "Filters are ANDed; repeated list parameters are ORed. total_count counts every match before offset/count.",
          querystring: listQuery,
          response: {
            200: z.object({ total_count: z.number().int(), items: z.array(dmpWithId) }),
            ...errors([400, 401, 406]),
          },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const result = await madmp.list(request.actor, {
          offset: q.offset,
          count: q.count,
          sort: asList(q["sort[]"]),
          created_before: q.created_before,
          created_after: q.created_after,
          modified_before: q.modified_before,
          modified_after: q.modified_after,
          languages: asList(q["languages[]"]),
          contact_ids: asList(q["contact_ids[]"]),
          contributor_ids: asList(q["contributor_ids[]"]),
          dataset_ids: asList(q["dataset_ids[]"]),
          metadata_standard_ids: asList(q["metadata_standard_ids[]"]),
          dmp_ids: asList(q["dmp_ids[]"]),
          funder_ids: asList(q["funder_ids[]"]),
          grant_ids: asList(q["grant_ids[]"]),
          query: q.query,
          ethical_issues_exist:
            q.ethical_issues_exist === undefined ? undefined : q.ethical_issues_exist === "true",
          embargo_before: q.embargo_before,
          embargo_after: q.embargo_after,
        });
        reply.header("content-type", `${negotiate(request.headers.accept)}; charset=utf-8`);
        return {
          total_count: result.total,
          items: result.items.map((item) => ({ id: item.id, dmp: item.dmp })),
        };
      },
    );

    app.post(
      `${madmpBasePath}/dmps`,
      {
        bodyLimit,
        validatorCompiler: rawBodyValidatorCompiler,
        schema: {
          tags,
          security,
          consumes,
          body: dmpDocument,
          summary: "Create a DMP from an RDA DCS document (1.0–1.2; answered as 1.2)",
          description: `Body: {"dmp": …} as ${dcsMediaType} or application/json. Answers 200 with the stored DMP and Last-Modified; 409 dmp_already_exists (details: {id, location} of the existing DMP) when one of the caller's DMPs already has this dmp_id.`,
          response: { 200: dmpWithId, ...errors([400, 401, 403, 406, 409, 413, 415]) },
        },
      },
      async (request, reply) => {
        negotiate(request.headers.accept);
        const document = await madmp.create(request.actor, bodyText(request.body));
        reply.header("location", `${madmpBasePath}/dmps/${encodeURIComponent(document.id)}`);
        return sendDocument(request, reply, document);
      },
    );

    app.get(
      `${madmpBasePath}/dmps/:id`,
      {
        schema: {
          tags,
          security: [...security, {}],
          summary: "Get a DMP (RDA DCS 1.2) with Last-Modified and ETag",
          params: idParams,
          response: { 200: dmpWithId, ...errors([401, 403, 404, 406]) },
        },
      },
      async (request, reply) =>
        sendDocument(request, reply, await madmp.get(request.actor, request.params.id)),
    );

    app.put(
      `${madmpBasePath}/dmps/:id`,
      {
        bodyLimit,
        validatorCompiler: rawBodyValidatorCompiler,
        schema: {
          tags,
          security,
          consumes,
          body: dmpDocument,
          summary: "Overwrite a DMP; 409 when If-Unmodified-Since or If-Match is not met",
          description:
            "If-Unmodified-Since takes an HTTP date (one-second resolution) or an ISO 8601 date-time such as the dmp's `modified` (millisecond resolution). The replacement is a new revision of the plan (its history keeps the old content).",
          params: idParams,
          headers: z.object({
            "if-unmodified-since": z.string().max(100).optional(),
            "if-match": z.string().max(500).optional(),
          }),
          response: { 200: dmpWithId, ...errors([400, 401, 403, 404, 406, 409, 413, 415]) },
        },
      },
      async (request, reply) => {
        negotiate(request.headers.accept);
        const document = await madmp.replace(request.actor, request.params.id, bodyText(request.body), {
          ifUnmodifiedSince: header(request, "if-unmodified-since"),
          ifMatch: header(request, "if-match"),
        });
        return sendDocument(request, reply, document);
      },
    );

    app.delete(
      `${madmpBasePath}/dmps/:id`,
      {
        schema: {
          tags,
          security,
          summary: "Delete a DMP (it goes to the owner's bin in Carnet)",
          params: idParams,
          response: { 204: z.null().describe("Deleted"), ...errors([401, 403, 404, 406, 409]) },
        },
      },
      async (request, reply) => {
        await madmp.remove(request.actor, request.params.id, {
          ifUnmodifiedSince: header(request, "if-unmodified-since"),
          ifMatch: header(request, "if-match"),
        });
        return reply.status(204).send(null);
      },
    );
  };
}
