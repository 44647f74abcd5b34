import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/** A signed-in browser in tests: its cookies and anti-forgery token. */
export interface TestSession {
  cookies: Record<string, string>;
  csrf: string;
  accountId: string;
}

/** Cookies set by a response, as name → value. */
export function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

let counter = 0;
/** A fresh e-mail address for a test. */
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

/** Register an account through the API and return its session. */
export async function registerUser(
  app: FastifyInstance,
  email = uniqueEmail(),
  password = "a long enough password",
  extra: Record<string, unknown> = {},
): Promise<TestSession & { email: string; password: string }> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/register",
    payload: { email, password, displayName: "Test User", ...extra },
  });
  if (response.statusCode !== 201)
    throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  const body = response.json();
  return { cookies: cookiesOf(response), csrf: body.csrfToken, accountId: body.account.id, email, password };
}

/** Sign in through the API; throws unless it succeeds. */
export async function signInUser(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<TestSession> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const body = response.json();
  return { cookies: cookiesOf(response), csrf: body.csrfToken, accountId: body.account.id };
}

/** Headers and cookies of a cookie-authenticated write. */
export function asSession(session: TestSession) {
  return { cookies: session.cookies, headers: { "x-csrf-token": session.csrf } };
}
