import { z } from "zod";

/** Body of `POST /api/v1/plans/{id}/presence`: which field a live connection is editing. */
export const presenceBodySchema = z.object({
  connectionId: z.string().min(1).max(100).describe("From the stream's `hello` event"),
  field: z
    .string()
    .max(1000)
    .regex(/^(\/.*)?$/, "a JSON pointer such as /details/title")
    .nullable()
    .describe("JSON pointer of the field being edited, or null when none"),
});
export type PresenceBody = z.infer<typeof presenceBodySchema>;

/** One person with the plan open, as `presence` events list them. */
export interface LivePresenceEntry {
  connectionId: string;
  userId: string;
  name: string;
  /** JSON pointer of the field they are editing, or null. */
  field: string | null;
}

/** Why the server ended a stream for good (the caller may no longer read the plan). */
export type LiveEndReason = "not_found" | "unauthenticated";

/**
 * The events of `GET /api/v1/plans/{id}/events`, by SSE event name, with their JSON data
 * (docs/api-plans.md, "Live editing").
 */
export interface LiveStreamEvents {
  /** First event of every (re)connection. */
  hello: { connectionId: string; revision: number };
  /** An accepted edit (any stored revision); without `ops` (`truncated`), reload the plan. */
  edit: { revision: number; author: string; ops?: unknown; truncated?: boolean };
  presence: { present: LivePresenceEntry[] };
  /** Events may have been lost: reload the plan. */
  resync: Record<string, never>;
  /** Last event before the server closes the stream for good: do not reconnect. */
  end: { reason: LiveEndReason };
}
export type LiveStreamEventName = keyof LiveStreamEvents;
