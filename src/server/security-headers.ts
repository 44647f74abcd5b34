import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * Content Security Policy suited to the web app: scripts and connections only from this origin
 * (same-origin WebSockets included), inline styles allowed because the component library sets
 * style attributes, and no framing by any site (clickjacking).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const pageHeaders = {
  "content-security-policy": contentSecurityPolicy,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  // Reset links carry a token in the URL: never send it to another site as a referrer.
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};

/**
 * API answers (JSON, files to download) are never rendered as pages: nothing may load from them and
 * nothing may frame them. Fewer and shorter headers than a page's, on the API's hottest paths.
 */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
const apiHeaders = {
  "content-security-policy": apiContentSecurityPolicy,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};

/** The API's data paths (not its browsable docs at /api/docs, a page). */
const apiPathPattern = /^\/api\/(?:v1|madmp)\//;

/**
 * Add the security headers (and `more` headers) to every answer: a page's, or the API's on its data
 * paths (HSTS only on HTTPS, where browsers honour it).
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  more: (request: FastifyRequest, reply: FastifyReply) => void = () => {},
): void {
  // A callback hook, not an async one: it runs on every request and has nothing to wait for.
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(apiPathPattern.test(request.url) ? apiHeaders : pageHeaders);
    if (request.protocol === "https") {
      reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    }
    more(request, reply);
    done();
  });
}
