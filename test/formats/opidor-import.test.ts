import { describe, expect, it } from "vitest";
import { importOpidor } from "../../src/formats/dmp-opidor/import-opidor.js";
import type { JsonObject } from "../../src/formats/rda-dcs/model.js";
import { validateDcs } from "../../src/formats/rda-dcs/schemas.js";
import { convertDocument } from "../../src/services/convert-document.js";
import { fixtureText } from "../support/format-fixtures.js";
import { reveStandard } from "../support/opidor-samples.js";

const now = "2026-11-28T12:00:00Z";

describe("DMP OPIDoR standard import", () => {
  it("maps labels to codes and keeps persons, roles, outputs, funding and partners", () => {
    const result = importOpidor(reveStandard(), { planId: "reve", now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const plan = result.value;
    expect(plan.details.versionLabel).toBe("initial");
    expect(plan.details.researchDomains).toEqual(["5.8", "1.2"]);
    expect(plan.createdAt).toBe("2022-03-29T00:00:00Z");
    expect(plan.project?.acronym).toBe("REVE");
    expect(plan.project?.funding).toEqual([
      { funder: { name: "Ministère de l'Éducation nationale", identifiers: [] }, status: "granted" },
    ]);
    expect(plan.project?.partners[0]?.identifiers).toEqual([{ type: "rnsr", value: "200415135N" }]);
    expect(
      Object.values(plan.outputs).map((o) => [
        o.shortName,
        o.type,
        o.personalData,
        o.sensitiveData,
        o.ethicalIssues,
      ]),
    ).toEqual([
      ["RO1", "dataset", "yes", "no", "unknown"],
      ["RO2", "software", "no", "unknown", "unknown"],
    ]);
    const roles = Object.values(plan.contributions).map((c) => [
      plan.persons[c.personId]?.lastName,
      c.role,
      c.scope,
      c.outputId,
    ]);
    expect(roles).toEqual([
      ["Nguyen", "dmp-manager", "plan", undefined],
      ["Cerisier", "project-coordinator", "project", undefined],
      ["Nguyen", "contact-person", "output", "output-1"],
    ]);
    expect(plan.details.contactPersonId).toBe(plan.contributions["contribution-1"]?.personId);
    // Fragments without a native field are kept with their output and the plan.
    expect(plan.outputs["output-1"]?.extensions?.["dmp-opidor"]).toMatchObject({
      sharing: { distribution: [{ releaseDate: "2024-01-01" }] },
    });
    expect(plan.extensions?.["dmp-opidor"]).toMatchObject({
      budget: { cost: [{ title: "Storage", amount: 100 }] },
    });
  });

  it("reads English labels too", () => {
    const document = reveStandard();
    (document.project as JsonObject).funding = [{ funder: { name: "ANR" }, fundingStatus: "Granted" }];
    ((document.meta as JsonObject).contact as JsonObject[])[0]!.role = "DMP Manager";
    const result = importOpidor(document, { planId: "reve", now });
    expect(result.ok && result.value.project?.funding[0]?.status).toBe("granted");
    expect(result.ok && Object.values(result.value.contributions)[0]?.role).toBe("dmp-manager");
  });

  it("converts to valid DCS 1.2 and keeps everything for a later import", () => {
    const outcome = convertDocument(JSON.stringify(reveStandard()), "rda-dcs-1.2", { now });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const document = JSON.parse(outcome.output) as { dmp: JsonObject };
    expect(validateDcs(document, "1.2")).toEqual({ valid: true });
    expect(document.dmp.contact).toMatchObject({ name: "Aurélien Nguyen", mbox: "a.nguyen@example.org" });
    const native = convertDocument(JSON.stringify(reveStandard()), "native", { now });
    const again = convertDocument(outcome.output, "native", { now });
    expect(native.ok && again.ok && JSON.parse(again.output)).toEqual(native.ok && JSON.parse(native.output));
  });

  it("imports DMP OPIDoR's ANR project sample (partial: no contact), with funding and RNSR partner", () => {
    const outcome = convertDocument(fixtureText("opidor/anr_project_import_example.madmp.json"), "native", {
      now,
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const plan = JSON.parse(outcome.output);
    expect(plan.project.funding[0]).toMatchObject({ grantId: "ANR-19-DATA-0017", status: "granted" });
    expect(plan.project.partners[0].identifiers).toEqual([{ type: "rnsr", value: "198822446E" }]);
    expect(plan.extensions["dmp-opidor"].project.startDate).toBe("2019");
    // DCS needs a contact with an e-mail: the export says so instead of inventing one.
    const dcs = convertDocument(outcome.output, "rda-dcs-1.2");
    expect(dcs.ok || dcs.problem.params.missing).toBe("contact");
  });
});

describe("DMP OPIDoR labels through the built-in vocabularies", () => {
  it("reads older and variant labels the fixed tables do not list", async () => {
    const { loadBuiltinContent } = await import("../../src/services/builtin-content.js");
    const document = reveStandard();
    ((document.meta as JsonObject).contact as JsonObject[])[0]!.role =
      "Responsable du plan de gestion de données";
    const withData = importOpidor(document, {
      planId: "reve",
      now,
      vocabularies: loadBuiltinContent().vocabularies,
    });
    const without = importOpidor(document, { planId: "reve", now });
    expect(withData.ok && Object.values(withData.value.contributions)[0]?.role).toBe("dmp-manager");
    expect(without.ok && Object.values(without.value.contributions)[0]?.role).toBe("other");
  });
});
