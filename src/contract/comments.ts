import { z } from "zod";

/** HTTP contract of plan comments (docs/api-plans.md, "Comments"). */

const id = z.string().min(1).max(100);
const person = z.object({ id: z.string(), displayName: z.string() });

/** A comment's text: plain text, trimmed, 1–10,000 characters. */
export const commentTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(10_000)
  .describe("Plain text, 1–10,000 characters");

export const commentSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    questionId: z.string(),
    outputId: z.string().nullable().describe("The research output; null for a plan-wide comment"),
    outputRemoved: z
      .boolean()
      .describe(
        "True when the comment is on a research output no longer in the plan (removed; a revert of the removal brings it back to false)",
      ),
    parentId: z.string().nullable().describe("The thread's first comment, for a reply"),
    body: z.string(),
    author: person,
    createdAt: z.string(),
    editedAt: z.string().nullable(),
    resolvedAt: z
      .string()
      .nullable()
      .describe("Set when the thread is resolved (replies carry their thread's)"),
    resolvedBy: person.nullable(),
  })
  .meta({ id: "Comment" });
export type Comment = z.infer<typeof commentSchema>;

export const commentCreateSchema = z.object({
  questionId: id.describe("A question of the plan's template"),
  outputId: id.nullable().optional().describe("A research output of the plan; absent or null: plan-wide"),
  parentId: id.nullable().optional().describe("Reply to this thread (its first comment)"),
  body: commentTextSchema,
});
export type CommentCreateInput = z.input<typeof commentCreateSchema>;

export const commentEditSchema = z.object({ body: commentTextSchema });
export type CommentEditInput = z.input<typeof commentEditSchema>;

export const commentStatusSchema = z.enum(["open", "resolved", "all"]);

export const commentListQuerySchema = z.object({
  questionId: id.optional(),
  outputId: z
    .string()
    .max(100)
    .optional()
    .describe("A research output's id; empty for plan-wide comments only; absent for all"),
  status: commentStatusSchema.default("all").describe("Threads that are open, resolved, or all"),
  removedOutputs: z
    .enum(["exclude", "include", "only"])
    .default("exclude")
    .describe(
      "Comments on research outputs removed from the plan: left out (default), listed too, or listed alone",
    ),
});
export type CommentListQuery = z.input<typeof commentListQuerySchema>;

export const commentListSchema = z.object({ comments: z.array(commentSchema) }).meta({ id: "CommentList" });

export const commentCountsSchema = z
  .object({
    counts: z
      .array(
        z.object({
          questionId: z.string(),
          outputId: z.string().nullable(),
          open: z.number().int().describe("Open threads"),
          resolved: z.number().int().describe("Resolved threads"),
        }),
      )
      .describe("Threads on the plan's questions and its current research outputs"),
    onRemovedOutputs: z
      .object({ open: z.number().int(), resolved: z.number().int() })
      .describe(
        "Threads on research outputs removed from the plan (kept: list them with removedOutputs=only; a revert of the removal counts them above again)",
      ),
  })
  .meta({ id: "CommentCounts" });
export type CommentCounts = z.infer<typeof commentCountsSchema>;
