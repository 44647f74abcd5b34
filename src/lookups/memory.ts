import { searchKey } from "../storage/registry-repository.js";
import { type RegistryRecord, toResult } from "./records.js";
import type { LookupAdapter, LookupPage, LookupSource, SearchOptions } from "./types.js";

interface Indexed {
  record: RegistryRecord;
  words: string[];
  labelKey: string;
  /** Keys of the label in every language: "francais" finds French as well as "french". */
  labelKeys: string[];
  acronymKey: string;
}

/**
 * A look-up over a fixed list held in memory (SPDX licences, ISO 639-3 languages): the list ships
 * whole with Carnet (built-in vocabularies), so it needs no table. Ranked like the database
 * registries: exact code, exact name (any language), name starting with the query (shortest
 * first), then any word prefix.
 */
export function createMemoryAdapter(
  source: LookupSource,
  load: () => Promise<RegistryRecord[]>,
): LookupAdapter {
  let index: Promise<Indexed[]> | undefined;
  // Built on first use: a process that never looks up languages never pays for it.
  const entries = () => {
    index ??= load().then((records) =>
      records.map((record) => ({
        record,
        labelKey: searchKey(record.label),
        labelKeys: [...new Set([record.label, ...Object.values(record.labels ?? {})].map(searchKey))],
        acronymKey: searchKey(record.acronym ?? ""),
        words: searchKey(
          [
            record.label,
            record.acronym ?? "",
            ...Object.values(record.labels ?? {}),
            ...(record.aliases ?? []),
            record.id,
          ].join(" "),
        ).split(" "),
      })),
    );
    return index;
  };

  return {
    source,
    async search(query: string, options: SearchOptions): Promise<LookupPage> {
      const key = searchKey(query);
      const terms = key === "" ? [] : key.split(" ");
      const scored: { entry: Indexed; score: number; length: number }[] = [];
      for (const entry of await entries()) {
        if (!terms.every((t) => entry.words.some((w) => w.startsWith(t)))) continue;
        const prefixed = entry.labelKeys.filter((k) => k.startsWith(key));
        const score =
          key === ""
            ? 3
            : entry.acronymKey === key
              ? 0
              : entry.labelKeys.includes(key)
                ? 1
                : prefixed.length > 0 || entry.acronymKey.startsWith(key)
                  ? 2
                  : 3;
        // Among prefix matches the shortest key wins: "cc by" → CC-BY-1.0 before CC-BY-NC-SA-4.0.
        const length = entry.acronymKey.startsWith(key)
          ? entry.acronymKey.length
          : Math.min(...prefixed.map((k) => k.length), entry.labelKey.length);
        scored.push({ entry, score, length });
      }
      scored.sort(
        (a, b) =>
          a.score - b.score ||
          (a.score === 2 ? a.length - b.length : 0) ||
          a.entry.labelKey.localeCompare(b.entry.labelKey),
      );
      const offset = options.offset ?? 0;
      return {
        results: scored
          .slice(offset, offset + options.limit)
          .map((s) => toResult(s.entry.record, source, false, options.lang)),
        hasMore: scored.length > offset + options.limit,
      };
    },
    async resolve(id: string, options?: { lang?: string }) {
      const wanted = id.trim().toLowerCase();
      const found = (await entries()).find((e) => e.record.id.toLowerCase() === wanted);
      return found ? toResult(found.record, source, false, options?.lang) : undefined;
    },
  };
}
