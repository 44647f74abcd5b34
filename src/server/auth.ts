import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AccountDeps } from "../services/account-deps.js";
import { resolveApiToken } from "../services/api-tokens.js";
import type { Actor } from "../services/permissions.js";
import {
  checkCsrfToken,
  type OpenedSession,
  type RequestOrigin,
  resolveSession,
} from "../services/sessions.js";
import { AppError } from "../shared/app-error.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is calling: resolved from the bearer token or the session cookie; undefined if anonymous. */
    actor: Actor | undefined;
  }
  interface FastifyContextConfig {
    /** Routes open to anyone (sign-in, register, reset): no anti-forgery check on them. */
    public?: boolean;
    /** Routes that describe the caller (the session probe): bad credentials make them anonymous, never 401. */
    probe?: boolean;
  }
}

/** Cookie holding the session secret (HttpOnly: scripts never see it). */
export const sessionCookie = "carnet_session";
/** Cookie holding the anti-forgery token, readable by the web app, echoed in `csrfHeader`. */
export const csrfCookie = "carnet_csrf";
/** Header carrying the anti-forgery token on cookie-authenticated writes. */
export const csrfHeader = "x-csrf-token";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
const bearerPattern = /^Bearer\s+(\S+)\s*$/i;

function unauthenticated(): AppError {
  return new AppError("unauthenticated", "Invalid or revoked credentials");
}

/** Where the request comes from, for rate limits (the proxy's client address when trusted). */
export function requestOrigin(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip };
}

function cookieOptions(request: FastifyRequest, expiresAt: string, httpOnly: boolean) {
  return {
    path: "/",
    httpOnly,
    sameSite: "lax" as const,
    // request.protocol follows X-Forwarded-Proto only when trustProxy is configured.
    secure: request.protocol === "https",
    expires: new Date(expiresAt),
  };
}

// The cookie plugin is registered without its hooks (see registerAuth): cookies are set here, as
// Set-Cookie headers, never with `reply.setCookie` (which would then send nothing).

/** Set the session and anti-forgery cookies of a new session. */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  session: OpenedSession,
): void {
  const serialize = request.server.serializeCookie;
  reply.header("set-cookie", [
    serialize(sessionCookie, session.secret, cookieOptions(request, session.expiresAt, true)),
    serialize(csrfCookie, session.csrfToken, cookieOptions(request, session.expiresAt, false)),
  ]);
}

/** Remove the session cookies (sign-out). */
export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  const expired = new Date(0).toISOString();
  const serialize = request.server.serializeCookie;
  reply.header("set-cookie", [
    serialize(sessionCookie, "", { ...cookieOptions(request, expired, true), maxAge: 0 }),
    serialize(csrfCookie, "", { ...cookieOptions(request, expired, false), maxAge: 0 }),
  ]);
}

/**
 * Who `request`'s credentials designate now (bearer token, else session cookie), or undefined when
 * none is valid any more. For long requests (event streams) that check again that their caller is
 * still signed in; ordinary requests use `request.actor`, resolved once by the hook below.
 */
export async function currentActorOf(deps: AccountDeps, request: FastifyRequest): Promise<Actor | undefined> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const secret = bearerPattern.exec(authorization)?.[1];
    return secret ? resolveApiToken(deps, secret) : undefined;
  }
  const secret = request.cookies[sessionCookie];
  return secret ? resolveSession(deps, secret) : undefined;
}

/**
 * Resolve `request.actor` on API paths: an `Authorization: Bearer` token (which must be valid), else
 * the session cookie. Cookie-authenticated unsafe methods must carry the session's anti-forgery
 * token in `X-CSRF-Token`, so that another site cannot make the browser write on the user's behalf.
 */
export async function registerAuth(app: FastifyInstance, deps: AccountDeps): Promise<void> {
  // Without the plugin's hooks (a hook on every request and one on every answer): cookies are
  // parsed below, only when there are some, and set by setSessionCookies / clearSessionCookies.
  await app.register(fastifyCookie, { hook: false });
  app.decorateRequest("actor", undefined);
  app.addHook("onRequest", async (request) => {
    const cookies = request.headers.cookie;
    request.cookies = cookies ? app.parseCookie(cookies) : {};
    if (!request.url.startsWith("/api/")) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const secret = bearerPattern.exec(authorization)?.[1];
      const actor = secret ? await resolveApiToken(deps, secret) : undefined;
      if (!actor) {
        if (request.routeOptions.config.probe) return;
        throw unauthenticated();
      }
      request.actor = actor;
      return;
    }
    const secret = request.cookies[sessionCookie];
    if (!secret) return;
    const actor = await resolveSession(deps, secret);
    // A stale cookie makes the caller anonymous; routes that need someone answer 401.
    if (!actor) return;
    if (!safeMethods.has(request.method) && !request.routeOptions.config.public) {
      const given = request.headers[csrfHeader];
      if (!checkCsrfToken(secret, typeof given === "string" ? given : undefined)) {
        throw new AppError("csrf_failed", "Missing or wrong anti-forgery token");
      }
    }
    request.actor = actor;
  });
}
