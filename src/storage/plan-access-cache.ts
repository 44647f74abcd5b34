import { credentialsGeneration } from "./credentials-repository.js";
import { type Db, directSqliteOf } from "./database.js";
import type { LiveMessage, Notifier } from "./notifier.js";
import type { PlanMemberRole } from "./schema.js";

/** What decides who may read a plan, with the revision it is at (one row of the access query). */
export interface PlanAccessRow {
  revision: number;
  owner_id: string;
  deleted_at: string | null;
  visibility: "private" | "organisation" | "public";
  /** Organisation of the plan's owner. */
  organisation_id: string | null;
  /** The viewer's role, if they are a member. */
  role: PlanMemberRole | null;
}

/**
 * How long a remembered row may be served without asking the database (ms): the bound on staleness
 * should a change made by another process never be announced (a lost notification, or a change of
 * an owner's organisation, which is not announced); the same bound as remembered bearer tokens.
 */
export const planAccessMemoryMs = 1000;

const maxPlans = 20_000;
const maxViewersPerPlan = 1_000;

interface Entry {
  row: Omit<PlanAccessRow, "role">;
  /** Role by viewer id ("" for anonymous; null: not a member). */
  roles: Map<string, PlanMemberRole | null>;
  until: number;
}

/**
 * Plans' revisions and access facts recently read, so that a read of a plan (GET, export) needs no
 * database round trip. Exact for changes made through this process's repositories (they call
 * `planAccessChanged` once their write is visible); on SQLite, a commit by another connection to the
 * file is seen within a millisecond (`PRAGMA data_version`, read at most once a millisecond, forgets
 * everything when it moved); on PostgreSQL, other processes' changes are seen when their
 * notification (`plan:<id>` edit or access, through the notifier's LISTEN) arrives, and nothing is
 * served from memory while the listening connection is down. In any case a row is asked again after
 * `planAccessMemoryMs`.
 *
 * A row read while a change was being made could be older than the change: each read takes a ticket
 * (a clock value) before its query, and its row is kept only when no change of that plan (nor of
 * every plan) was recorded since.
 */
class PlanAccessCache {
  readonly #entries = new Map<string, Entry>();
  /** Plan id → clock at its last change; cleared (as a change of every plan) when it grows too big. */
  readonly #changedAt = new Map<string, number>();
  #clock = 0;
  #allChangedAt = 0;
  #credentials = credentialsGeneration();
  #dataVersion: unknown;
  /** When (Date.now()) the data version was last read. */
  #dataVersionAt = 0;
  /** False while changes made elsewhere could go unnoticed (PostgreSQL without a listening notifier). */
  #enabled: boolean;

  constructor(
    /** SQLite: the file's data version (changes when another connection commits). */
    readonly dataVersion: (() => unknown) | undefined,
  ) {
    this.#enabled = dataVersion !== undefined;
    this.#dataVersion = dataVersion?.();
  }

  /** Start (true) or stop (false) serving from memory; either way, forget everything. */
  enable(enabled: boolean): void {
    this.changedAll();
    this.#enabled = enabled;
  }

