import { type FormatResult, Report } from "../report.js";
import { parseLeniently } from "./lenient-parser.js";

/** Limits on what an import accepts; beyond them the reader refuses with a clear message. */
export const readLimits = {
  /** Characters of JSON text (about 20 MB of mostly ASCII). */
  maxChars: 20 * 1024 * 1024,
  /** Nesting of objects and arrays; real DMPs stay under 12. */
  maxDepth: 64,
} as const;

export interface ReadLimits {
  maxChars: number;
  maxDepth: number;
}

/** True when objects and arrays in `value` nest deeper than `limit` (stops early). */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth + 1 > limit) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children)
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Read JSON text: strict `JSON.parse` first, then a lenient pass whose every repair is reported;
 * text that stays unreadable gives a problem with its line and column. Never throws.
 */
export function readJson(text: string, limits: ReadLimits = readLimits): FormatResult<unknown> {
  const report = new Report();
  if (text.length > limits.maxChars) {
    return {
      ok: false,
      problem: {
        code: "too_large",
        key: "formats.read.too_large",
        params: {
          size: Math.ceil(text.length / 1024 / 1024),
          limit: Math.floor(limits.maxChars / 1024 / 1024),
        },
      },
    };
  }
  let source = text;
  if (source.charCodeAt(0) === 0xfeff) {
    source = source.slice(1);
    report.repair("(document)", "formats.repair.bom");
  }
  let value: unknown;
  let strictOk = false;
  try {
    value = JSON.parse(source);
    strictOk = true;
  } catch {
    // Falls through to the lenient pass, which also explains where the text breaks.
  }
  if (strictOk) {
    if (depthExceeds(value, limits.maxDepth)) return tooDeep(limits.maxDepth);
    return { ok: true, value, report };
  }
  const outcome = parseLeniently(source, limits.maxDepth);
  if (!outcome.ok) {
    if (outcome.reason === "too_deep") return tooDeep(limits.maxDepth, outcome.line, outcome.column);
    return {
      ok: false,
      problem: {
        code: "not_json",
        key: outcome.reason === "end" ? "formats.read.unexpected_end" : "formats.read.unexpected",
        params: {
          line: outcome.line,
          column: outcome.column,
          expected: outcome.expected,
          found: outcome.found,
        },
      },
    };
  }
  for (const repair of outcome.repairs) {
    report.repair(repair.path, `formats.repair.json.${repair.kind}`, {
      line: repair.line,
      column: repair.column,
    });
  }
  return { ok: true, value: outcome.value, report };
}

function tooDeep(limit: number, line?: number, column?: number): FormatResult<never> {
  return {
    ok: false,
    problem: {
      code: "too_deep",
      key: line === undefined ? "formats.read.too_deep" : "formats.read.too_deep_at",
      params: { limit, line: line ?? 0, column: column ?? 0 },
    },
  };
}
