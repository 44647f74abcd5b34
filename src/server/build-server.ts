import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { AppContext } from "../services/app-context.js";
import type { Config } from "../shared/config.js";
import { registerErrorHandling } from "./error-handler.js";
import { healthRoutes } from "./routes/health.js";
import { lookupRoutes } from "./routes/lookups.js";
import { registerWebAssets } from "./web-assets.js";

export interface ServerOptions {
  logLevel?: Config["logLevel"];
  /** Where the built web app is; defaults to dist/web of the installation. */
  webDistDir?: string;
}

const requestIdPattern = /^[\w.:-]{1,100}$/;

/** Build the Fastify app (not listening): routes, error handling, web app. */
export async function buildServer(
  context: AppContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? "info" },
    // Keep a caller's request id (from a proxy) when it is sane; otherwise make one.
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && requestIdPattern.test(given) ? given : randomUUID();
    },
    bodyLimit: 10 * 1024 * 1024,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  registerErrorHandling(app);
  await app.register(healthRoutes(context));
  await app.register(lookupRoutes(context));
  await registerWebAssets(app, options.webDistDir);
  return app;
}
