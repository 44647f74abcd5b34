/**
 * Table types for Kysely. Conventions that hold on both dialects:
 * - timestamps are ISO-8601 UTC strings in `text` columns (sortable, identical on SQLite and PostgreSQL);
 * - JSON documents are `text` holding serialised JSON, parsed by the repository that owns the table;
 * - ids are UUID strings made by the application.
 */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface Tables {
  settings: SettingsTable;
}
