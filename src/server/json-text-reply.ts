import type { FastifyReply } from "fastify";

/**
 * Send `json`, already serialised (a stored plan document, or one spliced into a response), as the
 * JSON body of `reply`: Fastify sends bytes as they are, without the response schema's serialiser —
 * the caller vouches that they match that schema.
 */
export function sendJsonText(reply: FastifyReply, json: Buffer): FastifyReply {
  // The route's typed `send` expects the schema's object; these bytes are its serialised form.
  return reply.type("application/json; charset=utf-8").send(json as never);
}
