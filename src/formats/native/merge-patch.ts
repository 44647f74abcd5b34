/**
 * JSON Merge Patch (RFC 7396) with one addition: a value that is itself `null` in the target is
 * written `{ "$null": true }`, because a bare `null` in a merge patch means "delete". Arrays are
 * replaced whole. Used to carry exactly what one model cannot express inside the other.
 */

import { sameJson } from "../../domain/json-pointer.js";

type Json = unknown;

const nullMarker = "$null";

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function encode(value: Json): Json {
  if (value === null) return { [nullMarker]: true };
  if (Array.isArray(value)) return value.map(encode);
  if (isPlainObject(value)) {
    const out: Record<string, Json> = {};
    for (const [key, child] of Object.entries(value)) define(out, key, encode(child));
    return out;
  }
  return value;
}

function decode(value: Json): Json {
  if (isPlainObject(value) && value[nullMarker] === true && Object.keys(value).length === 1) return null;
  if (Array.isArray(value)) return value.map(decode);
  if (isPlainObject(value)) {
    const out: Record<string, Json> = {};
    for (const [key, child] of Object.entries(value)) define(out, key, decode(child));
    return out;
  }
  return value;
}

function define(target: Record<string, Json>, key: string, value: Json): void {
  if (key !== "__proto__") target[key] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The patch that turns `from` into `to` (`undefined` when they are equal). */
export function diffJson(from: Json, to: Json): Json | undefined {
  if (sameJson(from, to)) return undefined;
  if (!isPlainObject(from) || !isPlainObject(to)) return encode(to);
  const patch: Record<string, Json> = {};
  for (const key of Object.keys(from)) if (!Object.hasOwn(to, key)) define(patch, key, null);
  for (const [key, value] of Object.entries(to)) {
    if (!Object.hasOwn(from, key)) define(patch, key, encode(value));
    else {
      const child = diffJson(from[key], value);
      if (child !== undefined) define(patch, key, child);
    }
  }
  return patch;
}

/** `base` with `patch` applied (neither is modified). */
export function applyJsonPatch(base: Json, patch: Json): Json {
  if (!isPlainObject(patch) || (patch[nullMarker] === true && Object.keys(patch).length === 1))
    return decode(patch);
  const out: Record<string, Json> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else define(out, key, applyJsonPatch(out[key], value));
  }
  return out;
}
