import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  passwordResetCompleteSchema,
  passwordResetRequestSchema,
  registerBodySchema,
  sessionProbeSchema,
  signedInSchema,
  signInBodySchema,
} from "../../../contract/accounts.js";
import { errorBodySchema } from "../../../contract/errors.js";
import type { AccountDeps } from "../../../services/account-deps.js";
import { registerAccount } from "../../../services/accounts.js";
import { completePasswordReset, requestPasswordReset } from "../../../services/password-resets.js";
import { type OpenedSession, probeSession, signIn, signOut } from "../../../services/sessions.js";
import { clearSessionCookies, requestOrigin, sessionCookie, setSessionCookies } from "../../auth.js";

const tags = ["auth"];
const noContent = z.null().describe("No content");
const publicRoute = { public: true };

function signedIn(session: OpenedSession) {
  return { account: session.account, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

/** `/api/v1/auth/…`: register, sign in and out, password reset. */
export function authRoutes(deps: AccountDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/v1/auth/register",
      {
        config: publicRoute,
        schema: {
          tags,
          summary: "Create an account and sign in (sets the session cookies)",
          body: registerBodySchema,
          response: { 201: signedInSchema, 409: errorBodySchema, 422: errorBodySchema, 429: errorBodySchema },
        },
      },
      async (request, reply) => {
        const session = await registerAccount(deps, request.body, requestOrigin(request));
        setSessionCookies(request, reply, session);
        return reply.status(201).send(signedIn(session));
      },
    );

    const signInSchema = {
      tags,
      summary: "Sign in with e-mail and password (sets the session cookies)",
      body: signInBodySchema,
      response: { 200: signedInSchema, 401: errorBodySchema, 429: errorBodySchema },
    };
    // `login` is the fixed path scripts use; `sign-in` is the same operation under the product's word.
    for (const url of ["/api/v1/auth/login", "/api/v1/auth/sign-in"]) {
      app.post(url, { config: publicRoute, schema: signInSchema }, async (request, reply) => {
        const session = await signIn(deps, request.body, requestOrigin(request));
        setSessionCookies(request, reply, session);
        return reply.send(signedIn(session));
      });
    }

    for (const url of ["/api/v1/auth/logout", "/api/v1/auth/sign-out"]) {
      app.post(
        url,
        {
          schema: {
            tags,
            summary: "End the current session and clear its cookies",
            response: { 204: noContent, 403: errorBodySchema },
          },
        },
        async (request, reply) => {
          await signOut(deps, request.actor);
          clearSessionCookies(request, reply);
          return reply.status(204).send(null);
        },
      );
    }

    app.get(
      "/api/v1/session",
      {
        config: { probe: true },
        schema: {
          tags,
          summary: "Who is calling: the account and anti-forgery token, or nulls when anonymous (never 401)",
          response: { 200: sessionProbeSchema },
        },
      },
      async (request) => probeSession(request.actor, request.cookies[sessionCookie]),
    );

    app.post(
      "/api/v1/auth/password-reset",
      {
        config: publicRoute,
        schema: {
          tags,
          summary:
            "Send a password reset link by e-mail (same answer whether or not the address has an account)",
          body: passwordResetRequestSchema,
          response: { 202: noContent, 429: errorBodySchema },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, request.body, requestOrigin(request));
        return reply.status(202).send(null);
      },
    );

    app.post(
      "/api/v1/auth/password-reset/complete",
      {
        config: publicRoute,
        schema: {
          tags,
          summary: "Choose a new password with the token of a reset link; ends every session of the account",
          body: passwordResetCompleteSchema,
          response: { 204: noContent, 400: errorBodySchema, 422: errorBodySchema },
        },
      },
      async (request, reply) => {
        await completePasswordReset(deps, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
