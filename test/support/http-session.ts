import { uniqueEmail } from "./accounts.js";

/** A signed-in user of a server reached over real HTTP (fetch): cookie header and anti-forgery token. */
export interface HttpSession {
  accountId: string;
  displayName: string;
  cookie: string;
  csrf: string;
}

/** The `name=value` pairs of a response's Set-Cookie headers, as one Cookie header. */
function cookieHeaderOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .filter(Boolean)
    .join("; ");
}

/** Register a fresh account on the server at `base` and keep its session. */
export async function registerOverHttp(base: string, displayName = "Test User"): Promise<HttpSession> {
  const response = await fetch(`${base}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: uniqueEmail("live"), password: "a long enough password", displayName }),
  });
  const body = (await response.json()) as { account: { id: string }; csrfToken: string };
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(body)}`);
  return { accountId: body.account.id, displayName, cookie: cookieHeaderOf(response), csrf: body.csrfToken };
}

/** A JSON answer: a resource, or an error `{error: {code, message, details}}`. */
export type ApiBody = {
  error?: { code: string; message: string; details?: unknown };
  [key: string]: unknown;
};

/** Call the API at `base` as `session` (cookie + anti-forgery header); resolves to status and JSON body. */
export async function callAs(
  base: string,
  session: HttpSession | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: ApiBody }> {
  const headers: Record<string, string> = {};
  if (session) Object.assign(headers, { cookie: session.cookie, "x-csrf-token": session.csrf });
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as ApiBody) : {} };
}

/** Create a plan owned by `session`, optionally made public; returns its id. */
export async function createPlanOverHttp(
  base: string,
  session: HttpSession,
  options: { title?: string; visibility?: "private" | "organisation" | "public" } = {},
): Promise<string> {
  const created = await callAs(base, session, "POST", "/api/v1/plans", {
    templateId: "science-europe-structured",
    language: "eng",
    title: options.title ?? "Live plan",
  });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  if (options.visibility && options.visibility !== "private") {
    const set = await callAs(base, session, "PATCH", `/api/v1/plans/${id}`, {
      baseRevision: 0,
      ops: [{ op: "set", path: "/visibility", value: options.visibility }],
    });
    if (set.status !== 200) throw new Error(`visibility failed: ${JSON.stringify(set.body)}`);
  }
  return id;
}
