import { describe, expect, it } from "vitest";
import { listTemplates } from "../../src/services/templates.js";
import { reportEntries } from "../../src/web/api/exports.js";
import { groupTemplates, recommendedTemplate } from "../../src/web/features/new-plan/new-plan-page.js";

describe("groupTemplates", () => {
  const templates = listTemplates("en");

  it("offers Science Europe structured first, then the others grouped by organisation", () => {
    const { recommended, groups } = groupTemplates(templates, "research_project", "fra", "en");
    expect(recommended?.id).toBe(recommendedTemplate);
    const ids = groups.flatMap((group) => group.templates.map((template) => template.id));
    expect(ids).not.toContain(recommendedTemplate);
    expect(ids).toEqual(expect.arrayContaining(["anr", "horizon-europe", "science-europe-core"]));
    const anr = groups.find((group) => group.templates.some((template) => template.id === "anr"));
    expect(anr?.name).toBe("French National Research Agency (ANR)");
    const names = groups.map((group) => group.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("leaves out templates made for another context", () => {
    const { groups } = groupTemplates(templates, "research_entity", "eng", "fr");
    const ids = groups.flatMap((group) => group.templates.map((template) => template.id));
    expect(ids).not.toContain("anr");
    expect(ids).toContain("science-europe-core");
  });
});

describe("reportEntries", () => {
  it("reads the report as a list or inside {entries}, and drops what is not an entry", () => {
    const entry = { kind: "repair", path: "dmp.title", key: "x", params: {}, message: "fixed" };
    expect(reportEntries([entry, 3, null])).toEqual([entry]);
    expect(reportEntries({ entries: [entry] })).toEqual([entry]);
    expect(reportEntries(undefined)).toEqual([]);
  });
});
