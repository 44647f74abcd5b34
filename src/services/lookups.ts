import { type CheckedIdentifierType, detectIdentifier } from "../domain/identifiers.js";
import { vocabularyIds } from "../domain/vocabulary.js";
import {
  createLookupAdapters,
  createMemoryAdapter,
  type LookupAdapters,
  type LookupResult,
  type LookupSettings,
  type LookupSource,
  vocabularyRecords,
} from "../lookups/index.js";
import { AppError } from "../shared/app-error.js";
import type { Database } from "../storage/database.js";
import { createRegistryRepository } from "../storage/registry-repository.js";
import { loadBuiltinContent } from "./builtin-content.js";

/** Most results one look-up answers: pickers need a short list, never a whole registry. */
export const maxLookupLimit = 50;

export interface LookupRequest {
  q: string;
  lang?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface LookupAnswer {
  source: LookupSource;
  /** True when the results come from the offline registry (remote down, or offline mode). */
  offline: boolean;
  results: LookupResult[];
  /** Pass as `cursor` to get the next page; null on the last one. */
  nextCursor: string | null;
}

export interface LookupService {
  search(source: LookupSource, request: LookupRequest): Promise<LookupAnswer>;
  resolve(source: LookupSource, id: string, lang?: string): Promise<LookupResult | undefined>;
}

/** Failures of a remote service are logged here, never shown to the user as errors. */
export type LookupLogger = (source: LookupSource, error: unknown) => void;

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 0;
  const offset = Number(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!Number.isInteger(offset) || offset < 0 || offset > 10_000) {
    throw new AppError("bad_request", "Invalid cursor", {
      params: { reason: "the cursor is not one returned by a previous page; start again without it" },
    });
  }
  return offset;
}

/** The identifier scheme of each source's records, for pasted identifiers. */
const schemeOf: Partial<Record<LookupSource, CheckedIdentifierType>> = {
  orcid: "orcid",
  ror: "ror",
  funders: "ror",
  rnsr: "rnsr",
  repositories: "re3data",
};

/** Records of a built-in vocabulary (read and checked once per process by the content loader). */
async function builtinVocabulary(id: string) {
  const vocabulary = loadBuiltinContent().vocabularies.get(id);
  if (!vocabulary) throw new Error(`built-in vocabulary ${id} is missing`);
  return vocabularyRecords(vocabulary);
}

// One in-memory index per process, built on first use and shared by every context (tests open many).
const vocabularyAdapters = {
  licences: createMemoryAdapter("licences", () => builtinVocabulary(vocabularyIds.licences)),
  languages: createMemoryAdapter("languages", () => builtinVocabulary(vocabularyIds.languages)),
};

/** Sources that have a live service: an answer from their offline registry is flagged `offline`. */
const remoteSources = new Set<LookupSource>(["orcid", "ror", "funders", "rnsr", "repositories"]);

const encodeCursor = (offset: number) => Buffer.from(String(offset), "utf8").toString("base64url");

/**
 * Look-ups for the identifier pickers: the remote service when configured and answering, else
 * the offline registry (with `offline: true`). Remote failures never surface as errors.
 */
export function createLookupService(
  database: Database,
  settings: LookupSettings,
  log: LookupLogger = () => {},
  adapters: LookupAdapters = createLookupAdapters(
    settings,
    createRegistryRepository(database),
    vocabularyAdapters,
  ),
): LookupService {
  async function resolve(source: LookupSource, id: string, lang?: string): Promise<LookupResult | undefined> {
    const remote = adapters.remote[source];
    const options = lang ? { lang } : {};
    if (remote) {
      try {
        return await remote.resolve(id, options);
      } catch (error) {
        log(source, error);
      }
    }
    return adapters.offline[source].resolve(id, options);
  }

  return {
    resolve,
    async search(source, request) {
      const limit = Math.min(Math.max(request.limit ?? 20, 1), maxLookupLimit);
      const offset = decodeCursor(request.cursor);
      const options = { limit, offset, ...(request.lang ? { lang: request.lang } : {}) };
      const remote = adapters.remote[source];
      // A pasted identifier of this registry is resolved, not searched as words.
      const pasted = detectIdentifier(request.q);
      if (pasted && pasted.type === schemeOf[source] && offset === 0) {
        const found = await resolve(source, pasted.value, request.lang);
        if (found) return { source, offline: found.offline, results: [found], nextCursor: null };
      }
      if (remote && request.q.trim() !== "") {
        try {
          const page = await remote.search(request.q, options);
          return {
            source,
            offline: false,
            results: page.results.slice(0, limit),
            nextCursor: page.hasMore ? encodeCursor(offset + Math.min(page.results.length, limit)) : null,
          };
        } catch (error) {
          log(source, error);
        }
      }
      const page = await adapters.offline[source].search(request.q, options);
      return {
        source,
        offline: remoteSources.has(source),
        results: page.results,
        nextCursor: page.hasMore ? encodeCursor(offset + page.results.length) : null,
      };
    },
  };
}
