/** JSON Pointer (RFC 6901) helpers: paths in problems, completeness and edit operations. */

export type PathSegment = string | number;

/** `["outputs", "o1", "title"]` → `/outputs/o1/title` (escaping `~` and `/`). */
export function toPointer(segments: readonly PathSegment[]): string {
  return segments.map((s) => `/${String(s).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/** `/outputs/o1/title` → `["outputs", "o1", "title"]`; undefined when the text is not a pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return undefined;
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** True when `ancestor` is `path` itself or one of its ancestors. */
export function isSameOrAncestor(ancestor: readonly string[], path: readonly string[]): boolean {
  if (ancestor.length > path.length) return false;
  return ancestor.every((segment, index) => path[index] === segment);
}

/** True when one path equals, contains or is contained in the other. */
export function pathsOverlap(a: readonly string[], b: readonly string[]): boolean {
  return isSameOrAncestor(a, b) || isSameOrAncestor(b, a);
}

/** The value at `segments` in `document`, or `undefined` when some step is missing. */
export function valueAt(document: unknown, segments: readonly PathSegment[]): unknown {
  let current: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const index = typeof segment === "number" ? segment : arrayIndex(segment);
      if (index === undefined || index >= current.length) return undefined;
      current = current[index];
    } else if (isPlainObject(current)) {
      const key = String(segment);
      if (!Object.hasOwn(current, key)) return undefined;
      current = current[key];
    } else {
      return undefined;
    }
  }
  return current;
}

/** A canonical array index (`0`, `12`, not `01` or `-1`), else undefined. */
export function arrayIndex(segment: string): number | undefined {
  return /^(0|[1-9]\d{0,8})$/.test(segment) ? Number(segment) : undefined;
}

/** True for `{}`-like objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when two JSON values are equal (objects compared key by key, whatever the key order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
  );
}
