import { describe, expect, it } from "vitest";
import type { Account } from "../contract/accounts.js";
import type { Actor } from "./permissions.js";
import {
  assertPlanCapability,
  type PlanAccessFacts,
  type PlanCapability,
  type PlanRole,
  planCapabilitiesOf,
} from "./plan-access.js";

const orgA = "org-a";
const actor = (
  role: Account["role"],
  organisationId: string | null,
  scope: Actor["scope"] = "read-write",
): Actor => ({
  account: {
    id: `${role}-${organisationId}`,
    email: "x@example.org",
    displayName: "X",
    role,
    organisationId,
    preferredLanguage: "en",
    createdAt: "",
  },
  via: scope === "read-write" ? "session" : "token",
  scope,
  credentialId: "c",
});

type Who = { name: string; actor: Actor | undefined; memberRole?: PlanRole };
const people: Who[] = [
  { name: "anonymous", actor: undefined },
  { name: "stranger", actor: actor("user", "org-z") },
  { name: "reader", actor: actor("user", "org-z"), memberRole: "reader" },
  { name: "commenter", actor: actor("user", "org-z"), memberRole: "commenter" },
  { name: "editor", actor: actor("user", "org-z"), memberRole: "editor" },
  { name: "co-owner", actor: actor("user", "org-z"), memberRole: "co_owner" },
  { name: "owner", actor: actor("user", orgA), memberRole: "owner" },
  { name: "org admin, same org", actor: actor("org_admin", orgA) },
  { name: "org admin, other org", actor: actor("org_admin", "org-b") },
  { name: "super admin", actor: actor("super_admin", null) },
  { name: "owner via read token", actor: actor("user", orgA, "read"), memberRole: "owner" },
];

const R = "read";
const C = "comment";
const E = "edit";
/** What members see besides the plan: its history and who else is on it. */
const H = "view_history";
const M = "view_members";
const all: PlanCapability[] = [R, H, M, C, E, "share", "set_visibility", "transfer", "delete"];
/** Expected capabilities per person for a private, an organisation and a public plan of org A. */
const expected: Record<string, [PlanCapability[], PlanCapability[], PlanCapability[]]> = {
  anonymous: [[], [], [R]],
  stranger: [[], [], [R]],
  reader: [
    [R, H, M],
    [R, H, M],
    [R, H, M],
  ],
  commenter: [
    [R, H, M, C],
    [R, H, M, C],
    [R, H, M, C],
  ],
  editor: [
    [R, H, M, C, E],
    [R, H, M, C, E],
    [R, H, M, C, E],
  ],
  "co-owner": [
    [R, H, M, C, E, "share", "set_visibility"],
    [R, H, M, C, E, "share", "set_visibility"],
    [R, H, M, C, E, "share", "set_visibility"],
  ],
  owner: [all, all, all],
  "org admin, same org": [[], [R], [R]],
  "org admin, other org": [[], [], [R]],
  "super admin": [
    [R, H, M],
    [R, H, M],
    [R, H, M],
  ],
  "owner via read token": [
    [R, H, M],
    [R, H, M],
    [R, H, M],
  ],
};

describe("plan access matrix", () => {
  const visibilities = ["private", "organisation", "public"] as const;
  for (const who of people) {
    it(`${who.name}`, () => {
      visibilities.forEach((visibility, i) => {
        const facts: PlanAccessFacts = { visibility, organisationId: orgA, memberRole: who.memberRole };
        const granted = [...planCapabilitiesOf(who.actor, facts)].sort();
        expect(granted, `${who.name} on a ${visibility} plan`).toEqual(
          [...(expected[who.name]?.[i] ?? [])].sort(),
        );
      });
    });
  }

  it("hides plans one cannot read (404) and refuses the rest with the right code", () => {
    const privatePlan: PlanAccessFacts = { visibility: "private", organisationId: orgA };
    expect(() => assertPlanCapability(actor("user", "org-z"), privatePlan, "read", "p1")).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    const asReader = { ...privatePlan, memberRole: "reader" as const };
    expect(() => assertPlanCapability(actor("user", "org-z"), asReader, "edit", "p1")).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    const asOwner = { ...privatePlan, memberRole: "owner" as const };
    expect(() => assertPlanCapability(actor("user", orgA, "read"), asOwner, "edit", "p1")).toThrow(
      expect.objectContaining({ code: "read_only_token" }),
    );
    const publicPlan: PlanAccessFacts = { visibility: "public", organisationId: orgA };
    expect(() => assertPlanCapability(undefined, publicPlan, "comment", "p1")).toThrow(
      expect.objectContaining({ code: "unauthenticated" }),
    );
    expect(() => assertPlanCapability(actor("user", orgA), asOwner, "delete", "p1")).not.toThrow();
  });
});
