import { join } from "node:path";
import type { Command } from "commander";
import { buildServer } from "../../server/build-server.js";
import { createAppContext } from "../../services/app-context.js";
import { createExportCache } from "../../services/export-cache.js";
import { ConfigError } from "../../shared/config.js";
import { type ConnectionFlags, loadConfig } from "../config-from-flags.js";
import { failAndExit, say } from "../output.js";

async function serve(flags: ConnectionFlags): Promise<void> {
  const config = loadConfig(flags);
  // Remote look-up failures fall back to offline data; the server log still tells which service failed.
  let log: ((source: string, error: unknown) => void) | undefined;
  const context = await createAppContext(config.database, {
    lookupLog: (source, error) => log?.(source, error),
    backgroundCheckpoints: true,
  });
  const env = process.env;
  const trustProxy = env.TRUST_PROXY;
  const app = await buildServer(context, {
    logLevel: config.logLevel,
    trustProxy: trustProxy === "true" ? true : trustProxy && trustProxy !== "false" ? trustProxy : false,
    exportCache: createExportCache({ dir: join(config.dataDir, "cache", "exports") }),
    accounts: {
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
      publicUrl: env.CARNET_PUBLIC_URL || `http://localhost:${config.port}`,
    },
  });
  log = (source, error) =>
    app.log.warn({ source, err: error }, "look-up service unavailable, answered offline");
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await context.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new ConfigError("config.port_in_use", { port: config.port });
    throw new ConfigError("config.listen_failed", {
      host: config.host,
      port: config.port,
      reason: code ?? String(error),
    });
  }
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${shownHost}:${config.port}`;
  app.log.info(
    { url, database: context.database.dialect, migrationsApplied: context.migrations.applied },
    say("cli.server.listening", { version: context.version, url, database: context.database.dialect }),
  );

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means "now": leave without waiting for in-flight requests.
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, say("cli.server.stopping", { signal }));
    try {
      await app.close(); // stops accepting, lets in-flight requests finish
      await context.close();
      app.log.info(say("cli.server.stopped"));
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** `carnet serve`: start the web app and API. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description(say("cli.serve.description"))
    .option("-p, --port <port>", say("cli.option.port"))
    .option("--host <host>", say("cli.option.host"))
    .option("-d, --data <dir>", say("cli.option.data"))
    .option("--database-url <url>", say("cli.option.database_url"))
    .action((flags: ConnectionFlags) => serve(flags).catch(failAndExit));
}
