import { sql } from "kysely";
import type { Db, Tx } from "./database.js";

/** Fixed-window counters kept in the database, so that every server process sees the same counts. */
export function createRateLimitsRepository(db: Db | Tx) {
  return {
    /** Hits recorded for `key` in its window, if that window started after `windowStart`. */
    async current(key: string, windowStart: string): Promise<{ hits: number; since: string } | undefined> {
      const row = await db
        .selectFrom("rate_limits")
        .select(["hits", "window_start"])
        .where("key", "=", key)
        .where("window_start", ">", windowStart)
        .executeTakeFirst();
      return row ? { hits: Number(row.hits), since: row.window_start } : undefined;
    },

    /**
     * Count one hit for `key`: a window older than `windowStart` restarts at `now` with 1 hit.
     * One upsert statement, so concurrent hits are never lost.
     */
    async hit(key: string, now: string, windowStart: string): Promise<void> {
      await db
        .insertInto("rate_limits")
        .values({ key, hits: 1, window_start: now })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            hits: sql<number>`case when rate_limits.window_start > ${windowStart} then rate_limits.hits + 1 else 1 end`,
            window_start: sql<string>`case when rate_limits.window_start > ${windowStart} then rate_limits.window_start else ${now} end`,
          }),
        )
        .execute();
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom("rate_limits").where("key", "=", key).execute();
    },

    /** Drop counters whose window ended (housekeeping; keeps the table small). */
    async prune(windowStart: string): Promise<void> {
      await db.deleteFrom("rate_limits").where("window_start", "<=", windowStart).execute();
    },
  };
}

export type RateLimitsRepository = ReturnType<typeof createRateLimitsRepository>;
