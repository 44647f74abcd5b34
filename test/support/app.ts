import type { FastifyInstance } from "fastify";
import { buildServer } from "../../src/server/build-server.js";
import { type AppContext, createAppContext } from "../../src/services/app-context.js";
import type { TestDialect } from "./databases.js";

/** A Carnet app on a fresh database of `dialect`, for in-process HTTP tests (`app.inject`). */
export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  close(): Promise<void>;
}

/** Build the app on a new database; `close()` stops it and drops the database. */
export async function createTestApp(dialect: TestDialect): Promise<TestApp> {
  const database = await dialect.create();
  const context = await createAppContext(database.settings);
  const app = await buildServer(context, { logLevel: "silent" });
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
