import { isMessageKey } from "../../i18n/translate.js";
import { preview } from "../report.js";
import {
  isObject,
  type JsonObject,
  type JsonPath,
  type NormaliseContext,
  pathText,
  setOwn,
} from "./model.js";
import type { Coerced } from "./values.js";

/** How one field of a DCS object is read. */
export type FieldKind =
  | { scalar: (value: unknown, context: NormaliseContext) => Coerced<unknown>; emptyIsNothing?: boolean }
  | { list: (value: unknown, context: NormaliseContext) => Coerced<unknown> }
  | { object: ObjectSpec }
  | { array: ObjectSpec }
  | { oneOrMany: ObjectSpec; minItems: number };

/** How one kind of DCS object is read: its fields, which are required, and how to fill gaps. */
export interface ObjectSpec {
  name: string;
  fields: Record<string, FieldKind>;
  required: readonly string[];
  /** Misspelled or legacy keys → the standard key. */
  renames?: Readonly<Record<string, string>>;
  /** A bare string given instead of the object becomes this field (`"text"` → `{ title: "text" }`). */
  fromString?: string;
  /** Rewrites the raw object before its fields are read (legacy shapes). */
  prepare?: (raw: JsonObject, path: JsonPath, context: NormaliseContext) => JsonObject;
  /** Fills missing required fields with reported defaults, after the fields are read. */
  complete?: (out: JsonObject, path: JsonPath, context: NormaliseContext, raw: JsonObject) => void;
}

function repair(
  context: NormaliseContext,
  path: JsonPath,
  key: string | number,
  reason: string,
  from: unknown,
): void {
  const key18n = `formats.repair.${reason}`;
  // An unlisted reason still reads well through the generic message rather than a raw key.
  if (isMessageKey(key18n)) context.report.repair(pathText(path, key), key18n, { from: preview(from) });
  else context.report.repair(pathText(path, key), "formats.repair.generic", { reason, from: preview(from) });
}

/** Record a value that cannot be made valid; it is kept in the extension, never dropped. */
export function putAside(
  context: NormaliseContext,
  path: JsonPath,
  key: string | number | undefined,
  value: unknown,
  reason: string,
): void {
  const where = pathText(path, key);
  context.aside.push({ path: where, reason, value });
  const message = `formats.kept.${reason}`;
  context.report.add("kept", where, isMessageKey(message) ? message : "formats.kept.invalid_value", {
    value: preview(value),
  });
}

const snakeCache = new Map<string, string>();

function snakeCase(key: string): string {
  let snake = snakeCache.get(key);
  if (snake === undefined) {
    snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (snakeCache.size < 10_000) snakeCache.set(key, snake);
  }
  return snake;
}

/** Read `value` as an object of `spec`; `undefined` (with the original put aside) when impossible. */
export function readObject(
  value: unknown,
  spec: ObjectSpec,
  path: JsonPath,
  context: NormaliseContext,
): JsonObject | undefined {
  let raw = value;
  if (Array.isArray(raw) && raw.length === 1 && isObject(raw[0])) {
    repair(context, path, spec.name, "array_unwrapped", "[…]");
    raw = raw[0];
  } else if (typeof raw === "string" && spec.fromString) {
    repair(context, path, spec.fromString, "string_to_object", raw);
    raw = { [spec.fromString]: raw };
  }
  if (!isObject(raw)) {
    putAside(context, path, undefined, value, "not_an_object");
    return undefined;
  }
  // Everything recorded while reading this object is rolled back if the object is rejected.
  const mark = {
    kept: context.kept.length,
    aside: context.aside.length,
    report: context.report.entries.length,
  };
  const source = spec.prepare ? spec.prepare(raw, path, context) : raw;
  const out: JsonObject = {};
  for (const [rawKey, fieldValue] of Object.entries(source)) {
    // camelCase spellings (`byteSize`) of a standard snake_case key are read as that key.
    const snake = snakeCase(rawKey);
    const renamed =
      spec.renames?.[rawKey] ?? (snake !== rawKey && Object.hasOwn(spec.fields, snake) ? snake : undefined);
    const key = renamed && !Object.hasOwn(source, renamed) ? renamed : rawKey;
    if (key !== rawKey) repair(context, path, key, "renamed", rawKey);
    const kind = Object.hasOwn(spec.fields, key) ? spec.fields[key] : undefined;
    if (!kind) {
      context.kept.push({ path: [...path], key: rawKey, value: fieldValue });
      context.report.add("kept", pathText(path, rawKey), "formats.kept.unknown_key", { key: rawKey });
      continue;
    }
    const read = readField(fieldValue, kind, path, key, context);
    if (read !== undefined) setOwn(out, key, read);
  }
  spec.complete?.(out, path, context, source);
  const missing = spec.required.filter((key) => !Object.hasOwn(out, key));
  if (missing.length > 0) {
    context.kept.length = mark.kept;
    context.aside.length = mark.aside;
    context.report.entries.length = mark.report;
    putAside(context, path, undefined, value, "missing_required");
    context.report.entries.at(-1)!.params.missing = missing.join(", ");
    return undefined;
  }
  return out;
}

