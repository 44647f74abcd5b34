import { describe, expect, it } from "vitest";
import { importDocument } from "../import-document.js";
import { exportDcs } from "./export-dcs.js";
import type { JsonObject } from "./model.js";

/** A minimal valid DCS 1.1 dmp; tests break one thing at a time. */
function base(): JsonObject {
  return {
    title: "Plan",
    created: "2024-01-02T03:04:05Z",
    modified: "2024-01-02T03:04:05Z",
    language: "eng",
    ethical_issues_exist: "no",
    dmp_id: { identifier: "https://doi.org/10.1234/abc", type: "doi" },
    contact: {
      name: "Ada",
      mbox: "ada@example.org",
      contact_id: { identifier: "0000-0002-1825-0097", type: "orcid" },
    },
    dataset: [
      {
        title: "Data",
        dataset_id: { identifier: "d1", type: "other" },
        personal_data: "no",
        sensitive_data: "no",
      },
    ],
  };
}

function imported(dmp: unknown, wrap = true) {
  const result = importDocument(JSON.stringify(wrap ? { dmp } : dmp));
  if (!result.ok) throw new Error(`refused: ${result.problem.key} ${JSON.stringify(result.problem.params)}`);
  if (result.value.format !== "rda-dcs") throw new Error("not DCS");
  const repairs = result.report.entries.filter((e) => e.kind !== "info").map((e) => `${e.path}: ${e.key}`);
  return { dmp: result.value.dcs.dmp, dcs: result.value.dcs, repairs };
}

