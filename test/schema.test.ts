import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSchemas } from "../scripts/generate-schema.js";

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
});
