import { bundledDataVersion, loadBundledRegistries } from "../lookups/bundled.js";
import { toEntry } from "../lookups/records.js";
import { type Database, inTransaction } from "../storage/database.js";
import { createRegistryRepository, type RegistryEntryInput } from "../storage/registry-repository.js";
import { createSettingsRepository } from "../storage/settings-repository.js";

const seedKey = "registries.bundled_version";
/** The bundled entries, read once per process (tests open many fresh databases). */
let bundledEntries: RegistryEntryInput[] | undefined;
/** Rows per insert statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
export const registryBatchSize = 500;

/**
 * Fill the offline registries from the bundled data, once per data version: a no-op (one query)
 * when already done. Entries loaded by `carnet registry import` are kept as they are.
 */
export async function seedRegistries(database: Database): Promise<{ seeded: boolean; entries: number }> {
  const settings = createSettingsRepository(database.db);
  if ((await settings.get(seedKey)) === bundledDataVersion) return { seeded: false, entries: 0 };
  const repository = createRegistryRepository(database);
  bundledEntries ??= loadBundledRegistries().flatMap(({ registry, records }) =>
    records.map((record) => toEntry(registry, record)),
  );
  const entries = bundledEntries;
  await inTransaction(database.db, async (tx) => {
    for (let i = 0; i < entries.length; i += registryBatchSize) {
      await repository.upsert(tx, entries.slice(i, i + registryBatchSize), "seed");
    }
    await createSettingsRepository(tx).set(seedKey, bundledDataVersion);
  });
  return { seeded: true, entries: entries.length };
}
