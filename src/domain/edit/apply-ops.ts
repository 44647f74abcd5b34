import { parsePointer, pathsOverlap, valueAt } from "../json-pointer.js";
import type { Plan } from "../plan.js";
import { type Problem, problem } from "../problems.js";
import { applyCopyOnWrite, revalidateTouched } from "./copy-on-write.js";
import { copyJson, type EditEvent, type EditOp, OpError, touchedPaths } from "./ops.js";

/** Fields Carnet manages itself; ops may not touch them. */
const readOnlyFields = new Set(["carnetFormat", "id", "revision", "createdAt", "modifiedAt"]);

export interface ApplyOptions {
  /** Revision the author's ops were made on. */
  baseRevision: number;
  author: string;
  /** Time of the edit (ISO 8601); now by default. */
  now?: string;
  /** Events after `baseRevision` up to the plan's revision (older ones are ignored). */
  history: readonly EditEvent[];
}

/** A path an author tried to change that someone else changed since their base revision. */
export interface Conflict {
  path: string;
  /** Value at `path` now (absent when `exists` is false). */
  current?: unknown;
  exists: boolean;
  /** The later event that changed it. */
  revision: number;
  author: string;
}

export type ApplyResult =
  | { ok: true; plan: Plan; event: EditEvent }
  | { ok: false; reason: "conflict"; conflicts: Conflict[] }
  | { ok: false; reason: "invalid"; problems: Problem[] };

function opPointers(op: EditOp): string[] {
  return op.op === "move" ? [op.from, op.path] : [op.path];
}

function invalid(path: string, reason: string, params: Record<string, string>): ApplyResult {
  return { ok: false, reason: "invalid", problems: [problem(path, "invalid_op", { reason, ...params })] };
}

/** The conflicts of `ops` with the events made after `baseRevision`. */
export function findConflicts(plan: Plan, ops: readonly EditOp[], options: ApplyOptions): Conflict[] {
  const later = options.history.filter((e) => e.revision > options.baseRevision);
  const conflicts: Conflict[] = [];
  for (const op of ops) {
    const mine = touchedPaths(op);
    for (const pointer of opPointers(op)) {
      const event = later.find((e) =>
        e.ops.some((theirs) => touchedPaths(theirs).some((t) => mine.some((m) => pathsOverlap(m, t)))),
      );
      if (!event || conflicts.some((c) => c.path === pointer)) continue;
      const segments = parsePointer(pointer) ?? [];
      const current = valueAt(plan, segments);
      conflicts.push({
        path: pointer,
        ...(current === undefined ? {} : { current }),
        exists: current !== undefined,
        revision: event.revision,
        author: event.author,
      });
    }
  }
  return conflicts;
}

/**
 * Apply a batch of ops made on `baseRevision` to the current `plan` (all or nothing). Refused with the
 * conflicting paths when an op's path, an ancestor or a descendant changed after the base revision;
 * refused with problems when an op does not apply or the result is not a structurally valid plan.
 */
export function applyOps(plan: Plan, ops: readonly EditOp[], options: ApplyOptions): ApplyResult {
  if (options.baseRevision > plan.revision || options.baseRevision < 0) {
    return invalid("/revision", "bad_revision", { revision: String(options.baseRevision) });
  }
  for (const op of ops) {
    for (const pointer of opPointers(op)) {
      const segments = parsePointer(pointer);
      if (!segments || segments.length === 0) return invalid(pointer, "bad_path", { path: pointer });
      if (readOnlyFields.has(segments[0]!)) return invalid(pointer, "read_only", { path: pointer });
    }
  }
  const conflicts = findConflicts(plan, ops, options);
  if (conflicts.length > 0) return { ok: false, reason: "conflict", conflicts };

  let doc: Record<string, unknown>;
  let inverses: EditOp[][];
  try {
    ({ doc, inverses } = applyCopyOnWrite(plan as unknown as Record<string, unknown>, ops));
  } catch (error) {
    if (error instanceof OpError) {
      const failed = ops.find((op) => op.path === error.params.path || op.path === error.params.from);
      return invalid(failed?.path ?? error.params.path ?? "", error.reason, error.params);
    }
    throw error;
  }
  // Only what the ops touched needs checking: the plan was valid before.
  const problems = revalidateTouched(
    doc,
    ops.flatMap((op) => opPointers(op).map((p) => parsePointer(p) ?? [])),
  );
  if (problems.length > 0) return { ok: false, reason: "invalid", problems };
  const at = options.now ?? new Date().toISOString();
  const next = { ...doc, revision: plan.revision + 1, modifiedAt: at } as unknown as Plan;
  // Undo in reverse order, and give back the previous modification time too.
  const inverse = [
    ...inverses.reverse().flat(),
    { op: "set", path: "/modifiedAt", value: plan.modifiedAt } as const,
  ];
  const event: EditEvent = {
    revision: plan.revision + 1,
    author: options.author,
    at,
    ops: copyJson(ops) as EditOp[],
    inverse,
  };
  return { ok: true, plan: next, event };
}

/** Apply ops without any check (inverses of recorded events); throws on an op that does not apply. */
export function replayOps<T>(doc: T, ops: readonly EditOp[]): T {
  return applyCopyOnWrite(doc, ops).doc;
}
