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

export type UserRole = "user" | "org_admin" | "super_admin";
export type TokenScope = "read" | "read-write";

export interface OrganisationsTable {
  id: string;
  name: string;
  ror_id: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  /** Lower-cased, trimmed e-mail; unique. */
  email_key: string;
  display_name: string;
  /** `scrypt$N$r$p$salt$hash` (base64url), parameters stored with the hash. */
  password_hash: string;
  organisation_id: string | null;
  role: UserRole;
  preferred_language: "en" | "fr";
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session secret sent in the cookie. */
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scope: TokenScope;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  window_start: string;
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
  /** The document's `visibility`, kept in step on every write (0005). */
  visibility: "private" | "organisation" | "public";
  /** The document's `language` (ISO 639-3). */
  language: string;
  /** Lower-cased title (search); `title_sort`: also without accents (ordering). See plan-title-keys.ts. */
  title_key: string;
  title_sort: string;
}

export type PlanMemberRole = "owner" | "co_owner" | "editor" | "commenter" | "reader";

/** A member of a plan and their role; the owner is a member too (role `owner`, = plans.owner_id). */
export interface PlanMembersTable {
  plan_id: string;
  user_id: string;
  role: PlanMemberRole;
  added_at: string;
  /** Who added them (null for the owner's own membership). */
  added_by: string | null;
}

/** An invitation to an e-mail without an account; it becomes a membership when that address signs up. */
export interface PlanInvitationsTable {
  id: string;
  plan_id: string;
  email: string;
  /** Lower-cased, trimmed e-mail (unique per plan). */
  email_key: string;
  role: Exclude<PlanMemberRole, "owner">;
  invited_by: string;
  created_at: string;
  /** Hash of the secret in the invitation's link (null for invitations made before links had one). */
  token_hash: string | null;
}

/** One accepted batch of edits: the revision it produced, its ops and their inverse (JSON text). */
export interface PlanEventsTable {
  plan_id: string;
  revision: number;
  author: string;
  at: string;
  ops: string;
  inverse: string;
  /** The client's Idempotency-Key of the edit (migration 0008), unique per plan; null when none was sent. */
  idempotency_key: string | null;
}

/** A comment on a plan's question (see migration 0006 and `comments-repository.ts`). */
export interface PlanCommentsTable {
  id: string;
  plan_id: string;
  question_id: string;
  /** The research output the comment is about; null for a plan-wide comment. */
  output_id: string | null;
  /** The thread's first comment, for a reply; null for a thread's first comment. */
  parent_id: string | null;
  author_id: string;
  /** Plain text, trimmed, 1–10,000 characters. */
  body: string;
  created_at: string;
  edited_at: string | null;
  /** Set on a thread's first comment when the thread is resolved. */
  resolved_at: string | null;
  resolved_by: string | null;
}

/** One entry of an offline registry (see migration 0003 and `registry-repository.ts`). */
export interface RegistryEntriesTable {
  /** Registry: `ror`, `rnsr`, `repositories`, `standards`. */
  source: string;
  /** Normalised identifier (e.g. `https://ror.org/02feahw73`, `r3d100010468`, `CC-BY-4.0`). */
  id: string;
  label: string;
  /** Search keys (lower-case, accent-free) used to rank exact name or acronym matches first. */
  label_key: string;
  acronym_key: string;
  /** Space-separated facets, e.g. ROR types (`funder education`) or `inactive`. */
  tags: string;
  search_text: string;
  /** JSON of the `RegistryRecord` payload (labels, identifiers, country, url…). */
  data: string;
  /** Where the row came from: `seed` (bundled sample) or `import` (a dump loaded by an admin). */
  origin: string;
  updated_at: string;
}

/** A plan as the RDA Common maDMP API lists it (migration 0009, `madmp-index-repository.ts`). */
export interface MadmpIndexTable {
  plan_id: string;
  /** The plan's revision and owner contact details the row was made from; another value: rebuild. */
  source_key: string;
  /** 0 when the plan has no DCS form (it is then left out of lists). */
  exportable: number;
  /** Lower-cased title; null when none. */
  title: string | null;
  /** `dmp.created` / `dmp.modified` as ISO 8601 UTC (milliseconds); null when not a date. */
  created: string | null;
  modified: string | null;
  language: string | null;
  /** The latest licence start date of the distributions (YYYY-MM-DD…); null when none. */
  embargo: string | null;
  /** The first keyword of the datasets, lower-cased, in byte order; null when none. */
  keyword: string | null;
  /** 1 when `ethical_issues_exist` is "yes". */
  ethical_issues: number;
  /** Lower-cased titles and descriptions of the DMP and its datasets, one per line. */
  search_text: string;
}

/** An identifier a plan's DCS document names, lower-cased (kind: dmp, contact, contributor, dataset, metadata_standard, funder, grant). */
export interface MadmpIndexIdsTable {
  plan_id: string;
  kind: string;
  value: string;
}

export interface Tables {
  settings: SettingsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  rate_limits: RateLimitsTable;
  plans: PlansTable;
  plan_events: PlanEventsTable;
  plan_members: PlanMembersTable;
  plan_invitations: PlanInvitationsTable;
  plan_comments: PlanCommentsTable;
  registry_entries: RegistryEntriesTable;
  madmp_index: MadmpIndexTable;
  madmp_index_ids: MadmpIndexIdsTable;
}
