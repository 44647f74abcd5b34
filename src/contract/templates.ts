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