function readField(
  value: unknown,
  kind: FieldKind,
  path: JsonPath,
  key: string,
  context: NormaliseContext,
): unknown {
  if (value === null || value === undefined) {
    repair(context, path, key, "null_removed", value);
    return undefined;
  }
  if ("scalar" in kind) {
    if (value === "" && kind.emptyIsNothing) {
      repair(context, path, key, "empty_removed", value);
      return undefined;
    }
    const coerced = kind.scalar(value, context);
    if (!coerced) {
      putAside(context, path, key, value, "invalid_value");
      return undefined;
    }
    if (coerced.repair) repair(context, path, key, coerced.repair, value);
    return coerced.value;
  }
  // Built only here: most fields are scalars and never need their own path array.
  const fieldPath = [...path, key];
  if ("list" in kind) return readList(value, kind.list, fieldPath, path, key, context);
  if ("object" in kind) return readObject(value, kind.object, fieldPath, context);
  if ("array" in kind) return readArray(value, kind.array, fieldPath, path, key, context);
  // One identifier or several: keep the shape given, as DCS 1.2 allows both.
  if (Array.isArray(value)) {
    const items = readArray(value, kind.oneOrMany, fieldPath, path, key, context);
    return items && items.length >= kind.minItems ? items : undefined;
  }
  return readObject(value, kind.oneOrMany, fieldPath, context);
}

function readArray(
  value: unknown,
  spec: ObjectSpec,
  fieldPath: JsonPath,
  path: JsonPath,
  key: string,
  context: NormaliseContext,
): JsonObject[] | undefined {
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (isObject(value) || (typeof value === "string" && spec.fromString)) {
    repair(context, path, key, "wrapped_in_array", value);
    items = [value];
  } else {
    putAside(context, path, key, value, "invalid_value");
    return undefined;
  }
  const out: JsonObject[] = [];
  for (const item of items) {
    const read = readObject(item, spec, [...fieldPath, out.length], context);
    if (read) out.push(read);
  }
  return out;
}

function readList(
  value: unknown,
  coerce: (value: unknown, context: NormaliseContext) => Coerced<unknown>,
  fieldPath: JsonPath,
  path: JsonPath,
  key: string,
  context: NormaliseContext,
): unknown[] | undefined {
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else {
    repair(context, path, key, "wrapped_in_array", value);
    items = [value];
  }
  const out: unknown[] = [];
  items.forEach((item, index) => {
    const coerced = item === null ? undefined : coerce(item, context);
    if (!coerced) {
      putAside(context, fieldPath, index, item, "invalid_value");
      return;
    }
    if (coerced.repair) repair(context, fieldPath, out.length, coerced.repair, item);
    out.push(coerced.value);
  });
  return out;
}
