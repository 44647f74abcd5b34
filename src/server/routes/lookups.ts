import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  lookupAnswerSchema,
  lookupParamsSchema,
  lookupQuerySchema,
  lookupResolveQuerySchema,
  lookupResultSchema,
} from "../../contract/lookups.js";
import type { AppContext } from "../../services/app-context.js";
import { AppError } from "../../shared/app-error.js";

/**
 * `GET /api/v1/lookup/:source?q=&lang=&limit=&cursor=` — identifier pickers (ORCID, ROR, funders,
 * RNSR, repositories, licences, languages, standards); `GET /api/v1/lookup/:source/resolve?id=`.
 * A failing remote service never shows: the answer then comes from the offline registry.
 */
export function lookupRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/lookup/:source",
      {
        schema: {
          summary: "Search a registry of identifiers",
          params: lookupParamsSchema,
          querystring: lookupQuerySchema,
          response: { 200: lookupAnswerSchema },
        },
      },
      async (request, reply) => {
        const answer = await context.lookups.search(request.params.source, request.query);
        // Short private caching: typeahead repeats the same prefixes.
        reply.header("cache-control", "private, max-age=60");
        return answer;
      },
    );

    app.get(
      "/api/v1/lookup/:source/resolve",
      {
        schema: {
          summary: "Resolve one identifier of a registry",
          params: lookupParamsSchema,
          querystring: lookupResolveQuerySchema,
          response: { 200: lookupResultSchema },
        },
      },
      async (request) => {
        const { source } = request.params;
        const result = await context.lookups.resolve(source, request.query.id, request.query.lang);
        if (!result) {
          throw new AppError("not_found", "Identifier not found", {
            params: { path: `${source}/${request.query.id}` },
          });
        }
        return result;
      },
    );
  };
}
