import { randomUUID } from "node:crypto";
import { type LookupSettings, lookupSettingsFromEnv } from "../lookups/index.js";
import { ConfigError } from "../shared/config.js";
import { carnetVersion } from "../shared/package-info.js";
import {
  type Database,
  type DatabaseSettings,
  type MigrationSummary,
  migrateDatabase,
  openDatabase,
} from "../storage/database.js";
import { createNotifier } from "../storage/notifier.js";
import { connectPlanAccessCache } from "../storage/plan-access-cache.js";
import { createSettingsRepository } from "../storage/settings-repository.js";
import { createLiveHub, type LiveHub } from "./live.js";
import { createLookupService, type LookupLogger, type LookupService } from "./lookups.js";
import { seedRegistries } from "./registries.js";

/**
 * Everything the use cases need, built once per process: the composition root shared by the
 * server and the CLI, so that neither touches storage directly.
 */
export interface AppContext {
  database: Database;
  version: string;
  instanceId: string;
  migrations: MigrationSummary;
  /** Live edits and presence between the open editors of a plan, across processes. */
  live: LiveHub;
  /** Identifier look-ups (ORCID, ROR, registries), online with offline fallback. */
  lookups: LookupService;
  close(): Promise<void>;
}

/** Optional settings of `createAppContext`; defaults suit the server and the CLI. */
export interface AppContextOptions {
  /** Look-up settings; by default read from the environment (CARNET_LOOKUPS_OFFLINE, CARNET_ROR_URL…). */
  lookups?: LookupSettings;
  /** Where remote look-up failures are reported (they fall back to offline data). */
  lookupLog?: LookupLogger;
  /** Fill the offline registries from the bundled data if not done yet (default true). */
  seedRegistries?: boolean;
  /** SQLite: checkpoint on a background thread (the server; see storage/database.ts). */
  backgroundCheckpoints?: boolean;
}

function describeConnectionError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** Open the database, check that it answers, apply migrations, and return the services' context. */
export async function createAppContext(
  settings: DatabaseSettings,
  options: AppContextOptions = {},
): Promise<AppContext> {
  const lookupSettings = options.lookups ?? lookupSettingsFromEnv(process.env);
  let database: Database;
  try {
    database = openDatabase(settings, { backgroundCheckpoints: options.backgroundCheckpoints ?? false });
    await database.db.selectNoFrom((eb) => eb.lit(1).as("ok")).execute();
  } catch (error) {
    const target = settings.dialect === "sqlite" ? settings.file : new URL(settings.url).host;
    throw new ConfigError("config.database_unreachable", { target, reason: describeConnectionError(error) });
  }
  try {
    const migrations = await migrateDatabase(database);
    const instanceId = await createSettingsRepository(database.db).setIfAbsent("instance_id", randomUUID());
    if (options.seedRegistries !== false) await seedRegistries(database);
    const notifier = createNotifier(database, settings);
    await notifier.start();
    // Plans' access facts are served from memory while other processes' changes are announced.
    const disconnectAccessCache = connectPlanAccessCache(database.db, notifier);
    const live = createLiveHub(notifier);
    return {
      database,
      version: carnetVersion,
      instanceId,
      migrations,
      live,
      lookups: createLookupService(database, lookupSettings, options.lookupLog),
      close: async () => {
        await live.close();
        disconnectAccessCache();
        await notifier.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
