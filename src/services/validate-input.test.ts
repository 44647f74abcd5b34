import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../shared/app-error.js";
import { validateInput } from "./validate-input.js";

const schema = z.object({ name: z.string().trim().min(1).max(5), tags: z.array(z.string()).min(2) });

function failure(input: unknown): AppError {
  try {
    validateInput(schema, input);
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error("expected a validation error");
}

describe("validateInput", () => {
  it("reports each problem with its path and code, worded in the language asked for", () => {
    const error = failure({ name: "too long a name", tags: ["one"] });
    expect(error.code).toBe("validation_failed");
    expect(error.details).toEqual([
      { path: "/name", code: "too_big", message: "At most 5 characters." },
      { path: "/tags", code: "too_small", message: "At least 2 items." },
    ]);
    expect(error.detailsIn("fr")).toEqual([
      { path: "/name", code: "too_big", message: "Au plus 5 caractères." },
      { path: "/tags", code: "too_small", message: "Au moins 2 éléments." },
    ]);
  });

  it("returns the parsed value when the input is valid", () => {
    expect(validateInput(schema, { name: " ab ", tags: ["a", "b"] })).toEqual({
      name: "ab",
      tags: ["a", "b"],
    });
  });
});
