import { accessSync, constants, mkdirSync } from "node:fs";
import { type Config, ConfigError, configInputFromEnv, parseConfig } from "../shared/config.js";

/** Flags shared by the commands that open the database. */
export interface ConnectionFlags {
  port?: string;
  host?: string;
  data?: string;
  databaseUrl?: string;
}

/** Merge flags over the environment, validate, and make sure the data directory is writable. */
export function loadConfig(flags: ConnectionFlags): Config {
  const env = configInputFromEnv(process.env);
  const config = parseConfig({
    port: flags.port ?? env.port,
    host: flags.host ?? env.host,
    dataDir: flags.data ?? env.dataDir,
    databaseUrl: flags.databaseUrl ?? env.databaseUrl,
    logLevel: env.logLevel,
  });
  try {
    mkdirSync(config.dataDir, { recursive: true });
    accessSync(config.dataDir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError("config.data_dir_unwritable", { path: config.dataDir, reason });
  }
  return config;
}
