import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBodySchema } from "../../../contract/errors.js";
import { bodyText, type PlanImports } from "../../../services/plan-imports.js";
import { importFormats } from "../../../services/read-plan-document.js";
import { requestLanguage } from "../../error-handler.js";
import { rawBodyValidatorCompiler } from "../../raw-body.js";

/** Largest file an import takes (the JSON reader's own limit is the same). */
export const importBodyLimit = 20 * 1024 * 1024;

const importQuery = z.object({
  format: z.enum(importFormats).optional().describe("Insist on a format (default auto: detected)"),
  templateId: z.string().min(1).max(100).optional().describe("Template for RDA DCS and DMP OPIDoR files"),
  filename: z.string().max(255).optional().describe("The file's name (informative)"),
  lang: z.enum(["en", "fr"]).optional(),
});

const reportEntry = z.object({
  kind: z.enum(["repair", "kept", "loss", "info"]),
  path: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

/**
 * `POST /api/v1/plans/import`: the body is the file itself. Registered in its own plugin, which takes
 * JSON as raw bytes (the tolerant reader reports repairs and the line and column of what breaks)
 * and `application/octet-stream`; other content types get 415.
 */
export function planImportRoutes(imports: PlanImports): FastifyPluginAsyncZod {
  return async (app) => {
    app.removeAllContentTypeParsers();
    const raw = { parseAs: "buffer", bodyLimit: importBodyLimit } as const;
    const keep = (_request: unknown, body: Buffer | string, done: (error: null, body: unknown) => void) =>
      done(null, body);
    app.addContentTypeParser(["application/json", "application/octet-stream"], raw, keep);
    app.addContentTypeParser(/^application\/[\w.+-]*\+json$/, raw, keep);
    app.post(
      "/api/v1/plans/import",
      {
        bodyLimit: importBodyLimit,
        validatorCompiler: rawBodyValidatorCompiler,
        schema: {
          consumes: ["application/json", "application/octet-stream"],
          body: z
            .looseObject({})
            .describe("The file itself: a native plan, an RDA DCS document or a DMP OPIDoR export (JSON)"),
          tags: ["plans"],
          security: [{ session: [] }, { bearer: [] }],
          summary:
            "Import a plan file (native, RDA DCS 1.0–1.2, DMP OPIDoR JSON; ≤ 20 MB) as a new plan owned by the caller",
          description:
            "Send the file's bytes as application/json or application/octet-stream. 201 gives the new plan and the import report (what was mapped, repaired or kept aside); 422 gives the report and the problem (with line and column for unreadable JSON); nothing is stored then.",
          querystring: importQuery,
          response: {
            201: z.object({
              plan: z.object({ id: z.string(), title: z.string() }),
              format: z.string(),
              report: z.array(reportEntry),
              problems: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
            }),
            401: errorBodySchema,
            403: errorBodySchema,
            413: errorBodySchema,
            415: errorBodySchema,
            422: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const outcome = await imports.importPlan(
          request.actor,
          bodyText(request.body),
          request.query,
          requestLanguage(request),
        );
        return reply.status(201).send({
          plan: { id: outcome.plan.id, title: outcome.plan.details.title },
          format: outcome.format,
          report: outcome.report,
          problems: outcome.problems,
        });
      },
    );
  };
}
