import { z } from "zod";
import { lookupSources } from "../domain/lookup-sources.js";

/** Path parameters of `GET /api/v1/lookup/:source`. */
export const lookupParamsSchema = z.object({ source: z.enum(lookupSources) });

/** Query of a look-up: the words typed (or a pasted identifier), label language, page size and cursor. */
export const lookupQuerySchema = z.object({
  q: z.string().max(200).default(""),
  lang: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(100).optional(),
});

/** Query of `GET /api/v1/lookup/:source/resolve`. */
export const lookupResolveQuerySchema = z.object({
  id: z.string().min(1).max(500),
  lang: lookupQuerySchema.shape.lang,
});

export const lookupResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  labels: z.record(z.string(), z.string()).optional(),
  acronym: z.string().optional(),
  description: z.string().optional(),
  url: z.string().optional(),
  identifiers: z.array(z.object({ scheme: z.string(), value: z.string() })),
  country: z.string().optional(),
  city: z.string().optional(),
  types: z.array(z.string()).optional(),
  source: z.enum(lookupSources),
  offline: z.boolean(),
});

/** Answer of a look-up: at most 50 results, `offline` when they come from the offline registry. */
export const lookupAnswerSchema = z.object({
  source: z.enum(lookupSources),
  offline: z.boolean(),
  results: z.array(lookupResultSchema).max(50),
  nextCursor: z.string().nullable(),
});

export type LookupAnswerBody = z.infer<typeof lookupAnswerSchema>;
export type LookupResultBody = z.infer<typeof lookupResultSchema>;
