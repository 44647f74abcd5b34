import { randomUUID } from "node:crypto";
import {
  acceptInvitationBodySchema,
  addMemberBodySchema,
  changeRoleBodySchema,
  type PlanInvitation,
  type PlanMember,
  type PlanMembers,
  transferBodySchema,
  visibilityBodySchema,
} from "../contract/plans.js";
import { translate } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import { inTransaction } from "../storage/database.js";
import { planAccessChanged } from "../storage/plan-access-cache.js";
import {
  createPlanMembersRepository,
  type PlanInvitationRow,
  type PlanMemberRow,
  transferPlanOwnership,
} from "../storage/plan-members-repository.js";
import { createUsersRepository, emailKey } from "../storage/users-repository.js";
import type { AccountLog } from "./account-deps.js";
import type { AppContext } from "./app-context.js";
import type { Mailer } from "./mailer.js";
import { type Actor, requireWriter } from "./permissions.js";
import type { PlanVisibility } from "./plan-access.js";
import type { PlanAuthoriser } from "./plan-authorisation.js";
import { createEditAnnouncer } from "./plan-live.js";
import type { PlanService } from "./plans.js";
import { hashSecret, newSecret } from "./secrets.js";
import { validateInput } from "./validate-input.js";

/** Prefix of invitation tokens (recognisable if leaked). */
const invitationTokenPrefix = "carnet_inv_";

/** Where invitation e-mails go and what they link to. */
export interface SharingMail {
  mailer: Mailer;
  /** Base URL of the web app (links in e-mails). */
  publicUrl: string;
  log: AccountLog;
}

const toMember = (row: PlanMemberRow): PlanMember => ({
  userId: row.userId,
  email: row.email,
  displayName: row.displayName,
  role: row.role,
});
const toInvitation = (row: PlanInvitationRow): PlanInvitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  invitedAt: row.created_at,
});

const memberNotFound = (planId: string, userId: string) =>
  new AppError("not_found", "No such member", {
    params: { path: `/api/v1/plans/${planId}/members/${userId}` },
  });

const ownerFixed = () => new AppError("owner_role_fixed", "The owner's role cannot change");

/**
 * Members, invitations, ownership and visibility of plans. Rules: whoever may `share` (owner,
 * co-owner) adds, changes and removes members below co-owner; only the owner grants, changes or
 * removes a co-owner and transfers ownership; nobody removes or demotes the owner; any member may
 * leave. Every check of who may see or do what with the plan goes through the plan authoriser.
 */
