import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBodySchema } from "../../../contract/errors.js";
import {
  duplicateBodySchema,
  planAccessSchema,
  planEditHeadersSchema,
  planListQuerySchema,
  planListSchema,
  publicPlanListQuerySchema,
} from "../../../contract/plans.js";
import type { PlanRequests } from "../../../services/plan-requests.js";
import { sendJsonText } from "../../json-text-reply.js";

const tags = ["plans"];
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const idParams = z.object({ id: z.string().min(1).max(100) });
const denied = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
// The plan document follows docs/schema/carnet-plan.schema.json; it is validated by the domain on
// every write, so answers are not re-validated here (large plans stay fast to serve).
const planDocument = z
  .looseObject({ id: z.string(), revision: z.number().int() })
  .describe("A plan (native format)");

const createBody = z.object({
  templateId: z.string().min(1).max(100),
  language: z.string().regex(/^[a-z]{3}$/, "an ISO 639-3 code such as fra or eng"),
  title: z.string().trim().min(1).max(500),
  context: z.enum(["research_project", "research_entity"]).optional(),
});

// Ops are described loosely here (their values are any JSON); the service checks them exactly.
const editOp = z.discriminatedUnion("op", [
  z.object({ op: z.literal("set"), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal("insert"), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal("remove"), path: z.string() }),
  z.object({ op: z.literal("move"), from: z.string(), path: z.string() }),
]);
const editBody = z.object({
  baseRevision: z.number().int().min(0).describe("The revision the ops were made on"),
  ops: z.array(editOp).min(1).max(1000).describe("JSON-pointer operations on the plan document"),
});

/** `/api/v1/plans…`: create, list, read, access, edit (ops on a base revision), bin, restore and duplicate plans. */
export function planRoutes(plans: PlanRequests): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/v1/plans",
      {
        schema: {
          tags,
          security,
          summary: "Create a plan from a template",
          body: createBody,
          response: { 201: planDocument, 400: errorBodySchema, 422: errorBodySchema, ...denied },
        },
      },
      async (request, reply) => reply.status(201).send(await plans.create(request.actor, request.body)),
    );

    app.get(
      "/api/v1/plans",
      {
        schema: {
          tags,
          security,
          summary:
            "Plans the caller may see, by scope (default: every plan they are a member of), a page at a time",
          querystring: planListQuerySchema,
          response: { 200: planListSchema, 400: errorBodySchema, ...denied },
        },
      },
      async (request) => plans.list(request.actor, request.query),
    );

    app.get(
      "/api/v1/public/plans",
      {
        schema: {
          tags,
          summary: "Public plans (no sign-in needed), a page at a time",
          querystring: publicPlanListQuerySchema,
          response: { 200: planListSchema, 400: errorBodySchema },
        },
      },
      async (request) => plans.listPublic(request.actor, request.query),
    );

    app.get(
      "/api/v1/plans/:id/access",
      {
        schema: {
          tags,
          security,
          summary: "The caller's role and rights on a plan",
          params: idParams,
          response: { 200: planAccessSchema, ...denied },
        },
      },
      async (request) => plans.access(request.actor, request.params.id),
    );

    app.post(
      "/api/v1/plans/:id/restore",
      {
        schema: {
          tags,
          security,
          summary: "Take a plan out of the bin (its owner)",
          params: idParams,
          response: { 200: planDocument, ...denied },
        },
      },
      async (request) => plans.restore(request.actor, request.params.id),
    );

    app.post(
      "/api/v1/plans/:id/duplicate",
      {
        schema: {
          tags,
          security,
          summary: "Copy a plan the caller may read; the copy is theirs, private, at revision 0",
          params: idParams,
          body: duplicateBodySchema.optional(),
          response: { 201: planDocument, ...denied },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await plans.duplicate(request.actor, request.params.id, request.body ?? {})),
    );

    app.get(
      "/api/v1/plans/:id",
      {
        schema: {
          tags,
          security,
          summary: "One plan (404 when it does not exist or the caller may not read it)",
          params: idParams,
          response: { 200: planDocument, ...denied },
        },
      },
      // The stored document is sent as it is (it is what serialising the plan would give).
      async (request, reply) =>
        sendJsonText(reply, await plans.getDocument(request.actor, request.params.id)),
    );

    app.patch(
      "/api/v1/plans/:id",
      {
        schema: {
          tags,
          security,
          summary:
            "Apply edit operations made on baseRevision; 409 lists the conflicting paths and current values",
          params: idParams,
          headers: planEditHeadersSchema,
          body: editBody,
          response: {
            200: z.object({ revision: z.number().int(), plan: planDocument, problems: z.array(z.unknown()) }),
            400: errorBodySchema,
            409: errorBodySchema,
            422: errorBodySchema,
            ...denied,
          },
        },
      },
      async (request, reply) => {
        const outcome = await plans.edit(
          request.actor,
          request.params.id,
          request.body.baseRevision,
          request.body.ops,
          request.headers["idempotency-key"],
        );
        if (outcome.replayed) reply.header("idempotent-replayed", "true");
        // The plan as just stored, without serialising it again.
        return sendJsonText(
          reply,
          Buffer.concat([
            Buffer.from(`{"revision":${outcome.plan.revision},"plan":`),
            outcome.document,
            Buffer.from(`,"problems":${JSON.stringify(outcome.problems)}}`),
          ]),
        );
      },
    );

    app.delete(
      "/api/v1/plans/:id",
      {
        schema: {
          tags,
          security,
          summary: "Put a plan in the bin (restorable)",
          params: idParams,
          response: { 204: z.null().describe("No content"), ...denied },
        },
      },
      async (request, reply) => {
        await plans.remove(request.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
