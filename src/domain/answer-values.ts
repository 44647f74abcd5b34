import { z } from "zod";
import type { QuestionKind } from "./template.js";

/** An identifier with its type (code of an identifier-types vocabulary: orcid, ror, rnsr, doi, url…). */
export const identifierSchema = z.strictObject({
  type: z.string().min(1).max(40),
  value: z.string().min(1).max(2000),
});
export type Identifier = z.infer<typeof identifierSchema>;

/** An organisation named in a plan: partner, funder, affiliation, host… */
export const organisationSchema = z.strictObject({
  name: z.string().max(1000),
  acronym: z.string().max(100).optional(),
  identifiers: z.array(identifierSchema).default([]),
});
export type Organisation = z.infer<typeof organisationSchema>;

/** Rich text: HTML restricted to the rich-text allowlist (p, br, strong, em, u, s, a, ul, ol, li, h3–h6, blockquote, code). */
export const richTextSchema = z.string().max(500_000);
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

/** Answer shapes, one per question kind. */
export const answerSchemas = {
  rich_text: richTextSchema,
  text: z.string().max(100_000),
  number: z.strictObject({ value: z.number().finite(), unit: z.string().max(40).optional() }),
  date: dateSchema,
  url: z.string().max(2000),
  email: z.string().max(320),
  single_choice: z.string().max(200),
  multiple_choice: z.array(z.string().max(200)),
  yes_no_unknown: z.enum(["yes", "no", "unknown"]),
  identifier: identifierSchema,
  person: z.strictObject({ personId: z.string().min(1) }),
  persons: z.array(z.strictObject({ personId: z.string().min(1) })),
  organisation: organisationSchema,
} as const satisfies Record<Exclude<QuestionKind, "group">, z.ZodType>;

/** The value of one sub-field inside a group item. */
export const fieldValueSchema = z.union([
  z.string(),
  z.array(z.string()),
  answerSchemas.number,
  identifierSchema,
  answerSchemas.person,
  answerSchemas.persons,
  organisationSchema,
  z.null(),
]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

/** One item of a repeatable group: sub-field id → value; `id` keeps the item's identity across edits. */
export const groupItemSchema = z
  .object({ id: z.string().min(1) })
  .catchall(fieldValueSchema)
  .describe("An item of a repeatable group; keys are the group's sub-field ids");
export type GroupItem = z.infer<typeof groupItemSchema>;

/**
 * Any answer value, structurally. Which shape is right depends on the question's kind; the
 * template-aware validation checks it (see validate-plan.ts).
 */
export const answerValueSchema = z.union([
  z.string(),
  z.array(z.string()),
  answerSchemas.number,
  identifierSchema,
  answerSchemas.person,
  answerSchemas.persons,
  organisationSchema,
  z.array(groupItemSchema),
  z.null(),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

const groupAnswerSchema = z.array(groupItemSchema);

/** The zod schema an answer to a question of `kind` must satisfy (group items are checked per field). */
export function answerSchemaFor(kind: QuestionKind): z.ZodType {
  // One schema instance per kind: building zod schemas is far costlier than using them.
  return kind === "group" ? groupAnswerSchema : answerSchemas[kind];
}
