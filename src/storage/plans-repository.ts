import { PostgresAdapter, sql } from "kysely";
import { documentJson, freezeDeep } from "../domain/edit/copy-on-write.js";
import type { EditEvent, EditOp } from "../domain/edit/ops.js";
import type { Plan } from "../domain/plan.js";
import type { Db, Tx } from "./database.js";
import { directSqliteOf, inTransaction, isUniqueViolation } from "./database.js";
import type { Notification } from "./notifier.js";
import { planAccessChanged, planEditStored, rememberedPlanAccess } from "./plan-access-cache.js";
import { titleKeys } from "./plan-title-keys.js";
import { reusableQuery } from "./reusable-query.js";
import type { PlanMemberRole } from "./schema.js";

/** Thrown when another writer committed the revision first; the caller reloads and retries. */
export class StaleRevisionError extends Error {
  constructor(
    readonly planId: string,
    readonly revision: number,
  ) {
    super(`Plan ${planId}: revision ${revision} was committed by another writer`);
    this.name = "StaleRevisionError";
  }
}

/** A stored plan with what is not part of its document. */
export interface StoredPlan {
  /** The plan (parsed from `documentBytes` on first use). */
  readonly plan: Plan;
  /** The plan document as stored (its JSON, UTF-8), served as is by reads that do not need the plan. */
  documentBytes: Buffer;
  /** The plan's revision (as in its document). */
  revision: number;
  ownerId: string;
  deletedAt: string | null;
}

/**
 * A stored plan whose document is parsed only when `plan` is first read. The document is not
 * re-validated: only parsed plans (planSchema output, via the services and applyOps) are ever
 * written, and checking a large plan on every load would cost more than the load itself. The parsed
 * plan is frozen and shared through the document cache (see DocumentCache): readers must not change it.
 */
function storedPlan(
  id: string,
  documentBytes: Buffer,
  revision: number,
  ownerId: string,
  deletedAt: string | null,
  cache: DocumentCache,
): StoredPlan {
  let parsed: Plan | undefined;
  return {
    revision,
    get plan() {
      parsed ??= cache.planOf(id, revision, documentBytes);
      return parsed;
    },
    documentBytes,
    ownerId,
    deletedAt,
  };
}

/** A stored plan with what decides a viewer's access to it. */
export interface PlanWithAccess extends StoredPlan {
  visibility: "private" | "organisation" | "public";
  /** Organisation of the plan's owner. */
  ownerOrganisationId: string | null;
  /** The viewer's role, if they are a member. */
  viewerRole: PlanMemberRole | undefined;
}

/** A row of a plan listing. */
export interface PlanSummary {
  id: string;
  title: string;
  templateId: string;
  templateVersion: number;
  revision: number;
  createdAt: string;
  modifiedAt: string;
  deletedAt: string | null;
}

/**
 * Thrown by saveEdit when the edit's Idempotency-Key is already stored with another edit of the plan
 * (nothing was written): the caller answers with that edit, or refuses the reused key.
 */
export class IdempotencyKeyTakenError extends Error {
  constructor(
    readonly planId: string,
    readonly key: string,
  ) {
    super(`Plan ${planId}: Idempotency-Key already stored with an edit`);
    this.name = "IdempotencyKeyTakenError";
  }
}

/** The unique index on (plan_id, idempotency_key) refused a row (PostgreSQL names it; SQLite its columns). */
function isIdempotencyKeyViolation(error: unknown): boolean {
  const { constraint, message } = (error ?? {}) as { constraint?: string; message?: string };
  return constraint === "plan_events_idempotency_key_idx" || /\bidempotency_key\b/.test(message ?? "");
}

/**
 * Plan documents recently read or written, as UTF-8 bytes, by plan id with their revision: a plan's
 * document changes only with its revision (saveEdit), so a read that finds the same revision in
 * the database serves these bytes without reading and decoding the document again. Least recently
 * used first out, within a byte budget; one cache per database handle.
 *
 * The most recently used entries also keep their plan parsed (frozen, so that every reader can share
 * it): an edit then starts from the plan the previous edit produced instead of parsing the document
 * again, and applies its ops with structural sharing (applyCopyOnWrite). Their documents' bytes count
 * towards a second, smaller budget, as a parsed plan takes several times the room of its text.
 */
