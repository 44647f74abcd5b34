import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyOps,
  type EditEvent,
  type EditOp,
  planAtRevision,
  revertOps,
  touchedPaths,
} from "../../src/domain/edit/index.js";
import { applyOpInPlace } from "../../src/domain/edit/ops.js";
import { parsePointer, pathsOverlap, valueAt } from "../../src/domain/json-pointer.js";
import { type Plan, planSchema } from "../../src/domain/plan.js";
import { referencePlan, samplePlan } from "../factories/plans.js";

const text = fc.string({ unit: "binary", maxLength: 12 });

/** Ops on a pool of paths that overlap in every way: same leaf, ancestor/descendant, list shifts. */
const opArbitrary: fc.Arbitrary<EditOp> = fc.oneof(
  fc.record({
    op: fc.constant("set" as const),
    path: fc.constantFrom(
      "/details/title",
      "/details/deliverableNumber",
      "/project/acronym",
      "/project/title",
      "/outputs/o1/title",
      "/outputs/o1/answers/description.text",
      "/persons/ada/email",
      "/persons/alan/firstName",
      "/answers/general.summary",
      "/project/funding/0/grantId",
    ),
    value: text,
  }),
  fc
    .record({
      op: fc.constant("set" as const),
      path: fc.constantFrom("/persons/alan", "/outputs/o2"),
      value: fc.constant(null).chain(() => fc.record({ firstName: text }).map((p) => ({ ...p, id: "alan" }))),
    })
    .map((op) =>
      op.path === "/outputs/o2"
        ? { ...op, value: { id: "o2", position: 2, title: "Two", shortName: "RO2", type: "dataset" } }
        : op,
    ),
  fc.record({
    op: fc.constant("remove" as const),
    path: fc.constantFrom("/persons/alan", "/outputs/o2", "/project/funding/0"),
  }),
  fc.record({
    op: fc.constant("insert" as const),
    path: fc.constantFrom("/project/funding/0", "/project/funding/-"),
    value: text.map((name) => ({ funder: { name } })),
  }),
  fc.record({
    op: fc.constant("move" as const),
    from: fc.constant("/project/funding/0"),
    path: fc.constant("/project/funding/-"),
  }),
);

const stepArbitrary = fc.record({
  author: fc.constantFrom("ada", "alan"),
  ops: fc.array(opArbitrary, { minLength: 1, maxLength: 3 }),
  refresh: fc.boolean(),
});

interface Accepted {
  event: EditEvent;
  base: number;
}

function simulate(steps: { author: string; ops: EditOp[]; refresh: boolean }[]) {
  let head = samplePlan();
  const events: EditEvent[] = [];
  const snapshots: Plan[] = [head];
  const accepted: Accepted[] = [];
  const seen: Record<string, number> = { ada: 0, alan: 0 };
  for (const [index, step] of steps.entries()) {
    if (step.refresh) seen[step.author] = head.revision;
    const base = seen[step.author]!;
    const result = applyOps(head, step.ops, {
      baseRevision: base,
      author: step.author,
      now: new Date(Date.UTC(2024, 0, 1, 0, 0, index)).toISOString(),
      history: events,
    });
    if (result.ok) {
      head = result.plan;
      events.push(result.event);
      snapshots.push(head);
      accepted.push({ event: result.event, base });
      seen[step.author] = head.revision;
    } else if (result.reason === "conflict") {
      seen[step.author] = head.revision; // the author reloads and sees the others' work
    }
  }
  return { head, events, snapshots, accepted };
}

/** Ops that may break the structure: wrong types, unknown fields, removing required parts. */
const riskyOp: fc.Arbitrary<EditOp> = fc.oneof(
  opArbitrary,
  fc.record({
    op: fc.constant("set" as const),
    path: fc.constantFrom(
      "/details/title",
      "/outputs/o1/position",
      "/persons/ada/colour",
      "/project/startDate",
      "/answers/Bad Id",
      "/outputs/o1/answers/description.text",
      "/colour",
      "/project/funding/0/funder",
    ),
    value: fc.oneof(fc.integer(), text, fc.constant(null), fc.constant({}), fc.constant("2024-01-31")),
  }),
  fc.record({
    op: fc.constant("remove" as const),
    path: fc.constantFrom("/details", "/project", "/outputs/o1/type", "/language"),
  }),
);

