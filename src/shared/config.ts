import { resolve } from "node:path";
import { z } from "zod";
import type { MessageKey } from "../i18n/translate.js";

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Settings Carnet runs with, after validation. */
export interface Config {
  port: number;
  host: string;
  /** Absolute path of the data directory (embedded database, caches). */
  dataDir: string;
  database: { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };
  logLevel: (typeof logLevels)[number];
}

/** Raw settings as they come from flags and the environment (flags win). */
export interface ConfigInput {
  port?: string | number | undefined;
  host?: string | undefined;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  logLevel?: string | undefined;
}

/** A configuration problem: a message key and its parameters, printed as one line by the CLI. */
export class ConfigError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = "ConfigError";
  }
}

const portSchema = z.coerce.number().int().min(1).max(65535);

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Hide the password of a database URL so that it can be printed or logged. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    // Not a URL: still hide whatever sits where credentials would be.
    return value.replace(/\/\/[^@/]*@/, "//***@");
  }
}

/** Read the environment variables Carnet understands into a ConfigInput. */
export function configInputFromEnv(env: NodeJS.ProcessEnv): ConfigInput {
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.CARNET_DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
  };
}

/** Validate raw settings; throws ConfigError naming the first bad setting and how to fix it. */
export function parseConfig(input: ConfigInput, cwd = process.cwd()): Config {
  const empty = (v: string | number | undefined) => v === undefined || v === "";

  const port = portSchema.safeParse(empty(input.port) ? 3000 : input.port);
  if (!port.success) throw new ConfigError("config.invalid_port", { value: String(input.port) });

  const logLevel = z.enum(logLevels).safeParse(empty(input.logLevel) ? "info" : input.logLevel);
  if (!logLevel.success)
    throw new ConfigError("config.invalid_log_level", {
      value: String(input.logLevel),
      allowed: logLevels.join(", "),
    });

  const dataDir = resolve(cwd, empty(input.dataDir) ? "data" : String(input.dataDir));

  let database: Config["database"];
  if (empty(input.databaseUrl)) {
    database = { dialect: "sqlite", file: resolve(dataDir, "carnet.sqlite") };
  } else {
    const url = String(input.databaseUrl).trim();
    if (!isPostgresUrl(url)) throw new ConfigError("config.invalid_database_url", { value: redactUrl(url) });
    database = { dialect: "postgres", url };
  }

  return {
    port: port.data,
    host: empty(input.host) ? "0.0.0.0" : String(input.host),
    dataDir,
    database,
    logLevel: logLevel.data,
  };
}