class DocumentCache {
  readonly #entries = new Map<string, { revision: number; bytes: Buffer; plan?: Plan }>();
  #size = 0;
  #parsedSize = 0;
  constructor(
    readonly budget: number,
    readonly parsedBudget: number,
  ) {}

  get(id: string, revision: number): Buffer | undefined {
    const entry = this.#entries.get(id);
    if (!entry || entry.revision !== revision) return undefined;
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return entry.bytes;
  }

  set(id: string, revision: number, bytes: Buffer, plan?: Plan): void {
    const old = this.#entries.get(id);
    if (old) {
      // Never replace a newer revision with an older one read meanwhile.
      if (old.revision > revision) return;
      this.#remove(id, old);
    }
    if (bytes.length > this.budget / 4) return;
    this.#entries.set(id, { revision, bytes });
    this.#size += bytes.length;
    if (plan) this.#keepParsed(id, revision, plan);
    for (const [key, entry] of this.#entries) {
      if (this.#size <= this.budget) break;
      this.#remove(key, entry);
    }
  }

  /**
   * The plan at `revision` (whose document is `bytes`), parsed and frozen: kept from the last parse
   * or edit of that revision, else parsed now (and kept when that revision is still the cached one).
   */
  planOf(id: string, revision: number, bytes: Buffer): Plan {
    const entry = this.#entries.get(id);
    if (entry?.revision === revision && entry.plan) return entry.plan;
    const plan = freezeDeep(JSON.parse(bytes.toString("utf8")) as Plan);
    this.#keepParsed(id, revision, plan);
    return plan;
  }

  #keepParsed(id: string, revision: number, plan: Plan): void {
    const entry = this.#entries.get(id);
    if (!entry || entry.revision !== revision || entry.plan || entry.bytes.length > this.parsedBudget / 4)
      return;
    entry.plan = freezeDeep(plan);
    this.#parsedSize += entry.bytes.length;
    // Least recently used first: drop the parsed plans of the oldest entries (their bytes stay).
    for (const other of this.#entries.values()) {
      if (this.#parsedSize <= this.parsedBudget) break;
      if (other.plan && other !== entry) {
        other.plan = undefined;
        this.#parsedSize -= other.bytes.length;
      }
    }
  }

  #remove(id: string, entry: { bytes: Buffer; plan?: Plan }): void {
    this.#entries.delete(id);
    this.#size -= entry.bytes.length;
    if (entry.plan) this.#parsedSize -= entry.bytes.length;
  }
}

const documentCacheBytes = 64 * 1024 * 1024;
const parsedPlanCacheBytes = 8 * 1024 * 1024;
const documentCaches = new WeakMap<Db, DocumentCache>();

// The queries of every read and every edit: built once (reusable-query.ts).
const planById = reusableQuery((db: Db, param: (name: "id") => never) =>
  db.selectFrom("plans").select(["revision", "owner_id", "deleted_at"]).where("id", "=", param("id")),
);
const planWithAccessById = reusableQuery((db: Db, param: (name: "id" | "viewerId") => never) =>
  db
    .selectFrom("plans as p")
    .leftJoin("users as o", "o.id", "p.owner_id")
    .leftJoin("plan_members as m", (join) =>
      join.onRef("m.plan_id", "=", "p.id").on("m.user_id", "=", param("viewerId")),
    )
    .select(["p.revision", "p.owner_id", "p.deleted_at", "p.visibility", "o.organisation_id", "m.role"])
    .where("p.id", "=", param("id")),
);
const documentById = reusableQuery((db: Db, param: (name: "id") => never) =>
  db.selectFrom("plans").select(["document", "revision"]).where("id", "=", param("id")),
);
const eventsAfter = reusableQuery((db: Db, param: (name: "planId" | "after") => never) =>
  db
    .selectFrom("plan_events")
    .selectAll()
    .where("plan_id", "=", param("planId"))
    .where("revision", ">", param("after"))
    .orderBy("revision"),
);
type PlanRow = ReturnType<typeof planRow>;
/** The columns an edit writes (planRow), each set to the parameter of the same name. */
const planRowParameters = (param: (name: keyof PlanRow) => never) =>
  ({
    template_id: param("template_id"),
    template_version: param("template_version"),
    title: param("title"),
    title_key: param("title_key"),
    title_sort: param("title_sort"),
    visibility: param("visibility"),
    language: param("language"),
    revision: param("revision"),
    document: param("document"),
    modified_at: param("modified_at"),
  }) satisfies Record<keyof PlanRow, never>;
