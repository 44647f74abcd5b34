import { describe, expect, it } from "vitest";
import {
  applyOps,
  describeChanges,
  diffDocuments,
  type EditEvent,
  type EditOp,
  editOpSchema,
  planAtRevision,
  revertOps,
} from "../../src/domain/edit/index.js";
import type { Plan } from "../../src/domain/plan.js";
import { testTemplate } from "../factories/content.js";
import { samplePlan } from "../factories/plans.js";

/** A tiny in-memory log to drive applyOps like the service does. */
function log(start: Plan = samplePlan()) {
  const state = { head: start, events: [] as EditEvent[] };
  return {
    state,
    edit(author: string, baseRevision: number, ops: EditOp[]) {
      const result = applyOps(state.head, ops, {
        baseRevision,
        author,
        now: `2024-01-01T00:00:${String(state.events.length + 1).padStart(2, "0")}.000Z`,
        history: state.events,
      });
      if (result.ok) {
        state.head = result.plan;
        state.events.push(result.event);
      }
      return result;
    },
  };
}

describe("applyOps", () => {
  it("applies set, insert, remove and move, bumping the revision, with an inverse", () => {
    const l = log();
    const result = l.edit("ada", 0, [
      { op: "set", path: "/project/funding/0/grantId", value: "ANR-20-CE38-0001" },
      { op: "insert", path: "/project/funding/-", value: { funder: { name: "ERC" } } },
      { op: "move", from: "/project/funding/1", path: "/project/funding/0" },
      { op: "set", path: "/details/keywords", value: ["a", "b", "c"] },
      { op: "remove", path: "/details/keywords/1" },
      { op: "remove", path: "/persons/alan" },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.plan.revision).toBe(1);
    expect(result.plan.modifiedAt).toBe("2024-01-01T00:00:01.000Z");
    expect(result.plan.project!.funding.map((f) => [f.funder.name, f.grantId])).toEqual([
      ["ERC", undefined],
      ["ANR", "ANR-20-CE38-0001"],
    ]);
    expect(result.plan.project!.funding[0]!.funder.identifiers).toEqual([]); // defaults applied
    expect(result.plan.details.keywords).toEqual(["a", "c"]);
    expect(result.plan.persons.alan).toBeUndefined();
    expect(planAtRevision(result.plan, [result.event], 0)).toEqual(samplePlan());
  });

  it("lets two authors edit different paths from the same base", () => {
    const l = log();
    expect(l.edit("ada", 0, [{ op: "set", path: "/details/title", value: "A" }]).ok).toBe(true);
    expect(l.edit("alan", 0, [{ op: "set", path: "/outputs/o1/title", value: "B" }]).ok).toBe(true);
    expect(l.state.head.details.title).toBe("A");
    expect(l.state.head.outputs.o1!.title).toBe("B");
    expect(l.state.head.revision).toBe(2);
  });

  it("refuses an op whose path, ancestor or descendant changed since its base, with the current value", () => {
    const l = log();
    l.edit("ada", 0, [{ op: "set", path: "/outputs/o1/title", value: "Mine" }]);
    const same = l.edit("alan", 0, [
      { op: "set", path: "/outputs/o1/title", value: "Theirs" },
      { op: "set", path: "/details/title", value: "fine" },
    ]);
    expect(same).toMatchObject({
      ok: false,
      reason: "conflict",
      conflicts: [{ path: "/outputs/o1/title", current: "Mine", exists: true, revision: 1, author: "ada" }],
    });
    expect(l.state.head.details.title).toBe("Sample plan"); // all or nothing
    expect(l.edit("alan", 0, [{ op: "remove", path: "/outputs/o1" }]).ok).toBe(false); // ancestor
    l.edit("ada", 1, [{ op: "insert", path: "/project/funding/0", value: { funder: { name: "X" } } }]);
    // an insert shifts the list: an edit of an item made on an older base conflicts
    const shifted = l.edit("alan", 1, [{ op: "set", path: "/project/funding/0/grantId", value: "G" }]);
    expect(shifted.ok).toBe(false);
    expect(l.edit("alan", 2, [{ op: "set", path: "/project/funding/0/grantId", value: "G" }]).ok).toBe(true);
  });

  it("refuses ops that do not apply, touch managed fields or break the structure", () => {
    const l = log();
    const codes = (ops: EditOp[]) => {
      const r = l.edit("ada", 0, ops);
      return r.ok
        ? "ok"
        : r.reason === "invalid"
          ? r.problems.map((p) => `${p.path} ${p.code} ${p.params.reason}`)
          : r.reason;
    };
    expect(codes([{ op: "set", path: "/revision", value: 9 }])).toEqual(["/revision invalid_op read_only"]);
    expect(codes([{ op: "set", path: "/nothing/here", value: 1 }])).toEqual([
      "/nothing/here invalid_op missing_parent",
    ]);
    expect(codes([{ op: "remove", path: "/project/funding/5" }])).toEqual([
      "/project/funding/5 invalid_op bad_index",
    ]);
    expect(codes([{ op: "set", path: "details/title", value: "x" }])).toEqual([
      "details/title invalid_op bad_path",
    ]);
    expect(codes([{ op: "set", path: "/details/title", value: 42 }])).toEqual([
      "/details/title wrong_type undefined",
    ]);
    expect(codes([{ op: "set", path: "/outputs/o1/colour", value: "red" }])).toEqual([
      "/outputs/o1/colour unknown_field undefined",
    ]);
    expect(codes([{ op: "insert", path: "/persons/ada", value: { id: "ada" } }])).toEqual([
      "/persons/ada invalid_op exists",
    ]);
    expect(l.state.head.revision).toBe(0);
  });

  it("parses ops sent by clients", () => {
    expect(editOpSchema.parse({ op: "set", path: "/details/title", value: { a: [1, null] } })).toEqual({
      op: "set",
      path: "/details/title",
      value: { a: [1, null] },
    });
    expect(editOpSchema.safeParse({ op: "move", path: "/a" }).success).toBe(false);
    expect(editOpSchema.safeParse({ op: "drop", path: "/a" }).success).toBe(false);
  });
});

describe("history, diff and revert", () => {
  it("describes a change in user terms, in English and French", () => {
    const l = log();
    l.edit("ada", 0, [
      { op: "set", path: "/project/funding/0/grantId", value: "ANR-20-CE38-0001" },
      { op: "set", path: "/outputs/o1/answers/description.text", value: "<p>Hi</p>" },
      { op: "set", path: "/persons/ada/email", value: "ada@example.org" },
    ]);
    const before = planAtRevision(l.state.head, l.state.events, 0);
    const changes = diffDocuments(before, l.state.head);
    const options = { before, after: l.state.head, template: testTemplate() };
    expect(describeChanges(changes, { ...options, lang: "en" }).map((c) => c.text)).toEqual([
      "Project › Funding › 1 › Grant id: '' → 'ANR-20-CE38-0001'",
      "Persons › Ada Lovelace › E-mail: '' → 'ada@example.org'",
      "Research outputs › RO1 › Answers › Description: '' → '<p>Hi</p>'",
    ]);
    expect(describeChanges(changes, { ...options, lang: "fr" })[0]!.text).toBe(
      "Projet › Financement › 1 › Numéro de convention : «  » → « ANR-20-CE38-0001 »",
    );
  });

  it("reverts to a revision with a new event", () => {
    const l = log();
    l.edit("ada", 0, [{ op: "set", path: "/details/title", value: "One" }]);
    l.edit("ada", 1, [{ op: "remove", path: "/persons/alan" }]);
    l.edit("alan", 2, [{ op: "set", path: "/details/title", value: "Three" }]);
    const ops = revertOps(l.state.head, l.state.events, 1);
    const result = l.edit("ada", 3, ops);
    expect(result.ok && result.plan.revision).toBe(4);
    const { revision: _r, modifiedAt: _m, ...content } = l.state.head;
    const { revision: _r1, modifiedAt: _m1, ...target } = planAtRevision(l.state.head, l.state.events, 1);
    expect(content).toEqual(target);
    expect(l.state.head.persons.alan).toBeDefined();
  });
});
