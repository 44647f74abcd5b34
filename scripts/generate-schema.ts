// Writes the JSON Schemas of the native plan format and of templates, generated from the zod schemas,
// to docs/schema/. Run with `npx tsx scripts/generate-schema.ts` after changing src/domain; a test
// (test/schema.test.ts) fails while the committed files are stale.
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { planSchema } from "../src/domain/plan.js";
import { templateSchema } from "../src/domain/template.js";
import { vocabularySchema } from "../src/domain/vocabulary.js";
// Names the recursive template condition in zod's global registry (as the OpenAPI document does): the
// schemas come out the same whether or not the process rendering them loaded the HTTP contract first.
import "../src/contract/templates.js";

const base = "https://carnet.example.org/schema";

/** The schema files to write: name → JSON text. */
export function renderSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, id: string, title: string) => {
    // "input": what a document may contain (defaults make fields optional), as people write files.
    const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" });
    return `${JSON.stringify({ ...json, $id: `${base}/${id}`, title }, null, 2)}\n`;
  };
  return {
    "carnet-plan.schema.json": render(planSchema, "carnet-plan.schema.json", "Carnet plan (native format 1)"),
    "carnet-template.schema.json": render(templateSchema, "carnet-template.schema.json", "Carnet template"),
    "carnet-vocabulary.schema.json": render(
      vocabularySchema,
      "carnet-vocabulary.schema.json",
      "Carnet vocabulary",
    ),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL("../docs/schema/", import.meta.url);
  for (const [name, text] of Object.entries(renderSchemas())) {
    writeFileSync(new URL(name, dir), text);
    console.log(`wrote docs/schema/${name}`);
  }
}
