import type { EditEvent, EditOp } from "../domain/edit/ops.js";
import type { Plan } from "../domain/plan.js";
import type { Db, Tx } from "./database.js";
import { inTransaction } from "./database.js";
import { titleKeys } from "./plan-title-keys.js";
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
  plan: Plan;
  ownerId: string;
  deletedAt: string | null;
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

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

function planRow(plan: Plan) {
  const keys = titleKeys(plan.details.title);
  return {
    template_id: plan.template.id,
    template_version: plan.template.version,
    title: plan.details.title,
    title_key: keys.titleKey,
    title_sort: keys.titleSort,
    visibility: plan.visibility ?? "private",
    language: plan.language,
    revision: plan.revision,
    document: JSON.stringify(plan),
    modified_at: plan.modifiedAt,
  };
}

/** Plans and their edit log, on either dialect. */
export function createPlansRepository(db: Db) {
  const eventsOf = async (planId: string, afterRevision: number, executor: Db | Tx = db) => {
    const rows = await executor
      .selectFrom("plan_events")
      .selectAll()
      .where("plan_id", "=", planId)
      .where("revision", ">", afterRevision)
      .orderBy("revision")
      .execute();
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
    },

    /**
     * The plan with its owner, or undefined. The document is not re-validated: only parsed plans
     * (planSchema output, via the services and applyOps) are ever written, and checking a large plan
     * on every load would cost more than the load itself.
     */
    async get(id: string): Promise<StoredPlan | undefined> {
      const row = await db
        .selectFrom("plans")
        .select(["document", "owner_id", "deleted_at"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        plan: JSON.parse(row.document) as Plan,
        ownerId: row.owner_id,
        deletedAt: row.deleted_at,
      };
    },

    /** The plan, its visibility, its owner's organisation and `viewerId`'s role, in one query. */
    async getWithAccess(id: string, viewerId: string | undefined): Promise<PlanWithAccess | undefined> {
      const row = await db
        .selectFrom("plans as p")
        .leftJoin("users as o", "o.id", "p.owner_id")
        .leftJoin("plan_members as m", (join) =>
          join.onRef("m.plan_id", "=", "p.id").on("m.user_id", "=", viewerId ?? ""),
        )
        .select(["p.document", "p.owner_id", "p.deleted_at", "p.visibility", "o.organisation_id", "m.role"])
        .where("p.id", "=", id)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        plan: JSON.parse(row.document) as Plan,
        ownerId: row.owner_id,
        deletedAt: row.deleted_at,
        visibility: row.visibility,
        ownerOrganisationId: row.organisation_id ?? null,
        viewerRole: row.role ?? undefined,
      };
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
     * Store the plan's new revision and its event in ONE transaction. Throws StaleRevisionError when
     * the stored revision is no longer `event.revision - 1` (another writer got there first).
     */
    async saveEdit(plan: Plan, event: EditEvent): Promise<void> {
      try {
        await inTransaction(db, async (tx) => {
          const updated = await tx
            .updateTable("plans")
            .set(planRow(plan))
            .where("id", "=", plan.id)
            .where("revision", "=", event.revision - 1)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) throw new StaleRevisionError(plan.id, event.revision);
          await tx
            .insertInto("plan_events")
            .values({
              plan_id: plan.id,
              revision: event.revision,
              author: event.author,
              at: event.at,
              ops: JSON.stringify(event.ops),
              inverse: JSON.stringify(event.inverse),
            })
            .execute();
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new StaleRevisionError(plan.id, event.revision);
        throw error;
      }
    },

    /** Put a plan in the bin (a time) or take it out (null); false when there is no such plan. */
    async setDeleted(id: string, deletedAt: string | null): Promise<boolean> {
      const result = await db
        .updateTable("plans")
        .set({ deleted_at: deletedAt })
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;
