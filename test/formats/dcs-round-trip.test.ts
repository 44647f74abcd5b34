import { describe, expect, it } from "vitest";
import { importDocument } from "../../src/formats/import-document.js";
import { exportDcs } from "../../src/formats/rda-dcs/export-dcs.js";
import type { DcsVersion, JsonObject, NormalisedDcs } from "../../src/formats/rda-dcs/model.js";
import { validateDcs } from "../../src/formats/rda-dcs/schemas.js";
import type { ReportEntry } from "../../src/formats/report.js";
import { dmphubCompleteDmp, officialExamples } from "../support/format-fixtures.js";

function importOk(text: string): { dcs: NormalisedDcs; entries: ReportEntry[] } {
  const result = importDocument(text);
  if (!result.ok) throw new Error(`refused: ${result.problem.key} ${JSON.stringify(result.problem.params)}`);
  if (result.value.format !== "rda-dcs") throw new Error("not read as DCS");
  return { dcs: result.value.dcs, entries: result.report.entries };
}

function exportOk(dcs: NormalisedDcs, version: DcsVersion): JsonObject {
  const result = exportDcs(dcs, version);
  if (!result.ok)
    throw new Error(`export refused: ${result.problem.key} ${JSON.stringify(result.problem.problems)}`);
  return result.value;
}

/** Leaf paths where two JSON values differ, in report notation (`dmp.dataset[0].title`). */
function differences(a: unknown, b: unknown, path = ""): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects = !bothArrays && a && b && typeof a === "object" && typeof b === "object";
  if (bothArrays) {
    const length = Math.max(a.length, b.length);
    return Array.from({ length }, (_, i) => differences(a[i], b[i], `${path}[${i}]`)).flat();
  }
  if (bothObjects && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    return [...keys].flatMap((key) =>
      differences((a as JsonObject)[key], (b as JsonObject)[key], path ? `${path}.${key}` : key),
    );
  }
  return [path];
}

/** True when the report accounts for a change at `path` (same path, parent, child, or a rename). */
function explained(path: string, entries: ReportEntry[]): boolean {
  return entries.some(
    (entry) =>
      path === entry.path ||
      path.startsWith(`${entry.path}.`) ||
      path.startsWith(`${entry.path}[`) ||
      entry.path.startsWith(`${path}.`) ||
      entry.path.startsWith(`${path}[`) ||
      (entry.key === "formats.repair.renamed" &&
        path === entry.path.replace(/[^.]+$/, String(entry.params.from))),
  );
}

const examples = officialExamples();

describe.each(examples)("official example $folder/$name", ({ folder, name, text }) => {
  const { dcs, entries } = importOk(text);
  const input = JSON.parse(text) as JsonObject;
  const exported = exportOk(dcs, "1.2");

  it("is detected with its version", () => {
    if (folder === "v1.2") expect(dcs.source.version).toBe("1.2");
    if (folder === "v1.1-tag") expect(dcs.source.version).toBe("1.1");
    if (
      folder === "v1.0-tag" &&
      name !== "ex1-header-fundedProject.json" &&
      name !== "ex8-dmp-minimal-content.json"
    ) {
      expect(dcs.source.version).toBe("1.0");
    }
  });

  it("exports to DCS 1.2 that differs from the input only where the report says", () => {
    expect(validateDcs(exported, "1.2")).toEqual({ valid: true });
    const { $schema: _, ...withoutSchemaRef } = input;
    const unexplained = differences(withoutSchemaRef, exported).filter((path) => !explained(path, entries));
    expect(unexplained).toEqual([]);
  });

  it("is stable: importing the export repairs nothing and exports the same document", () => {
    const again = importOk(JSON.stringify(exported));
    expect(again.entries.filter((entry) => entry.kind === "repair")).toEqual([]);
    expect(exportOk(again.dcs, "1.2")).toEqual(exported);
  });

  it.each(["1.1", "1.0"] as const)(
    "down-converts to %s validly and comes back to the same 1.2",
    (version) => {
      const result = exportDcs(dcs, version);
      if (!result.ok) {
        // Only 1.0 may refuse, and only a plan without datasets.
        expect([version, result.problem.key]).toEqual(["1.0", "formats.problem.no_dataset_for_1_0"]);
        expect((dcs.dmp.dataset as unknown[]).length).toBe(0);
        return;
      }
      expect(validateDcs(result.value, version)).toEqual({ valid: true });
      expect(exportOk(importOk(JSON.stringify(result.value)).dcs, "1.2")).toEqual(exported);
    },
  );
});

describe("official 1.2 examples", () => {
  const expectedChanges: Record<string, string[]> = {
    "ex10-fairsharing.json": ["dmp.dataset[0].distribution[0].host.url"],
    "ex5-dataset-planned-host.json": [
      "dmp.dataset[0].distribution[0].host.supports_versioning",
      "dmp.dataset[0].distribution[0].host.support_versioning",
    ],
    "ex9-dmp-long.json": [
      "dmp.project[0].project_id[0].type",
      "dmp.dataset[0].distribution[0].host.supports_versioning",
      "dmp.dataset[0].distribution[0].host.support_versioning",
      "dmp.dataset[2].distribution[0].host.supports_versioning",
      "dmp.dataset[2].distribution[0].host.support_versioning",
    ],
  };

  it("come back unchanged except for $schema and the documented normalisations", () => {
    for (const { folder, name, text } of examples.filter((e) => e.folder === "v1.2")) {
      const { $schema: _, ...input } = JSON.parse(text) as JsonObject;
      const exported = exportOk(importOk(text).dcs, "1.2");
      const changed = differences(input, exported);
      expect([folder, name, changed]).toEqual([folder, name, expectedChanges[name] ?? []]);
    }
  });
});

describe("DMPHub complete DMP (DMPTool flavour, DCS 1.0 with wild values)", () => {
  const text = JSON.stringify(dmphubCompleteDmp());
  const { dcs, entries } = importOk(text);

  it("is read as the DMPTool flavour and exports valid 1.2 and 1.1", () => {
    expect(dcs.source.flavour).toBe("dmptool");
    expect(validateDcs(exportOk(dcs, "1.2"), "1.2")).toEqual({ valid: true });
    expect(validateDcs(exportOk(dcs, "1.1"), "1.1")).toEqual({ valid: true });
  });

  it("keeps every unusable value in the carnet extension", () => {
    const carnet = (exportOk(dcs, "1.2").dmp as JsonObject).carnet as JsonObject;
    expect((carnet.aside as { path: string }[]).map((a) => a.path)).toEqual(
      entries.filter((e) => e.kind === "kept" && e.key !== "formats.kept.unknown_key").map((e) => e.path),
    );
  });
});
