import { type LookupSource, LookupUnavailableError } from "./types.js";

export interface HttpOptions {
  source: LookupSource;
  timeoutMs: number;
  headers?: Record<string, string>;
}

/** A body read from a remote service, with its status (404 is an answer, not a failure). */
export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * GET `url` with a hard timeout. Network errors, timeouts, 429 and 5xx become
 * LookupUnavailableError; any other status is returned for the adapter to interpret.
 */
export async function httpGet(url: string, options: HttpOptions): Promise<HttpAnswer> {
  let response: Response;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    response = await fetch(url, { headers: options.headers ?? {}, signal, redirect: "follow" });
  } catch (error) {
    const reason = signal.aborted ? "timeout" : "network";
    throw new LookupUnavailableError(options.source, reason, error instanceof Error ? error.message : "");
  }
  try {
    // The body must arrive within the same deadline: a server that stalls mid-body is a timeout too.
    const body = await response.text();
    if (response.status === 429) throw new LookupUnavailableError(options.source, "rate_limited");
    if (response.status >= 500) {
      throw new LookupUnavailableError(options.source, "server_error", `HTTP ${response.status}`);
    }
    return { status: response.status, body };
  } catch (error) {
    if (error instanceof LookupUnavailableError) throw error;
    throw new LookupUnavailableError(options.source, signal.aborted ? "timeout" : "network");
  }
}

/** GET and parse JSON; a non-JSON body or an unexpected status is a `bad_response`. 404 gives `undefined`. */
export async function getJson(url: string, options: HttpOptions): Promise<unknown> {
  const answer = await httpGet(url, {
    ...options,
    headers: { accept: "application/json", ...options.headers },
  });
  if (answer.status === 404) return undefined;
  if (answer.status !== 200) {
    throw new LookupUnavailableError(options.source, "bad_response", `HTTP ${answer.status}`);
  }
  try {
    return JSON.parse(answer.body) as unknown;
  } catch {
    throw new LookupUnavailableError(options.source, "bad_response", "body is not JSON");
  }
}

/** `base` + `path` + query string, keeping any path prefix of `base` (e.g. a proxy's `/ror`). */
export function buildUrl(
  base: string,
  path: string,
  query: Record<string, string | number | undefined> = {},
) {
  const url = new URL(path.replace(/^\//, ""), base.endsWith("/") ? base : `${base}/`);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}
