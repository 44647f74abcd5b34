import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBodySchema } from "../../../contract/errors.js";
import {
  acceptedInvitationSchema,
  acceptInvitationBodySchema,
  addMemberBodySchema,
  changeRoleBodySchema,
  planInvitationSchema,
  planMemberSchema,
  planMembersSchema,
  planVisibilitySchema,
  transferBodySchema,
  visibilityBodySchema,
} from "../../../contract/plans.js";
import type { PlanRequests } from "../../../services/plan-requests.js";

const tags = ["plan sharing"];
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const id = z.string().min(1).max(100);
const idParams = z.object({ id });
const denied = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const invalid = { 422: errorBodySchema };
const noContent = z.null().describe("No content");

/** `/api/v1/plans/{id}/members|invitations|transfer|visibility`: who may see and change a plan. */
export function planSharingRoutes(plans: PlanRequests): FastifyPluginAsyncZod {
  const { sharing } = plans;
  return async (app) => {
    app.get(
      "/api/v1/plans/:id/members",
      {
        schema: {
          tags,
          security,
          summary: "Members of a plan and pending invitations (members and super admins)",
          params: idParams,
          response: { 200: planMembersSchema, ...denied },
        },
      },
      async (request) => sharing.list(request.actor, request.params.id),
    );

    app.post(
      "/api/v1/plans/:id/members",
      {
        schema: {
          tags,
          security,
          summary:
            "Share with an e-mail: 201 member when it has an account, 202 invitation (e-mailed) otherwise; 409 when already a member or invited",
          params: idParams,
          body: addMemberBodySchema,
          response: {
            201: z.object({ member: planMemberSchema }),
            202: z.object({ invitation: planInvitationSchema }),
            409: errorBodySchema,
            ...invalid,
            ...denied,
          },
        },
      },
      async (request, reply) => {
        const result = await sharing.add(request.actor, request.params.id, request.body);
        return reply.status("member" in result ? 201 : 202).send(result);
      },
    );

    app.patch(
      "/api/v1/plans/:id/members/:userId",
      {
        schema: {
          tags,
          security,
          summary: "Change a member's role (co-owners: the owner only; never the owner's)",
          params: z.object({ id, userId: id }),
          body: changeRoleBodySchema,
          response: {
            200: z.object({ member: planMemberSchema }),
            409: errorBodySchema,
            ...invalid,
            ...denied,
          },
        },
      },
      async (request) =>
        sharing.changeRole(request.actor, request.params.id, request.params.userId, request.body),
    );

    app.delete(
      "/api/v1/plans/:id/members/:userId",
      {
        schema: {
          tags,
          security,
          summary: "Remove a member, or leave the plan (your own user id); never the owner",
          params: z.object({ id, userId: id }),
          response: { 204: noContent, 409: errorBodySchema, ...denied },
        },
      },
      async (request, reply) => {
        await sharing.remove(request.actor, request.params.id, request.params.userId);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      "/api/v1/plans/:id/invitations/:invitationId",
      {
        schema: {
          tags,
          security,
          summary: "Withdraw a pending invitation",
          params: z.object({ id, invitationId: id }),
          response: { 204: noContent, ...denied },
        },
      },
      async (request, reply) => {
        await sharing.cancelInvitation(request.actor, request.params.id, request.params.invitationId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/v1/plans/:id/transfer",
      {
        schema: {
          tags,
          security,
          summary: "Make another member the owner (the owner only); the previous owner becomes co-owner",
          params: idParams,
          body: transferBodySchema,
          response: { 200: planMembersSchema, ...invalid, ...denied },
        },
      },
      async (request) => sharing.transfer(request.actor, request.params.id, request.body),
    );

    app.put(
      "/api/v1/plans/:id/visibility",
      {
        schema: {
          tags,
          security,
          summary: "Set the plan's visibility (owner, co-owner); a change is a new revision",
          params: idParams,
          body: visibilityBodySchema,
          response: {
            200: z.object({ visibility: planVisibilitySchema, revision: z.number().int() }),
            ...invalid,
            ...denied,
          },
        },
      },
      async (request) => sharing.setVisibility(request.actor, request.params.id, request.body),
    );

    app.post(
      "/api/v1/invitations/accept",
      {
        schema: {
          tags,
          security,
          summary:
            "Join a plan with the token of an invitation e-mail's link, signed in with the invited address",
          body: acceptInvitationBodySchema,
          response: {
            200: acceptedInvitationSchema,
            ...invalid,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
          },
        },
      },
      async (request) => sharing.acceptInvitation(request.actor, request.body),
    );
  };
}
