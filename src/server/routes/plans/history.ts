import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBodySchema } from "../../../contract/errors.js";
import {
  diffQuerySchema,
  diffSchema,
  historyQuerySchema,
  historySchema,
  revertBodySchema,
} from "../../../contract/plans.js";
import type { PlanRequests } from "../../../services/plan-requests.js";
import { requestLanguage } from "../../error-handler.js";

const tags = ["plan history"];
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const id = z.string().min(1).max(100);
const idParams = z.object({ id });
const denied = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const planDocument = z
  .looseObject({ id: z.string(), revision: z.number().int() })
  .describe("A plan (native format)");
const lang = {
  lang: z.string().max(35).optional().describe("Language of the labels (else Accept-Language)"),
};

/** `/api/v1/plans/{id}/history|revisions|diff|revert`: what changed, when, by whom; going back. */
export function planHistoryRoutes(plans: PlanRequests): FastifyPluginAsyncZod {
  const { history } = plans;
  return async (app) => {
    app.get(
      "/api/v1/plans/:id/history",
      {
        schema: {
          tags,
          security,
          summary: "Accepted edits, newest first, with authors and changes in the request's language",
          params: idParams,
          querystring: historyQuerySchema.extend(lang),
          response: { 200: historySchema, 422: errorBodySchema, ...denied },
        },
      },
      async (request) =>
        history.list(request.actor, request.params.id, request.query, requestLanguage(request)),
    );

    app.get(
      "/api/v1/plans/:id/revisions/:revision",
      {
        schema: {
          tags,
          security,
          summary: "The plan document as it was at a revision",
          params: z.object({ id, revision: z.coerce.number().int().min(0) }),
          response: { 200: planDocument, 422: errorBodySchema, ...denied },
        },
      },
      async (request) => history.revision(request.actor, request.params.id, request.params.revision),
    );

    app.get(
      "/api/v1/plans/:id/diff",
      {
        schema: {
          tags,
          security,
          summary: "Changes from one revision to another, labelled in the request's language",
          params: idParams,
          querystring: diffQuerySchema.extend(lang),
          response: { 200: diffSchema, 422: errorBodySchema, ...denied },
        },
      },
      async (request) =>
        history.diff(request.actor, request.params.id, request.query, requestLanguage(request)),
    );

    app.post(
      "/api/v1/plans/:id/revert",
      {
        schema: {
          tags,
          security,
          summary: "Bring the plan back to a revision's content, as a new revision (visibility unchanged)",
          params: idParams,
          body: revertBodySchema,
          response: {
            200: z.object({ revision: z.number().int(), plan: planDocument }),
            409: errorBodySchema,
            422: errorBodySchema,
            ...denied,
          },
        },
      },
      async (request) => history.revert(request.actor, request.params.id, request.body),
    );
  };
}