describe("normaliseDcs", () => {
  it("leaves a valid plan untouched", () => {
    const { dmp, repairs } = imported(base());
    expect(dmp).toEqual(base());
    expect(repairs).toEqual([]);
  });

  it("adds a timezone, turns a space into T, reads epoch milliseconds", () => {
    const { dmp, repairs } = imported({ ...base(), created: "2019-02-06 15:30:42", modified: 1700000000000 });
    expect(dmp.created).toBe("2019-02-06T15:30:42Z");
    expect(dmp.modified).toBe("2023-11-14T22:13:20.000Z");
    expect(repairs).toEqual([
      "dmp.created: formats.repair.timezone_added",
      "dmp.modified: formats.repair.epoch_ms",
    ]);
  });

  it("keeps the date of a date-time in a date field", () => {
    const input = base();
    (input.dataset as JsonObject[])[0]!.issued = "2019-09-10 22:19:59 UTC";
    const { dmp, repairs } = imported(input);
    expect((dmp.dataset as JsonObject[])[0]!.issued).toBe("2019-09-10");
    expect(repairs).toEqual(["dmp.dataset[0].issued: formats.repair.datetime_in_date"]);
  });

  it("maps two-letter, locale and missing languages to ISO 639-3", () => {
    expect(imported({ ...base(), language: "en" }).dmp.language).toBe("eng");
    expect(imported({ ...base(), language: "fr_FR" }).dmp.language).toBe("fra");
    const { language: _, ...noLanguage } = base();
    const missing = imported(noLanguage);
    expect(missing.dmp.language).toBe("eng");
    expect(missing.repairs).toEqual(["dmp.language: formats.repair.default_language"]);
  });

  it("wraps strings in arrays for format and data_quality_assurance, and single objects in lists", () => {
    const input = base();
    const dataset = (input.dataset as JsonObject[])[0]!;
    dataset.data_quality_assurance = "checked twice";
    dataset.distribution = { title: "CSV", data_access: "open", format: "text/csv" };
    const { dmp, repairs } = imported(input);
    const out = (dmp.dataset as JsonObject[])[0]!;
    expect(out.data_quality_assurance).toEqual(["checked twice"]);
    expect(out.distribution).toEqual([{ title: "CSV", data_access: "open", format: ["text/csv"] }]);
    expect(repairs).toContain("dmp.dataset[0].distribution[0].format: formats.repair.wrapped_in_array");
  });

  it("lower-cases identifier types and reads the misspelled supports_versioning", () => {
    const input = base();
    input.dmp_id = { identifier: "https://doi.org/10.1234/abc", type: "DOI" };
    const dataset = (input.dataset as JsonObject[])[0]!;
    dataset.distribution = [
      {
        title: "x",
        data_access: "OPEN",
        host: { title: "Zenodo", url: "https://zenodo.org", supports_versioning: "yes" },
      },
    ];
    const { dmp } = imported(input);
    expect(dmp.dmp_id).toEqual({ identifier: "https://doi.org/10.1234/abc", type: "doi" });
    const distribution = ((dmp.dataset as JsonObject[])[0]!.distribution as JsonObject[])[0]!;
    expect(distribution.data_access).toBe("open");
    expect(distribution.host).toEqual({
      title: "Zenodo",
      url: "https://zenodo.org",
      support_versioning: "yes",
    });
  });

  it("reads camelCase keys and the misspelled available_untill of the 1.0 examples", () => {
    const input = base();
    (input.dataset as JsonObject[])[0]!.distribution = [
      { title: "x", dataAccess: "open", byteSize: "1024", available_untill: "2030-01-01" },
    ];
    const { dmp, repairs } = imported(input);
    expect(((dmp.dataset as JsonObject[])[0]!.distribution as JsonObject[])[0]).toEqual({
      title: "x",
      data_access: "open",
      byte_size: 1024,
      available_until: "2030-01-01",
    });
    expect(repairs.filter((r) => r.endsWith("renamed"))).toHaveLength(3);
  });

  it("fills a missing dataset_id, personal_data and sensitive_data, reporting each", () => {
    const input = base();
    input.dataset = [{ title: "Data" }];
    const { dmp, repairs } = imported(input);
    expect(dmp.dataset).toEqual([
      {
        title: "Data",
        dataset_id: { identifier: "dataset-1", type: "other" },
        personal_data: "unknown",
        sensitive_data: "unknown",
      },
    ]);
    expect(repairs).toHaveLength(3);
  });

  it("keeps unknown keys and vendor extensions and writes them back in place", () => {
    const input: JsonObject = { ...base(), dmproadmap_privacy: "public", extension: [{ dmphub: { x: 1 } }] };
    (input.dataset as JsonObject[])[0]!.dmproadmap_note = "n";
    const { dcs, dmp } = imported(input);
    expect(dmp).toEqual(base());
    expect(dcs.kept.map((k) => k.key).sort()).toEqual(["dmproadmap_note", "dmproadmap_privacy", "extension"]);
    const exported = exportDcs(dcs, "1.2");
    expect(exported.ok && exported.value).toEqual({ dmp: input });
  });

  it("puts an object missing an unguessable field aside in the carnet extension", () => {
    const input = base();
    const dataset = (input.dataset as JsonObject[])[0]!;
    dataset.distribution = [{ data_access: "open" }, { title: "ok", data_access: "closed" }];
    const { dcs, repairs } = imported(input);
    expect((dcs.dmp.dataset as JsonObject[])[0]!.distribution).toEqual([
      { title: "ok", data_access: "closed" },
    ]);
    expect(repairs).toEqual(["dmp.dataset[0].distribution[0]: formats.kept.missing_required"]);
    const exported = exportDcs(dcs, "1.2");
    expect(exported.ok && (exported.value.dmp as JsonObject).carnet).toEqual({
      aside: [
        {
          path: "dmp.dataset[0].distribution[0]",
          reason: "missing_required",
          value: { data_access: "open" },
        },
      ],
    });
  });

  it("finds the dmp in items, arrays and bare objects", () => {
    for (const document of [{ items: [{ dmp: base() }] }, [{ dmp: base() }], base()]) {
      expect(imported(document, false).dmp).toEqual(base());
    }
  });

  it("refuses a plan without title or contact, naming what is missing", () => {
    const { title: _, contact: __, ...rest } = base();
    const result = importDocument(JSON.stringify({ dmp: rest }));
    expect(result.ok || result.problem).toMatchObject({
      code: "not_convertible",
      key: "formats.problem.dmp_incomplete",
      params: { missing: "title, contact" },
    });
  });

  it("refuses a file with several DMPs", () => {
    const result = importDocument(JSON.stringify({ items: [{ dmp: base() }, { dmp: base() }] }));
    expect(result.ok || result.problem.key).toBe("formats.problem.several_dmps");
  });
});
