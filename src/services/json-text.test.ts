import { describe, expect, it } from "vitest";
import { parseJsonText } from "./json-text.js";

describe("parseJsonText", () => {
  it("parses valid JSON", () => {
    expect(parseJsonText('{"a": [1, "x", null, true]}')).toEqual({
      ok: true,
      value: { a: [1, "x", null, true] },
    });
  });

  it.each([
    ['{"a":}', 1, 6],
    ['{\n  "a": 1\n  "b": 2}', 3, 3],
    ["", 1, 1],
    ['{"a": tru}', 1, 10],
    ["[1,2", 1, 5],
    ['{"a":1}x', 1, 8],
    ['{\n "a": "x\u0001"}', 2, 9],
    ["{\n\n  'single': 1}", 3, 3],
  ])("locates the error in %j at line %i, column %i", (text, line, column) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.line, result.error.column]).toEqual([line, column]);
  });
});
