import { replayOps } from "../../../domain/edit/apply-ops.js";
import type { EditOp } from "../../../domain/edit/ops.js";
import {
  isPlainObject,
  type PathSegment,
  parsePointer,
  sameJson,
  toPointer,
  valueAt,
} from "../../../domain/json-pointer.js";
import type { Plan } from "../../../domain/plan.js";

/**
 * The op that sets `value` at `segments`, creating missing parents: when `/project` does not exist,
 * setting `/project/acronym` becomes one `set` of `/project` with the acronym inside.
 */
export function setOp(plan: Plan, segments: readonly PathSegment[], value: unknown): EditOp {
  let current: unknown = plan;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const next = isPlainObject(current)
      ? current[String(segment)]
      : Array.isArray(current)
        ? current[Number(segment)]
        : undefined;
    if (next === undefined || next === null) {
      // Build the rest as nested objects and set it at the first missing level.
      let built: unknown = value;
      for (let j = segments.length - 1; j > i; j--) built = { [String(segments[j])]: built };
      return { op: "set", path: toPointer(segments.slice(0, i + 1)), value: built };
    }
    current = next;
  }
  return { op: "set", path: toPointer(segments), value };
}

/** The op that removes an optional field, or nothing when it is already absent. */
export function unsetOps(plan: Plan, segments: readonly PathSegment[]): EditOp[] {
  let current: unknown = plan;
  for (const segment of segments) {
    if (!isPlainObject(current) && !Array.isArray(current)) return [];
    current = (current as Record<string, unknown>)[String(segment)];
    if (current === undefined) return [];
  }
  return [{ op: "remove", path: toPointer(segments) }];
}

/**
 * Apply ops to a plan one by one, skipping those that no longer apply (their target was removed by
 * someone else): used to show pending local edits on top of a fresher server plan.
 */
export function replayLenient(plan: Plan, ops: readonly EditOp[]): Plan {
  let result = plan;
  for (const op of ops) {
    try {
      result = replayOps(result, [op]);
    } catch {
      // The server will report it (conflict or invalid) when the op is sent.
    }
  }
  return result;
}

/**
 * The ops that would still change `plan`, applied one after the other: a `set` to the value already
 * there or a `remove` of what is already absent is left out. Used on the edits a closed page left
 * unacknowledged, which the server may have accepted before the page went away.
 */
export function opsStillNeeded(plan: Plan, ops: readonly EditOp[]): EditOp[] {
  const needed: EditOp[] = [];
  let result = plan;
  for (const op of ops) {
    const segments = op.op === "move" ? undefined : parsePointer(op.path);
    if (segments && op.op === "set" && sameJson(valueAt(result, segments), op.value)) continue;
    if (segments && op.op === "remove" && valueAt(result, segments) === undefined) continue;
    needed.push(op);
    try {
      result = replayOps(result, [op]);
    } catch {
      // The server will report it (conflict or invalid) when the op is sent.
    }
  }
  return needed;
}

/** A short id for new persons, outputs, contributions (letters and digits, as entity ids allow). */
export function newId(prefix: string): string {
  const random =
    globalThis.crypto?.randomUUID?.().replaceAll("-", "").slice(0, 12) ??
    Math.random().toString(36).slice(2, 14);
  return `${prefix}${random}`;
}

/** The DOM id of the element that shows the field at `path` (for jumps and presence). */
export function fieldDomId(path: string): string {
  return `field${path.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/** The op that appends `item` to the list at `segments`, creating the list when missing. */
export function appendOp(plan: Plan, segments: readonly PathSegment[], item: unknown): EditOp {
  let current: unknown = plan;
  for (const segment of segments) {
    current =
      isPlainObject(current) || Array.isArray(current)
        ? (current as Record<string, unknown>)[String(segment)]
        : undefined;
  }
  if (Array.isArray(current)) return { op: "insert", path: `${toPointer(segments)}/-`, value: item };
  return setOp(plan, segments, [item]);
}