  changed(planId: string): void {
    this.#clock += 1;
    this.#entries.delete(planId);
    if (this.#changedAt.size >= maxPlans) this.changedAll();
    else this.#changedAt.set(planId, this.#clock);
  }

  /**
   * This process stored `revision` of the plan, an edit (which never changes the owner nor the bin),
   * with `visibility`: a remembered row with the same visibility takes the new revision (an editor's
   * next edit needs no query); any other is forgotten.
   */
  edited(planId: string, revision: number, visibility: PlanAccessRow["visibility"]): void {
    const entry = this.#entries.get(planId);
    const row = entry?.row;
    this.changed(planId);
    if (entry && row && row.visibility === visibility && row.revision < revision) {
      entry.row = { ...row, revision };
      this.#entries.set(planId, entry);
    }
  }

  changedAll(): void {
    this.#clock += 1;
    this.#allChangedAt = this.#clock;
    this.#entries.clear();
    this.#changedAt.clear();
  }

  /** The remembered row of `planId` for `viewer`, or undefined (then read it, under `ticket()`). */
  lookup(planId: string, viewer: string, now: number): PlanAccessRow | undefined {
    if (!this.#enabled) return undefined;
    // Accounts changed in this process (an owner's organisation, maybe): forget every plan.
    const credentials = credentialsGeneration();
    if (credentials !== this.#credentials) {
      this.#credentials = credentials;
      this.changedAll();
      return undefined;
    }
    // Reading the data version takes SQLite's shared-memory locks (a few µs): at most once a millisecond.
    if (this.dataVersion && now !== this.#dataVersionAt) {
      // Undefined while the connection is in a transaction: then ask the database.
      const version = this.dataVersion();
      if (version === undefined) return undefined;
      this.#dataVersionAt = now;
      if (version !== this.#dataVersion) {
        this.#dataVersion = version;
        this.changedAll();
        return undefined;
      }
    }
    const entry = this.#entries.get(planId);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.#entries.delete(planId);
      return undefined;
    }
    const role = entry.roles.get(viewer);
    return role === undefined ? undefined : { ...entry.row, role };
  }

  ticket(): number {
    return this.#clock;
  }

  /** Remember `row`, read under `ticket`, unless the plan changed since. */
  fill(ticket: number, planId: string, viewer: string, row: PlanAccessRow, now: number): void {
    if (!this.#enabled || ticket < this.#allChangedAt || ticket < (this.#changedAt.get(planId) ?? 0)) return;
    const { role, ...facts } = row;
    let entry = this.#entries.get(planId);
    const same =
      entry !== undefined &&
      entry.until > now &&
      entry.row.revision === facts.revision &&
      entry.row.owner_id === facts.owner_id &&
      entry.row.deleted_at === facts.deleted_at &&
      entry.row.visibility === facts.visibility &&
      entry.row.organisation_id === facts.organisation_id;
    if (!entry || !same) {
      this.#entries.delete(planId);
      if (this.#entries.size >= maxPlans) this.#entries.delete(this.#entries.keys().next().value as string);
      entry = { row: facts, roles: new Map(), until: now + planAccessMemoryMs };
      this.#entries.set(planId, entry);
    }
    if (entry.roles.size >= maxViewersPerPlan) entry.roles.clear();
    entry.roles.set(viewer, role ?? null);
  }

  /** A message of the notifier: another process (or this one) changed a plan, or the listener dropped. */
  onMessage(message: LiveMessage): void {
    if (message.type === "resync") this.enable(true);
    else if (message.type === "lost") this.enable(false);
    else if (message.type === "access" && message.topic.startsWith("plan:"))
      this.changed(message.topic.slice("plan:".length));
    else if (message.type === "edit" && message.topic.startsWith("plan:")) {
      // An edit this row already holds (this process's own, announced back) changes nothing.
      const planId = message.topic.slice("plan:".length);
      const revision = (message.data as { revision?: unknown } | null)?.revision;
      const held = this.#entries.get(planId)?.row.revision;
      if (typeof revision !== "number" || held === undefined || held < revision) this.changed(planId);
    }
  }
}

const caches = new WeakMap<Db, PlanAccessCache>();

function cacheOf(db: Db): PlanAccessCache {
  let cache = caches.get(db);
  if (!cache) {
    const direct = directSqliteOf(db);
    cache = new PlanAccessCache(direct && (() => direct.dataVersion()));
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The access row of `planId` for `viewer` ("" for anonymous): remembered (see `PlanAccessCache`) or
 * read by `load` (undefined when there is no such plan; not remembered).
 */
export async function rememberedPlanAccess(
  db: Db,
  planId: string,
  viewer: string,
  load: () => Promise<PlanAccessRow | undefined>,
): Promise<PlanAccessRow | undefined> {
  const cache = cacheOf(db);
  const now = Date.now();
  const hit = cache.lookup(planId, viewer, now);
  if (hit) return hit;
  const ticket = cache.ticket();
  const row = await load();
  if (row) cache.fill(ticket, planId, viewer, row, Date.now());
  return row;
}

/**
 * Say that this process stored an edit of a plan (`revision`, with the plan's `visibility` after it),
 * once it is visible.
 */
export function planEditStored(
  db: Db,
  planId: string,
  revision: number,
  visibility: PlanAccessRow["visibility"],
): void {
  caches.get(db)?.edited(planId, revision, visibility);
}

/**
 * Say that a plan's revision or access facts (visibility, owner, members, bin) changed in this
 * process. Writers call it once their write is visible: after the statement, or after the commit of
 * the transaction that made it.
 */
export function planAccessChanged(db: Db, planId: string): void {
  caches.get(db)?.changed(planId);
}

/**
 * PostgreSQL: serve plans' access rows from memory while `notifier` (started, listening) is
 * connected, forgetting a plan when another process announces a change to it. Returns the function
 * that disconnects. (SQLite needs none: its file's data version tells.)
 */
export function connectPlanAccessCache(db: Db, notifier: Notifier): () => void {
  const cache = cacheOf(db);
  if (cache.dataVersion) return () => {};
  const unsubscribe = notifier.subscribe((message) => cache.onMessage(message));
  cache.enable(true);
  return () => {
    unsubscribe();
    cache.enable(false);
  };
}
