import { describe, expect, it } from "vitest";
import { computeCompleteness, describeMissing } from "../../src/domain/completeness.js";
import { evaluateCondition, isAnswered } from "../../src/domain/conditions.js";
import type { Plan } from "../../src/domain/plan.js";
import { testTemplate } from "../factories/content.js";
import { samplePlan } from "../factories/plans.js";

const template = testTemplate();
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe("isAnswered", () => {
  it("treats opened-but-empty values as not answered", () => {
    for (const empty of [
      "",
      "  ",
      "<p></p>",
      "<p>&nbsp;</p><p><br></p>",
      [],
      [{ id: "i1" }],
      [{ id: "i1", title: "" }],
      null,
    ])
      expect(isAnswered(empty), JSON.stringify(empty)).toBe(false);
    for (const value of [
      "x",
      "<p>x</p>",
      ["open"],
      [{ id: "i1", title: "x" }],
      { value: 0 },
      { personId: "ada" },
    ])
      expect(isAnswered(value), JSON.stringify(value)).toBe(true);
    expect(isAnswered({ type: "doi", value: " " })).toBe(false);
    expect(isAnswered({ name: "", identifiers: [] })).toBe(false);
  });
});

describe("evaluateCondition", () => {
  it("combines answer, output flag and output type tests", () => {
    const output = samplePlan().outputs.o1!;
    const context = {
      answers: { a: "yes", m: ["open", "closed"] },
      output: { ...output, personalData: "yes" as const },
    };
    expect(evaluateCondition({ answer: "a", equals: "yes" }, context)).toBe(true);
    expect(evaluateCondition({ answer: "m", in: ["closed"] }, context)).toBe(true);
    expect(evaluateCondition({ not: { answer: "b", answered: true } }, context)).toBe(true);
    expect(
      evaluateCondition(
        { all: [{ output: "personalData", in: ["yes"] }, { outputType: ["software"] }] },
        context,
      ),
    ).toBe(false);
    expect(
      evaluateCondition(
        { any: [{ output: "personalData", in: ["yes"] }, { outputType: ["software"] }] },
        context,
      ),
    ).toBe(true);
    expect(evaluateCondition({ output: "personalData", in: ["yes"] }, { answers: {} })).toBe(false);
  });
});

describe("computeCompleteness", () => {
  it("counts required questions per section, output and plan, and lists what is missing", () => {
    const result = computeCompleteness(samplePlan(), template);
    // plan: summary + ethics (ethicsDetails hidden); output o1 (dataset, personal data unknown):
    // description.text, description.contact, sharing.distributions (personal + software hidden)
    expect(result.required).toBe(5);
    expect(result.answeredRequired).toBe(0);
    expect(result.complete).toBe(false);
    expect(result.missing.map((m) => m.path)).toEqual([
      "/answers/general.summary",
      "/answers/general.ethics",
      "/outputs/o1/answers/description.text",
      "/outputs/o1/answers/description.contact",
      "/outputs/o1/answers/sharing.distributions",
    ]);
    expect(result.sections.map((s) => `${s.outputId ?? "plan"}:${s.sectionId}`)).toEqual([
      "plan:general",
      "o1:description",
      "o1:sharing",
    ]);
  });

  it("honours conditions: a shown question becomes required, a hidden one is not counted", () => {
    const plan: Plan = clone(samplePlan());
    plan.answers = { "general.summary": "<p>Done</p>", "general.ethics": "yes" };
    plan.outputs.o1!.personalData = "yes";
    plan.outputs.o2 = {
      ...clone(plan.outputs.o1!),
      id: "o2",
      shortName: "RO2",
      type: "software",
      personalData: "no",
    };
    const result = computeCompleteness(plan, template);
    expect(result.missing.map((m) => m.path)).toContain("/answers/general.ethicsDetails");
    expect(result.missing.map((m) => m.path)).toContain("/outputs/o1/answers/personal.legalBasis");
    expect(result.missing.map((m) => m.path)).toContain("/outputs/o2/answers/software.language");
    expect(result.missing.map((m) => m.path)).not.toContain("/outputs/o2/answers/personal.legalBasis");
    expect(result.outputs.map((o) => [o.outputId, o.required])).toEqual([
      ["o1", 4],
      ["o2", 4],
    ]);
  });

  it("does not count opened-but-empty answers, and completes when all required are answered", () => {
    const plan: Plan = clone(samplePlan());
    plan.answers = { "general.summary": "<p></p>", "general.ethics": "no" };
    plan.outputs.o1!.answers = {
      "description.text": "<p>A survey</p>",
      "description.contact": { personId: "ada" },
      "sharing.distributions": [{ id: "d1", title: "" }],
    };
    let result = computeCompleteness(plan, template);
    expect(result.missing.map((m) => m.path)).toEqual([
      "/answers/general.summary",
      "/outputs/o1/answers/sharing.distributions",
    ]);
    plan.answers["general.summary"] = "<p>Summary</p>";
    plan.outputs.o1!.answers["sharing.distributions"] = [{ id: "d1", title: "Files" }];
    result = computeCompleteness(plan, template);
    expect(result.complete).toBe(true);
    expect(result.answeredRequired).toBe(result.required);
    expect(result.sections.every((s) => s.complete)).toBe(true);
  });

  it("tells what is missing in English and French", () => {
    const plan = samplePlan();
    const result = computeCompleteness(plan, template);
    expect(describeMissing(plan, template, result, "en").at(-1)).toEqual({
      path: "/outputs/o1/answers/sharing.distributions",
      text: "RO1 › Sharing › Distributions is not answered.",
    });
    expect(describeMissing(plan, template, result, "fr")[0]!.text).toBe(
      "General (fr) › Summary (fr) n’a pas de réponse.",
    );
  });
});
