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
});
export const vocabularyViewsSchema = z
  .object({ vocabularies: z.array(vocabularyViewSchema) })
  .meta({ id: "VocabularyViews" });
export type VocabularyViewList = z.infer<typeof vocabularyViewsSchema>;
