import type { z } from "zod";
import { AppError } from "../shared/app-error.js";

/**
 * Parse a use case's input with its zod schema; throws `validation_failed` with one detail per
 * problem (JSON-pointer path and message), so the CLI and the API report bad input alike.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: `/${issue.path.map(String).join("/")}`,
    message: issue.message,
  }));
  throw new AppError("validation_failed", "Invalid input", { details });
}
