import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  accountAdminPatchSchema,
  accountSchema,
  organisationCreateSchema,
  organisationSchema,
} from "../../../contract/accounts.js";
import { errorBodySchema } from "../../../contract/errors.js";
import type { AccountDeps } from "../../../services/account-deps.js";
import {
  createOrganisation,
  listOrganisationMembers,
  listOrganisations,
  updateAccountAsAdmin,
} from "../../../services/organisations.js";

const tags = ["organisations"];
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const denied = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** `/api/v1/organisations…` and `/api/v1/users/{id}`: organisations and their administration. */
export function organisationRoutes(deps: AccountDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/organisations",
      {
        schema: {
          tags,
          summary: "Every organisation (public: people pick theirs when signing up)",
          response: { 200: z.object({ organisations: z.array(organisationSchema) }) },
        },
      },
      async () => ({ organisations: await listOrganisations(deps) }),
    );

    app.post(
      "/api/v1/organisations",
      {
        schema: {
          tags,
          security,
          summary: "Create an organisation (super admins)",
          body: organisationCreateSchema,
          response: { 201: organisationSchema, 422: errorBodySchema, ...denied },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createOrganisation(deps, request.actor, request.body)),
    );

    app.get(
      "/api/v1/organisations/:id/members",
      {
        schema: {
          tags,
          security,
          summary: "Members of an organisation (its org admins and super admins; 404 for others)",
          params: z.object({ id: z.string().min(1).max(100) }),
          response: { 200: z.object({ members: z.array(accountSchema) }), ...denied },
        },
      },
      async (request) => ({ members: await listOrganisationMembers(deps, request.actor, request.params.id) }),
    );

    app.patch(
      "/api/v1/users/:id",
      {
        schema: {
          tags,
          security,
          summary:
            "Change a user's role (org admins within their organisation) or organisation (super admins)",
          params: z.object({ id: z.string().min(1).max(100) }),
          body: accountAdminPatchSchema,
          response: { 200: accountSchema, 409: errorBodySchema, 422: errorBodySchema, ...denied },
        },
      },
      async (request) => updateAccountAsAdmin(deps, request.actor, request.params.id, request.body),
    );
  };
}
