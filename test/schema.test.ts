import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { renderSchemas } from "../scripts/generate-schema.js";
import { loadBuiltinContent } from "../src/services/builtin-content.js";
import { referencePlan } from "./factories/plans.js";

describe("docs/schema", () => {
  it("is up to date with the zod schemas (run `npx tsx scripts/generate-schema.ts`)", () => {
    for (const [name, text] of Object.entries(renderSchemas())) {
      const committed = readFileSync(new URL(`../docs/schema/${name}`, import.meta.url), "utf8");
      expect(committed, `docs/schema/${name} is stale`).toBe(text);
    }
  });

  it("describes the plan's main parts", () => {
    const schema = JSON.parse(renderSchemas()["carnet-plan.schema.json"]!);
    expect(schema.required).toEqual(expect.arrayContaining(["carnetFormat", "id", "template", "details"]));
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["persons", "contributions", "outputs", "answers", "project"]),
    );
  });

  it("accepts the reference plan and the built-in templates, and rejects a broken plan", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat("date-time", true);
    const plan = ajv.compile(JSON.parse(renderSchemas()["carnet-plan.schema.json"]!));
    expect(plan(referencePlan()), JSON.stringify(plan.errors)).toBe(true);
    expect(plan({ ...referencePlan(), language: "french" })).toBe(false);
    expect(plan({ ...referencePlan(), colour: "red" })).toBe(false);
    const template = ajv.compile(JSON.parse(renderSchemas()["carnet-template.schema.json"]!));
    for (const t of loadBuiltinContent().templates.values()) expect(template(t), t.id).toBe(true);
  });
});
