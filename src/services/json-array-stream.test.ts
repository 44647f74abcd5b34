import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { JsonStreamError, streamJsonArray } from "./json-array-stream.js";

/** Feed `text` in chunks of `size` characters, as a file would arrive. */
async function read(text: string, size = 3) {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out: unknown[] = [];
  for await (const element of streamJsonArray(Readable.from(chunks))) {
    out.push(element.error === undefined ? element.value : `error at ${element.index}`);
  }
  return out;
}

describe("streamJsonArray", () => {
  it("yields each element of a top-level array, whatever the chunking", async () => {
    const doc = '[1, {"a":[1,2,{"b":"x]},"}]}, "s\\"],", null ,[] , "é😀"]';
    const expected = JSON.parse(doc) as unknown[];
    for (const size of [1, 2, 3, 7, 1000]) expect(await read(doc, size)).toEqual(expected);
    expect(await read("\uFEFF [ ]")).toEqual([]);
  });

  it("finds the array under items/results/records of a wrapper object", async () => {
    const doc = '{"meta":{"items":[9]},"x":"items","items":[{"id":1},{"id":2}],"after":[5]}';
    expect(await read(doc)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("reports a malformed element and goes on with the next ones", async () => {
    expect(await read('[{"id":1}, {id:2}, {"id":3}]')).toEqual([{ id: 1 }, "error at 1", { id: 3 }]);
  });

  it("throws JsonStreamError on a truncated or non-array document, after the complete elements", async () => {
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const e of streamJsonArray(Readable.from(['[{"a":1},{"a":']))) seen.push(e.value);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ a: 1 }]);
    expect(error).toBeInstanceOf(JsonStreamError);
    expect((error as JsonStreamError).elementsRead).toBe(1);
    await expect(read('"text"')).rejects.toThrow(/neither a JSON array/);
    await expect(read('{"count": 1}')).rejects.toThrow(/no array found/);
    await expect(read("")).rejects.toThrow(/empty/);
  });
});
