import { type RawBuilder, sql } from "kysely";
import type { Database, Db, Tx } from "./database.js";
import type { RegistryEntriesTable } from "./schema.js";

/** An entry to store in an offline registry; the repository derives its search keys. */
export interface RegistryEntryInput {
  source: string;
  id: string;
  label: string;
  acronym?: string | undefined;
  tags?: string[];
  /** Every text the entry should be found by: names, aliases, acronyms, identifiers, city… */
  searchParts: string[];
  /** Payload returned as is by `get` and `search` (serialised as JSON). */
  data: Record<string, unknown>;
}

/** A stored entry as read back. */
export interface RegistryEntry {
  source: string;
  id: string;
  label: string;
  tags: string[];
  data: Record<string, unknown>;
}

export interface RegistrySearchOptions {
  limit: number;
  offset?: number;
  /** Keep only entries carrying this tag (e.g. `funder` among ROR records). */
  tag?: string | undefined;
}

/** Full-text matches ranked per query: bounds the cost of very short, very common prefixes. */
const candidateLimit = 300;
/** Names starting with the query considered per query (they rank first). */
const prefixLimit = 200;
/** Columns the ranking and the answer need (PostgreSQL candidate rows carry them). */
const columns = sql.raw("source, id, label, label_key, acronym_key, tags, data");
/** Above every character searchKey can produce: `key <= x < key + maxChar` means "x starts with key". */
const maxChar = "\u{10FFFF}";

