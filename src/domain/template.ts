import { z } from "zod";
import { localizedTextSchema } from "./localized.js";

/** A stable code: lower-case letters, digits, dots, dashes and underscores (e.g. `dataset`, `1.1`, `cc-by-4.0`). */
export const codeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+:-]{0,99}$/, "a code such as 'dataset' or '1.1'");
/** Ids of sections and questions: stable across template versions so that answers follow. */
export const templateItemIdSchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_.-]{0,79}$/, "an id such as 'dataSharing.access'");

/** The kinds of questions a template can ask; each fixes the shape of its answer (see answer-values.ts). */
export const questionKinds = [
  "rich_text",
  "text",
  "number",
  "date",
  "url",
  "email",
  "single_choice",
  "multiple_choice",
  "yes_no_unknown",
  "identifier",
  "person",
  "persons",
  "organisation",
  "group",
] as const;
export const questionKindSchema = z.enum(questionKinds);
export type QuestionKind = z.infer<typeof questionKindSchema>;

export const triStateSchema = z.enum(["yes", "no", "unknown"]);
export type TriState = z.infer<typeof triStateSchema>;

/** A choice offered inline by a question. */
export const choiceOptionSchema = z.object({ code: codeSchema, label: localizedTextSchema });

/**
 * When a question (or section) applies. `output` tests a flag or the type of the research output being
 * answered; `answer` tests another answer of the same scope; `all`/`any`/`not` combine.
 */
export type Condition =
  | { output: "personalData" | "sensitiveData" | "ethicalIssues"; in: TriState[] }
  | { outputType: string[] }
  | { answer: string; equals?: unknown; in?: unknown[]; answered?: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      output: z.enum(["personalData", "sensitiveData", "ethicalIssues"]),
      in: z.array(triStateSchema).min(1),
    }),
    z.strictObject({ outputType: z.array(codeSchema).min(1) }),
    z.strictObject({
      answer: templateItemIdSchema,
      equals: z.unknown().optional(),
      in: z.array(z.unknown()).optional(),
      answered: z.boolean().optional(),
    }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** What every field (question or sub-field of a group) has. */
const fieldShape = {
  id: templateItemIdSchema,
  kind: questionKindSchema,
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  example: localizedTextSchema.optional(),
  required: z.boolean().default(false),
  /** Inline choices (single/multiple choice). */
  options: z.array(choiceOptionSchema).optional(),
  /** Or choices from a vocabulary (id of a vocabulary in data/vocabularies). */
  vocabulary: z.string().optional(),
  /** Look-up source that can fill the field (ror, orcid, re3data, spdx…), for the editor. */
  lookup: z.string().optional(),
  /** number: fixed unit, or the vocabulary of units the user picks from. */
  unit: z.string().optional(),
  unitVocabulary: z.string().optional(),
  /** identifier: the identifier types accepted (codes of the identifier-types vocabulary). */
  identifierTypes: z.array(codeSchema).optional(),
  /** person(s): the contributor role implied by this answer (e.g. data contact). */
  role: codeSchema.optional(),
  /** Binding to a path of the RDA DCS model, e.g. `dataset.distribution.host.title` (interop). */
  binding: z.string().optional(),
};

export const subFieldSchema = z.strictObject({
  ...fieldShape,
  kind: questionKindSchema.exclude(["group"]),
});
export type SubField = z.infer<typeof subFieldSchema>;

export const questionSchema = z.strictObject({
  ...fieldShape,
  /** Guidance themes (Science Europe / DMPRoadmap themes) for matching guidance. */
  themes: z.array(z.string()).default([]),
  condition: conditionSchema.optional(),
  /** group: the typed sub-fields of each item. */
  fields: z.array(subFieldSchema).optional(),
  /** group: minimum items for the answer to count as complete. */
  minItems: z.number().int().min(0).optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.strictObject({
  id: templateItemIdSchema,
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** Answered once per plan, or once per research output. */
  scope: z.enum(["plan", "output"]),
  /** Per-output sections may apply to some output types only (e.g. a software module). */
  outputTypes: z.array(codeSchema).optional(),
  condition: conditionSchema.optional(),
  questions: z.array(questionSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const templateStatusSchema = z.enum(["draft", "published", "archived"]);

export const templateSchema = z.strictObject({
  carnetTemplate: z.literal(1),
  /** Stable id of this template family + version, e.g. `science-europe-structured`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/),
  family: z.string().min(1),
  version: z.number().int().min(1),
  status: templateStatusSchema,
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  organisation: z.strictObject({
    name: localizedTextSchema,
    identifier: z.string().optional(),
  }),
  /** Plans of which context may use this template. */
  context: z.enum(["research_project", "research_entity", "any"]),
  /** Languages every text of the template is available in. */
  languages: z.array(z.string()).min(1),
  licence: z.string().optional(),
  source: z.string().optional(),
  sections: z.array(sectionSchema).min(1),
});
export type Template = z.infer<typeof templateSchema>;

/** A reference from a plan to the template version it was written on. */
export const templateRefSchema = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().min(1),
});
export type TemplateRef = z.infer<typeof templateRefSchema>;

/** Every question of a template, with its section, in template order. */
export function listQuestions(template: Template): { section: Section; question: Question }[] {
  return template.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
}
