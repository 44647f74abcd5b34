import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";

/**
 * Validator of routes that read their body raw (imports, maDMP documents): the body schema only
 * documents the request in OpenAPI, the tolerant reader checks the bytes; other parts use zod.
 */
export const rawBodyValidatorCompiler: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === "body"
    ? (data: unknown) => ({ value: data })
    : (validatorCompiler as FastifySchemaCompiler<unknown>)(route);