/** Lower-case, accent-free, punctuation-free words: how both dialects index and query text. */
export function searchKey(text: string): string {
  // Fast path for plain ASCII (most of a ROR dump): same result, without Unicode normalisation.
  if (/^[\x20-\x7e]*$/.test(text)) {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function toRow(entry: RegistryEntryInput, origin: string, now: string): RegistryEntriesTable {
  const searchText = [...new Set(entry.searchParts.map(searchKey).filter((part) => part !== ""))].join(" ");
  return {
    source: entry.source,
    id: entry.id,
    label: entry.label,
    label_key: searchKey(entry.label),
    acronym_key: entry.acronym ? searchKey(entry.acronym) : "",
    tags: (entry.tags ?? []).join(" "),
    search_text: searchText,
    data: JSON.stringify(entry.data),
    origin,
    updated_at: now,
  };
}

type Row = Pick<RegistryEntriesTable, "source" | "id" | "label" | "tags" | "data">;

function fromRow(row: Row): RegistryEntry {
  return {
    source: row.source,
    id: row.id,
    label: row.label,
    tags: row.tags === "" ? [] : row.tags.split(" "),
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

/** Offline registries: batched upserts and full-text search on SQLite (FTS5) and PostgreSQL (tsvector). */
export function createRegistryRepository(database: Pick<Database, "db" | "dialect">) {
  const { dialect } = database;

  /** Ranked page among names starting with `key` (first `prefixLimit` of them) and exact acronyms. */
  async function prefixPage(
    source: string,
    key: string,
    limit: number,
    offset: number,
    ...order: [RawBuilder<unknown>, RawBuilder<unknown>, RawBuilder<unknown>, RawBuilder<unknown>]
  ): Promise<Row[]> {
    const [tagFilter, rank, retired, prefixLength] = order;
    const query =
      dialect === "sqlite"
        ? sql<Row>`with candidates(rid) as (
            select rowid from (select rowid from registry_entries where source = ${source}
              and label_key >= ${key} and label_key < ${key + maxChar} limit ${prefixLimit})
            union
            select rowid from registry_entries where source = ${source} and acronym_key = ${key}
          )
          select e.source, e.id, e.label, e.tags, e.data
          from candidates c cross join registry_entries e on e.rowid = c.rid
          where e.source = ${source} ${tagFilter}
          order by ${rank}, ${retired}, ${prefixLength}, e.label_key, e.id limit ${limit} offset ${offset}`
        : sql<Row>`select e.source, e.id, e.label, e.tags, e.data from (
            (select ${columns} from registry_entries where source = ${source}
              and label_key collate "C" >= ${key} and label_key collate "C" < ${key + maxChar} limit ${prefixLimit})
            union
            (select ${columns} from registry_entries where source = ${source} and acronym_key = ${key})
          ) e
          where true ${tagFilter}
          order by ${rank}, ${retired}, ${prefixLength}, e.label_key, e.id limit ${limit} offset ${offset}`;
    return (await query.execute(database.db)).rows;
  }

  return {
    /**
     * Insert or update `entries` (run it in a transaction for an all-or-nothing batch). With origin
     * `seed`, rows loaded by an import are never overwritten. Returns how many ids were new and how
     * many already existed.
     */
    async upsert(
      db: Db | Tx,
      entries: RegistryEntryInput[],
      origin: "seed" | "import",
    ): Promise<{ inserted: number; updated: number }> {
      if (entries.length === 0) return { inserted: 0, updated: 0 };
      const now = new Date().toISOString();
      // The last occurrence of an id in a batch wins, as it would across batches.
      const rows = [
        ...new Map(entries.map((e) => [`${e.source}\u0000${e.id}`, toRow(e, origin, now)])).values(),
      ];
      let existing = 0;
      for (const source of new Set(rows.map((r) => r.source))) {
        const ids = rows.filter((r) => r.source === source).map((r) => r.id);
        const found = await db
          .selectFrom("registry_entries")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("source", "=", source)
          .where("id", "in", ids)
          .executeTakeFirstOrThrow();
        existing += Number(found.n);
      }
      await db
        .insertInto("registry_entries")
        .values(rows)
        .onConflict((oc) => {
          const update = oc.columns(["source", "id"]).doUpdateSet((eb) => ({
            label: eb.ref("excluded.label"),
            label_key: eb.ref("excluded.label_key"),
            acronym_key: eb.ref("excluded.acronym_key"),
            tags: eb.ref("excluded.tags"),
            search_text: eb.ref("excluded.search_text"),
            data: eb.ref("excluded.data"),
            origin: eb.ref("excluded.origin"),
            updated_at: eb.ref("excluded.updated_at"),
          }));
          return origin === "seed" ? update.where("registry_entries.origin", "=", "seed") : update;
        })
        .execute();
      return { inserted: rows.length - existing, updated: existing };
    },

    /**
     * After a bulk load: merge the full-text index segments and refresh planner statistics, so that
     * look-ups get fast plans at once (PostgreSQL would otherwise keep a long GIN pending list and
     * stale row estimates until autovacuum runs).
     */
    async optimize(): Promise<void> {
      if (dialect === "sqlite") {
        await sql`insert into registry_fts(registry_fts) values ('optimize')`.execute(database.db);
        await sql`analyze registry_entries`.execute(database.db);
      } else {
        await sql`select gin_clean_pending_list('registry_entries_search'::regclass)`.execute(database.db);
        await sql`analyze registry_entries`.execute(database.db);
      }
    },

    /** The entry `id` of `source`, if stored. */
    async get(source: string, id: string): Promise<RegistryEntry | undefined> {
      const row = await database.db
        .selectFrom("registry_entries")
        .select(["source", "id", "label", "tags", "data"])
        .where("source", "=", source)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    /** How many entries `source` holds. */
    async count(source: string): Promise<number> {
      const row = await database.db
        .selectFrom("registry_entries")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("source", "=", source)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * Entries of `source` matching every word of `query` as a prefix, best first: exact acronym,
     * exact name, name starting with the query (shortest first), name containing it as a phrase,
     * then shorter names first (the more specific match; the same order on both dialects, and far
     * cheaper than bm25/ts_rank); inactive entries after active ones. An empty query lists by name. At most `limit` from `offset`.
     */
    async search(source: string, query: string, options: RegistrySearchOptions): Promise<RegistryEntry[]> {
      const key = searchKey(query);
      const allWords = key === "" ? [] : key.split(" ").slice(0, 8);
      // Words of one or two letters ("of", "de", "3") match most of a large registry and make the
      // full-text intersection slow; they are left to the ranking (exact and prefix names) unless
      // the query has nothing longer.
      const longWords = allWords.filter((w) => w.length > 2);
      const words = longWords.length > 0 ? longWords : allWords;
      const offset = options.offset ?? 0;
      const tagLike = options.tag ? `% ${searchKey(options.tag)} %` : undefined;
      const tagFilter = tagLike ? sql`and (' ' || e.tags || ' ') like ${tagLike}` : sql``;
      const retired = sql`(' ' || e.tags || ' ' like '% inactive %' or ' ' || e.tags || ' ' like '% withdrawn %')`;
      // LIKE wildcards cannot occur in `key`: searchKey leaves letters, digits and spaces only.
      const rank = sql`case when e.acronym_key = ${key} then 0 when e.label_key = ${key} then 1
        when e.label_key like ${`${key}%`} then 2 when e.label_key like ${`% ${key}%`} then 3 else 4 end`;
      const prefixLength = sql`case when e.label_key like ${`${key}%`} then length(e.label_key) else 0 end`;
      if (words.length === 0) {
        const all = await sql<Row>`select e.source, e.id, e.label, e.tags, e.data
          from registry_entries e where e.source = ${source} ${tagFilter}
          order by ${retired}, e.label_key, e.id limit ${options.limit} offset ${offset}`.execute(
          database.db,
        );
        return all.rows.map(fromRow);
      }
      // Only one-word queries are worth it: several words seldom fill a page with names starting
      // with them, and the full-text query below includes those names anyway.
      if (allWords.length === 1 && offset + options.limit <= prefixLimit) {
        // Names starting with the query and exact acronyms rank first: when they fill the page,
        // the full-text search (costly for short, common prefixes such as "un") is not needed.
        const rows = await prefixPage(
          source,
          key,
          options.limit,
          offset,
          tagFilter,
          rank,
          retired,
          prefixLength,
        );
        if (rows.length >= options.limit) return rows.map(fromRow);
      }
      let result: { rows: Row[] };
      if (dialect === "sqlite") {
        // Rank a bounded set of candidates, so a two-letter query over 120,000 entries stays fast:
        // the first full-text matches, plus every name starting with the query and exact acronyms
        // (both from B-tree indexes), which are the answers ranked first anyway. CROSS JOIN makes
        // SQLite start from the candidates instead of walking every entry of the source.
        const match = words.map((w) => `"${w}"*`).join(" ");
        result = await sql<Row>`with candidates(rid) as (
            select * from (select rowid from registry_fts where registry_fts match ${match} limit ${candidateLimit})
            union
            select rowid from (select rowid from registry_entries where source = ${source}
              and label_key >= ${key} and label_key < ${key + maxChar} limit ${prefixLimit})
            union
            select rowid from registry_entries where source = ${source} and acronym_key = ${key}
          )
          select e.source, e.id, e.label, e.tags, e.data
          from candidates c cross join registry_entries e on e.rowid = c.rid
          where e.source = ${source} ${tagFilter}
          order by ${rank}, ${retired}, ${prefixLength}, length(e.label_key), e.label_key, e.id
          limit ${options.limit} offset ${offset}`.execute(database.db);
      } else {
        const tsquery = words.map((w) => `${w}:*`).join(" & ");
        // Candidates carry their columns: no second index lookup per candidate.
        result = await sql<Row>`select e.source, e.id, e.label, e.tags, e.data from (
            (select ${columns} from registry_entries
              where source = ${source} and search_vector @@ to_tsquery('simple', ${tsquery}) limit ${candidateLimit})
            union
            (select ${columns} from registry_entries where source = ${source}
              and label_key collate "C" >= ${key} and label_key collate "C" < ${key + maxChar} limit ${prefixLimit})
            union
            (select ${columns} from registry_entries where source = ${source} and acronym_key = ${key})
          ) e
          where true ${tagFilter}
          order by ${rank}, ${retired}, ${prefixLength}, length(e.label_key), e.label_key, e.id
          limit ${options.limit} offset ${offset}`.execute(database.db);
      }
      return result.rows.map(fromRow);
    },
  };
}

export type RegistryRepository = ReturnType<typeof createRegistryRepository>;
