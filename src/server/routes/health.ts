import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../services/app-context.js";
import { checkHealth } from "../../services/health.js";

const healthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["sqlite", "postgres"]),
  version: z.string(),
});

/** `GET /healthz`: 200 when the database answers, 503 otherwise. Never cached. */
export function healthRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/healthz",
      {
        logLevel: "warn",
        schema: {
          summary: "Liveness and database reachability",
          response: { 200: healthSchema, 503: healthSchema },
        },
      },
      async (_request, reply) => {
        const report = await checkHealth(context);
        reply.header("cache-control", "no-store");
        return reply.status(report.status === "ok" ? 200 : 503).send(report);
      },
    );
  };
}
