import type { z } from "zod";
import { AppError } from "../shared/app-error.js";
import { inputIssueFromZod } from "../shared/input-issues.js";

/**
 * Parse a use case's input with its zod schema; throws `validation_failed` with one detail per
 * problem (JSON-pointer path, issue code and a message in the caller's language), so the CLI and
 * the API report bad input alike.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => inputIssueFromZod(issue));
  throw new AppError("validation_failed", "Invalid input", { issues });
}
