import type { FastifyInstance } from "fastify";
import { buildServer, type ServerOptions } from "../../src/server/build-server.js";
import { type AppContext, type AppContextOptions, createAppContext } from "../../src/services/app-context.js";
import type { TestDialect } from "./databases.js";

/** A Carnet app on a fresh database of `dialect`, for in-process HTTP tests (`app.inject`). */
export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  close(): Promise<void>;
}

/**
 * A cheaper scrypt cost for HTTP suites, so that dozens of sign-ins stay quick on a loaded machine;
 * the default cost is covered by src/services/passwords.test.ts and measured by the benchmark.
 */
export const testPasswordCost = { N: 2 ** 12, r: 8, p: 1 };

/** Build the app on a new database; `close()` stops it and drops the database. */
export async function createTestApp(
  dialect: TestDialect,
  options: ServerOptions = {},
  contextOptions: AppContextOptions = {},
): Promise<TestApp> {
  const database = await dialect.create();
  const context = await createAppContext(database.settings, contextOptions);
  const app = await buildServer(context, {
    logLevel: "silent",
    ...options,
    accounts: { passwordCost: testPasswordCost, ...options.accounts },
  });
  return {
    app,
    context,
    close: async () => {
      await app.close();
      await context.close();
      await database.drop();
    },
  };
}
