import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBodySchema } from "../../../contract/errors.js";
import {
  templateDocumentSchema,
  templateSummarySchema,
  vocabularySearchQuerySchema,
  vocabularySearchSchema,
  vocabularySummarySchema,
  vocabularyViewSchema,
  vocabularyViewsQuerySchema,
  vocabularyViewsSchema,
} from "../../../contract/templates.js";
import type { UiLanguage } from "../../../i18n/translate.js";
import {
  getTemplate,
  getVocabularies,
  getVocabulary,
  listTemplates,
  listVocabularies,
  searchVocabulary,
} from "../../../services/templates.js";
import { requestLanguage } from "../../error-handler.js";

const langQuery = z.object({ lang: z.enum(["en", "fr"]).optional() });
const idParams = z.object({ id: z.string().min(1).max(100) });
// Built-in content changes only with a new release: let browsers and proxies keep it a while.
const cacheFor = "public, max-age=300";

/** `/api/v1/templates…` and `/api/v1/vocabularies…`: public, read-only content. */
export function templateRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/templates",
      {
        schema: {
          tags: ["templates"],
          summary: "Published templates, sorted by title in the request's language",
          querystring: langQuery,
          response: { 200: z.object({ templates: z.array(templateSummarySchema) }) },
        },
      },
      async (request, reply) => {
        reply.header("cache-control", cacheFor);
        return { templates: listTemplates(requestLanguage(request)) };
      },
    );

    app.get(
      "/api/v1/templates/:id",
      {
        schema: {
          tags: ["templates"],
          summary: "One template with its sections and questions (texts in every language)",
          params: idParams,
          response: { 200: templateDocumentSchema, 404: errorBodySchema },
        },
      },
      async (request, reply) => {
        reply.header("cache-control", cacheFor);
        return getTemplate(request.params.id);
      },
    );

    app.get(
      "/api/v1/vocabularies",
      {
        schema: {
          tags: ["vocabularies"],
          summary: "Every vocabulary, titled in the request's language",
          querystring: langQuery,
          response: { 200: z.object({ vocabularies: z.array(vocabularySummarySchema) }) },
        },
      },
      async (request, reply) => {
        reply.header("cache-control", cacheFor);
        return { vocabularies: listVocabularies(requestLanguage(request)) };
      },
    );

    app.get(
      "/api/v1/vocabularies/:id",
      {
        schema: {
          tags: ["vocabularies"],
          summary: "One vocabulary with labels in the requested language (?lang=en|fr or Accept-Language)",
          params: idParams,
          querystring: langQuery,
          response: { 200: vocabularyViewSchema, 404: errorBodySchema },
        },
      },
      async (request, reply) => {
        reply.header("cache-control", cacheFor);
        return getVocabulary(request.params.id, requestLanguage(request));
      },
    );

    app.get(
      "/api/v1/vocabularies/:id/search",
      {
        schema: {
          tags: ["vocabularies"],
          summary:
            "Items of one vocabulary whose code or label matches ?q= (accents and case ignored; prefix matches first), labels in ?lang=en|fr",
          params: idParams,
          querystring: vocabularySearchQuerySchema,
          response: { 200: vocabularySearchSchema, 404: errorBodySchema, 422: errorBodySchema },
        },
      },
      async (request, reply) => {
        reply.header("cache-control", cacheFor);
        const { q, lang, limit } = request.query;
        return searchVocabulary(request.params.id, q, lang ?? requestLanguage(request), limit);
      },
    );

    app.get(
      "/api/v1/vocabulary-views",
      {
        schema: {
          tags: ["vocabularies"],
          summary:
            "Several vocabularies with labels in one or more languages, one view per vocabulary and language (?ids=a,b&langs=en,fr)",
          querystring: vocabularyViewsQuerySchema,
          response: { 200: vocabularyViewsSchema, 404: errorBodySchema },
        },
      },
      async (request, reply) => {
        reply.header("cache-control", cacheFor);
        const langs = request.query.langs
          ? (request.query.langs.split(",") as UiLanguage[])
          : [requestLanguage(request)];
        const { ids, codes, maxItems } = request.query;
        const partial =
          maxItems === undefined ? undefined : { maxItems, codes: codes ? codes.split(",") : [] };
        return { vocabularies: getVocabularies(ids.split(","), langs, { partial }) };
      },
    );
  };
}
