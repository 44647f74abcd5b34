import { z } from "zod";
import { arrayIndex, isPlainObject, parsePointer } from "../json-pointer.js";

/** One edit on a JSON-pointer path of a plan document. */
export type EditOp =
  | { op: "set"; path: string; value: unknown }
  | { op: "insert"; path: string; value: unknown }
  | { op: "remove"; path: string }
  | { op: "move"; from: string; path: string };

/** Schema of an op as sent by clients (API, CLI). */
export const editOpSchema: z.ZodType<EditOp> = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("set"), path: z.string(), value: z.json() }),
  z.strictObject({ op: z.literal("insert"), path: z.string(), value: z.json() }),
  z.strictObject({ op: z.literal("remove"), path: z.string() }),
  z.strictObject({ op: z.literal("move"), from: z.string(), path: z.string() }),
]) as z.ZodType<EditOp>;

/** An accepted batch of ops: the revision it produced, who and when, and the ops that undo it. */
export interface EditEvent {
  revision: number;
  author: string;
  at: string;
  ops: EditOp[];
  /** Applied in order to revision `revision`, gives back revision `revision - 1`. */
  inverse: EditOp[];
}

/** Why an op could not be applied (message key `model.op.reason.<reason>`). */
export class OpError extends Error {
  constructor(
    readonly reason:
      | "bad_path"
      | "missing_parent"
      | "missing_target"
      | "bad_index"
      | "into_itself"
      | "exists",
    readonly params: Record<string, string>,
  ) {
    super(`${reason}: ${JSON.stringify(params)}`);
  }
}

type Container = Record<string, unknown> | unknown[];

/**
 * A deep copy of a JSON value (what op values and plan documents are): plain objects and arrays are
 * copied, anything else is shared (primitives) or cloned (structuredClone). Several times faster than
 * structuredClone on the small values of edits, which it copies on every edit.
 */
export function copyJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = copyJson((value as Record<string, unknown>)[key]);
    // An own "__proto__" member (JSON.parse makes one) stays a member, as structuredClone keeps it.
    if (key === "__proto__")
      Object.defineProperty(copy, key, {
        value: member,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = member;
  }
  return copy as T;
}

function segmentsOf(pointer: string): string[] {
  const segments = parsePointer(pointer);
  if (!segments || segments.length === 0) throw new OpError("bad_path", { path: pointer });
  return segments;
}

function parentOf(doc: unknown, segments: string[], pointer: string): { parent: Container; key: string } {
  let current: unknown = doc;
  for (const segment of segments.slice(0, -1)) {
    if (Array.isArray(current)) {
      const index = arrayIndex(segment);
      current = index === undefined ? undefined : current[index];
    } else if (isPlainObject(current)) {
      current = Object.hasOwn(current, segment) ? current[segment] : undefined;
    } else {
      current = undefined;
    }
  }
  if (!Array.isArray(current) && !isPlainObject(current))
    throw new OpError("missing_parent", { path: pointer });
  return { parent: current, key: segments.at(-1)! };
}

function existingIndex(list: unknown[], key: string, pointer: string): number {
  const index = arrayIndex(key);
  if (index === undefined || index >= list.length) throw new OpError("bad_index", { path: pointer });
  return index;
}

function insertIndex(list: unknown[], key: string, pointer: string): number {
  if (key === "-") return list.length;
  const index = arrayIndex(key);
  if (index === undefined || index > list.length) throw new OpError("bad_index", { path: pointer });
  return index;
}

function withIndex(segments: string[], index: number): string {
  return `/${[...segments.slice(0, -1), String(index)].map((s) => s.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
}

/** Take the value out of `pointer` (which must exist); returns it with the concrete pointer it was at. */
function take(doc: unknown, pointer: string): { value: unknown; at: string; arrayItem: boolean } {
  const segments = segmentsOf(pointer);
  const { parent, key } = parentOf(doc, segments, pointer);
  if (Array.isArray(parent)) {
    const index = existingIndex(parent, key, pointer);
    const [value] = parent.splice(index, 1);
    return { value, at: withIndex(segments, index), arrayItem: true };
  }
  if (!Object.hasOwn(parent, key)) throw new OpError("missing_target", { path: pointer });
  const value = parent[key];
  delete parent[key];
  return { value, at: pointer, arrayItem: false };
}

/** Put `value` at `pointer`: a new array item or a new key (the key must not exist); returns the concrete pointer. */
function put(doc: unknown, pointer: string, value: unknown): string {
  const segments = segmentsOf(pointer);
  const { parent, key } = parentOf(doc, segments, pointer);
  if (Array.isArray(parent)) {
    const index = insertIndex(parent, key, pointer);
    parent.splice(index, 0, value);
    return withIndex(segments, index);
  }
  if (Object.hasOwn(parent, key)) throw new OpError("exists", { path: pointer });
  parent[key] = value;
  return pointer;
}

/**
 * Apply one op to `doc` IN PLACE and return the ops that undo it (to be applied in order).
 * The caller works on its own copy of the document; values are copied so events never alias it.
 */
export function applyOpInPlace(doc: unknown, op: EditOp): EditOp[] {
  switch (op.op) {
    case "set": {
      const segments = segmentsOf(op.path);
      const { parent, key } = parentOf(doc, segments, op.path);
      const value = copyJson(op.value);
      if (Array.isArray(parent)) {
        const index = existingIndex(parent, key, op.path);
        const before = parent[index];
        parent[index] = value;
        return [{ op: "set", path: op.path, value: before }];
      }
      const existed = Object.hasOwn(parent, key);
      const before = parent[key];
      parent[key] = value;
      return existed ? [{ op: "set", path: op.path, value: before }] : [{ op: "remove", path: op.path }];
    }
    case "insert": {
      const at = put(doc, op.path, copyJson(op.value));
      return [{ op: "remove", path: at }];
    }
    case "remove": {
      const taken = take(doc, op.path);
      return [{ op: taken.arrayItem ? "insert" : "set", path: taken.at, value: taken.value }];
    }
    case "move": {
      const from = segmentsOf(op.from);
      const to = segmentsOf(op.path);
      if (to.length > from.length && from.every((s, i) => to[i] === s)) {
        throw new OpError("into_itself", { from: op.from });
      }
      const taken = take(doc, op.from);
      const at = put(doc, op.path, taken.value);
      return [{ op: "move", from: at, path: taken.at }];
    }
  }
}

/**
 * The paths an op may have changed, for conflict detection. Inserting, removing or moving an
 * array item shifts its siblings, so it counts as a change of the whole list.
 */
export function touchedPaths(op: EditOp): string[][] {
  const touched = (pointer: string, shifts: boolean): string[] => {
    const segments = parsePointer(pointer) ?? [];
    const last = segments.at(-1);
    const looksLikeIndex = last !== undefined && (last === "-" || arrayIndex(last) !== undefined);
    return shifts && looksLikeIndex ? segments.slice(0, -1) : segments;
  };
  switch (op.op) {
    case "set":
      return [touched(op.path, false)];
    case "insert":
    case "remove":
      return [touched(op.path, true)];
    case "move":
      return [touched(op.from, true), touched(op.path, true)];
  }
}
