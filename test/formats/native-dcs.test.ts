import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Plan, planSchema, type Template } from "../../src/domain/index.js";
import { importDocument } from "../../src/formats/import-document.js";
import { exportPlanToDcs, importPlanFromDcs } from "../../src/formats/native/native-dcs.js";
import { exportDcs } from "../../src/formats/rda-dcs/export-dcs.js";
import type { DcsVersion, JsonObject, NormalisedDcs } from "../../src/formats/rda-dcs/model.js";
import { validateDcs } from "../../src/formats/rda-dcs/schemas.js";
import { loadBuiltinContent } from "../../src/services/builtin-content.js";
import { officialExamples } from "../support/format-fixtures.js";
import { revePlan } from "../support/native-plans.js";

function dcsOf(text: string): NormalisedDcs {
  const result = importDocument(text);
  if (!result.ok || result.value.format !== "rda-dcs") throw new Error("not importable as DCS");
  return result.value.dcs;
}

function toDcs(plan: Plan, version: DcsVersion = "1.2", template?: Template): JsonObject {
  const result = exportPlanToDcs(plan, version, template);
  if (!result.ok) throw new Error(`export refused: ${result.problem.key} ${JSON.stringify(result.problem)}`);
  return result.value;
}

function toPlan(document: JsonObject, template?: Template): Plan {
  const result = importPlanFromDcs(dcsOf(JSON.stringify(document)), template);
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.problem)}`);
  return result.value;
}

describe("DCS → native → DCS", () => {
  it.each(officialExamples())("gives back $folder/$name as the DCS import normalises it", ({ text }) => {
    const dcs = dcsOf(text);
    const direct = exportDcs(dcs, "1.2");
    const plan = importPlanFromDcs(dcs);
    expect(plan.ok).toBe(true);
    if (!plan.ok || !direct.ok) return;
    expect(planSchema.safeParse(plan.value).success).toBe(true);
    expect(toDcs(plan.value)).toEqual(direct.value);
  });

  it("maps the standard fields onto the native model", () => {
    const long = officialExamples().find((e) => e.folder === "v1.2" && e.name.startsWith("ex9"))!;
    const plan = toPlan(JSON.parse(long.text));
    expect(plan.details.title).toBe("DMP for our new project");
    expect(plan.language).toBe("eng");
    expect(Object.values(plan.persons).map((p) => p.lastName)).toContain("Leo Messi");
    expect(Object.values(plan.outputs).length).toBeGreaterThan(1);
    expect(plan.project?.funding[0]?.grantId).toBe("EO-2-2017");
  });
});

describe("native → DCS → native", () => {
  it.each(["1.2", "1.1", "1.0"] as const)("is exact through DCS %s", (version) => {
    const plan = revePlan();
    const document = toDcs(plan, version);
    expect(validateDcs(document, version)).toEqual({ valid: true });
    expect(toPlan(document)).toEqual(plan);
  });

  it("fills the standard fields a plain DCS consumer reads", () => {
    const dmp = toDcs(revePlan()).dmp as JsonObject;
    expect(dmp.title).toBe(revePlan().details.title);
    expect(dmp.language).toBe("fra");
    expect(dmp.dmp_id).toEqual({ identifier: "hal-04317582", type: "hal" });
    expect(dmp.contact).toMatchObject({ name: "Aurélien Nguyen", mbox: "aurelien.nguyen@example.org" });
    expect(dmp.ethical_issues_exist).toBe("yes");
    expect((dmp.project as JsonObject[])[0]).toMatchObject({
      title: "GTnum TECHNE#REVE : Numérique scolaire",
      start: "2020-10-26",
    });
    expect((dmp.dataset as JsonObject[]).map((d) => [d.title, d.personal_data])).toEqual([
      ["Entretiens avec les acteurs", "yes"],
      ["Rapports", "unknown"],
    ]);
    // Native-only content travels in the one namespaced extension.
    const carnet = dmp.carnet as { patch: { project: JsonObject; details: JsonObject } };
    expect(carnet.patch.project.acronym).toBe("REVE");
    expect(carnet.patch.details.researchDomains).toEqual(["5.8", "1.2", "5.3"]);
  });

  it("survives edits made in Carnet after a DCS import (delete, reorder, retitle)", () => {
    const long = officialExamples().find((e) => e.folder === "v1.2" && e.name.startsWith("ex9"))!;
    const plan = toPlan(JSON.parse(long.text));
    const [first, second, third] = Object.keys(plan.outputs);
    delete plan.outputs[first!];
    plan.outputs[third!]!.position = -1; // now before the second
    plan.details.title = "Edited";
    const document = toDcs(plan);
    expect(validateDcs(document, "1.2")).toEqual({ valid: true });
    const datasets = (document.dmp as JsonObject).dataset as JsonObject[];
    expect(datasets.map((d) => d.title)).toEqual([plan.outputs[third!]!.title, plan.outputs[second!]!.title]);
    // Each kept vendor key stays with its own dataset.
    const original = (JSON.parse(long.text) as { dmp: { dataset: JsonObject[] } }).dmp.dataset;
    const source = original.find((d) => d.title === plan.outputs[third!]!.title)!;
    const license = ((source.distribution as JsonObject[])[0]!.license as JsonObject[])[0]!;
    expect(((datasets[0]!.distribution as JsonObject[])[0]!.license as JsonObject[])[0]).toEqual(license);
    const again = toPlan(document);
    expect(again.details.title).toBe("Edited");
    expect(again.outputs).toEqual(plan.outputs);
    expect(toPlan(toDcs(again))).toEqual(again);
  });

  it("refuses, with the reason, a plan that has no contact", () => {
    const plan = revePlan();
    delete plan.details.contactPersonId;
    const result = exportPlanToDcs(plan, "1.2");
    expect(result.ok || result.problem).toMatchObject({
      key: "formats.problem.dmp_incomplete",
      params: { missing: "contact" },
    });
  });
});

describe("template bindings", () => {
  const template = {
    id: "bound",
    version: 1,
    sections: [
      {
        id: "plan",
        scope: "plan",
        questions: [{ id: "ethics.description", kind: "text", binding: "dmp.ethical_issues_description" }],
      },
      {
        id: "output",
        scope: "output",
        questions: [
          { id: "keywords", kind: "multiple_choice", binding: "dataset.keyword" },
          {
            id: "distributions",
            kind: "group",
            binding: "dataset.distribution",
            fields: [
              { id: "title", kind: "text", binding: "dataset.distribution.title" },
              { id: "access", kind: "single_choice", binding: "dataset.distribution.data_access" },
              { id: "host", kind: "text", binding: "dataset.distribution.host.title" },
              { id: "hostUrl", kind: "url", binding: "dataset.distribution.host.url" },
            ],
          },
        ],
      },
    ],
  } as unknown as Template;

  it("writes bound answers into the standard fields and reads them back", () => {
    const plan = revePlan();
    plan.answers["ethics.description"] = "Consent forms";
    plan.outputs["ro-interviews"]!.answers = {
      keywords: ["school", "innovation"],
      distributions: [
        {
          id: "item-1",
          title: "Anonymised transcripts",
          access: "shared",
          host: "Nakala",
          hostUrl: "https://nakala.fr",
        },
      ],
    };
    const document = toDcs(plan, "1.2", template);
    const dmp = document.dmp as JsonObject;
    expect(dmp.ethical_issues_description).toBe("Consent forms");
    const dataset = (dmp.dataset as JsonObject[])[0]!;
    expect(dataset.keyword).toEqual(["school", "innovation"]);
    expect(dataset.distribution).toEqual([
      {
        title: "Anonymised transcripts",
        data_access: "shared",
        host: { title: "Nakala", url: "https://nakala.fr" },
      },
    ]);
    expect(toPlan(document, template)).toEqual(plan);
    // A plain DCS file with those fields fills the answers, without any Carnet extension.
    const { carnet: _, ...plain } = dmp;
    const imported = toPlan({ dmp: plain }, template);
    expect(imported.answers["ethics.description"]).toBe("Consent forms");
    expect(Object.values(imported.outputs)[0]?.answers.distributions).toEqual(
      plan.outputs["ro-interviews"]!.answers.distributions,
    );
  });
});

describe("the built-in Science Europe structured template's bindings", () => {
  const template = loadBuiltinContent().templates.get("science-europe-structured")!;

  function answeredPlan(): Plan {
    const plan = revePlan();
    plan.template = { id: template.id, version: template.version };
    plan.outputs["ro-interviews"]!.answers = {
      "description.keywords": [
        { id: "k1", keyword: "école" },
        { id: "k2", keyword: "innovation" },
      ],
      "description.identifier": { type: "doi", value: "10.1234/reve.1" },
      "quality.description": "<p>Double coding of interviews</p>",
      "preservation.description": "<p>Archived at Huma-Num</p>",
      "sharing.distributions": [
        {
          id: "d1",
          title: "Transcripts",
          access: "shared",
          format: "text/plain",
          volume: { value: 2, unit: "GB" },
        },
      ],
      "reuse.costs": [{ id: "c1", title: "Transcription", amount: { value: 1200 }, currency: "EUR" }],
    };
    return plan;
  }

  it("fills keywords, identifier, quality, preservation, distributions and plan costs", () => {
    const document = toDcs(answeredPlan(), "1.2", template);
    expect(validateDcs(document, "1.2")).toEqual({ valid: true });
    const dmp = document.dmp as JsonObject;
    const dataset = (dmp.dataset as JsonObject[])[0]!;
    expect(dataset.keyword).toEqual(["école", "innovation"]);
    expect(dataset.dataset_id).toEqual({ identifier: "10.1234/reve.1", type: "doi" });
    expect(dataset.data_quality_assurance).toEqual(["<p>Double coding of interviews</p>"]);
    expect(dataset.preservation_statement).toBe("<p>Archived at Huma-Num</p>");
    expect(dataset.distribution).toEqual([
      { title: "Transcripts", data_access: "shared", format: ["text/plain"], byte_size: 2_000_000_000 },
    ]);
    expect(dmp.cost).toEqual([{ title: "Transcription", value: 1200, currency_code: "EUR" }]);
  });

  it("round-trips exactly through DCS 1.2 and 1.1 with the template", () => {
    const plan = answeredPlan();
    for (const version of ["1.2", "1.1"] as const) {
      expect(toPlan(toDcs(plan, version, template), template)).toEqual(plan);
    }
  });
});

describe("examples/reve.carnet.json (the reference DMP in the native format)", () => {
  const content = loadBuiltinContent();
  const text = readFileSync(new URL("../../examples/reve.carnet.json", import.meta.url), "utf8");
  const plan = planSchema.parse(JSON.parse(text));
  const template = content.templates.get(plan.template.id);

  it.each(["1.2", "1.1"] as const)("→ DCS %s → native is identical", (version) => {
    const document = toDcs(plan, version, template);
    expect(validateDcs(document, version)).toEqual({ valid: true });
    expect(toPlan(document, template)).toEqual(plan);
  });

  it("writes a reserved stand-in for the contact's missing e-mail, and drops it on import", () => {
    const dmp = toDcs(plan, "1.2", template).dmp as JsonObject;
    expect((dmp.contact as JsonObject).mbox).toBe("no-email@carnet.invalid");
    const { carnet: _, ...plain } = dmp;
    const imported = toPlan({ dmp: plain });
    expect(Object.values(imported.persons).every((person) => person.email === undefined)).toBe(true);
  });
});
