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

/** One plan: the current document (native format, JSON text) and columns for listing. */
export interface PlansTable {
  id: string;
  owner_id: string;
  template_id: string;
  template_version: number;
  title: string;
  revision: number;
  document: string;
  created_at: string;
  modified_at: string;
  /** Set when the plan is in the bin (soft delete); restorable until purged. */
  deleted_at: string | null;
}

/** One accepted batch of edits: the revision it produced, its ops and their inverse (JSON text). */
export interface PlanEventsTable {
  plan_id: string;
  revision: number;
  author: string;
  at: string;
  ops: string;
  inverse: string;
}

export interface Tables {
  settings: SettingsTable;
  plans: PlansTable;
  plan_events: PlanEventsTable;
}
