import { describe, expect, it } from "vitest";
import { readJson } from "./read-json.js";

function repairs(text: string): string[] {
  const result = readJson(text);
  if (!result.ok) throw new Error(`unexpected problem ${result.problem.key}`);
  return result.report.entries.map((entry) => `${entry.key}@${entry.path}`);
}

describe("readJson", () => {
  it("reads strict JSON with no repair", () => {
    const result = readJson('{"a":[1,2,{"b":"c"}]}');
    expect(result.ok && result.value).toEqual({ a: [1, 2, { b: "c" }] });
    expect(result.ok && result.report.entries).toEqual([]);
  });

  it("removes a byte order mark and says so", () => {
    const result = readJson('\ufeff{"a":1}');
    expect(result.ok && result.value).toEqual({ a: 1 });
    expect(repairs('\ufeff{"a":1}')).toEqual(["formats.repair.bom@(document)"]);
  });

  it("accepts trailing commas, reporting their line, column and path", () => {
    const result = readJson('{\n  "dmp": {\n    "dataset": [1, 2,],\n  },\n}');
    expect(result.ok && result.value).toEqual({ dmp: { dataset: [1, 2] } });
    expect(result.ok && result.report.entries.map((e) => [e.path, e.params.line, e.params.column])).toEqual([
      ["dmp.dataset", 3, 21],
      ["dmp", 3, 23],
      ["(document)", 4, 4],
    ]);
  });

  it("keeps raw newlines and tabs inside strings as text", () => {
    const result = readJson('{"description": "line one\nline\ttwo"}');
    expect(result.ok && result.value).toEqual({ description: "line one\nline\ttwo" });
    expect(repairs('{"description": "a\nb"}')).toEqual(["formats.repair.json.control_character@description"]);
  });

  it("drops comments and keeps lone backslashes", () => {
    const result = readJson('/* a mock */\n{"path": "C:\\data", // note\n "n": -1.5e2}');
    expect(result.ok && result.value).toEqual({ path: "C:\\data", n: -150 });
    expect(result.ok && result.report.entries.map((e) => e.key)).toEqual([
      "formats.repair.json.comment",
      "formats.repair.json.bad_escape",
      "formats.repair.json.comment",
    ]);
  });

  it("keeps a __proto__ key as data", () => {
    const result = readJson('{"__proto__": {"polluted": 1},}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.keys(result.value as object)).toEqual(["__proto__"]);
  });

  it.each([
    ['{"a": 1,\n  "b": }', "formats.read.unexpected", 2, 8],
    ['{"a": [1, 2', "formats.read.unexpected_end", 1, 12],
    ["", "formats.read.unexpected_end", 1, 1],
    ["<html>", "formats.read.unexpected", 1, 1],
    ['{"a": 1} x', "formats.read.unexpected", 1, 10],
  ])("refuses %j with a line and column", (text, key, line, column) => {
    const result = readJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ code: "not_json", key, params: { line, column } });
  });

  it("refuses nesting beyond the depth limit, strict or lenient", () => {
    const deep = `${"[".repeat(70)}${"]".repeat(70)}`;
    for (const text of [deep, `${"[".repeat(70)}1,${"]".repeat(70)}`]) {
      const result = readJson(text, { maxChars: 1000, maxDepth: 64 });
      expect(result.ok || result.problem.code).toBe("too_deep");
    }
    expect(readJson(`${"[".repeat(64)}${"]".repeat(64)}`).ok).toBe(true);
  });

  it("survives nesting deep enough to break a recursive parser", () => {
    const result = readJson("[".repeat(200_000));
    expect(result.ok || result.problem.code).toBe("too_deep");
  });

  it("refuses text over the size limit before parsing it", () => {
    const result = readJson(`"${"x".repeat(2000)}"`, { maxChars: 1024, maxDepth: 64 });
    expect(result.ok || result.problem).toMatchObject({ code: "too_large", key: "formats.read.too_large" });
  });
});
