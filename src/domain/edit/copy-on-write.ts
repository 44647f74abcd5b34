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

/**
 * Freeze `value` and everything under it, so that it can be shared as an immutable document (edits
 * make copies with applyCopyOnWrite). A frozen object is taken as frozen all the way down, so that
 * freezing the result of an edit only visits what the edit copied.
 */
export function freezeDeep<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) freezeDeep(child);
  return Object.freeze(value);
}

// JSON text of frozen containers near the root of documents (see documentJson), by identity.
const jsonOfFrozen = new WeakMap<object, string>();
/** How deep documentJson keeps the text of frozen containers: the root's members and theirs. */
const jsonCacheDepth = 2;

function memberJson(value: unknown, depth: number): string | undefined {
  if (typeof value !== "object" || value === null || depth > jsonCacheDepth) return JSON.stringify(value);
  if ("toJSON" in value) return JSON.stringify(value);
  const known = depth > 0 ? jsonOfFrozen.get(value) : undefined;
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) {
    text = `[${value.map((item) => memberJson(item, depth + 1) ?? "null").join(",")}]`;
  } else {
    const members: string[] = [];
    for (const key of Object.keys(value)) {
      const member = memberJson((value as Record<string, unknown>)[key], depth + 1);
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
    }
    text = `{${members.join(",")}}`;
  }
  // Not the root's: a document is written out once per revision.
  if (depth > 0 && Object.isFrozen(value)) jsonOfFrozen.set(value, text);
  return text;
}

/**
 * `JSON.stringify(document)`, the same text, made faster for documents edited with structural
 * sharing: the text of each frozen container near the root (freezeDeep) is kept with it, so that the
 * document an edit produced is written out again only along the paths the edit copied.
 */
export function documentJson(document: object): string {
  return memberJson(document, 0) as string;
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
