import type { UiLanguage } from "../../i18n/translate.js";
import { apiRequest } from "./client.js";
import type { PlanRole, PlanVisibility } from "./plan-list.js";

export interface PlanMember {
  userId: string;
  email: string;
  displayName: string;
  role: PlanRole;
}

export interface PlanInvitation {
  id: string;
  email: string;
  role: PlanRole;
  invitedAt: string;
}

export interface MemberList {
  members: PlanMember[];
  invitations: PlanInvitation[];
}

/** What inviting answers: a membership (the address has an account) or a pending invitation. */
export type InviteOutcome = { member: PlanMember } | { invitation: PlanInvitation };

const seg = (value: string) => encodeURIComponent(value);

/** Members, invitations, ownership and visibility of one plan (docs/api-plans.md "Sharing"). */
export function membersApi(lang: UiLanguage) {
  return {
    /** Join a plan with the token of an invitation link (signed in with the invited address). */
    acceptInvitation: (token: string) =>
      apiRequest<{ planId: string; role: PlanRole }>("/api/v1/invitations/accept", {
        method: "POST",
        body: { token },
        lang,
      }),
    list: (planId: string) => apiRequest<MemberList>(`/api/v1/plans/${seg(planId)}/members`, { lang }),
    invite: (planId: string, email: string, role: PlanRole) =>
      apiRequest<InviteOutcome>(`/api/v1/plans/${seg(planId)}/members`, {
        method: "POST",
        body: { email, role },
        lang,
      }),
    changeRole: (planId: string, userId: string, role: PlanRole) =>
      apiRequest<{ member: PlanMember }>(`/api/v1/plans/${seg(planId)}/members/${seg(userId)}`, {
        method: "PATCH",
        body: { role },
        lang,
      }),
    remove: (planId: string, userId: string) =>
      apiRequest<void>(`/api/v1/plans/${seg(planId)}/members/${seg(userId)}`, { method: "DELETE", lang }),
    cancelInvitation: (planId: string, invitationId: string) =>
      apiRequest<void>(`/api/v1/plans/${seg(planId)}/invitations/${seg(invitationId)}`, {
        method: "DELETE",
        lang,
      }),
    transfer: (planId: string, userId: string) =>
      apiRequest<unknown>(`/api/v1/plans/${seg(planId)}/transfer`, {
        method: "POST",
        body: { userId },
        lang,
      }),
    setVisibility: (planId: string, visibility: PlanVisibility) =>
      apiRequest<{ visibility: PlanVisibility; revision: number }>(
        `/api/v1/plans/${seg(planId)}/visibility`,
        {
          method: "PUT",
          body: { visibility },
          lang,
        },
      ),
  };
}

export type MembersApi = ReturnType<typeof membersApi>;
