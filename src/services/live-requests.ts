import type { LiveEndReason, LiveStreamEventName, LiveStreamEvents } from "../contract/live.js";
import { AppError, isAppError } from "../shared/app-error.js";
import type { AppContext } from "./app-context.js";
import type { LiveConnection, LiveEvent } from "./live.js";
import { type Actor, requireActor } from "./permissions.js";
import { createPlanAuthoriser } from "./plan-authorisation.js";

/** Where a stream's events go (the HTTP route writes them as Server-Sent Events). */
export interface LiveStreamSink {
  event<N extends LiveStreamEventName>(name: N, data: LiveStreamEvents[N]): void;
  /** Close the stream (after an `end` event). */
  end(): void;
}

/** An attached stream: its connection id, and how to detach it (client gone, shutdown). */
export interface LiveSubscription {
  connectionId: string;
  close(): Promise<void>;
}

export interface LiveRequestOptions {
  /**
   * How often an open stream checks again that its caller may still read the plan (ms), besides the
   * checks on each access notice (plan binned, visibility changed). Catches revoked sessions and
   * tokens too. Default one minute.
   */
  recheckMs?: number;
}

/**
 * Live editing as callers reach it: subscribe to a plan's events (right `read`), say which field one
 * edits (presence). Access is decided here with the plan authoriser — a plan the caller may not read
 * is `not_found` — and decided again while the stream is open: when the plan's access may have
 * changed (binned, visibility set) and every `recheckMs`, with the caller's credentials resolved
 * afresh (a signed-out session or revoked token ends the stream). A stream that lost access gets an
 * `end` event and is closed.
 */
export function createLiveRequests(
  context: Pick<AppContext, "database" | "live">,
  options: LiveRequestOptions = {},
) {
  const { authorise } = createPlanAuthoriser(context);
  const recheckMs = options.recheckMs ?? 60_000;

  /** Why `actor` may no longer read the plan, or undefined while they may. Other failures keep the stream. */
  const lostAccess = async (
    planId: string,
    before: Actor | undefined,
    now: Actor | undefined,
  ): Promise<LiveEndReason | undefined> => {
    if (before && (!now || now.account.id !== before.account.id)) return "unauthenticated";
    try {
      await authorise(now, planId, "read");
      return undefined;
    } catch (error) {
      if (isAppError(error) && (error.code === "not_found" || error.code === "unauthenticated"))
        return error.code;
      return undefined; // e.g. database briefly down: keep the stream, check again later
    }
  };

  return {
    /**
     * Check that `actor` may read the plan (throws `not_found`/`unauthenticated` before anything is
     * sent), then `start(sink)` attaches a stream: `hello` first, then `presence`, `edit`, `resync`
     * events. `currentActor` resolves the caller's credentials again for the checks while open.
     */
    async open(
      actor: Actor | undefined,
      planId: string,
      currentActor: () => Promise<Actor | undefined> = async () => actor,
    ): Promise<{ start(sink: LiveStreamSink): Promise<LiveSubscription> }> {
      await authorise(actor, planId, "read");
      return {
        start: async (sink) => {
          let ready = false;
          let closed = false;
          let checking = false;
          const pending: (() => void)[] = [];
          /** The revision `hello` carried. */
          let announced = Number.NEGATIVE_INFINITY;
          const emit = <N extends LiveStreamEventName>(
            name: N,
            data: LiveStreamEvents[N],
            stillDue: () => boolean = () => true,
          ) => {
            if (closed) return;
            const send = () => {
              if (stillDue()) sink.event(name, data);
            };
            if (ready) send();
            else pending.push(send);
          };

          let subscription: LiveSubscription | undefined;
          const endFor = async (reason: LiveEndReason) => {
            emit("end", { reason });
            await subscription?.close();
            sink.end();
          };
          const check = async () => {
            if (checking || closed) return;
            checking = true;
            try {
              const reason = await lostAccess(planId, actor, await currentActor().catch(() => actor));
              if (reason) await endFor(reason);
            } finally {
              checking = false;
            }
          };

          const connection: LiveConnection = {
            userId: actor?.account.id ?? "",
            name: actor?.account.displayName ?? "",
            hidden: actor === undefined,
            send: (event: LiveEvent) => {
              switch (event.type) {
                case "edit": {
                  const { type: _type, planId: _plan, ...data } = event;
                  // An edit the revision in `hello` already holds (its announcement came late, from
                  // another process) is not sent again.
                  emit("edit", data, () => data.revision > announced);
                  break;
                }
                case "presence":
                  emit("presence", { present: event.present });
                  break;
                case "resync":
                  emit("resync", {});
                  break;
                case "access":
                  void check();
                  break;
              }
            },
          };

          const joined = await context.live.join(planId, connection);
          const timer = setInterval(() => void check(), recheckMs);
          timer.unref();
          subscription = {
            connectionId: joined.connectionId,
            close: async () => {
              if (closed) return;
              closed = true;
              clearInterval(timer);
              await joined.leave();
            },
          };
          // Read after joining: an edit stored meanwhile is either in this revision or arrives as an event.
          let revision: number;
          try {
            revision = (await authorise(actor, planId, "read")).plan.revision;
          } catch (error) {
            await subscription.close();
            throw error;
          }
          announced = revision;
          sink.event("hello", { connectionId: joined.connectionId, revision });
          ready = true;
          for (const send of pending.splice(0)) send();
          return subscription;
        },
      };
    },

    /**
     * Say which field (JSON pointer, or null) the caller's connection `connectionId` is editing. The
     * connection must be the caller's own and open on this plan, in any instance; else
     * `live_connection_unknown` (409).
     */
    async setPresence(
      actor: Actor | undefined,
      planId: string,
      connectionId: string,
      field: string | null,
    ): Promise<void> {
      await authorise(actor, planId, "read"); // first: a plan one may not see is 404, even anonymous
      const me = requireActor(actor);
      const accepted = await context.live.focus(planId, connectionId, field, { userId: me.account.id });
      if (!accepted) {
        throw new AppError("live_connection_unknown", `No live connection ${connectionId} of yours`, {
          details: { connectionId },
        });
      }
    },
  };
}

export type LiveRequests = ReturnType<typeof createLiveRequests>;
