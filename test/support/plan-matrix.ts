import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { createAccountDeps } from "../../src/services/account-deps.js";
import { createAccount } from "../../src/services/accounts.js";
import { createOrganisation } from "../../src/services/organisations.js";
import { asSession, signInUser, type TestSession, uniqueEmail } from "./accounts.js";
import { type TestApp, testPasswordCost } from "./app.js";

/**
 * The people of the plan authorisation matrix (test/integration/plan-authorisation-matrix.test.ts)
 * and the plans they are tried on. Members have no organisation, so only their role gives them
 * rights; the owner and the "same org" admin are in organisation A, the other admin in B.
 */
export const personas = [
  "anonymous",
  "stranger",
  "reader",
  "commenter",
  "editor",
  "co_owner",
  "owner",
  "org_admin_same_org",
  "org_admin_other_org",
  "super_admin",
] as const;
export type Persona = (typeof personas)[number];
export type Visibility = "private" | "organisation" | "public";
export const visibilities: readonly Visibility[] = ["private", "organisation", "public"];

/**
 * What a route needs, from weakest to strongest. Spelled out here by hand (not taken from the
 * code under test) so that a change of the rules in the services shows up as a failing row.
 */
export type Need =
  | "read" // anyone who may see the plan
  | "read_signed_in" // same, signed in (e.g. duplicate makes the caller a plan)
  | "member_view" // members of any role and super admins (history, members)
  | "comment"
  | "edit"
  | "share" // owner, co-owner
  | "owner"; // transfer, delete, restore

const memberRoles: Persona[] = ["reader", "commenter", "editor", "co_owner", "owner"];

/** Who may see a plan of each visibility (anonymous callers only public ones). */
export function canRead(persona: Persona, visibility: Visibility): boolean {
  if (visibility === "public") return true;
  if (memberRoles.includes(persona) || persona === "super_admin") return true;
  return visibility === "organisation" && persona === "org_admin_same_org";
}

/** Whether `persona` may do what `need` asks on a plan of `visibility`. */
export function isAllowed(need: Need, persona: Persona, visibility: Visibility): boolean {
  switch (need) {
    case "read":
      return canRead(persona, visibility);
    case "read_signed_in":
      return canRead(persona, visibility) && persona !== "anonymous";
    case "member_view":
      return memberRoles.includes(persona) || persona === "super_admin";
    case "comment":
      return ["commenter", "editor", "co_owner", "owner"].includes(persona);
    case "edit":
      return ["editor", "co_owner", "owner"].includes(persona);
    case "share":
      return ["co_owner", "owner"].includes(persona);
    case "owner":
      return persona === "owner";
  }
}

/** The status a refused caller gets: 404 if they may not see the plan, else 401 anonymous, else 403. */
export function refusal(persona: Persona, visibility: Visibility): number {
  if (!canRead(persona, visibility)) return 404;
  return persona === "anonymous" ? 401 : 403;
}

/** A signed-in persona (undefined for anonymous). */
export interface Cast {
  sessions: Record<Persona, (TestSession & { email: string }) | undefined>;
  /** An account with no session, added to each plan as an editor: the subject of member rows. */
  spare: { id: string; email: string };
}

/** Create the organisations and accounts of the matrix and sign each in. */
export async function castPersonas(t: TestApp): Promise<Cast> {
  const deps = createAccountDeps(t.context, { passwordCost: testPasswordCost });
  const orgA = await createOrganisation(deps, "system", { name: "Organisation A" });
  const orgB = await createOrganisation(deps, "system", { name: "Organisation B" });
  const password = "a long enough password";
  const make = async (persona: Persona) => {
    if (persona === "anonymous") return undefined;
    const email = uniqueEmail(persona.replaceAll("_", "-"));
    const role =
      persona === "super_admin" ? "super_admin" : persona.startsWith("org_admin") ? "org_admin" : "user";
    const organisationId =
      persona === "owner" || persona === "org_admin_same_org"
        ? orgA.id
        : persona === "org_admin_other_org"
          ? orgB.id
          : undefined;
    await createAccount(deps, { email, password, role, organisationId, displayName: persona });
    return { ...(await signInUser(t.app, email, password)), email };
  };
  const sessions = {} as Cast["sessions"];
  for (const persona of personas) sessions[persona] = await make(persona);
  const spareEmail = uniqueEmail("spare");
  const spare = await createAccount(deps, { email: spareEmail, password });
  return { sessions, spare: { id: spare.account.id, email: spareEmail } };
}

/** A plan of the matrix: owned by `owner`, shared with every member persona and the spare account. */
export interface Fixture {
  id: string;
  title: string;
  visibility: Visibility;
  binned: boolean;
}

function expectStatus(response: LightMyRequestResponse, status: number, what: string): void {
  if (response.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.statusCode} ${response.body}`);
  }
}

/** Make a fixture plan at revision 1 (so that history and diff have something to show). */
export async function makeFixture(
  t: TestApp,
  cast: Cast,
  visibility: Visibility,
  options: { binned?: boolean } = {},
): Promise<Fixture> {
  const owner = cast.sessions.owner as TestSession;
  const title = `Matrix secret ${Math.random().toString(36).slice(2, 10)}`;
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/plans",
    ...asSession(owner),
    payload: { templateId: "science-europe-structured", language: "eng", title },
  });
  expectStatus(created, 201, "create fixture");
  const id = created.json().id as string;
  const share = async (email: string, role: string) =>
    expectStatus(
      await t.app.inject({
        method: "POST",
        url: `/api/v1/plans/${id}/members`,
        ...asSession(owner),
        payload: { email, role },
      }),
      201,
      `share as ${role}`,
    );
  for (const role of ["reader", "commenter", "editor", "co_owner"] as const) {
    await share((cast.sessions[role] as { email: string }).email, role);
  }
  await share(cast.spare.email, "editor");
  const first =
    visibility === "private"
      ? await t.app.inject({
          method: "PATCH",
          url: `/api/v1/plans/${id}`,
          ...asSession(owner),
          payload: { baseRevision: 0, ops: [{ op: "set", path: "/project/acronym", value: "MTX" }] },
        })
      : await t.app.inject({
          method: "PUT",
          url: `/api/v1/plans/${id}/visibility`,
          ...asSession(owner),
          payload: { visibility },
        });
  expectStatus(first, 200, "first revision");
  if (options.binned) {
    expectStatus(
      await t.app.inject({ method: "DELETE", url: `/api/v1/plans/${id}`, ...asSession(owner) }),
      204,
      "bin",
    );
  }
  return { id, title, visibility, binned: options.binned ?? false };
}

/** What a matrix row gets to build its request. */
export interface RowContext {
  t: TestApp;
  cast: Cast;
  fixture: Fixture;
  persona: Persona;
  /** The persona's account id (undefined for anonymous). */
  self: string | undefined;
}

/** One route of the matrix. */
export interface MatrixRow {
  /** e.g. "GET /plans/{id}/history". */
  name: string;
  need: Need;
  /** The request (method, url, payload); credentials are added by the matrix. */
  request(context: RowContext): Promise<InjectOptions> | InjectOptions;
  /** Status of an allowed call (default 200). */
  success?: number;
  /** The route changes the plan for good (bin, transfer, removal…): a new fixture after each success. */
  consumes?: boolean;
  /** The route works on a binned plan. */
  binned?: boolean;
  /** Expected status when the rule is not just `need` (e.g. leaving); undefined: use `need`. */
  expected?(persona: Persona, visibility: Visibility): number | undefined;
  /** The answer is a stream that stays open (live events): read only its status, or its error body. */
  stream?: boolean;
}
