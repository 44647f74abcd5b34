import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { fixturePaths } from "../support/export-plans.js";
import { hasCommand, pdfText, squash } from "../support/extract-text.js";

const dir = mkdtempSync(join(tmpdir(), "carnet-export-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const withTemplate = ["--template", fixturePaths.template];

// Each case starts `carnet` (and a worker thread): allow for a slow, busy machine.
describe("carnet export", { timeout: 120_000 }, () => {
  it.skipIf(!hasCommand("pdftotext"))("writes a French PDF of the reference plan", async () => {
    const out = join(dir, "reve.pdf");
    const result = await runCli([
      "export",
      fixturePaths.plan,
      "--format",
      "pdf",
      "--lang",
      "fr",
      "--out",
      out,
      ...withTemplate,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Exported .*reve\.pdf \(pdf, [\d.]+ kB\) in \d+ ms\.\n$/);
    const text = squash(pdfText(readFileSync(out)));
    expect(text).toContain("Renseignements sur le plan");
    expect(text).toContain("Contributeurs");
  });

  it.skipIf(!hasCommand("pdftotext"))(
    "exports the reference plan on the built-in template (examples/)",
    async () => {
      for (const lang of ["fr", "en"]) {
        const out = join(dir, `example.${lang}.pdf`);
        const result = await runCli([
          "export",
          "examples/reve.carnet.json",
          "--format",
          "pdf",
          "--lang",
          lang,
          "--out",
          out,
        ]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        const text = squash(pdfText(readFileSync(out)));
        const headings =
          lang === "fr"
            ? ["Renseignements sur le plan", "Renseignements sur le projet", "Contributeurs"]
            : ["Plan details", "Project details", "Contributors"];
        let from = 0;
        for (const heading of headings) {
          const at = text.indexOf(heading, from);
          expect(at, heading).toBeGreaterThanOrEqual(from);
          from = at;
        }
        expect(text).toContain("GTnum TECHNE#REVE");
        expect(text).toContain("CERISIER JEAN-FRANÇOIS");
      }
    },
  );

  it("writes Markdown in English with options, next to the input by default", async () => {
    const input = join(dir, "plan.carnet.json");
    writeFileSync(input, readFileSync(fixturePaths.plan));
    const result = await runCli([
      "export",
      input,
      "-f",
      "md",
      "--lang",
      "en",
      "--unanswered",
      "--no-headings",
      ...withTemplate,
    ]);
    expect(result.code).toBe(0);
    const markdown = readFileSync(join(dir, "plan.md"), "utf8");
    expect(markdown).toContain("## Plan details");
    expect(markdown).toContain("Not answered.");
    expect(markdown).not.toContain("### Which codes of conduct apply?");
  });

  it("exits 1 with every problem and writes nothing for an invalid plan", async () => {
    const input = join(dir, "broken.json");
    writeFileSync(input, JSON.stringify({ carnetFormat: 1, id: "x", revision: -1 }));
    const result = await runCli(["export", input, "--format", "docx", "--out", join(dir, "broken.docx")], {
      CARNET_LANG: "fr",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ne peut pas être exporté");
    expect(result.stderr).toContain("/revision:");
    expect(result.stderr).toContain("/details:");
    expect(result.stderr).not.toMatch(/\n\s+at\s/);
    expect(existsSync(join(dir, "broken.docx"))).toBe(false);
  });

  it("exits 1 when the template is unknown or an output does not exist", async () => {
    const out = join(dir, "none.odt");
    const noTemplate = await runCli(["export", fixturePaths.plan, "--format", "odt", "--out", out]);
    expect(noTemplate.code).toBe(1);
    expect(noTemplate.stderr).toContain("carnet-test-structured");
    const badOutput = await runCli([
      "export",
      fixturePaths.plan,
      "--format",
      "odt",
      "--out",
      out,
      "--outputs",
      "RO9",
      ...withTemplate,
    ]);
    expect(badOutput.code).toBe(1);
    expect(badOutput.stderr).toContain("Research output 'RO9' is not in the plan; it has: RO1.");
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 on unusable options and names the allowed values", async () => {
    const before = readdirSync(dir).length;
    const result = await runCli([
      "export",
      fixturePaths.plan,
      "--format",
      "rtf",
      "--font-size",
      "30",
      "--margins",
      "2",
      "--paper",
      "a3",
    ]);
    expect(result.code).toBe(2);
    for (const expected of [
      "--format",
      "pdf, docx, odt, html, md",
      "--font-size",
      "8 … 14",
      "--margins",
      "5 … 25",
      "--paper",
      "a4, letter",
    ])
      expect(result.stderr).toContain(expected);
    expect(readdirSync(dir).length).toBe(before);
  });

  it("exports RDA DCS and DMP OPIDoR files as `carnet validate` accepts them, through the importers", async () => {
    const inputs = [
      ["test/fixtures/formats/rda-dcs/v1.2/ex9-dmp-long.json", "dcs12"],
      ["test/fixtures/formats/rda-dcs/v1.0-tag/ex7-dataset-many.json", "dcs10"],
      ["test/fixtures/formats/opidor/anr_project_import_example.madmp.json", "opidor"],
    ] as const;
    for (const [input, name] of inputs) {
      const out = join(dir, `${name}.md`);
      const result = await runCli(["export", input, "--format", "md", "--lang", "en", "--out", out]);
      expect(result.stderr, input).toBe("");
      expect(result.code, input).toBe(0);
      const markdown = readFileSync(out, "utf8");
      expect(markdown).toContain("## Plan details");
      if (name === "dcs12") {
        const title = JSON.parse(readFileSync(input, "utf8")).dmp.title as string;
        expect(markdown.startsWith(`# ${title}`)).toBe(true);
      }
    }
  });

  it("exits 1 with the problems of an invalid DCS file and writes nothing", async () => {
    const input = join(dir, "invalid-dcs.json");
    writeFileSync(
      input,
      JSON.stringify({ dmp: { title: "x", dmp_id: 5, created: "yesterday", dataset: "many" } }),
    );
    const before = readdirSync(dir).length;
    const result = await runCli(["export", input, "--format", "pdf"], { CARNET_LANG: "en" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot be exported");
    expect(result.stderr).not.toMatch(/\n\s+at\s/);
    expect(readdirSync(dir).length).toBe(before);
  });
});