describe("edit engine properties", () => {
  it("checks only what the ops touched, with the same verdict and result as parsing the whole plan", () => {
    fc.assert(
      fc.property(fc.array(riskyOp, { minLength: 1, maxLength: 3 }), (ops) => {
        const base = samplePlan();
        const result = applyOps(base, ops, {
          baseRevision: 0,
          author: "ada",
          now: "2024-02-01T00:00:00.000Z",
          history: [],
        });
        const naive: unknown = structuredClone(base);
        let applies = true;
        try {
          for (const op of ops) applyOpInPlace(naive, op);
        } catch {
          applies = false;
        }
        const full = applies
          ? planSchema.safeParse({ ...(naive as Plan), revision: 1, modifiedAt: "2024-02-01T00:00:00.000Z" })
          : undefined;
        expect(base).toEqual(samplePlan()); // the plan edited is never mutated
        expect(result.ok).toBe(full?.success ?? false);
        if (result.ok && full?.success) expect(result.plan).toEqual(full.data);
      }),
      { numRuns: 500 },
    );
  });

  it("two authors on the same base never lose an accepted edit", () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }), (steps) => {
        const { head, accepted } = simulate(steps);
        for (const [i, a] of accepted.entries()) {
          const mine = a.event.ops.flatMap(touchedPaths);
          const later = accepted.slice(i + 1);
          // nobody overwrote this edit without having seen it
          for (const b of later) {
            const overlap = b.event.ops
              .flatMap(touchedPaths)
              .some((t) => mine.some((m) => pathsOverlap(m, t)));
            if (overlap) expect(b.base).toBeGreaterThanOrEqual(a.event.revision);
          }
          // an edit that nothing touched afterwards is still there
          for (const op of a.event.ops) {
            if (op.op !== "set") continue;
            const touchedLater = later.some((b) =>
              b.event.ops.flatMap(touchedPaths).some((t) => pathsOverlap(t, parsePointer(op.path)!)),
            );
            const sameBatchLater = a.event.ops
              .slice(a.event.ops.indexOf(op) + 1)
              .some((o) => touchedPaths(o).some((t) => pathsOverlap(t, parsePointer(op.path)!)));
            if (touchedLater || sameBatchLater) continue;
            const now = valueAt(head, parsePointer(op.path)!);
            // objects get the schema's defaults on top of what was set
            if (typeof op.value === "object" && op.value !== null) expect(now).toMatchObject(op.value);
            else expect(now).toEqual(op.value);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("revert(n) reproduces revision n exactly, and the log rebuilds every revision", () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 20 }), fc.nat(), (steps, pick) => {
        const { head, events, snapshots } = simulate(steps);
        const n = pick % snapshots.length;
        expect(planAtRevision(head, events, n)).toEqual(snapshots[n]);
        const result = applyOps(head, revertOps(head, events, n), {
          baseRevision: head.revision,
          author: "ada",
          now: "2025-01-01T00:00:00.000Z",
          history: events,
        });
        if (!result.ok) throw new Error(JSON.stringify(result));
        const { revision: _a, modifiedAt: _b, ...reverted } = result.plan;
        const { revision: _c, modifiedAt: _d, ...target } = snapshots[n]!;
        expect(reverted).toEqual(target);
        expect(result.plan.revision).toBe(head.revision + 1);
      }),
      { numRuns: 200 },
    );
  });

  it("native round trip (serialise → parse) is identity", () => {
    expect(planSchema.parse(JSON.parse(JSON.stringify(referencePlan())))).toEqual(referencePlan());
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 15 }), (steps) => {
        const { head } = simulate(steps);
        const text = JSON.stringify(head);
        const again = planSchema.parse(JSON.parse(text));
        expect(again).toEqual(head);
        expect(JSON.stringify(again)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
