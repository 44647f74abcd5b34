import { isPlainObject, type PathSegment, toPointer } from "../json-pointer.js";
import type { Plan } from "../plan.js";
import { replayOps } from "./apply-ops.js";
import type { EditEvent, EditOp } from "./ops.js";

/** Fields that change with every revision and are not part of a plan's content. */
const bookkeeping = new Set(["revision", "modifiedAt"]);

/**
 * The plan as it was at `revision`, from the current plan and the events after that revision
 * (their inverses are applied newest first). Throws when an event of the range is missing.
 */
export function planAtRevision(head: Plan, events: readonly EditEvent[], revision: number): Plan {
  if (revision < 0 || revision > head.revision) throw new RangeError(`No revision ${revision}`);
  const byRevision = new Map(events.map((e) => [e.revision, e]));
  let doc = head;
  for (let r = head.revision; r > revision; r--) {
    const event = byRevision.get(r);
    if (!event) throw new RangeError(`Event of revision ${r} is missing`);
    doc = replayOps(doc, event.inverse);
  }
  return { ...doc, revision };
}

/** One field-level difference between two documents. */
export interface Change {
  path: PathSegment[];
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field differences from `before` to `after` (objects by key, lists by position). */
export function diffDocuments(before: unknown, after: unknown, base: PathSegment[] = []): Change[] {
  if (sameJson(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !Object.hasOwn(before, k))];
    return keys.flatMap((key) => {
      if (base.length === 0 && bookkeeping.has(key)) return [];
      const inBefore = Object.hasOwn(before, key);
      const inAfter = Object.hasOwn(after, key);
      if (!inAfter) return [{ path: [...base, key], kind: "removed" as const, before: before[key] }];
      if (!inBefore) return [{ path: [...base, key], kind: "added" as const, after: after[key] }];
      return diffDocuments(before[key], after[key], [...base, key]);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: Change[] = [];
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      if (i >= after.length) changes.push({ path: [...base, i], kind: "removed", before: before[i] });
      else if (i >= before.length) changes.push({ path: [...base, i], kind: "added", after: after[i] });
      else changes.push(...diffDocuments(before[i], after[i], [...base, i]));
    }
    return changes;
  }
  return [{ path: base, kind: "changed", before, after }];
}

/** Ops that turn `from` into `to` (content only: revision and modification time are left alone). */
export function opsBetween(from: unknown, to: unknown, base: string[] = []): EditOp[] {
  if (sameJson(from, to)) return [];
  if (isPlainObject(from) && isPlainObject(to)) {
    const ops: EditOp[] = [];
    for (const key of Object.keys(from)) {
      if (base.length === 0 && (bookkeeping.has(key) || ["id", "createdAt", "carnetFormat"].includes(key)))
        continue;
      if (!Object.hasOwn(to, key)) ops.push({ op: "remove", path: toPointer([...base, key]) });
      else ops.push(...opsBetween(from[key], to[key], [...base, key]));
    }
    for (const key of Object.keys(to)) {
      if (!Object.hasOwn(from, key)) ops.push({ op: "set", path: toPointer([...base, key]), value: to[key] });
    }
    return ops;
  }
  return [{ op: "set", path: toPointer(base), value: to }];
}

/** The ops of an event that brings the current plan back to the content of `revision`. */
export function revertOps(head: Plan, events: readonly EditEvent[], revision: number): EditOp[] {
  return opsBetween(head, planAtRevision(head, events, revision));
}
