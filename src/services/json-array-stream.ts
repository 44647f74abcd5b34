import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

/** One element of the streamed array: its value, or why it is not valid JSON. */
export type ArrayElement =
  | { index: number; value: unknown; error?: undefined }
  | { index: number; value?: undefined; error: string };

/** The input is not a JSON array (nor an object holding one under an expected key), or ends early. */
export class JsonStreamError extends Error {
  constructor(
    message: string,
    /** Elements completely read before the problem. */
    readonly elementsRead: number,
  ) {
    super(message);
    this.name = "JsonStreamError";
  }
}

/**
 * Stream the elements of a large JSON array with bounded memory: a scanner finds where each
 * top-level element starts and ends (tracking nesting and strings), then `JSON.parse` reads that
 * element alone. Much faster than a token-level streaming parser, and one malformed record is
 * reported (`error`) without losing the ones after it. The array may be the document itself or
 * the value of one of `keys` in a top-level object (e.g. `{"items": [...]}`).
 */
export async function* streamJsonArray(
  input: Readable,
  keys: readonly string[] = ["items", "results", "records"],
): AsyncGenerator<ArrayElement> {
  const decoder = new StringDecoder("utf8");
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  let wrapper = false;
  /** Depth inside the array being streamed, once found. */
  let arrayDepth = -1;
  let arrayDone = false;
  let index = 0;
  let parts: string[] | undefined; // text of the element being read
  // Keys of the wrapper object: the last string closed at depth 1, and the key awaiting its value.
  let stringStart = -1;
  let stringParts: string[] = [];
  let lastString: string | undefined;
  let pendingKey: string | undefined;

  const finish = (text: string): ArrayElement => {
    const element = index++;
    try {
      return { index: element, value: JSON.parse(text) as unknown };
    } catch (error) {
      return { index: element, error: error instanceof Error ? error.message : String(error) };
    }
  };

  for await (const raw of input) {
    const chunk = typeof raw === "string" ? raw : decoder.write(raw as Buffer);
    const out: ArrayElement[] = [];
    let elementStart = parts ? 0 : -1;
    if (inString && stringStart >= 0) stringStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92 /* \ */) escaped = true;
        else if (c === 34 /* " */) {
          inString = false;
          if (stringStart >= 0) {
            stringParts.push(chunk.slice(stringStart, i));
            lastString = stringParts.join("");
            stringParts = [];
            stringStart = -1;
          }
        }
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (!started) {
        if (c === 0xfeff) continue;
        started = true;
        if (c === 91 /* [ */) {
          depth = 1;
          arrayDepth = 1;
          continue;
        }
        if (c === 123 /* { */) {
          depth = 1;
          wrapper = true;
          continue;
        }
        throw new JsonStreamError("the document is neither a JSON array nor an object", 0);
      }
      if (arrayDepth > 0 && depth === arrayDepth && !parts && c !== 44 && c !== 93) {
        parts = [];
        elementStart = i;
      }
      if (c === 34) {
        inString = true;
        if (wrapper && depth === 1) {
          stringStart = i + 1;
          stringParts = [];
        }
      } else if (c === 91 || c === 123) {
        if (wrapper && depth === 1 && c === 91 && arrayDepth < 0 && !arrayDone && pendingKey !== undefined) {
          if (keys.includes(pendingKey)) {
            depth++;
            arrayDepth = depth;
            continue;
          }
        }
        depth++;
      } else if (c === 93 || c === 125) {
        if (depth === arrayDepth && c === 93) {
          if (parts) {
            parts.push(chunk.slice(elementStart, i));
            out.push(finish(parts.join("")));
            parts = undefined;
          }
          arrayDepth = -1;
          arrayDone = true;
        }
        depth--;
        if (depth < 0) throw new JsonStreamError("unbalanced brackets", index);
      } else if (c === 44 /* , */) {
        if (depth === arrayDepth && parts) {
          parts.push(chunk.slice(elementStart, i));
          out.push(finish(parts.join("")));
          parts = undefined;
        } else if (wrapper && depth === 1) pendingKey = undefined;
      } else if (c === 58 /* : */ && wrapper && depth === 1) {
        pendingKey = lastString;
      }
    }
    if (parts) parts.push(chunk.slice(elementStart));
    if (inString && stringStart >= 0) stringParts.push(chunk.slice(stringStart));
    yield* out;
  }
  if (!started) throw new JsonStreamError("the document is empty", 0);
  if (depth !== 0 || inString) throw new JsonStreamError("the document ends in the middle of a value", index);
  if (!arrayDone && arrayDepth < 0) {
    throw new JsonStreamError(`no array found (expected a JSON array, or one under: ${keys.join(", ")})`, 0);
  }
}
