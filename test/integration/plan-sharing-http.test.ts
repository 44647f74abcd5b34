import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlansRepository } from "../../src/storage/plans-repository.js";
import { asSession, registerUser, type TestSession, uniqueEmail } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";
import { startMailCatcher } from "../support/mail-catcher.js";

type Catcher = Awaited<ReturnType<typeof startMailCatcher>>;

describe.each(testDialects())("plan sharing over HTTP on $name", (dialect) => {
  let t: TestApp;
  let catcher: Catcher;
  beforeAll(async () => {
    catcher = await startMailCatcher();
    t = await createTestApp(dialect, {
      accounts: { smtpUrl: catcher.url, publicUrl: "https://carnet.example.org" },
    });
  });
  afterAll(async () => {
    await t?.close();
    await catcher?.close();
  });

  const user = (extra: Record<string, unknown> = {}) => registerUser(t.app, undefined, undefined, extra);
  const create = async (session: TestSession, title = "Shared DMP") => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      ...asSession(session),
      payload: { templateId: "science-europe-structured", language: "fra", title },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; revision: number };
  };
  const call = (session: TestSession | undefined, method: string, url: string, payload?: object) =>
    t.app.inject({
      method: method as "GET",
      url,
      ...(session ? asSession(session) : {}),
      ...(payload ? { payload } : {}),
    });
  const share = (session: TestSession, id: string, email: string, role: string) =>
    call(session, "POST", `/api/v1/plans/${id}/members`, { email, role });
  const roleOf = async (session: TestSession, id: string) =>
    (await call(session, "GET", `/api/v1/plans/${id}/access`)).json().role as string | null;

  it("adds an account as a member at once; the editor's edits are authored by the editor", async () => {
    const owner = await user();
    const editor = await user({ displayName: "Eda" });
    const plan = await create(owner);
    const added = await share(owner, plan.id, editor.email.toUpperCase(), "editor");
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().member).toEqual({
      userId: editor.accountId,
      email: editor.email,
      displayName: "Eda",
      role: "editor",
    });
    expect(await roleOf(editor, plan.id)).toBe("editor");
    const again = await share(owner, plan.id, editor.email, "reader");
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "already_member",
      details: { member: { role: "editor" } },
    });
    expect(await roleOf(editor, plan.id)).toBe("editor");

    const edit = await call(editor, "PATCH", `/api/v1/plans/${plan.id}`, {
      baseRevision: 0,
      ops: [{ op: "set", path: "/details/title", value: "Edited by Eda" }],
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const events = await createPlansRepository(t.context.database.db).events(plan.id);
    expect(events.map((e) => e.author)).toEqual([editor.accountId]);
    const visibility = await call(editor, "PATCH", `/api/v1/plans/${plan.id}`, {
      baseRevision: 1,
      ops: [{ op: "set", path: "/visibility", value: "public" }],
    });
    expect(visibility.statusCode).toBe(403);
    const readOnly = await call(editor, "PATCH", `/api/v1/plans/${plan.id}`, {
      baseRevision: 1,
      ops: [{ op: "set", path: "/revision", value: 7 }],
    });
    expect(readOnly.statusCode).toBe(422);

    const listing = await call(editor, "GET", `/api/v1/plans/${plan.id}/members`);
    expect(listing.json().members.map((m: { role: string }) => m.role)).toEqual(["owner", "editor"]);
    const shared = await call(editor, "GET", "/api/v1/plans?scope=shared");
    expect(shared.json().plans.map((p: { id: string }) => p.id)).toEqual([plan.id]);
  });

  it("invites an address without an account by e-mail, in the inviter's language; its link joins the plan", async () => {
    const owner = await user({ preferredLanguage: "fr", displayName: "Olga" });
    const plan = await create(owner, "Plan « Rêve »");
    const email = uniqueEmail("invitee");
    const invited = await share(owner, plan.id, email, "commenter");
    expect(invited.statusCode, invited.body).toBe(202);
    const { invitation } = invited.json();
    expect(invitation).toMatchObject({ email, role: "commenter", id: expect.any(String) });
    const mail = await catcher.waitFor(email);
    expect(mail.headers).toMatch(/content-language: fr/i);
    expect(mail.text).toContain("Olga");
    expect(mail.text).toContain("Plan « Rêve »");
    expect(mail.text).toContain("commentateur·rice");
    // Sign-up with the address filled in and the invitation's token, then on to the plan.
    const linkOf = (text: string) =>
      Object.fromEntries(
        new URL(/https:\/\/carnet\.example\.org\/sign-up\?\S+/.exec(text)?.[0] ?? "").searchParams,
      );
    const link = linkOf(mail.text);
    expect(link).toEqual({
      email,
      invitation: expect.stringMatching(/^carnet_inv_[\w-]{43}$/),
      next: `/plans/${plan.id}`,
    });
    const accept = (session: TestSession | undefined, token: string) =>
      call(session, "POST", "/api/v1/invitations/accept", { token });

    const again = await share(owner, plan.id, email.toUpperCase(), "reader");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_invited");
    const pending = await call(owner, "GET", `/api/v1/plans/${plan.id}/members`);
    expect(pending.json().invitations).toEqual([expect.objectContaining({ email, role: "commenter" })]);

    // Registering the invited address proves nothing about its mailbox: the link's token does.
    const invitee = await registerUser(t.app, email.toUpperCase());
    expect((await call(invitee, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await accept(undefined, link.invitation as string)).statusCode).toBe(401);
    const stranger = await user();
    const elsewhere = await accept(stranger, link.invitation as string);
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe("invitation_other_address");
    expect(elsewhere.json().error.message).toContain(email);
    const bogus = await accept(invitee, "carnet_inv_not-a-real-token");
    expect(bogus.statusCode).toBe(404);
    expect(bogus.json().error.code).toBe("invitation_invalid");
    const accepted = await accept(invitee, link.invitation as string);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ planId: plan.id, role: "commenter" });
    expect(await roleOf(invitee, plan.id)).toBe("commenter");
    expect((await accept(invitee, link.invitation as string)).json().error.code).toBe("invitation_invalid");
    const after = (await call(owner, "GET", `/api/v1/plans/${plan.id}/members`)).json();
    expect(after.invitations).toEqual([]);
    expect(after.members.map((m: { userId: string }) => m.userId)).toContain(invitee.accountId);

    const other = uniqueEmail("withdrawn");
    const second = (await share(owner, plan.id, other, "reader")).json().invitation;
    const withdrawnLink = linkOf((await catcher.waitFor(other)).text);
    const cancelled = await call(owner, "DELETE", `/api/v1/plans/${plan.id}/invitations/${second.id}`);
    expect(cancelled.statusCode).toBe(204);
    expect(
      (await call(owner, "DELETE", `/api/v1/plans/${plan.id}/invitations/${second.id}`)).statusCode,
    ).toBe(404);
    const late = await registerUser(t.app, other);
    expect((await call(late, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await accept(late, withdrawnLink.invitation as string)).statusCode).toBe(404);
  });

  it("keeps co-owners the owner's business and the owner fixed; members may leave", async () => {
    const owner = await user();
    const coOwner = await user();
    const second = await user();
    const editor = await user();
    const plan = await create(owner);
    expect((await share(owner, plan.id, coOwner.email, "co_owner")).statusCode).toBe(201);
    // A co-owner shares, but only below co-owner.
    expect((await share(coOwner, plan.id, editor.email, "editor")).statusCode).toBe(201);
    expect((await share(coOwner, plan.id, second.email, "co_owner")).statusCode).toBe(403);
    expect((await share(owner, plan.id, second.email, "co_owner")).statusCode).toBe(201);
    const members = `/api/v1/plans/${plan.id}/members`;
    expect(
      (await call(coOwner, "PATCH", `${members}/${second.accountId}`, { role: "reader" })).statusCode,
    ).toBe(403);
    expect((await call(coOwner, "DELETE", `${members}/${second.accountId}`)).statusCode).toBe(403);
    expect(
      (await call(coOwner, "PATCH", `${members}/${editor.accountId}`, { role: "co_owner" })).statusCode,
    ).toBe(403);
    const demoted = await call(coOwner, "PATCH", `${members}/${editor.accountId}`, { role: "reader" });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(demoted.json().member.role).toBe("reader");
    const ownerDemoted = await call(coOwner, "PATCH", `${members}/${owner.accountId}`, { role: "reader" });
    expect(ownerDemoted.statusCode).toBe(409);
    expect(ownerDemoted.json().error.code).toBe("owner_role_fixed");
    expect((await call(owner, "DELETE", `${members}/${owner.accountId}`)).statusCode).toBe(409);
    expect(
      (await call(editor, "PATCH", `${members}/${editor.accountId}`, { role: "editor" })).statusCode,
    ).toBe(403);
    expect((await call(owner, "PATCH", `${members}/${editor.accountId}`, { role: "owner" })).statusCode).toBe(
      422,
    );
    expect((await call(owner, "PATCH", `${members}/nobody`, { role: "reader" })).statusCode).toBe(404);
    // Leaving.
    expect((await call(editor, "DELETE", `${members}/${editor.accountId}`)).statusCode).toBe(204);
    expect((await call(editor, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await call(owner, "DELETE", `${members}/${second.accountId}`)).statusCode).toBe(204);
    expect((await call(second, "GET", `/api/v1/plans/${plan.id}/access`)).statusCode).toBe(404);
  });

  it("transfers ownership to a member; the previous owner stays as co-owner", async () => {
    const owner = await user();
    const heir = await user({ displayName: "Heir" });
    const outsider = await user();
    const plan = await create(owner);
    await share(owner, plan.id, heir.email, "editor");
    const transfer = (session: TestSession, userId: string) =>
      call(session, "POST", `/api/v1/plans/${plan.id}/transfer`, { userId });
    expect((await transfer(heir, heir.accountId)).statusCode).toBe(403);
    const notMember = await transfer(owner, outsider.accountId);
    expect(notMember.statusCode).toBe(422);
    expect(notMember.json().error.details).toEqual([expect.objectContaining({ path: "/userId" })]);
    const done = await transfer(owner, heir.accountId);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [heir.accountId, "owner"],
      [owner.accountId, "co_owner"],
    ]);
    expect(await roleOf(owner, plan.id)).toBe("co_owner");
    const mine = (await call(heir, "GET", "/api/v1/plans?scope=mine")).json().plans;
    expect(mine).toEqual([
      expect.objectContaining({ id: plan.id, owner: { id: heir.accountId, displayName: "Heir" } }),
    ]);
    expect((await call(owner, "DELETE", `/api/v1/plans/${plan.id}`)).statusCode).toBe(403);
    expect(
      (await call(owner, "POST", `/api/v1/plans/${plan.id}/transfer`, { userId: owner.accountId }))
        .statusCode,
    ).toBe(403);
    expect((await call(heir, "DELETE", `/api/v1/plans/${plan.id}`)).statusCode).toBe(204);
  });

  it("sets the visibility (owner and co-owner), as a new revision", async () => {
    const owner = await user();
    const editor = await user();
    const plan = await create(owner);
    await share(owner, plan.id, editor.email, "editor");
    const put = (session: TestSession, visibility: string) =>
      call(session, "PUT", `/api/v1/plans/${plan.id}/visibility`, { visibility });
    expect((await put(editor, "public")).statusCode).toBe(403);
    expect((await call(undefined, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    const published = await put(owner, "public");
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toEqual({ visibility: "public", revision: 1 });
    expect((await put(owner, "public")).json()).toEqual({ visibility: "public", revision: 1 });
    expect((await call(undefined, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await put(owner, "secret")).statusCode).toBe(422);
    const back = await put(owner, "private");
    expect(back.json()).toEqual({ visibility: "private", revision: 2 });
    expect((await call(undefined, "GET", `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
  });
});
