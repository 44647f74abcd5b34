import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentJson, freezeDeep } from "../../src/domain/edit/copy-on-write.js";
import { applyOps, copyJson, type EditOp } from "../../src/domain/edit/index.js";
import type { Plan } from "../../src/domain/plan.js";
import { checkPlanRules, checkPlanRulesSince, type PlanRulesCheck } from "../../src/domain/validate-plan.js";
import { testTemplate, testVocabularies } from "../factories/content.js";
import { referencePlan, samplePlan } from "../factories/plans.js";

const vocabularies = testVocabularies();
const template = testTemplate();
// The same template without one question (as if the content were reloaded with a change).
const otherTemplate = testTemplate({
  sections: template.sections.map((section) => ({
    ...section,
    questions: section.questions.filter((question) => question.id !== "general.ethics"),
  })),
});
const context = { vocabularies, templates: new Map([[template.id, template]]) };

const text = fc.string({ maxLength: 8 });
const set = (paths: string[], values: fc.Arbitrary<unknown>): fc.Arbitrary<EditOp> =>
  fc.record({ op: fc.constant("set" as const), path: fc.constantFrom(...paths), value: values });
const remove = (paths: string[]): fc.Arbitrary<EditOp> =>
  fc.record({ op: fc.constant("remove" as const), path: fc.constantFrom(...paths) });

/**
 * Ops that make and unmake the problems of every rule (codes, references between persons,
 * contributions and outputs, duplicate short names, dates, answers of each kind and scope), on the
 * sample plan (persons ada and alan, output o1, contribution c1).
 */
const ruleOp: fc.Arbitrary<EditOp> = fc.oneof(
  set(["/details/licence"], fc.constantFrom("CC-BY-4.0", "bogus")),
  set(["/details/versionLabel"], fc.constantFrom("initial", "bogus")),
  set(["/details/contactPersonId"], fc.constantFrom("ada", "alan", "ghost")),
  set(["/details/title"], text),
  set(["/language"], fc.constantFrom("eng", "fra", "xyz")),
  set(["/template/version"], fc.constantFrom(1, 2)),
  set(
    ["/persons/alan"],
    fc.constantFrom({ id: "alan", firstName: "Alan" }, { id: "turing", firstName: "A" }),
  ),
  set(["/persons/ada/email"], fc.constantFrom("ada@example.org", "not an address")),
  set(
    ["/persons/ada/identifiers"],
    fc.constantFrom([], [{ type: "orcid", value: "0000-0002-1825-0097" }], [{ type: "orcid", value: "x" }]),
  ),
  remove(["/persons/alan", "/contributions/c2", "/outputs/o2", "/details/contactPersonId"]),
  set(
    ["/contributions/c2"],
    fc.record({
      id: fc.constantFrom("c2", "c3"),
      personId: fc.constantFrom("ada", "alan", "ghost"),
      role: fc.constantFrom("dmp-manager", "bogus"),
      scope: fc.constantFrom("plan", "output"),
    }),
  ),
  set(["/contributions/c1/outputId"], fc.constantFrom("o1", "o2", "o9")),
  set(["/contributions/c1/scope"], fc.constantFrom("plan", "output")),
  set(
    ["/outputs/o2"],
    fc.record({
      id: fc.constantFrom("o2", "o3"),
      position: fc.constant(2),
      title: text,
      shortName: fc.constantFrom("RO1", "ro1 ", "RO2"),
      type: fc.constantFrom("dataset", "bogus"),
    }),
  ),
  set(["/outputs/o1/shortName"], fc.constantFrom("RO1", "RO2")),
  set(["/outputs/o1/description"], fc.constantFrom("<p>fine</p>", "<script>x</script>")),
  set(["/project/startDate", "/project/endDate"], fc.constantFrom("2024-05-01", "2024-01-01", "2024-02-30")),
  set(["/project/summary"], fc.constantFrom("<p>fine</p>", '<p onclick="x">no</p>')),
  set(["/project/funding/0/status"], fc.constantFrom("granted", "bogus")),
  set(["/answers/general.summary"], fc.constantFrom("<p>ok</p>", "<iframe>", 3)),
  set(["/answers/general.ethics"], fc.constantFrom("yes", "maybe")),
  set(["/answers/description.text", "/answers/unknown.question"], text),
  set(
    ["/answers/general.costs"],
    fc.constantFrom(
      [{ id: "a", currency: "EUR" }],
      [
        { id: "a", amount: { value: 3, unit: "bogus" } },
        { id: "a", colour: "red" },
      ],
    ),
  ),
  set(
    ["/outputs/o1/answers/description.contact", "/outputs/o2/answers/description.contact"],
    fc.constantFrom({ personId: "alan" }, { personId: "ghost" }, "alan"),
  ),
  set(
    ["/outputs/o1/answers/description.collectors"],
    fc.constantFrom([{ personId: "ada" }, { personId: "alan" }], []),
  ),
  set(["/outputs/o1/answers/description.email"], fc.constantFrom("a@b.org", "nope")),
  set(["/outputs/o1/answers/description.access"], fc.constantFrom(["open"], ["open", "bogus"])),
  set(["/outputs/o1/answers/general.summary"], text),
  remove(["/answers/general.summary", "/outputs/o1/answers/description.contact", "/answers/general.costs"]),
  // Answers that refer to a person, and that person coming and going, more often than the rest.
  remove(["/persons/alan"]),
  set(["/persons/alan"], fc.constant({ id: "alan", firstName: "Alan" })),
  set(
    ["/outputs/o1/answers/description.contact", "/answers/general.ethics"],
    fc.constantFrom({ personId: "alan" }, "no"),
  ),
);

