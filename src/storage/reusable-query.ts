import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import { type DirectResult, type DirectRun, directSqliteOf } from "./database.js";

// A parameter placeholder while the query is built: a string no real value can be.
const marker = "\u0000carnet-parameter:";

type Slot<P> = { name: P } | { value: unknown };

/** A query compiled once, run with each call's values (see `reusableQuery`). */
export interface ReusableQuery<Tables, P extends string, R> {
  /** Run on a database or a transaction, of either dialect. */
  (executor: Kysely<Tables>, values: Readonly<Record<P, unknown>>): Promise<QueryResult<R>>;
  /** Run now, inside a direct SQLite transaction (`DirectSqlite.transactionInGroup` of database.ts). */
  now(run: DirectRun, executor: Kysely<Tables>, values: Readonly<Record<P, unknown>>): QueryResult<R>;
}

function asQueryResult<R>(result: DirectResult): QueryResult<R> {
  return { rows: result.rows as R[], numAffectedRows: BigInt(result.changes) };
}

/**
 * A query built and compiled once per dialect, then run with new parameter values: building and
 * compiling a Kysely query costs more than running a small one, and the hot paths (every request's
 * credentials and plan, every edit's write) run the same few queries over and over. On SQLite,
 * outside transactions, it runs directly on the connection (database.ts, `DirectSqlite`).
 *
 * `build` receives `param(name)`, to be used wherever a value changes from run to run (in `where`,
 * `on`, `set`, `values`, but not inside `in` lists, whose length would change the SQL).
 */
export function reusableQuery<Tables, P extends string, R>(
  build: (db: Kysely<Tables>, param: (name: P) => never) => Compilable<R>,
): ReusableQuery<Tables, P, R> {
  // By dialect adapter: a database and its transactions share it.
  const compiled = new WeakMap<object, { query: CompiledQuery<R>; slots: Slot<P>[] }>();
  const compile = (executor: Kysely<Tables>, values: Readonly<Record<P, unknown>>) => {
    const adapter = executor.getExecutor().adapter;
    let entry = compiled.get(adapter);
    if (!entry) {
      const query = build(executor, (name) => `${marker}${name}` as never).compile();
      const slots = query.parameters.map(
        (value): Slot<P> =>
          typeof value === "string" && value.startsWith(marker)
            ? { name: value.slice(marker.length) as P }
            : { value },
      );
      entry = { query, slots };
      compiled.set(adapter, entry);
    }
    const parameters = entry.slots.map((slot) => ("name" in slot ? values[slot.name] : slot.value));
    return { ...entry.query, parameters } as CompiledQuery<R>;
  };
  const run = (executor: Kysely<Tables>, values: Readonly<Record<P, unknown>>) => {
    const query = compile(executor, values);
    const direct = directSqliteOf(executor)?.run(query.sql, query.parameters);
    return direct ? Promise.resolve(asQueryResult<R>(direct)) : executor.executeQuery(query);
  };
  return Object.assign(run, {
    now(directRun: DirectRun, executor: Kysely<Tables>, values: Readonly<Record<P, unknown>>) {
      const query = compile(executor, values);
      return asQueryResult<R>(directRun(query.sql, query.parameters));
    },
  });
}
