import { z } from "zod";

/** The body of every error answer (see docs/api.md). */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code"),
      message: z.string().describe("Human-readable, in the request's language"),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });
