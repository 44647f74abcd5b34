import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type Transaction,
} from "kysely";
import pg from "pg";
import { redactUrl } from "../shared/config.js";
import { listMigrations } from "./migrations/index.js";
import type { Tables } from "./schema.js";

export type Dialect = "sqlite" | "postgres";
export type DatabaseSettings = { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };
export type Db = Kysely<Tables>;
export type Tx = Transaction<Tables>;

/** An open database: the Kysely handle, its dialect, and how to check and close it. */
export interface Database {
  db: Db;
  dialect: Dialect;
  /** Where the data lives, safe to print (file path, or URL without password). */
  target: string;
  /** Resolves true when a trivial query succeeds within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * SQLite driver whose write transactions take the write lock up front (`BEGIN IMMEDIATE`), so that
 * two processes never deadlock upgrading a read lock; with WAL and busy_timeout they queue instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
}

// PostgreSQL int8 (e.g. count(*)) arrives as a string by default; our counts fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** A unique or primary key refused a row (PostgreSQL or SQLite). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** True when a trivial query answers within `timeoutMs`; never throws. */
async function pingWithin(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = db
    .selectNoFrom((eb) => eb.lit(1).as("ok"))
    .execute()
    .then(
      () => true,
      () => false,
    );
  const ok = await Promise.race([query, timeout]);
  clearTimeout(timer);
  return ok;
}

/**
 * The SQLite connection as Kysely sees it, with prepared statements reused by SQL text: preparing
 * is a large part of a small query's cost, and the same few queries run on every request. A
 * statement still being iterated (a stream) is not shared; the cache keeps the most recent 500.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (!cached) {
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Statements run on the SQLite connection directly, synchronously, for the hot queries
 * (reusable-query.ts): going through Kysely's connection lock costs several promise hops per query,
 * more than a small query itself. Only ever used while no Kysely transaction is open on the
 * connection (a read would otherwise see, or a write join, that transaction's uncommitted work).
 */
export interface DirectSqlite {
  /** Run one statement now; undefined when the connection is in a transaction or busy (use Kysely). */
  run(sql: string, parameters: readonly unknown[]): DirectResult | undefined;
  /**
   * Run `work` in a transaction shared with the other works queued in this turn of the event loop
   * (group commit: pages written by several of them — indexes, the last page of a log table — go to
   * the write-ahead log once per group, and the commit's own cost is paid once). Each work runs in
   * its own savepoint: one that throws is undone alone and its promise rejects with its error, the
   * others land. Every promise settles after the group's commit (rejected, all of them, if it fails).
   * Resolves undefined when a transaction was open on the connection at that moment (use Kysely).
   */
  transactionInGroup<T>(work: (run: DirectRun) => T): Promise<{ value: T } | undefined>;
  /**
   * `PRAGMA data_version`: a number that changes when another connection (another process) commits
   * to the file; undefined while this connection is in a transaction.
   */
  dataVersion(): number | undefined;
}

interface GroupedWork {
  work: (run: DirectRun) => unknown;
  resolve: (outcome: { value: unknown } | undefined) => void;
  reject: (error: unknown) => void;
}

export interface DirectResult {
  rows: unknown[];
  changes: number;
}
export type DirectRun = (sql: string, parameters: readonly unknown[]) => DirectResult;

const directSqlite = new WeakMap<object, DirectSqlite>();

/** The direct SQLite path of a database handle (not of a transaction, not of PostgreSQL). */
export function directSqliteOf(db: object): DirectSqlite | undefined {
  return directSqlite.get(db);
}

function createDirectSqlite(
  sqlite: SQLite.Database,
  statements: { prepare(sql: string): SQLite.Statement },
): DirectSqlite {
  const busy = (error: unknown) => error instanceof TypeError && /connection is busy/i.test(error.message);
  const run: DirectRun = (sql, parameters) => {
    const statement = statements.prepare(sql);
    if (statement.reader) return { rows: statement.all(parameters), changes: 0 };
    return { rows: [], changes: statement.run(parameters).changes };
  };
  // One transaction function, reused: `work` is its argument (an immediate transaction per call).
  const inImmediateTransaction = sqlite.transaction((work: (run: DirectRun) => unknown) => work(run));
  // Called inside a transaction, a transaction function runs in a savepoint of it.
  const inSavepoint = sqlite.transaction((work: (run: DirectRun) => unknown) => work(run));
  const dataVersion = sqlite.prepare("pragma data_version").pluck();
  let group: GroupedWork[] = [];
  const commitGroup = () => {
    const works = group;
    group = [];
    if (sqlite.inTransaction) {
      for (const queued of works) queued.resolve(undefined);
      return;
    }
    const outcomes: ({ value: unknown } | { error: unknown })[] = [];
    try {
      inImmediateTransaction.immediate(() => {
        for (const queued of works) {
          try {
            outcomes.push({ value: inSavepoint(queued.work) });
          } catch (error) {
            // An I/O or disk-full error ends the whole transaction (SQLite rolled it back): fail them all.
            if (!sqlite.inTransaction) throw error;
            outcomes.push({ error });
          }
        }
      });
    } catch (error) {
      for (const queued of works) queued.reject(error);
      return;
    }
    works.forEach((queued, i) => {
      const outcome = outcomes[i]!;
      if ("error" in outcome) queued.reject(outcome.error);
      else queued.resolve(outcome);
    });
  };
  return {
    run(sql, parameters) {
      if (sqlite.inTransaction) return undefined;
      try {
        return run(sql, parameters);
      } catch (error) {
        if (busy(error)) return undefined;
        throw error;
      }
    },
    transactionInGroup<T>(work: (run: DirectRun) => T) {
      return new Promise<{ value: T } | undefined>((resolve, reject) => {
        if (group.length === 0) setImmediate(commitGroup);
        group.push({ work, resolve: resolve as GroupedWork["resolve"], reject });
      });
    },
    dataVersion() {
      return sqlite.inTransaction || dataVersion.busy ? undefined : (dataVersion.get() as number);
    },
  };
}

// The checkpointer thread: its own connection to the file, a passive checkpoint every `everyMs`
// (it never waits for, nor blocks, the writers; SQLite reuses the WAL once it is all copied back).
const checkpointerCode = `
const { parentPort, workerData } = require("node:worker_threads");
const SQLite = require(workerData.module);
const db = new SQLite(workerData.file);
db.pragma("busy_timeout = 10000");
const timer = setInterval(() => db.pragma("wal_checkpoint(PASSIVE)"), workerData.everyMs);
parentPort.on("message", () => { clearInterval(timer); db.close(); process.exit(0); });
`;

/**
 * Copy the write-ahead log back into the database file on another thread. A checkpoint ends with an
 * fsync of the file; done by the connection that commits, it blocks the event loop in the middle of
 * a request every few hundred edits. The server's connection leaves it to this thread instead
 * (`wal_autocheckpoint = 0`), and takes it back should the thread fail.
 */
function startCheckpointer(sqlite: SQLite.Database, file: string, everyMs = 200): () => Promise<void> {
  sqlite.pragma("wal_autocheckpoint = 0");
  const worker = new Worker(checkpointerCode, {
    eval: true,
    workerData: { module: createRequire(import.meta.url).resolve("better-sqlite3"), file, everyMs },
  });
  worker.unref();
  let stopping = false;
  const fallBack = () => {
    if (!stopping && sqlite.open) sqlite.pragma("wal_autocheckpoint = 1000");
  };
  worker.on("error", fallBack);
  worker.on("exit", fallBack);
  return async () => {
    stopping = true;
    // Referenced while it stops: a process waiting only on it must not exit in the middle of closing.
    worker.ref();
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    let timer: NodeJS.Timeout | undefined;
    worker.postMessage("stop");
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
    await worker.terminate();
  };
}

function openSqlite(file: string, options: OpenOptions): Database {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  const stopCheckpointer = options.backgroundCheckpoints ? startCheckpointer(sqlite, file) : undefined;
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: statements }) });
  directSqlite.set(db, createDirectSqlite(sqlite, statements));
  return {
    db,
    dialect: "sqlite",
    target: file,
    ping: (timeoutMs = 2000) => pingWithin(db, timeoutMs),
    close: async () => {
      await stopCheckpointer?.();
      await db.destroy();
      // Kysely closes the file only if it ever opened its connection; make sure it is closed.
      if (sqlite.open) sqlite.close();
    },
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: "postgres",
    target: redactUrl(url),
    ping: (timeoutMs = 2000) => pingWithin(db, timeoutMs),
    close: async () => {
      await db.destroy();
      // Kysely ends the pool only if it ever used it; make sure it is ended.
      if (!pool.ended) await pool.end();
    },
  };
}

/** How a database is opened. */
export interface OpenOptions {
  /**
   * SQLite: checkpoint the write-ahead log on a background thread rather than in the middle of a
   * commit (the server; short-lived commands keep SQLite's own checkpoints).
   */
  backgroundCheckpoints?: boolean;
}

/** Open (but do not migrate) the database described by `settings`. */
export function openDatabase(settings: DatabaseSettings, options: OpenOptions = {}): Database {
  return settings.dialect === "sqlite" ? openSqlite(settings.file, options) : openPostgres(settings.url);
}

/** Result of bringing a database schema up to date. */
export interface MigrationSummary {
  applied: string[];
  total: number;
}

/** Apply every pending migration; throws with the failing migration's name if one fails. */
export async function migrateDatabase(database: Database): Promise<MigrationSummary> {
  const migrations = listMigrations({ dialect: database.dialect });
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === "Error");
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }
  return {
    applied: results.filter((r) => r.status === "Success").map((r) => r.migrationName),
    total: Object.keys(migrations).length,
  };
}

/** Run `work` in one transaction: all of its writes land, or none. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "SQLITE_BUSY",
  "SQLITE_CANTOPEN",
]);
const unavailableMessages =
  /driver has already been destroyed|database connection is not open|Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end/i;

/**
 * True when `error` (or one of its causes) says the database cannot be reached, as opposed to a
 * query that is wrong: callers answer "try again later" (503) instead of "internal error".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && (unavailableCodes.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && unavailableMessages.test(message)) return true;
    current = cause;
  }
  return false;
}
