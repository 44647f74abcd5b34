import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planSchema } from "../../src/domain/plan.js";
import { runCli } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "carnet-cli-plans-"));
const reference = "examples/reve.carnet.json";

function brokenOrcidCopy(): string {
  const text = readFileSync(new URL(`../../${reference}`, import.meta.url), "utf8");
  const broken = text.replace("0000-0003-0579-8173", "0000-0003-0579-8174");
  expect(broken).not.toBe(text);
  const file = join(dir, "broken-orcid.carnet.json");
  writeFileSync(file, broken);
  return file;
}

describe("carnet validate", () => {
  it("exits 0 on the reference plan", async () => {
    const result = await runCli(["validate", reference]);
    expect(result.stdout.trim()).toBe(`${reference}: valid`);
    expect(result.code).toBe(0);
  });

  it("exits 1 naming the path when one ORCID check digit is wrong", async () => {
    const file = brokenOrcidCopy();
    const result = await runCli(["validate", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${file}: /persons/p-nguyen/identifiers/0/value: 'https://orcid.org/0000-0003-0579-8174' is not a valid orcid identifier.`,
    );
  });

  it("exits 2 on a file that is not JSON (with line and column) or cannot be read, in French too", async () => {
    const file = join(dir, "not-json.json");
    writeFileSync(file, '{\n  "carnetFormat": 1\n  "id": "x"\n}\n');
    const result = await runCli(["validate", file, join(dir, "missing.json")], { CARNET_LANG: "fr" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: pas du JSON`);
    expect(result.stderr).toContain("à la ligne 3, colonne 3.");
    expect(result.stderr).toContain(`${join(dir, "missing.json")}: illisible (ENOENT).`);
  });
});

describe("carnet new", () => {
  it("prints a new plan on a built-in template, which validates", async () => {
    const result = await runCli([
      "new",
      "--template",
      "science-europe-structured",
      "--lang",
      "fra",
      "--title",
      "Mon plan",
    ]);
    expect(result.code).toBe(0);
    const plan = planSchema.parse(JSON.parse(result.stdout));
    expect(plan).toMatchObject({ language: "fra", template: { id: "science-europe-structured" } });
    expect(plan.details.title).toBe("Mon plan");
    const file = join(dir, "new.carnet.json");
    writeFileSync(file, result.stdout);
    expect((await runCli(["validate", file])).code).toBe(0);
  });

  it("accepts the short name of the issue's example, science-europe", async () => {
    const result = await runCli(["new", "--template", "science-europe", "--lang", "fra", "--title", "Essai"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).template).toEqual({ id: "science-europe-structured", version: 1 });
  });

  it("exits 2 on an unknown template", async () => {
    const result = await runCli(["new", "--template", "nope", "--lang", "fra", "--title", "x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown template 'nope'.");
  });
});
