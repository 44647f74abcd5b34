import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  accountPatchSchema,
  accountSchema,
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenSchema,
  passwordChangeSchema,
} from "../../../contract/accounts.js";
import { errorBodySchema } from "../../../contract/errors.js";
import type { AccountDeps } from "../../../services/account-deps.js";
import { changePassword, getAccount, updateAccount } from "../../../services/accounts.js";
import { createApiToken, listApiTokens, revokeApiToken } from "../../../services/api-tokens.js";

const tags = ["account"];
const noContent = z.null().describe("No content");
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const denied = { 401: errorBodySchema, 403: errorBodySchema };

/** `/api/v1/account…`: the signed-in user's own account, password and API tokens. */
export function accountRoutes(deps: AccountDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/account",
      {
        schema: {
          tags,
          security,
          summary: "The signed-in account",
          response: { 200: accountSchema, ...denied },
        },
      },
      async (request) => getAccount(deps, request.actor),
    );

    app.patch(
      "/api/v1/account",
      {
        schema: {
          tags,
          security,
          summary: "Change display name or preferred language",
          body: accountPatchSchema,
          response: { 200: accountSchema, 422: errorBodySchema, ...denied },
        },
      },
      async (request) => updateAccount(deps, request.actor, request.body),
    );

    app.post(
      "/api/v1/account/password",
      {
        schema: {
          tags,
          security: [{ session: [] }],
          summary: "Change the password; every other session of the account ends",
          body: passwordChangeSchema,
          response: { 204: noContent, 422: errorBodySchema, ...denied },
        },
      },
      async (request, reply) => {
        await changePassword(deps, request.actor, request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/v1/account/tokens",
      {
        schema: {
          tags,
          security,
          summary: "Personal API tokens (never their secrets)",
          response: { 200: z.object({ tokens: z.array(apiTokenSchema) }), ...denied },
        },
      },
      async (request) => ({ tokens: await listApiTokens(deps, request.actor) }),
    );

    app.post(
      "/api/v1/account/tokens",
      {
        schema: {
          tags,
          security: [{ session: [] }],
          summary: "Create a personal API token; its secret is in this answer only",
          body: apiTokenCreateSchema,
          response: { 201: apiTokenCreatedSchema, 422: errorBodySchema, ...denied },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createApiToken(deps, request.actor, request.body)),
    );

    app.delete(
      "/api/v1/account/tokens/:id",
      {
        schema: {
          tags,
          security,
          summary: "Revoke a personal API token",
          params: z.object({ id: z.string().min(1).max(100) }),
          response: { 204: noContent, 404: errorBodySchema, ...denied },
        },
      },
      async (request, reply) => {
        await revokeApiToken(deps, request.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
