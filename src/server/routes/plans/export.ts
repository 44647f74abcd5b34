import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBodySchema } from "../../../contract/errors.js";
import { type PlanExports, planExportFormats } from "../../../services/plan-exports.js";
import { requestLanguage } from "../../error-handler.js";

const idParams = z.object({ id: z.string().min(1).max(100) });
// Values are checked by the service (400 with the parameter's name), so that every problem is listed.
const exportQuery = z.object({
  format: z
    .string()
    .max(40)
    .describe(`One of ${planExportFormats.join(", ")}`),
  lang: z
    .string()
    .max(10)
    .optional()
    .describe("Language of headings and labels: fr or en (default: the plan's)"),
  outputs: z
    .string()
    .max(4000)
    .optional()
    .describe("Research outputs to include: ids or short names, comma-separated"),
  headings: z.string().max(10).optional().describe("true (default) or false"),
  unanswered: z.string().max(10).optional().describe("Show unanswered questions: true or false (default)"),
  cover: z.string().max(10).optional().describe("true (default) or false"),
  fontSize: z.string().max(10).optional().describe("Body font size in points, 8–14 (default 10)"),
  margins: z.string().max(10).optional().describe("Page margins in millimetres, 5–25 (default 20)"),
  paper: z.string().max(10).optional().describe("a4 (default) or letter"),
});

/** True when an `If-None-Match` header names `etag` (or is `*`). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** `GET /api/v1/plans/:id/export`: a plan as a document or data file, cached by revision and options. */
export function planExportRoutes(exports: PlanExports): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/plans/:id/export",
      {
        schema: {
          tags: ["plans"],
          security: [{ session: [] }, { bearer: [] }, {}],
          summary:
            "Export a plan (PDF, DOCX, ODT, HTML, Markdown, native JSON, RDA DCS 1.2/1.1) as an attachment; ETag / If-None-Match",
          params: idParams,
          querystring: exportQuery,
          response: {
            200: z.any().describe("The file (Content-Type per format)"),
            304: z.null().describe("Not modified (If-None-Match matched the ETag)"),
            400: errorBodySchema,
            401: errorBodySchema,
            404: errorBodySchema,
            422: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const prepared = await exports.prepare(
          request.actor,
          request.params.id,
          request.query,
          requestLanguage(request),
        );
        // Private plans must not be kept by shared caches; revalidation is cheap (ETag).
        reply.header("etag", prepared.etag);
        reply.header("cache-control", "private, no-cache");
        reply.header("vary", "cookie, authorization");
        if (matches(request.headers["if-none-match"], prepared.etag)) return reply.status(304).send(null);
        const { bytes, hit } = await prepared.body();
        reply.header("content-type", prepared.contentType);
        reply.header("content-disposition", prepared.contentDisposition);
        reply.header("x-carnet-cache", hit ? "hit" : "miss");
        return reply.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      },
    );
  };
}
