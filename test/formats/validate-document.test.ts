import { describe, expect, it } from "vitest";
import { validateDocument } from "../../src/services/convert-document.js";
import { fixtureText } from "../support/format-fixtures.js";
import { revePlan } from "../support/native-plans.js";
import { reveStandard } from "../support/opidor-samples.js";

describe("validateDocument", () => {
  it("accepts a DCS file valid against the schema of its detected version", () => {
    const verdict = validateDocument(fixtureText("rda-dcs/v1.1-tag/ex9-dmp-long.json"));
    expect(verdict).toMatchObject({ format: "RDA DCS 1.1", valid: true, problems: [], importable: true });
  });

  it("lists each schema problem with its path, and says Carnet can still import the file", () => {
    const verdict = validateDocument(fixtureText("rda-dcs/v1.2/ex10-fairsharing.json"));
    expect(verdict.valid).toBe(false);
    expect(verdict.problems).toContainEqual({
      path: "dmp.dataset[0].distribution[0].host.url",
      key: "formats.schema.format",
      params: { format: "url" },
    });
    expect(verdict).toMatchObject({ importable: true, repairs: 2 });
  });

  it("reports the 2019 examples as invalid 1.0 (no timezone, two-letter language)", () => {
    const verdict = validateDocument(fixtureText("rda-dcs/v1.0-tag/ex2-dataset-planned.json"));
    expect(verdict.format).toBe("RDA DCS 1.0");
    expect(verdict.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["dmp.created", "dmp.language"]),
    );
  });

  it("validates native plans and DMP OPIDoR documents", () => {
    expect(validateDocument(JSON.stringify(revePlan()))).toMatchObject({
      format: "Carnet native 1",
      valid: true,
    });
    const broken = { ...revePlan(), language: "French" };
    expect(validateDocument(JSON.stringify(broken))).toMatchObject({
      valid: false,
      problems: [{ path: "language" }],
    });
    expect(validateDocument(JSON.stringify(reveStandard()))).toMatchObject({
      format: "DMP OPIDoR",
      valid: true,
    });
  });

  it("says when the text is not JSON at all", () => {
    expect(validateDocument("{ nope").unreadable).toMatchObject({
      code: "not_json",
      params: { line: 1, column: 3 },
    });
  });
});
