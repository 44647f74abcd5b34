import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateDcs } from "../../src/formats/rda-dcs/schemas.js";
import { runCli } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "carnet-convert-"));
const example = (path: string) => new URL(`../fixtures/formats/rda-dcs/${path}`, import.meta.url).pathname;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("carnet convert", () => {
  it("writes valid DCS 1.1 to stdout and the report to stderr", async () => {
    const result = await runCli([
      "convert",
      example("v1.0-tag/ex5-dataset-planned-host.json"),
      "--to",
      "rda-dcs-1.1",
    ]);
    expect(result.code).toBe(0);
    expect(validateDcs(JSON.parse(result.stdout), "1.1")).toEqual({ valid: true });
    expect(result.stderr).toContain("dmp.created: added timezone Z (was 2018-07-23T10:10:23.6)");
    expect(result.stderr).toContain("dmp.language: language 'en' → ISO 639-3 code");
  });

  it("writes to --out, defaulting to DCS 1.2", async () => {
    const out = join(dir, "out.json");
    const result = await runCli(["convert", example("v1.1-tag/ex9-dmp-long.json"), "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(validateDcs(JSON.parse(readFileSync(out, "utf8")), "1.2")).toEqual({ valid: true });
  });

  it("exits 2 with a line and column for text that is not JSON, in French when asked", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, '{\n  "dmp": {\n    "title": x\n  }\n}');
    const result = await runCli(["convert", bad], { CARNET_LANG: "fr" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("ligne 3, colonne 14");
    expect(result.stdout).toBe("");
  });

  it("exits 2 for a file that cannot be read", async () => {
    const result = await runCli(["convert", join(dir, "missing.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("ENOENT");
  });

  it("exits 1 and writes nothing when the plan cannot be converted", async () => {
    const input = join(dir, "incomplete.json");
    const out = join(dir, "never.json");
    writeFileSync(input, JSON.stringify({ dmp: { title: "Only a title", dataset: [] } }));
    const result = await runCli(["convert", input, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("contact, dmp_id, created missing");
    expect(() => readFileSync(out)).toThrow();
  });

  it("exits 1 when 1.0 cannot hold the plan", async () => {
    const result = await runCli([
      "convert",
      example("v1.0-tag/ex1-header-fundedProject.json"),
      "--to",
      "rda-dcs-1.0",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("RDA DCS 1.0 requires at least one dataset");
  });
});

describe("carnet convert with native plans and templates", () => {
  it("turns a DCS file into a native plan and back, using a built-in template's bindings", async () => {
    const plan = join(dir, "plan.json");
    const toNative = await runCli([
      "convert",
      example("v1.2/ex9-dmp-long.json"),
      "--to",
      "native",
      "--template",
      "science-europe-structured",
      "--out",
      plan,
    ]);
    expect(toNative.code).toBe(0);
    const native = JSON.parse(readFileSync(plan, "utf8"));
    expect(native.carnetFormat).toBe(1);
    const back = await runCli([
      "convert",
      plan,
      "--to",
      "rda-dcs-1.2",
      "--template",
      "science-europe-structured",
    ]);
    expect(back.code).toBe(0);
    expect(validateDcs(JSON.parse(back.stdout), "1.2")).toEqual({ valid: true });
  });

  it("exits 2 for an unknown template, naming the built-in ones", async () => {
    const result = await runCli([
      "convert",
      example("v1.2/ex1-header-fundedProject.json"),
      "--template",
      "nope",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("science-europe-structured");
  });
});

describe("carnet validate with other formats", () => {
  it("checks DCS files against the schema of their version, one line per problem", async () => {
    const valid = await runCli(["validate", example("v1.1-tag/ex9-dmp-long.json")]);
    expect([valid.code, valid.stdout.trim()]).toEqual([
      0,
      `${example("v1.1-tag/ex9-dmp-long.json")}: valid RDA DCS 1.1`,
    ]);
    const invalid = await runCli(["validate", example("v1.2/ex10-fairsharing.json")]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain("dmp.dataset[0].distribution[0].host.url: not a valid url");
    expect(invalid.stdout).toContain("Carnet can import it after 2 repair(s)");
  });
});