export function createPlanSharing(
  context: Pick<AppContext, "database"> & Partial<Pick<AppContext, "live">>,
  authoriser: PlanAuthoriser,
  plans: PlanService,
  mail: SharingMail,
) {
  const db = context.database.db;
  const members = createPlanMembersRepository(db);
  const users = createUsersRepository(db);
  const { authorise } = authoriser;
  const announce = createEditAnnouncer(context.live);

  /** Throw `forbidden` unless the caller is the owner (co-owner grants and removals are the owner's). */
  const requireOwner = (role: string | undefined, what: string) => {
    if (role !== "owner") throw new AppError("forbidden", `Only the owner may ${what}`);
  };

  /**
   * The link of an invitation e-mail: sign-up with the address filled in, then on to the plan
   * (the web app honours `email`, `invitation` and `next`, and offers sign-in on the same page).
   * `secret` is the invitation's token: whoever signs in with the invited address and presents it
   * joins the plan (POST /api/v1/invitations/accept).
   */
  const invitationLink = (invitation: PlanInvitationRow, secret: string) =>
    `${mail.publicUrl}/sign-up?${new URLSearchParams({ email: invitation.email, invitation: secret, next: `/plans/${invitation.plan_id}` })}`;

  const sendInvitation = (actor: Actor, title: string, invitation: PlanInvitationRow, secret: string) => {
    const lang = actor.account.preferredLanguage;
    const params = {
      inviter: actor.account.displayName,
      inviterEmail: actor.account.email,
      title,
      role: translate(lang, `sharing.role.${invitation.role}`),
      email: invitation.email,
      link: invitationLink(invitation, secret),
    };
    // In the background, as the reset e-mail: a slow SMTP server does not hold the answer.
    mail.mailer
      .send({
        to: invitation.email,
        subject: translate(lang, "sharing.mail.invite.subject", params),
        text: translate(lang, "sharing.mail.invite.text", params),
        lang,
      })
      .catch((error: unknown) =>
        mail.log.warn({ invitationId: invitation.id, err: error }, "invitation e-mail could not be sent"),
      );
  };

  const listing = async (planId: string): Promise<PlanMembers> => ({
    members: (await members.list(planId)).map(toMember),
    invitations: (await members.invitations(planId)).map(toInvitation),
  });

  return {
    /** Members and pending invitations (members of the plan and super admins may see them). */
    async list(actor: Actor | undefined, planId: string): Promise<PlanMembers> {
      await authorise(actor, planId, "view_members");
      return listing(planId);
    },

    /**
     * Share the plan with an e-mail address: an account becomes a member at once (`member`);
     * another address gets an invitation by e-mail (`invitation`), which becomes a membership when
     * it signs up. An existing member or a pending invitee: `already_member` / `already_invited` (409).
     */
    async add(
      actor: Actor | undefined,
      planId: string,
      input: { email: string; role: string },
    ): Promise<{ member: PlanMember } | { invitation: PlanInvitation }> {
      const plan = await authorise(actor, planId, "share");
      const me = requireWriter(actor);
      const valid = validateInput(addMemberBodySchema, input);
      if (valid.role === "co_owner") requireOwner(plan.role, "grant co-ownership");
      const key = emailKey(valid.email);
      const account = await users.findByEmail(key);
      const now = new Date().toISOString();
      if (account) {
        const added = await members.add({
          plan_id: planId,
          user_id: account.id,
          role: valid.role,
          added_at: now,
          added_by: me.account.id,
        });
        if (added) await announce.accessChanged(planId);
        const member = await members.find(planId, account.id);
        if (!added && member) {
          throw new AppError("already_member", "Already a member", {
            params: { email: member.email, role: member.role },
            details: { member: toMember(member) },
          });
        }
        if (!member) throw memberNotFound(planId, account.id);
        return { member: toMember(member) };
      }
      const secret = newSecret(invitationTokenPrefix);
      const invitation: PlanInvitationRow = {
        id: randomUUID(),
        plan_id: planId,
        email: valid.email.trim(),
        email_key: key,
        role: valid.role,
        invited_by: me.account.id,
        created_at: now,
        token_hash: hashSecret(secret),
      };
      if (!(await members.addInvitation(invitation))) {
        const pending = await members.findInvitation(planId, key);
        throw new AppError("already_invited", "Already invited", {
          params: { email: valid.email.trim() },
          details: pending ? { invitation: toInvitation(pending) } : undefined,
        });
      }
      sendInvitation(me, plan.plan.details.title, invitation, secret);
      return { invitation: toInvitation(invitation) };
    },

    /**
     * Accept an invitation with the token of its link, signed in with the invited address (the link
     * proves the mail was read; the account, that it is theirs): the caller becomes a member with
     * the invitation's role (a member already keeps theirs) and the invitation is used up.
     */
    async acceptInvitation(
      actor: Actor | undefined,
      input: { token: string },
    ): Promise<{ planId: string; role: PlanInvitationRow["role"] }> {
      const me = requireWriter(actor);
      const { token } = validateInput(acceptInvitationBodySchema, input);
      const invalid = () => new AppError("invitation_invalid", "No such pending invitation");
      const invitation = await members.findInvitationByToken(hashSecret(token));
      if (!invitation) throw invalid();
      if (invitation.email_key !== emailKey(me.account.email)) {
        throw new AppError("invitation_other_address", "The invitation is for another address", {
          params: { email: invitation.email },
        });
      }
      const accepted = await inTransaction(db, (tx) =>
        createPlanMembersRepository(tx).acceptInvitation(invitation, me.account.id, new Date().toISOString()),
      );
      if (!accepted) throw invalid();
      planAccessChanged(db, invitation.plan_id);
      await announce.accessChanged(invitation.plan_id);
      return { planId: invitation.plan_id, role: invitation.role };
    },

    /** Change a member's role (not the owner's; co-owners are the owner's to make or unmake). */
    async changeRole(
      actor: Actor | undefined,
      planId: string,
      userId: string,
      input: { role: string },
    ): Promise<{ member: PlanMember }> {
      const plan = await authorise(actor, planId, "share");
      requireWriter(actor);
      const { role } = validateInput(changeRoleBodySchema, input);
      const target = await members.find(planId, userId);
      if (!target) throw memberNotFound(planId, userId);
      if (target.role === "owner") throw ownerFixed();
      if (target.role === "co_owner" || role === "co_owner") requireOwner(plan.role, "change a co-owner");
      await members.setRole(planId, userId, role);
      await announce.accessChanged(planId);
      return { member: { ...toMember(target), role } };
    },

    /** Remove a member; any member may remove themself (leave). The owner cannot be removed. */
    async remove(actor: Actor | undefined, planId: string, userId: string): Promise<void> {
      const leaving = actor !== undefined && userId === actor.account.id;
      const plan = await authorise(actor, planId, leaving ? "read" : "share");
      requireWriter(actor);
      const target = await members.find(planId, userId);
      if (!target) throw memberNotFound(planId, userId);
      if (target.role === "owner") throw ownerFixed();
      if (!leaving && target.role === "co_owner") requireOwner(plan.role, "remove a co-owner");
      await members.remove(planId, userId);
      await announce.accessChanged(planId); // their open streams end
    },

    /** Withdraw a pending invitation. */
    async cancelInvitation(actor: Actor | undefined, planId: string, invitationId: string): Promise<void> {
      const plan = await authorise(actor, planId, "share");
      requireWriter(actor);
      const pending = (await members.invitations(planId)).find((i) => i.id === invitationId);
      if (!pending) {
        throw new AppError("not_found", "No such invitation", {
          params: { path: `/api/v1/plans/${planId}/invitations/${invitationId}` },
        });
      }
      if (pending.role === "co_owner") requireOwner(plan.role, "withdraw a co-owner invitation");
      await members.removeInvitation(planId, invitationId);
    },

    /** Make another member the owner; the previous owner stays on as co-owner. */
    async transfer(
      actor: Actor | undefined,
      planId: string,
      input: { userId: string },
    ): Promise<PlanMembers> {
      await authorise(actor, planId, "transfer");
      requireWriter(actor);
      const { userId } = validateInput(transferBodySchema, input);
      if (!(await transferPlanOwnership(db, planId, userId))) {
        throw new AppError("validation_failed", "Not a member", {
          details: [{ path: "/userId", message: "is not a member of this plan" }],
        });
      }
      await announce.accessChanged(planId);
      return listing(planId);
    },

    /** Set who may read the plan besides its members; a change is a revision of the plan. */
    async setVisibility(
      actor: Actor | undefined,
      planId: string,
      input: { visibility: string },
    ): Promise<{ visibility: PlanVisibility; revision: number }> {
      const plan = await authorise(actor, planId, "set_visibility");
      const me = requireWriter(actor);
      const { visibility } = validateInput(visibilityBodySchema, input);
      if (plan.plan.visibility === visibility) return { visibility, revision: plan.plan.revision };
      const outcome = await plans.edit({ id: me.account.id }, planId, plan.plan.revision, [
        { op: "set", path: "/visibility", value: visibility },
      ]);
      return { visibility, revision: outcome.plan.revision };
    },
  };
}

export type PlanSharing = ReturnType<typeof createPlanSharing>;