const updatePlanAtRevision = reusableQuery(
  (db: Db, param: (name: keyof PlanRow | "id" | "previous") => never) =>
    db
      .updateTable("plans")
      .set(planRowParameters(param))
      .where("id", "=", param("id"))
      .where("revision", "=", param("previous")),
);
const insertEvent = reusableQuery(
  (
    db: Db,
    param: (name: "planId" | "revision" | "author" | "at" | "ops" | "inverse" | "idempotencyKey") => never,
  ) =>
    db.insertInto("plan_events").values({
      plan_id: param("planId"),
      revision: param("revision"),
      author: param("author"),
      at: param("at"),
      ops: param("ops"),
      inverse: param("inverse"),
      idempotency_key: param("idempotencyKey"),
    }),
);
const eventByIdempotencyKey = reusableQuery((db: Db, param: (name: "planId" | "key") => never) =>
  db
    .selectFrom("plan_events")
    .select(["revision", "author", "ops"])
    .where("plan_id", "=", param("planId"))
    .where("idempotency_key", "=", param("key")),
);

// The title keys of the last titles written: most edits leave the title as it was.
const recentTitleKeys = new Map<string, ReturnType<typeof titleKeys>>();

type EventParameter = "revision" | "author" | "at" | "ops" | "inverse" | "idempotencyKey";
/**
 * PostgreSQL: the revision-checked update of the plan, the insert of its event and, when a channel is
 * given, the NOTIFY announcing it, as ONE statement (one round trip, its own transaction): the event
 * is inserted, and the notification sent at commit, only when the update found the plan at the
 * previous revision, so no row inserted means another writer got there first.
 */
const updateAndLogOnPostgres = reusableQuery(
  (
    db: Db,
    param: (
      name: keyof PlanRow | "id" | "previous" | EventParameter | "notifyChannel" | "notifyPayload",
    ) => never,
  ) =>
    db
      .with("updated", (cte) =>
        cte
          .updateTable("plans")
          .set(planRowParameters(param))
          .where("id", "=", param("id"))
          .where("revision", "=", param("previous"))
          .returning("id"),
      )
      .with("notified", (cte) =>
        cte
          .selectFrom("updated")
          .select(
            sql`pg_notify(cast(${param("notifyChannel")} as text), cast(${param("notifyPayload")} as text))`.as(
              "sent",
            ),
          )
          .where(sql<boolean>`cast(${param("notifyChannel")} as text) is not null`),
      )
      .insertInto("plan_events")
      .columns(["plan_id", "revision", "author", "at", "ops", "inverse", "idempotency_key"])
      .expression((eb) =>
        eb
          .selectFrom("updated")
          // Referenced, so that it runs; joined on true, so that the event does not depend on it.
          .leftJoin("notified", (join) => join.onTrue())
          .select([
            "updated.id",
            sql<number>`cast(${param("revision")} as integer)`.as("revision"),
            sql<string>`cast(${param("author")} as text)`.as("author"),
            sql<string>`cast(${param("at")} as text)`.as("at"),
            sql<string>`cast(${param("ops")} as text)`.as("ops"),
            sql<string>`cast(${param("inverse")} as text)`.as("inverse"),
            sql<string | null>`cast(${param("idempotencyKey")} as text)`.as("idempotency_key"),
          ]),
      ),
);

