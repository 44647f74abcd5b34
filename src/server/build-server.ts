import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { type AccountOptions, createAccountDeps } from "../services/account-deps.js";
import type { AppContext } from "../services/app-context.js";
import { createCommentService } from "../services/comments.js";
import { createExportCache, type ExportCache } from "../services/export-cache.js";
import { createLiveRequests } from "../services/live-requests.js";
import { createMadmpService } from "../services/madmp.js";
import { createPlanExports } from "../services/plan-exports.js";
import { createPlanImports } from "../services/plan-imports.js";
import { createPlanRequests } from "../services/plan-requests.js";
import type { Config } from "../shared/config.js";
import { currentActorOf, registerAuth } from "./auth.js";
import { registerErrorHandling } from "./error-handler.js";
import { registerOpenApi } from "./openapi.js";
import { registerPromptClose } from "./prompt-close.js";
import { lazyRequestLogger } from "./request-logger.js";
import { accountRoutes } from "./routes/account/index.js";
import { authRoutes } from "./routes/auth/index.js";
import { commentRoutes } from "./routes/comments/index.js";
import { healthRoutes } from "./routes/health.js";
import { lookupRoutes } from "./routes/lookups.js";
import { madmpRoutes } from "./routes/madmp/index.js";
import { organisationRoutes } from "./routes/organisations/index.js";
import { planExportRoutes } from "./routes/plans/export.js";
import { planHistoryRoutes } from "./routes/plans/history.js";
import { planImportRoutes } from "./routes/plans/import.js";
import { planRoutes } from "./routes/plans/index.js";
import { liveRoutes } from "./routes/plans/live.js";
import { planSharingRoutes } from "./routes/plans/sharing.js";
import { templateRoutes } from "./routes/templates/index.js";
import { registerSecurityHeaders } from "./security-headers.js";
import { registerWebAssets } from "./web-assets.js";

export interface ServerOptions {
  logLevel?: Config["logLevel"];
  /** Where the built web app is; defaults to dist/web of the installation. */
  webDistDir?: string;
  /** Trust X-Forwarded-* from a reverse proxy (`TRUST_PROXY`: true, or the proxies' addresses). */
  trustProxy?: boolean | string | undefined;
  /** Mail, public URL and password cost of the account services. */
  accounts?: AccountOptions;
  /** Where rendered exports are cached (`<dataDir>/cache/exports` for `carnet serve`); memory only by default. */
  exportCache?: ExportCache;
  /** Live event streams: keep-alive comment interval and access re-check interval (ms). */
  live?: { keepAliveMs?: number; recheckMs?: number };
}

const requestIdPattern = /^[\w.:-]{1,100}$/;

/** Build the Fastify app (not listening): routes, error handling, web app. */
export async function buildServer(
  context: AppContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? "info" },
    childLoggerFactory: lazyRequestLogger,
    // Keep a caller's request id (from a proxy) when it is sane; otherwise make one.
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && requestIdPattern.test(given) ? given : randomUUID();
    },
    bodyLimit: 10 * 1024 * 1024,
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerPromptClose(app);
  // The security headers, and the request id so that a report can be matched with the logs.
  registerSecurityHeaders(app, (request, reply) => reply.header("x-request-id", request.id));
  const accounts = createAccountDeps(context, { log: app.log, ...options.accounts });
  await registerOpenApi(app, context.version);
  await registerAuth(app, accounts);
  await app.register(healthRoutes(context));
  await app.register(authRoutes(accounts));
  await app.register(accountRoutes(accounts));
  await app.register(organisationRoutes(accounts));
  await app.register(templateRoutes());
  // One set of plan use cases for every plan route (live edits, invitation e-mails).
  const planRequests = createPlanRequests(context, {
    mail: { mailer: accounts.mailer, publicUrl: accounts.publicUrl, log: accounts.log },
  });
  await app.register(planRoutes(planRequests));
  await app.register(planSharingRoutes(planRequests));
  await app.register(planHistoryRoutes(planRequests));
  const exports = createPlanExports(context, { cache: options.exportCache ?? createExportCache() });
  const imports = createPlanImports(context);
  await app.register(planExportRoutes(exports));
  await app.register(planImportRoutes(imports));
  await app.register(
    madmpRoutes(
      createMadmpService(context, {
        exports,
        imports,
        plans: planRequests,
      }),
    ),
  );
  await app.register(commentRoutes(createCommentService(context)));
  await app.register(
    liveRoutes(createLiveRequests(context, { recheckMs: options.live?.recheckMs }), {
      keepAliveMs: options.live?.keepAliveMs,
      currentActor: (request) => currentActorOf(accounts, request),
    }),
  );
  await app.register(lookupRoutes(context));
  await registerWebAssets(app, options.webDistDir);
  return app;
}
