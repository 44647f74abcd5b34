import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "../shared/app-error.js";
import { packageRoot } from "../shared/package-info.js";
import { jsonPointer, readBuiltinContent } from "./builtin-content.js";

const realData = join(packageRoot, "data");
let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A data/ folder holding the real vocabularies and the given template files. */
function dataDir(templates: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), "carnet-content-"));
  dirs.push(root);
  const data = join(root, "data");
  mkdirSync(join(data, "vocabularies"), { recursive: true });
  mkdirSync(join(data, "templates"));
  for (const id of ["research-output-types", "data-access", "contributor-roles"]) {
    copyFileSync(join(realData, "vocabularies", `${id}.json`), join(data, "vocabularies", `${id}.json`));
  }
  for (const [name, content] of Object.entries(templates)) {
    writeFileSync(
      join(data, "templates", name),
      typeof content === "string" ? content : JSON.stringify(content),
    );
  }
  return data;
}

const anr = () => JSON.parse(readFileSync(join(realData, "templates", "anr.json"), "utf8"));

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("readBuiltinContent", () => {
  it("reads templates and vocabularies into maps keyed by id", () => {
    const content = readBuiltinContent(dataDir({ "anr.json": anr() }));
    expect([...content.templates.keys()]).toEqual(["anr"]);
    expect(content.vocabularies.get("data-access")?.items.map((item) => item.code)).toContain("embargo");
  });

  it("names the file and the JSON pointer of a schema error", () => {
    const template = anr();
    template.sections[2].questions[1].kind = "essay";
    const error = errorOf(() => readBuiltinContent(dataDir({ "anr.json": template })));
    expect(error.code).toBe("config_invalid");
    expect(error.details).toMatchObject({
      file: "data/templates/anr.json",
      pointer: "/sections/2/questions/1/kind",
    });
    expect(error.message).toContain("data/templates/anr.json is not valid at /sections/2/questions/1/kind");
  });

  it("names the pointer of an integrity problem, e.g. an unknown vocabulary", () => {
    const template = anr();
    template.sections[0].questions[0] = {
      ...template.sections[0].questions[0],
      kind: "single_choice",
      vocabulary: "nope",
    };
    const error = errorOf(() => readBuiltinContent(dataDir({ "anr.json": template })));
    expect(error.details).toMatchObject({ pointer: "/sections/0/questions/0/vocabulary" });
    expect(error.message).toContain("'nope'");
  });

  it("rejects text that is not JSON and a file whose id differs from its name", () => {
    expect(errorOf(() => readBuiltinContent(dataDir({ "anr.json": "{ nope" }))).message).toMatch(/not JSON/);
    expect(errorOf(() => readBuiltinContent(dataDir({ "other.json": anr() }))).message).toMatch(
      /differs from its file name/,
    );
  });
});

describe("jsonPointer", () => {
  it("escapes ~ and / as RFC 6901 says", () => {
    expect(jsonPointer(["a/b", "c~d", 0])).toBe("/a~1b/c~0d/0");
    expect(jsonPointer([])).toBe("/");
  });
});
