import type { OutgoingHttpHeaders } from "node:http";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBodySchema } from "../../../contract/errors.js";
import { presenceBodySchema } from "../../../contract/live.js";
import type { LiveRequests, LiveStreamSink, LiveSubscription } from "../../../services/live-requests.js";
import type { Actor } from "../../../services/permissions.js";

const tags = ["live"];
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const idParams = z.object({ id: z.string().min(1).max(100) });

const streamDescription = [
  "Server-Sent Events of the plan (right `read`). Events, each `event: <name>` with JSON `data:`:",
  "`hello {connectionId, revision}` first; `edit {revision, author, ops?, truncated?}` for every accepted",
  "edit (without `ops`, reload the plan); `presence {present: [{connectionId, userId, name, field}]}`;",
  "`resync {}` (reload the plan); `end {reason}` before the server closes the stream for good (the",
  "caller may no longer read the plan: do not reconnect). A comment line keeps the stream open every 15 s.",
].join(" ");

/** An open event stream, as the server's shutdown sees it. */
interface OpenStream {
  /** End the stream now (server closing: clients reconnect, to this server or another); resolves once its presence left. */
  shutdown(): Promise<void>;
}

export interface LiveRouteOptions {
  /** Interval of the keep-alive comment lines (ms); 15 s by default. */
  keepAliveMs?: number;
  /** The caller of a request by its credentials now (for the checks while a stream is open). */
  currentActor(request: FastifyRequest): Promise<Actor | undefined>;
}

/** A client that reads slower than this many buffered bytes is dropped (it reconnects and reloads). */
const maxBufferedBytes = 1024 * 1024;

/**
 * `GET /api/v1/plans/:id/events` (Server-Sent Events, written on the raw response after hijacking
 * it) and `POST /api/v1/plans/:id/presence`. Access and presence rules are in the live requests
 * service. Streams end when the client goes (its presence leaves) and when the server closes.
 */
export function liveRoutes(live: LiveRequests, options: LiveRouteOptions): FastifyPluginAsyncZod {
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  return async (app) => {
    const streams = new Set<OpenStream>();
    // Before the server stops accepting: end every stream so that closing does not wait for them.
    app.addHook("preClose", async () => {
      await Promise.all([...streams].map((stream) => stream.shutdown()));
    });

    app.get(
      "/api/v1/plans/:id/events",
      {
        exposeHeadRoute: false, // a HEAD would open a stream with nothing to carry it
        schema: {
          tags,
          security,
          summary: "Live events of a plan: accepted edits, presence (text/event-stream)",
          description: streamDescription,
          params: idParams,
          response: {
            200: {
              description: "An event stream that stays open",
              content: { "text/event-stream": { schema: z.string() } },
            },
            401: errorBodySchema,
            404: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const opened = await live.open(request.actor, request.params.id, () => options.currentActor(request));
        const res = reply.raw;
        let subscription: LiveSubscription | undefined;
        let gone = false;
        let keepAlive: NodeJS.Timeout | undefined;
        const write = (chunk: string) => {
          if (gone || res.writableEnded || res.destroyed) return;
          res.write(chunk);
          if (res.writableLength > maxBufferedBytes) res.destroy();
        };
        let closing: Promise<void> | undefined;
        const finish = (): Promise<void> => {
          if (!gone) {
            gone = true;
            clearInterval(keepAlive);
            streams.delete(stream);
            closing = subscription?.close().catch(() => {});
          }
          return closing ?? Promise.resolve();
        };
        const stream: OpenStream = {
          shutdown: () => {
            // Once the last bytes are out, close the socket: a client that keeps its half open must not
            // keep the server from closing.
            const socket = res.socket;
            if (!res.writableEnded) res.end(() => socket?.destroy());
            return finish();
          },
        };
        res.on("close", () => void finish());
        streams.add(stream);

        const sink: LiveStreamSink = {
          event: (name, data) => {
            if (!reply.sent) {
              // First event (hello): from here on the response is ours, not Fastify's.
              reply.hijack();
              // Headers set by earlier hooks (request id, security headers) go out with the stream.
              const earlier = Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined);
              res.writeHead(200, {
                ...(Object.fromEntries(earlier) as OutgoingHttpHeaders),
                "content-type": "text/event-stream",
                "cache-control": "no-cache",
                "x-accel-buffering": "no",
                // The stream is the last answer on this connection: ending it closes the socket.
                connection: "close",
              });
              // How long EventSource waits before reconnecting (ms).
              write("retry: 2000\n\n");
              keepAlive = setInterval(() => write(": keep-alive\n\n"), keepAliveMs);
            }
            write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
          },
          end: () => void stream.shutdown(),
        };
        try {
          subscription = await opened.start(sink);
        } catch (error) {
          void finish();
          if (!reply.sent) throw error; // nothing written yet: the usual JSON error
          res.destroy();
          return reply;
        }
        if (gone) void subscription.close(); // the client left while we were joining
        return reply;
      },
    );

    app.post(
      "/api/v1/plans/:id/presence",
      {
        schema: {
          tags,
          security,
          summary: "Say which field your live connection is editing (or none)",
          params: idParams,
          body: presenceBodySchema,
          response: {
            204: z.null().describe("No content"),
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
            409: errorBodySchema.describe("live_connection_unknown: closed, or not the caller's"),
          },
        },
      },
      async (request, reply) => {
        await live.setPresence(
          request.actor,
          request.params.id,
          request.body.connectionId,
          request.body.field,
        );
        return reply.status(204).send(null);
      },
    );
  };
}