function planRow(plan: Plan) {
  const title = plan.details.title;
  let keys = recentTitleKeys.get(title);
  if (!keys) {
    keys = titleKeys(title);
    if (recentTitleKeys.size >= 256) recentTitleKeys.delete(recentTitleKeys.keys().next().value as string);
    recentTitleKeys.set(title, keys);
  }
  return {
    template_id: plan.template.id,
    template_version: plan.template.version,
    title: plan.details.title,
    title_key: keys.titleKey,
    title_sort: keys.titleSort,
    visibility: plan.visibility ?? "private",
    language: plan.language,
    revision: plan.revision,
    document: documentJson(plan),
    modified_at: plan.modifiedAt,
  };
}

/** Plans and their edit log, on either dialect. */
export function createPlansRepository(db: Db) {
  let documents = documentCaches.get(db);
  if (!documents) {
    documents = new DocumentCache(documentCacheBytes, parsedPlanCacheBytes);
    documentCaches.set(db, documents);
  }
  const cache = documents;

  /**
   * The plan's document at `revision` (from the cache, else read: then at its latest revision, which
   * an edit may have moved on meanwhile); undefined if the plan is gone.
   */
  const documentOf = async (
    id: string,
    revision: number,
  ): Promise<{ bytes: Buffer; revision: number } | undefined> => {
    const cached = cache.get(id, revision);
    if (cached) return { bytes: cached, revision };
    const [row] = (await documentById(db, { id })).rows;
    if (!row) return undefined;
    const bytes = Buffer.from(row.document, "utf8");
    cache.set(id, row.revision, bytes);
    return { bytes, revision: row.revision };
  };

  const eventsOf = async (planId: string, afterRevision: number, executor: Db | Tx = db) => {
    const { rows } = await eventsAfter(executor, { planId, after: afterRevision });
    return rows.map(
      (row): EditEvent => ({
        revision: row.revision,
        author: row.author,
        at: row.at,
        ops: JSON.parse(row.ops) as EditOp[],
        inverse: JSON.parse(row.inverse) as EditOp[],
      }),
    );
  };

  return {
    /** Store a new plan (its revision as given, usually 0) owned by `ownerId`, its owner as its first member. */
    async insert(plan: Plan, ownerId: string): Promise<void> {
      await inTransaction(db, async (tx) => {
        await tx
          .insertInto("plans")
          .values({
            id: plan.id,
            owner_id: ownerId,
            created_at: plan.createdAt,
            deleted_at: null,
            ...planRow(plan),
          })
          .execute();
        await tx
          .insertInto("plan_members")
          .values({
            plan_id: plan.id,
            user_id: ownerId,
            role: "owner",
            added_at: plan.createdAt,
            added_by: null,
          })
          .execute();
      });
      planAccessChanged(db, plan.id);
    },

    /** The plan with its owner, or undefined. */
    async get(id: string): Promise<StoredPlan | undefined> {
      const [row] = (await planById(db, { id })).rows;
      const document = row && (await documentOf(id, row.revision));
      return (
        document && storedPlan(id, document.bytes, document.revision, row.owner_id, row.deleted_at, cache)
      );
    },

    /**
     * The plan, its visibility, its owner's organisation and `viewerId`'s role, in one query; with
     * `remembered`, the revision and access facts may come from memory (plan-access-cache.ts: for
     * reads, never for a write, which must see the latest revision).
     */
    async getWithAccess(
      id: string,
      viewerId: string | undefined,
      options: { remembered?: boolean } = {},
    ): Promise<PlanWithAccess | undefined> {
      const load = async () => (await planWithAccessById(db, { id, viewerId: viewerId ?? "" })).rows[0];
      const row = options.remembered
        ? await rememberedPlanAccess(db, id, viewerId ?? "", load)
        : await load();
      const document = row && (await documentOf(id, row.revision));
      if (!document) return undefined;
      return Object.assign(
        storedPlan(id, document.bytes, document.revision, row.owner_id, row.deleted_at, cache),
        {
          visibility: row.visibility,
          ownerOrganisationId: row.organisation_id ?? null,
          viewerRole: row.role ?? undefined,
        },
      );
    },

    /** Plans of an owner, most recently modified first; deleted ones only when asked. */
    async listByOwner(ownerId: string, options: { deleted?: boolean } = {}): Promise<PlanSummary[]> {
      let query = db
        .selectFrom("plans")
        .select([
          "id",
          "title",
          "template_id",
          "template_version",
          "revision",
          "created_at",
          "modified_at",
          "deleted_at",
        ])
        .where("owner_id", "=", ownerId);
      // (kept for the model service's callers; listings with scopes and pages are in plan-listing.ts)
      query = options.deleted
        ? query.where("deleted_at", "is not", null)
        : query.where("deleted_at", "is", null);
      const rows = await query.orderBy("modified_at", "desc").orderBy("id").execute();
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        templateId: r.template_id,
        templateVersion: r.template_version,
        revision: r.revision,
        createdAt: r.created_at,
        modifiedAt: r.modified_at,
        deletedAt: r.deleted_at,
      }));
    },

    /** Events after `afterRevision` (all of them with -1), oldest first. */
    events(planId: string, afterRevision = -1): Promise<EditEvent[]> {
      return eventsOf(planId, afterRevision);
    },

    /**
     * The edit stored with the client's `Idempotency-Key` on this plan, if any: its revision, author
     * and ops (as stored JSON text).
     */
    async eventByIdempotencyKey(
      planId: string,
      key: string,
    ): Promise<{ revision: number; author: string; ops: string } | undefined> {
      return (await eventByIdempotencyKey(db, { planId, key })).rows[0];
    },

    /**
     * Store the plan's new revision and its event in ONE transaction, and return the stored document
     * (its JSON as UTF-8). Throws StaleRevisionError when the stored revision is no longer
     * `event.revision - 1` (another writer got there first) — or when `idempotencyKey` is already
     * stored with another edit of the plan (the caller's retry then finds that edit).
     */
    async saveEdit(
      plan: Plan,
      event: EditEvent,
      idempotencyKey?: string,
      /** PostgreSQL: a NOTIFY sent by the same statement, delivered if and when the edit commits. */
      notification?: Notification,
    ): Promise<Buffer> {
      const row = planRow(plan);
      const update = { ...row, id: plan.id, previous: event.revision - 1 };
      const eventRow = {
        planId: plan.id,
        revision: event.revision,
        author: event.author,
        at: event.at,
        ops: JSON.stringify(event.ops),
        inverse: JSON.stringify(event.inverse),
        idempotencyKey: idempotencyKey ?? null,
      };
      const stale = () => new StaleRevisionError(plan.id, event.revision);
      try {
        // On SQLite, in the connection's next group commit (with the other edits of this turn of the
        // event loop); otherwise, or when a Kysely transaction holds the connection, through Kysely.
        const direct = await directSqliteOf(db)?.transactionInGroup((run) => {
          if (Number(updatePlanAtRevision.now(run, db, update).numAffectedRows) !== 1) throw stale();
          insertEvent.now(run, db, eventRow);
        });
        if (!direct && db.getExecutor().adapter instanceof PostgresAdapter) {
          const inserted = await updateAndLogOnPostgres(db, {
            ...update,
            ...eventRow,
            notifyChannel: notification?.channel ?? null,
            notifyPayload: notification?.payload ?? null,
          });
          if (Number(inserted.numAffectedRows) !== 1) throw stale();
        } else if (!direct) {
          await inTransaction(db, async (tx) => {
            if (Number((await updatePlanAtRevision(tx, update)).numAffectedRows) !== 1) throw stale();
            await insertEvent(tx, eventRow);
          });
        }
        const bytes = Buffer.from(row.document, "utf8");
        cache.set(plan.id, plan.revision, bytes, plan);
        planEditStored(db, plan.id, plan.revision, plan.visibility);
        return bytes;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (idempotencyKey !== undefined && isIdempotencyKeyViolation(error))
          throw new IdempotencyKeyTakenError(plan.id, idempotencyKey);
        throw new StaleRevisionError(plan.id, event.revision);
      }
    },

    /** Put a plan in the bin (a time) or take it out (null); false when there is no such plan. */
    async setDeleted(id: string, deletedAt: string | null): Promise<boolean> {
      const result = await db
        .updateTable("plans")
        .set({ deleted_at: deletedAt })
        .where("id", "=", id)
        .executeTakeFirst();
      planAccessChanged(db, id);
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;
