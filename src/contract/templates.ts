import { z } from "zod";
import { localizedTextSchema } from "../domain/localized.js";
import { conditionSchema, templateSchema } from "../domain/template.js";

/** HTTP contract of templates and vocabularies (read-only, public). */

export const templateSummarySchema = z
  .object({
    id: z.string(),
    family: z.string(),
    version: z.number().int(),
    status: z.enum(["draft", "published", "archived"]),
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    organisation: z.object({ name: localizedTextSchema, identifier: z.string().optional() }),
    context: z.enum(["research_project", "research_entity", "any"]),
    languages: z.array(z.string()),
    questionCount: z.number().int(),
  })
  .meta({ id: "TemplateSummary" });
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

// The condition schema is recursive: it needs a name of its own for the OpenAPI document to refer to.
if (!z.globalRegistry.has(conditionSchema))
  z.globalRegistry.add(conditionSchema, { id: "TemplateCondition" });

/** A full template as stored (texts in every language it has). */
export const templateDocumentSchema = templateSchema;

export const vocabularySummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    source: z.string(),
    licence: z.string(),
    itemCount: z.number().int(),
  })
  .meta({ id: "VocabularySummary" });
export type VocabularySummary = z.infer<typeof vocabularySummarySchema>;

export const vocabularyViewSchema = z
  .object({
    id: z.string(),
    lang: z.enum(["en", "fr"]),
    title: z.string(),
    source: z.string(),
    licence: z.string(),
    items: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        uri: z.string().optional(),
        parent: z.string().optional(),
        deprecated: z.boolean().optional(),
      }),
    ),
    itemCount: z
      .number()
      .int()
      .optional()
      .meta({ description: "How many items the vocabulary has (given when `items` holds only some)" }),
    partial: z.literal(true).optional().meta({
      description:
        "`items` holds only the items asked for (`codes`): search the rest with `/api/v1/vocabularies/{id}/search`",
    }),
  })
  .meta({ id: "Vocabulary" });
export type VocabularyView = z.infer<typeof vocabularyViewSchema>;

/** `GET /api/v1/vocabulary-views`: several vocabularies in one or two languages. */
export const vocabularyViewsQuerySchema = z.object({
  ids: z
    .string()
    .max(4000)
    .regex(/^[A-Za-z0-9._-]{1,100}(,[A-Za-z0-9._-]{1,100}){0,99}$/, {
      message: "a comma-separated list of 1 to 100 vocabulary ids",
    })
    .meta({ description: "Vocabulary ids, comma-separated (at most 100)", example: "iso-639-3,data-access" }),
  langs: z
    .string()
    .regex(/^(en|fr)(,(en|fr))?$/, { message: "en, fr or en,fr" })
    .optional()
    .meta({ description: "Label languages, comma-separated (default: the request's language)" }),
  codes: z
    .string()
    .max(8000)
    .regex(/^[^,\s]{1,100}(,[^,\s]{1,100}){0,499}$/, {
      message: "a comma-separated list of 1 to 500 codes, without spaces",
    })
    .optional()
    .meta({
      description:
        "With `maxItems`: the codes whose labels are wanted from the vocabularies too large to send whole",
      example: "fra,eng,MIT",
    }),
  maxItems: z.coerce.number().int().min(0).max(100000).optional().meta({
    description:
      "Vocabularies with more items than this come with only the items listed in `codes` (`partial: true`)",
    example: 300,
  }),
});
export const vocabularyViewsSchema = z
  .object({ vocabularies: z.array(vocabularyViewSchema) })
  .meta({ id: "VocabularyViews" });
export type VocabularyViewList = z.infer<typeof vocabularyViewsSchema>;

/** `GET /api/v1/vocabularies/{id}/search`: items of one vocabulary matching a query. */
export const vocabularySearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({ description: "Words searched in codes and labels (accents and case ignored)", example: "fren" }),
  lang: z
    .enum(["en", "fr"])
    .optional()
    .meta({ description: "Language of labels (default: the request's language)" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .meta({ description: "At most this many items (1 to 100, default 20)" }),
});
export const vocabularySearchSchema = z
  .object({
    id: z.string(),
    lang: z.enum(["en", "fr"]),
    query: z.string(),
    total: z.number().int().meta({ description: "How many items match (may exceed `items`)" }),
    items: z.array(z.object({ code: z.string(), label: z.string() })),
  })
  .meta({ id: "VocabularySearch" });
export type VocabularySearchResult = z.infer<typeof vocabularySearchSchema>;
