import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  commentCountsSchema,
  commentCreateSchema,
  commentEditSchema,
  commentListQuerySchema,
  commentListSchema,
  commentSchema,
} from "../../../contract/comments.js";
import { errorBodySchema } from "../../../contract/errors.js";
import type { CommentService } from "../../../services/comments.js";

const tags = ["comments"];
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const planParams = z.object({ id: z.string().min(1).max(100) });
const commentParams = planParams.extend({ commentId: z.string().min(1).max(100) });
const denied = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const invalid = { 400: errorBodySchema, 422: errorBodySchema };

/** `/api/v1/plans/{id}/comments…`: comments on a plan's questions, per output or plan-wide. */
export function commentRoutes(comments: CommentService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/plans/:id/comments",
      {
        schema: {
          tags,
          security,
          summary: "Comments of a plan, oldest first (filter by question, output, thread status)",
          params: planParams,
          querystring: commentListQuerySchema,
          response: { 200: commentListSchema, ...invalid, ...denied },
        },
      },
      async (request) => ({
        comments: await comments.list(request.actor, request.params.id, request.query),
      }),
    );

    app.get(
      "/api/v1/plans/:id/comments/counts",
      {
        schema: {
          tags,
          security,
          summary: "Open and resolved threads per (question, output)",
          params: planParams,
          response: { 200: commentCountsSchema, ...denied },
        },
      },
      async (request) => comments.counts(request.actor, request.params.id),
    );

    app.post(
      "/api/v1/plans/:id/comments",
      {
        schema: {
          tags,
          security,
          summary: "Comment on a question (a new thread, or a reply with parentId); needs the comment right",
          params: planParams,
          body: commentCreateSchema,
          response: { 201: commentSchema, ...invalid, ...denied },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await comments.create(request.actor, request.params.id, request.body)),
    );

    app.patch(
      "/api/v1/plans/:id/comments/:commentId",
      {
        schema: {
          tags,
          security,
          summary: "Change the text of one's own comment",
          params: commentParams,
          body: commentEditSchema,
          response: { 200: commentSchema, ...invalid, ...denied },
        },
      },
      async (request) =>
        comments.edit(request.actor, request.params.id, request.params.commentId, request.body),
    );

    for (const action of ["resolve", "reopen"] as const) {
      app.post(
        `/api/v1/plans/:id/comments/:commentId/${action}`,
        {
          schema: {
            tags,
            security,
            summary:
              action === "resolve"
                ? "Resolve a thread (its first comment); needs the comment right"
                : "Reopen a resolved thread; needs the comment right",
            params: commentParams,
            response: { 200: commentSchema, 422: errorBodySchema, ...denied },
          },
        },
        async (request) => comments[action](request.actor, request.params.id, request.params.commentId),
      );
    }
  };
}
