import { readFileSync } from "node:fs";
import { type Plan, type PlanInput, planSchema } from "../../src/domain/plan.js";

/** The reference plan (examples/reve.carnet.json), parsed. */
export function referencePlan(): Plan {
  const url = new URL("../../examples/reve.carnet.json", import.meta.url);
  return planSchema.parse(JSON.parse(readFileSync(url, "utf8")));
}

/** A minimal valid plan on the test template, with two persons and one dataset output. */
export function samplePlan(overrides: Partial<PlanInput> = {}): Plan {
  return planSchema.parse({
    carnetFormat: 1,
    id: "plan-1",
    revision: 0,
    template: { id: "science-europe-structured", version: 1 },
    context: "research_project",
    language: "eng",
    createdAt: "2024-01-01T00:00:00.000Z",
    modifiedAt: "2024-01-01T00:00:00.000Z",
    details: { title: "Sample plan" },
    project: { title: "Sample project", funding: [{ funder: { name: "ANR" }, grantId: "" }] },
    persons: {
      ada: { id: "ada", firstName: "Ada", lastName: "Lovelace" },
      alan: { id: "alan", firstName: "Alan", lastName: "Turing" },
    },
    contributions: { c1: { id: "c1", personId: "ada", role: "dmp-manager", scope: "plan" } },
    outputs: {
      o1: { id: "o1", position: 1, title: "Survey data", shortName: "RO1", type: "dataset" },
    },
    ...overrides,
  });
}