const step = fc.record({
  ops: fc.array(ruleOp, { minLength: 1, maxLength: 3 }),
  // Which earlier check to start from: the last one (what the plan service does), or an older one.
  from: fc.nat(),
  fromLast: fc.boolean(),
  // A plan read again from its JSON (nothing shared with the revision checked before).
  reparse: fc.boolean(),
  // The template object replaced (content reloaded): nothing found before may be reused.
  newTemplate: fc.boolean(),
});

describe("checking the rules again after an edit", () => {
  it("finds exactly what checking the whole plan finds, in the same order, whatever was checked before", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        let head: Plan = freezeDeep(samplePlan());
        const checks: PlanRulesCheck[] = [checkPlanRulesSince(undefined, head, context)];
        expect(checks[0]!.problems).toEqual(checkPlanRules(head, context));
        for (const s of steps) {
          const result = applyOps(head, s.ops, { baseRevision: head.revision, author: "ada", history: [] });
          if (!result.ok) continue;
          head = freezeDeep(s.reparse ? (JSON.parse(JSON.stringify(result.plan)) as Plan) : result.plan);
          const ctx = s.newTemplate
            ? { vocabularies, templates: new Map([[template.id, otherTemplate]]) }
            : context;
          const previous = s.fromLast ? checks.at(-1) : checks[s.from % checks.length];
          const check = checkPlanRulesSince(previous, head, ctx);
          expect(check.problems).toEqual(checkPlanRules(head, ctx));
          checks.push(check);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("finds problems in each kind of part, so that the comparison above means something", () => {
    const plan = samplePlan({
      details: { title: "t", licence: "bogus", contactPersonId: "ghost" },
      outputs: {
        o1: { id: "o1", position: 1, title: "", shortName: "RO1", type: "bogus", answers: { "x.y": "z" } },
        o2: { id: "o2", position: 2, title: "", shortName: "ro1", type: "dataset" },
      },
      answers: { "general.summary": "<script>" },
    });
    const paths = checkPlanRules(plan, context).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/details/licence",
        "/details/contactPersonId",
        "/outputs/o1/type",
        "/outputs/o2/shortName",
        "/answers/general.summary",
        "/outputs/o1/answers/x.y",
      ]),
    );
  });
});

describe("writing a plan edited with structural sharing", () => {
  it("gives the text JSON.stringify gives, frozen or not, after any edits", () => {
    expect(documentJson(referencePlan())).toBe(JSON.stringify(referencePlan()));
    fc.assert(
      fc.property(
        fc.array(fc.array(ruleOp, { minLength: 1, maxLength: 3 }), { maxLength: 20 }),
        (batches) => {
          let head: Plan = freezeDeep(samplePlan());
          for (const ops of batches) {
            const result = applyOps(head, ops, { baseRevision: head.revision, author: "ada", history: [] });
            if (!result.ok) continue;
            expect(documentJson(result.plan)).toBe(JSON.stringify(result.plan));
            head = freezeDeep(result.plan);
            expect(documentJson(head)).toBe(JSON.stringify(head));
          }
        },
      ),
      { numRuns: 200 },
    );
    // What JSON leaves out or writes as null, at every depth.
    const odd = freezeDeep({
      a: undefined,
      b: [undefined, () => 1, Number.NaN],
      c: { d: { e: undefined, f: -0 } },
    });
    expect(documentJson(odd)).toBe(JSON.stringify(odd));
  });
});

describe("copying the values of ops", () => {
  it("copies JSON values as structuredClone does, sharing nothing", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = copyJson(value);
        expect(copy).toEqual(structuredClone(value));
        if (typeof value === "object" && value !== null) expect(copy).not.toBe(value);
      }),
      { numRuns: 500 },
    );
    const tricky = JSON.parse('{"__proto__":{"polluted":true},"list":[{"a":null}],"date":"2024-01-01"}');
    const copy = copyJson(tricky);
    expect(Object.keys(copy)).toEqual(["__proto__", "list", "date"]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(tricky));
    expect(copy.list[0]).not.toBe(tricky.list[0]);
  });
});
