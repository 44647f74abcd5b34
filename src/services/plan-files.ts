import { readFile } from "node:fs/promises";
import type { Problem } from "../domain/problems.js";
import { validatePlan } from "../domain/validate-plan.js";
import { type JsonSyntaxError, parseJsonText } from "./json-text.js";
import type { PlanContent } from "./plan-content.js";

/** What checking a plan file found: it could not be read, it is not JSON, or the plan's problems. */
export type PlanFileCheck =
  | { kind: "unreadable"; reason: string }
  | { kind: "not_json"; error: JsonSyntaxError }
  | { kind: "checked"; problems: Problem[] };

/** Read a native plan file and validate it against the templates and vocabularies of `content`. */
export async function checkPlanFile(path: string, content: PlanContent): Promise<PlanFileCheck> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: "unreadable", reason: code ?? String(error) };
  }
  const parsed = parseJsonText(text.replace(/^\uFEFF/, ""));
  if (!parsed.ok) return { kind: "not_json", error: parsed.error };
  return { kind: "checked", problems: validatePlan(parsed.value, content).problems };
}
