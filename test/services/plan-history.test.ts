import { describe, expect, it } from "vitest";
import { applyOps, diffDocuments, type EditOp } from "../../src/domain/edit/index.js";
import { changesOfEvent } from "../../src/services/plan-history.js";
import { samplePlan } from "../factories/plans.js";

const batches: Record<string, EditOp[]> = {
  "a field": [{ op: "set", path: "/details/title", value: "New" }],
  "a new object": [{ op: "set", path: "/persons/p9", value: { id: "p9", firstName: "Zoé" } }],
  "an insert shifting a list": [
    { op: "insert", path: "/project/funding/0", value: { funder: { name: "ERC" }, grantId: "1" } },
  ],
  "a removal": [{ op: "remove", path: "/project/funding/0" }],
  "a move and a nested set": [
    { op: "insert", path: "/project/funding/-", value: { funder: { name: "ERC" }, grantId: "2" } },
    { op: "move", from: "/project/funding/1", path: "/project/funding/0" },
    { op: "set", path: "/project/funding/0/grantId", value: "3" },
  ],
  "overlapping paths": [
    { op: "set", path: "/project/acronym", value: "A" },
    { op: "set", path: "/project", value: { title: "Whole project" } },
  ],
};

describe("changes of one history event", () => {
  for (const [name, ops] of Object.entries(batches)) {
    it(`equal the whole-plan diff for ${name}`, () => {
      const before = samplePlan();
      const result = applyOps(before, ops, { baseRevision: 0, author: "a", history: [] });
      if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
      const key = (c: { path: unknown[]; kind: string }) => `${c.kind} ${c.path.join("/")}`;
      const mine = changesOfEvent(before, result.plan, ops).map(key).sort();
      expect(mine.length).toBeGreaterThan(0);
      expect(mine).toEqual(diffDocuments(before, result.plan).map(key).sort());
    });
  }
});
