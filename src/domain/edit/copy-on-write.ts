import type { z } from "zod";
import { answerValueSchema } from "../answer-values.js";
import { arrayIndex, isPlainObject, parsePointer } from "../json-pointer.js";
import {
  contributionSchema,
  entityIdSchema,
  personSchema,
  planSchema,
  researchOutputSchema,
} from "../plan.js";
import { type Problem, problem, problemsFromZod } from "../problems.js";
import { templateItemIdSchema } from "../template.js";
import { applyOpInPlace, type EditOp } from "./ops.js";

type Container = Record<string, unknown> | unknown[];

/**
 * Apply ops to a copy of `doc` that shares every untouched branch with it: only the containers on
 * the ops' paths are copied (the document is treated as immutable). Returns the copy and, per op,
 * the ops that undo it. Throws OpError on an op that does not apply.
 */
export function applyCopyOnWrite<T>(doc: T, ops: readonly EditOp[]): { doc: T; inverses: EditOp[][] } {
  const root = (Array.isArray(doc) ? [...doc] : { ...(doc as object) }) as Container;
  const fresh = new Set<unknown>([root]);
  const copyAlong = (pointer: string) => {
    const segments = parsePointer(pointer) ?? [];
    let current: unknown = root;
    // Copy every container from the root down to the parent of the target (the one that changes).
    for (const segment of segments.slice(0, -1)) {
      let key: string | number = segment;
      if (Array.isArray(current)) {
        const index = arrayIndex(segment);
        if (index === undefined) return;
        key = index;
      } else if (!isPlainObject(current)) return;
      const parent = current as Record<string | number, unknown>;
      const child = parent[key];
      if (!Array.isArray(child) && !isPlainObject(child)) return;
      if (!fresh.has(child)) {
        const copy = Array.isArray(child) ? [...child] : { ...child };
        parent[key] = copy;
        fresh.add(copy);
      }
      current = parent[key];
    }
  };
  const inverses: EditOp[][] = [];
  for (const op of ops) {
    copyAlong(op.path);
    if (op.op === "move") copyAlong(op.from);
    inverses.push(applyOpInPlace(root, op));
  }
  return { doc: root as T, inverses };
}

/** Schemas of the entries of the plan's maps, so that one entry can be checked without the rest. */
const mapEntries: Record<string, { key: z.ZodType; value: z.ZodType }> = {
  persons: { key: entityIdSchema, value: personSchema },
  contributions: { key: entityIdSchema, value: contributionSchema },
  outputs: { key: entityIdSchema, value: researchOutputSchema },
  answers: { key: templateItemIdSchema, value: answerValueSchema },
};

/**
 * Check the parts of a plan document under `paths` (which were edited) against the plan schema, and
 * store the parsed values (with defaults) back in place. The rest of the document is assumed valid:
 * it was a parsed plan before the edit. Equivalent to parsing the whole plan, at the cost of the edit.
 */
export function revalidateTouched(doc: Record<string, unknown>, paths: readonly string[][]): Problem[] {
  const shape = planSchema.shape as Record<string, z.ZodType>;
  const whole = new Set<string>();
  const entries = new Map<string, Set<string>>();
  for (const [top, second] of paths) {
    if (top === undefined) continue;
    if (second !== undefined && top in mapEntries) {
      const ids = entries.get(top) ?? new Set<string>();
      ids.add(second);
      entries.set(top, ids);
    } else whole.add(top);
  }
  const problems: Problem[] = [];
  const check = (schema: z.ZodType, value: unknown, prefix: string[], store: (v: unknown) => void) => {
    const result = schema.safeParse(value);
    if (result.success) {
      if (value !== undefined || result.data !== undefined) store(result.data);
      return;
    }
    const issues = result.error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
    problems.push(...problemsFromZod(issues, doc));
  };
  for (const key of whole) {
    const schema = shape[key];
    if (!schema) {
      if (Object.hasOwn(doc, key)) problems.push(problem([key], "unknown_field", { field: key }));
      continue;
    }
    check(schema, doc[key], [key], (v) => {
      doc[key] = v;
    });
  }
  for (const [key, ids] of entries) {
    if (whole.has(key)) continue;
    const map = doc[key] as Record<string, unknown>;
    const { key: keySchema, value: valueSchema } = mapEntries[key]!;
    for (const id of ids) {
      if (!Object.hasOwn(map, id)) continue; // removed
      check(keySchema, id, [key, id], () => {});
      check(valueSchema, map[id], [key, id], (v) => {
        map[id] = v;
      });
    }
  }
  return problems;
}
