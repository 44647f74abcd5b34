import fastifySwagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { registerApiDocs } from "./api-docs.js";
import { csrfHeader, sessionCookie } from "./auth.js";

/**
 * Collect every API route's zod schemas into an OpenAPI 3.1 document served at
 * `GET /api/v1/openapi.json`, and readable at `/api/docs`. Must be registered before the routes it documents.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Carnet API",
        version,
        description: `Data management plans. Authenticate with the session cookie (browser; writes need the ${csrfHeader} header) or a personal API token (\`Authorization: Bearer\`). See docs/api.md.`,
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: sessionCookie },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
    },
    // Only the API is documented: web assets and the document itself are not operations.
    transform: (input) =>
      (input.url.startsWith("/api/v1/") || input.url.startsWith("/api/madmp/")) &&
      input.url !== "/api/v1/openapi.json"
        ? jsonSchemaTransform(input)
        : { schema: { ...input.schema, hide: true }, url: input.url },
    transformObject: jsonSchemaTransformObject,
  });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  registerApiDocs(app);
}
