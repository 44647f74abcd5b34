import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { parseRe3dataRecord } from "../lookups/re3data.js";
import { type RegistryRecord, toEntry } from "../lookups/records.js";
import { parseRnsrRecord } from "../lookups/rnsr.js";
import { parseRorRecord } from "../lookups/ror.js";
import { ConfigError } from "../shared/config.js";
import { type Database, inTransaction } from "../storage/database.js";
import { createRegistryRepository, type RegistryEntryInput } from "../storage/registry-repository.js";
import { JsonStreamError, streamJsonArray } from "./json-array-stream.js";
import { registryBatchSize } from "./registries.js";

/** Dumps `carnet registry import` understands, and the registry each one fills. */
export const importKinds = {
  ror: { registry: "ror", parse: parseRorRecord },
  rnsr: { registry: "rnsr", parse: parseRnsrRecord },
  re3data: { registry: "repositories", parse: parseRe3dataRecord },
} as const satisfies Record<string, { registry: string; parse: (raw: unknown) => RegistryRecord | string }>;

export type ImportKind = keyof typeof importKinds;

export interface ImportProblem {
  /** 1-based position of the record in the dump's array. */
  position: number;
  reason: string;
}

export interface ImportProgress {
  records: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  skipped: number;
  /** The first problems (at most `maxProblems`); `skipped` counts them all. */
  problems: ImportProblem[];
  seconds: number;
}

const maxProblems = 100;

/**
 * Load a registry dump (a JSON array of records, or an object whose `items`/`results`/`records`
 * holds it) into the offline registry, streaming: memory stays bounded whatever the file size.
 * Records are upserted in batches, each batch in one transaction, so re-running is harmless; a
 * record that cannot be read is reported with its position and skipped, never half-stored.
 * Throws ConfigError when the file cannot be read or is not such JSON.
 */
export async function importRegistryDump(
  database: Database,
  kind: ImportKind,
  file: string,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportSummary> {
  const started = performance.now();
  const { registry, parse } = importKinds[kind];
  let totalBytes: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
    totalBytes = info.size;
  } catch (error) {
    throw new ConfigError("registry.import.unreadable", {
      file,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  const input = createReadStream(file, { highWaterMark: 1 << 20 });

  const repository = createRegistryRepository(database);
  const summary: ImportSummary = { imported: 0, updated: 0, skipped: 0, problems: [], seconds: 0 };
  let batch: RegistryEntryInput[] = [];
  let records = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const entries = batch;
    batch = [];
    const counts = await inTransaction(database.db, (tx) => repository.upsert(tx, entries, "import"));
    summary.imported += counts.inserted;
    summary.updated += counts.updated;
  };
  try {
    for await (const item of streamJsonArray(input)) {
      records++;
      const parsed = item.error === undefined ? parse(item.value) : `not valid JSON (${item.error})`;
      if (typeof parsed === "string") {
        summary.skipped++;
        if (summary.problems.length < maxProblems) {
          summary.problems.push({ position: item.index + 1, reason: parsed });
        }
      } else {
        batch.push(toEntry(registry, parsed));
        if (batch.length >= registryBatchSize) {
          await flush();
          onProgress({ records, bytesRead: input.bytesRead, totalBytes });
        }
      }
    }
  } catch (error) {
    input.destroy();
    if (!(error instanceof JsonStreamError)) throw error;
    // The structure is broken (truncated file, not an array): what came before is stored.
    await flush();
    if (records === 0) throw new ConfigError("registry.import.not_json_array", { file });
    throw new ConfigError("registry.import.bad_json", {
      file,
      position: records + 1,
      stored: summary.imported + summary.updated,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  await flush();
  await repository.optimize();
  onProgress({ records, bytesRead: totalBytes, totalBytes });
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
