import { describe, expect, it } from "vitest";
import { collectCosts } from "../../src/domain/costs.js";
import type { Plan } from "../../src/domain/plan.js";
import { validatePlan } from "../../src/domain/validate-plan.js";
import { testTemplate, testVocabularies } from "../factories/content.js";
import { samplePlan } from "../factories/plans.js";

describe("collectCosts", () => {
  it("gathers the items of group answers bound to dmp.cost, skipping empty items", () => {
    const plan: Plan = structuredClone(samplePlan());
    plan.answers["general.costs"] = [
      { id: "k1", title: "Storage", amount: { value: 1200 }, currency: "EUR" },
      { id: "k2", title: "", amount: null },
      { id: "k3", title: "Curation", amount: { value: 300, unit: "USD" } },
    ];
    expect(
      validatePlan(plan, { vocabularies: testVocabularies(), template: testTemplate() }).problems,
    ).toEqual([]);
    expect(collectCosts(plan, testTemplate())).toEqual([
      {
        questionId: "general.costs",
        itemId: "k1",
        path: "/answers/general.costs/0",
        title: "Storage",
        amount: 1200,
        currency: "EUR",
      },
      {
        questionId: "general.costs",
        itemId: "k3",
        path: "/answers/general.costs/2",
        title: "Curation",
        amount: 300,
        currency: "USD",
      },
    ]);
  });

  it("ignores answers of questions that are not cost groups", () => {
    expect(collectCosts(samplePlan(), testTemplate())).toEqual([]);
  });
});
