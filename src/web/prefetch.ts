/**
 * Answers the page load asks for before the app's code is there (`boot.ts`): the session check, and
 * what a plan's editor shows first (`features/editor/prefetch.ts`). The app takes each answer once
 * (`takePrefetched`) and fetches as usual when there is none or it is old. Part of the first chunk:
 * it imports only the HTTP client.
 */
import type { UiLanguage } from "../i18n/translate.js";
import { apiRequest } from "./api/client.js";

/** A prefetched answer older than this is not used (the app fetches again). */
const maxAge = 10_000;
interface Entry {
  at: number;
  answer: Promise<unknown>;
  /** Set once the answer has arrived (and is not an error). */
  arrived?: { value: unknown };
}
const entries = new Map<string, Entry>();

/** Keep `answer` for `key` (taken once by `takePrefetched` or `takeArrived`). */
export function remember(key: string, answer: Promise<unknown>): void {
  const entry: Entry = { at: Date.now(), answer };
  // Taken or not, a failure is the app's to report (it fetches again).
  answer.then(
    (value) => (entry.arrived = { value }),
    () => {},
  );
  entries.set(key, entry);
}

function take(key: string): Entry | undefined {
  const entry = entries.get(key);
  entries.delete(key);
  return entry && Date.now() - entry.at < maxAge ? entry : undefined;
}

/** The prefetched answer for `key` if there is a recent one, once. */
export function takePrefetched<T>(key: string): Promise<T> | undefined {
  return take(key)?.answer as Promise<T> | undefined;
}

/**
 * The prefetched answer for `key` if it has already arrived, once (for a first render that needs no
 * loading state); when it has not, it stays for `takePrefetched`.
 */
export function takeArrived<T>(key: string): { value: T } | undefined {
  const arrived = peekArrived<T>(key);
  if (arrived) entries.delete(key);
  return arrived;
}

/**
 * The prefetched answer for `key` if it has already arrived, left in place: for a render that React
 * may discard and do again. The component that uses it calls `forgetPrefetched` once mounted.
 */
export function peekArrived<T>(key: string): { value: T } | undefined {
  const entry = entries.get(key);
  return entry && Date.now() - entry.at < maxAge ? (entry.arrived as { value: T } | undefined) : undefined;
}

/** Drop the prefetched answers of `keys` (used, or not wanted any more). */
export function forgetPrefetched(...keys: string[]): void {
  for (const key of keys) entries.delete(key);
}

/** `GET /api/v1/session`, the session check every page makes first. */
const sessionPath = "/api/v1/session";
export const sessionPrefetchKey = "session";

/** Start the session check. */
export function prefetchSession(lang: UiLanguage): void {
  remember(sessionPrefetchKey, apiRequest(sessionPath, { lang }));
}
