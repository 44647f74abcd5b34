import type { Db, Tx } from "./database.js";

/** Instance-wide settings stored as key → value strings. */
export function createSettingsRepository(db: Db | Tx) {
  return {
    async get(key: string): Promise<string | undefined> {
      const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
      return row?.value;
    },

    async set(key: string, value: string): Promise<void> {
      const updated_at = new Date().toISOString();
      await db
        .insertInto("settings")
        .values({ key, value, updated_at })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at }))
        .execute();
    },

    /** Store `value` only if `key` has none yet; returns the value that is stored in the end. */
    async setIfAbsent(key: string, value: string): Promise<string> {
      await db
        .insertInto("settings")
        .values({ key, value, updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.column("key").doNothing())
        .execute();
      const row = await db
        .selectFrom("settings")
        .select("value")
        .where("key", "=", key)
        .executeTakeFirstOrThrow();
      return row.value;
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
