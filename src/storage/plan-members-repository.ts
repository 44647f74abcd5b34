import type { Db, Tx } from "./database.js";
import { inTransaction, isUniqueViolation } from "./database.js";
import { planAccessChanged } from "./plan-access-cache.js";
import type { PlanInvitationsTable, PlanMemberRole, PlanMembersTable } from "./schema.js";

/** A member of a plan with the account's name and e-mail. */
export interface PlanMemberRow {
  userId: string;
  email: string;
  displayName: string;
  role: PlanMemberRole;
  addedAt: string;
}

export type PlanInvitationRow = PlanInvitationsTable;

const roleRank: Record<PlanMemberRole, number> = {
  owner: 0,
  co_owner: 1,
  editor: 2,
  commenter: 3,
  reader: 4,
};

/**
 * Members and pending invitations of plans, on either dialect. Changes of members made on a
 * transaction are announced by its caller after the commit (`planAccessChanged`).
 */
export function createPlanMembersRepository(db: Db | Tx) {
  // Remembered access facts (plan-access-cache.ts) are by database handle, not by transaction.
  const changed = (planId: string) => planAccessChanged(db as Db, planId);
  return {
    /** Members of a plan, strongest role first, then by name. */
    async list(planId: string): Promise<PlanMemberRow[]> {
      const rows = await db
        .selectFrom("plan_members as m")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select(["m.user_id", "u.email", "u.display_name", "m.role", "m.added_at"])
        .where("m.plan_id", "=", planId)
        .execute();
      return rows
        .map((r) => ({
          userId: r.user_id,
          email: r.email,
          displayName: r.display_name,
          role: r.role,
          addedAt: r.added_at,
        }))
        .sort(
          (a, b) =>
            roleRank[a.role] - roleRank[b.role] ||
            a.displayName.localeCompare(b.displayName) ||
            a.userId.localeCompare(b.userId),
        );
    },

    async find(planId: string, userId: string): Promise<PlanMemberRow | undefined> {
      return (await this.list(planId)).find((m) => m.userId === userId);
    },

    /** Add a member; false (nothing written) when they already are one. */
    async add(member: PlanMembersTable): Promise<boolean> {
      try {
        const result = await db
          .insertInto("plan_members")
          .values(member)
          .onConflict((oc) => oc.columns(["plan_id", "user_id"]).doNothing())
          .executeTakeFirst();
        changed(member.plan_id);
        return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async setRole(planId: string, userId: string, role: PlanMemberRole): Promise<void> {
      await db
        .updateTable("plan_members")
        .set({ role })
        .where("plan_id", "=", planId)
        .where("user_id", "=", userId)
        .execute();
      changed(planId);
    },

    async remove(planId: string, userId: string): Promise<boolean> {
      const result = await db
        .deleteFrom("plan_members")
        .where("plan_id", "=", planId)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      changed(planId);
      return Number(result.numDeletedRows) === 1;
    },

    /** Pending invitations of a plan, oldest first. */
    async invitations(planId: string): Promise<PlanInvitationRow[]> {
      return db
        .selectFrom("plan_invitations")
        .selectAll()
        .where("plan_id", "=", planId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },

    async findInvitation(planId: string, emailKey: string): Promise<PlanInvitationRow | undefined> {
      return db
        .selectFrom("plan_invitations")
        .selectAll()
        .where("plan_id", "=", planId)
        .where("email_key", "=", emailKey)
        .executeTakeFirst();
    },

    /** Store an invitation; false when the address is already invited to the plan. */
    async addInvitation(invitation: PlanInvitationRow): Promise<boolean> {
      try {
        const result = await db
          .insertInto("plan_invitations")
          .values(invitation)
          .onConflict((oc) => oc.columns(["plan_id", "email_key"]).doNothing())
          .executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async removeInvitation(planId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom("plan_invitations")
        .where("plan_id", "=", planId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    /** The pending invitation whose link secret hashes to `tokenHash`. */
    async findInvitationByToken(tokenHash: string): Promise<PlanInvitationRow | undefined> {
      return db
        .selectFrom("plan_invitations")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
    },

    /**
     * Turn an invitation into a membership of `userId` (a member already keeps their role) and
     * withdraw it; false when it was no longer pending (accepted or withdrawn meanwhile).
     */
    async acceptInvitation(invitation: PlanInvitationRow, userId: string, at: string): Promise<boolean> {
      const removed = await db
        .deleteFrom("plan_invitations")
        .where("id", "=", invitation.id)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) !== 1) return false;
      await db
        .insertInto("plan_members")
        .values({
          plan_id: invitation.plan_id,
          user_id: userId,
          role: invitation.role,
          added_at: at,
          added_by: invitation.invited_by,
        })
        .onConflict((oc) => oc.columns(["plan_id", "user_id"]).doNothing())
        .execute();
      return true;
    },
  };
}

/**
 * Make `newOwnerId` (already a member) the owner and the previous owner a co-owner, in ONE
 * transaction that also updates `plans.owner_id`.
 */
export async function transferPlanOwnership(db: Db, planId: string, newOwnerId: string): Promise<boolean> {
  const done = await inTransaction(db, async (tx) => {
    const plan = await tx.selectFrom("plans").select("owner_id").where("id", "=", planId).executeTakeFirst();
    if (!plan) return false;
    if (plan.owner_id === newOwnerId) return true;
    const promoted = await tx
      .updateTable("plan_members")
      .set({ role: "owner" })
      .where("plan_id", "=", planId)
      .where("user_id", "=", newOwnerId)
      .executeTakeFirst();
    if (Number(promoted.numUpdatedRows) !== 1) return false;
    await tx
      .updateTable("plan_members")
      .set({ role: "co_owner" })
      .where("plan_id", "=", planId)
      .where("user_id", "=", plan.owner_id)
      .execute();
    await tx.updateTable("plans").set({ owner_id: newOwnerId }).where("id", "=", planId).execute();
    return true;
  });
  planAccessChanged(db, planId);
  return done;
}

export type PlanMembersRepository = ReturnType<typeof createPlanMembersRepository>;
