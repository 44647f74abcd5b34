/**
 * A small JSON parser that accepts the mistakes found in real DMP files (trailing commas, raw
 * newlines or tabs inside strings, comments, stray backslashes) and records each one, and that
 * stops with a line and column on anything else. Used only after `JSON.parse` has refused a text.
 */

export interface LenientRepair {
  /** `trailing_comma` | `control_character` | `comment` | `bad_escape` */
  kind: "trailing_comma" | "control_character" | "comment" | "bad_escape";
  /** JSON path of the value being read when the repair happened (`dmp.dataset[0].title`). */
  path: string;
  line: number;
  column: number;
}

/** Thrown inside the parser and caught by `parseLeniently`; never escapes this module. */
class SyntaxStop {
  constructor(
    readonly reason: "unexpected" | "end" | "too_deep",
    readonly position: number,
    readonly expected: string,
  ) {}
}

export type LenientOutcome =
  | { ok: true; value: unknown; repairs: LenientRepair[] }
  | {
      ok: false;
      reason: "unexpected" | "end" | "too_deep";
      line: number;
      column: number;
      expected: string;
      found: string;
    };

/** Line and column (both from 1) of a character offset. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let index = text.indexOf("\n"); index !== -1 && index < end; index = text.indexOf("\n", index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}

const escapes: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Parse `text` tolerantly, refusing nesting deeper than `maxDepth`. */
export function parseLeniently(text: string, maxDepth: number): LenientOutcome {
  let pos = 0;
  const repairs: LenientRepair[] = [];
  const path: (string | number)[] = [];

  const pathText = (): string =>
    path.map((seg, i) => (typeof seg === "number" ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join("") ||
    "(document)";
  const note = (kind: LenientRepair["kind"], at: number): void => {
    repairs.push({ kind, path: pathText(), ...lineAndColumn(text, at) });
  };

  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) pos++;
      else if (c === 0x2f && text[pos + 1] === "/") {
        note("comment", pos);
        const end = text.indexOf("\n", pos);
        pos = end === -1 ? text.length : end + 1;
      } else if (c === 0x2f && text[pos + 1] === "*") {
        note("comment", pos);
        const end = text.indexOf("*/", pos + 2);
        if (end === -1) throw new SyntaxStop("end", text.length, "*/");
        pos = end + 2;
      } else return;
    }
  };

  const readString = (): string => {
    pos++; // opening quote
    let out = "";
    let chunkStart = pos;
    for (;;) {
      if (pos >= text.length) throw new SyntaxStop("end", pos, '"');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(chunkStart, pos);
        pos++;
        return out;
      }
      if (c === 0x5c) {
        out += text.slice(chunkStart, pos);
        const next = text[pos + 1] ?? "";
        if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else if (Object.hasOwn(escapes, next)) {
          out += escapes[next];
          pos += 2;
        } else {
          // A lone backslash (a Windows path, a LaTeX command): keep it as written.
          note("bad_escape", pos);
          out += "\\";
          pos += 1;
        }
        chunkStart = pos;
        continue;
      }
      if (c < 0x20) note("control_character", pos);
      pos++;
    }
  };

  const readNumber = (): number => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match) throw new SyntaxStop("unexpected", pos, "a value");
    pos += match[0].length;
    return Number(match[0]);
  };

  const readValue = (depth: number): unknown => {
    skipSpace();
    const c = text[pos];
    if (c === "{" || c === "[") {
      if (depth >= maxDepth) throw new SyntaxStop("too_deep", pos, "");
      return c === "{" ? readObject(depth + 1) : readArray(depth + 1);
    }
    if (c === '"') return readString();
    if (c === undefined) throw new SyntaxStop("end", pos, "a value");
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    return readNumber();
  };

  const readObject = (depth: number): Record<string, unknown> => {
    pos++;
    const out: Record<string, unknown> = {};
    for (;;) {
      skipSpace();
      if (text[pos] === "}") {
        pos++;
        return out;
      }
      if (text[pos] !== '"')
        throw new SyntaxStop(pos >= text.length ? "end" : "unexpected", pos, "'\"' or '}'");
      const key = readString();
      skipSpace();
      if (text[pos] !== ":") throw new SyntaxStop(pos >= text.length ? "end" : "unexpected", pos, "':'");
      pos++;
      path.push(key);
      // defineProperty: a key named __proto__ must stay data, as JSON.parse keeps it.
      Object.defineProperty(out, key, {
        value: readValue(depth),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      path.pop();
      skipSpace();
      if (text[pos] === ",") {
        const comma = pos;
        pos++;
        skipSpace();
        if (text[pos] === "}") note("trailing_comma", comma);
        continue;
      }
      if (text[pos] === "}") continue;
      throw new SyntaxStop(pos >= text.length ? "end" : "unexpected", pos, "',' or '}'");
    }
  };

  const readArray = (depth: number): unknown[] => {
    pos++;
    const out: unknown[] = [];
    for (;;) {
      skipSpace();
      if (text[pos] === "]") {
        pos++;
        return out;
      }
      path.push(out.length);
      out.push(readValue(depth));
      path.pop();
      skipSpace();
      if (text[pos] === ",") {
        const comma = pos;
        pos++;
        skipSpace();
        if (text[pos] === "]") note("trailing_comma", comma);
        continue;
      }
      if (text[pos] === "]") continue;
      throw new SyntaxStop(pos >= text.length ? "end" : "unexpected", pos, "',' or ']'");
    }
  };

  try {
    const value = readValue(0);
    skipSpace();
    if (pos < text.length) throw new SyntaxStop("unexpected", pos, "the end of the document");
    return { ok: true, value, repairs };
  } catch (error) {
    if (!(error instanceof SyntaxStop)) throw error;
    const found =
      error.position >= text.length ? "" : JSON.stringify(text.slice(error.position, error.position + 12));
    return {
      ok: false,
      reason: error.reason,
      expected: error.expected,
      found,
      ...lineAndColumn(text, error.position),
    };
  }
}
