import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSession, registerUser, type TestSession } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

// science-europe-structured: "storage.description" is asked per research output, "budget.description" once per plan.
const outputQuestion = "storage.description";
const planQuestion = "budget.description";

interface CommentBody {
  id: string;
  planId: string;
  questionId: string;
  outputId: string | null;
  outputRemoved: boolean;
  parentId: string | null;
  body: string;
  author: { id: string; displayName: string };
  createdAt: string;
  editedAt: string | null;
  resolvedAt: string | null;
  resolvedBy: { id: string; displayName: string } | null;
}

describe.each(testDialects())("plan comments over HTTP on $name", (dialect) => {
  let t: TestApp;
  let owner: TestSession;
  let stranger: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await registerUser(t.app, undefined, undefined, { displayName: "Olga Owner" });
    stranger = await registerUser(t.app, undefined, undefined, { displayName: "Sam Stranger" });
  });
  afterAll(() => t.close());

  /** A new account made a member of the plan with `role`. */
  const member = async (planId: string, role: string) => {
    const names: Record<string, string> = {
      commenter: "Cora Commenter",
      reader: "Rita Reader",
      editor: "Ed Editor",
    };
    const user = await registerUser(t.app, undefined, undefined, { displayName: names[role] ?? role });
    const added = await post(owner, `/api/v1/plans/${planId}/members`, { email: user.email, role });
    expect(added.statusCode, added.body).toBe(201);
    return user;
  };
  const newPlan = async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      ...asSession(owner),
      payload: { templateId: "science-europe-structured", language: "eng", title: "Commented plan" },
    });
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json() as { id: string; outputs: Record<string, unknown> };
    return { id: plan.id, outputId: Object.keys(plan.outputs)[0] as string };
  };
  const post = (session: TestSession | undefined, url: string, payload?: object, headers = {}) =>
    t.app.inject({
      method: "POST",
      url,
      ...(session ? { cookies: session.cookies, headers: { "x-csrf-token": session.csrf, ...headers } } : {}),
      ...(payload ? { payload } : {}),
    });
  const comment = async (session: TestSession, planId: string, payload: object) => {
    const response = await post(session, `/api/v1/plans/${planId}/comments`, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as CommentBody;
  };
  const list = async (session: TestSession | undefined, planId: string, query = "") => {
    const response = await t.app.inject({
      url: `/api/v1/plans/${planId}/comments${query}`,
      ...(session ? { cookies: session.cookies } : {}),
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { comments: CommentBody[] }).comments;
  };
  const counts = async (session: TestSession, planId: string) => {
    const response = await t.app.inject({
      url: `/api/v1/plans/${planId}/comments/counts`,
      cookies: session.cookies,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().counts;
  };

  it("creates threads per (question, output) and plan-wide, with replies, listed oldest first", async () => {
    const plan = await newPlan();
    const first = await comment(owner, plan.id, {
      questionId: outputQuestion,
      outputId: plan.outputId,
      body: "  Where do the raw files live?  ",
    });
    expect(first).toMatchObject({
      planId: plan.id,
      questionId: outputQuestion,
      outputId: plan.outputId,
      parentId: null,
      body: "Where do the raw files live?",
      author: { id: owner.accountId, displayName: "Olga Owner" },
      editedAt: null,
      resolvedAt: null,
      resolvedBy: null,
    });
    const reply = await comment(owner, plan.id, {
      questionId: outputQuestion,
      outputId: plan.outputId,
      parentId: first.id,
      body: "On the lab NAS.",
    });
    expect(reply.parentId).toBe(first.id);
    const planWide = await comment(owner, plan.id, { questionId: planQuestion, body: "Budget?" });
    expect(planWide.outputId).toBeNull();
    const wideOnOutputQuestion = await comment(owner, plan.id, {
      questionId: outputQuestion,
      body: "All outputs",
    });

    expect((await list(owner, plan.id)).map((c) => c.id)).toEqual([
      first.id,
      reply.id,
      planWide.id,
      wideOnOutputQuestion.id,
    ]);
    const perOutput = await list(owner, plan.id, `?questionId=${outputQuestion}&outputId=${plan.outputId}`);
    expect(perOutput.map((c) => c.id)).toEqual([first.id, reply.id]);
    const planWideOnly = await list(owner, plan.id, `?questionId=${outputQuestion}&outputId=`);
    expect(planWideOnly.map((c) => c.id)).toEqual([wideOnOutputQuestion.id]);
  });

  it("edits one's own comment, never someone else's", async () => {
    const plan = await newPlan();
    const mine = await comment(owner, plan.id, { questionId: planQuestion, body: "First draft" });
    const edited = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/plans/${plan.id}/comments/${mine.id}`,
      ...asSession(owner),
      payload: { body: " Second thoughts " },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      id: mine.id,
      body: "Second thoughts",
      editedAt: expect.any(String),
    });
    expect((await list(owner, plan.id))[0]?.body).toBe("Second thoughts");

    // A comment a commenter wrote on the owner's plan.
    const commenter = await member(plan.id, "commenter");
    const written = await comment(commenter, plan.id, { questionId: planQuestion, body: "Not yours" });
    const theirs = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/plans/${plan.id}/comments/${written.id}`,
      ...asSession(owner),
      payload: { body: "Rewritten by the owner" },
    });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().error.code).toBe("forbidden");
    const stored = (await list(owner, plan.id)).find((c) => c.id === written.id);
    expect(stored).toMatchObject({
      body: "Not yours",
      author: { displayName: "Cora Commenter" },
      editedAt: null,
    });
  });

  it("resolves and reopens a thread, filters by status and counts threads per (question, output)", async () => {
    const plan = await newPlan();
    const thread = await comment(owner, plan.id, {
      questionId: outputQuestion,
      outputId: plan.outputId,
      body: "Check the volume",
    });
    const reply = await comment(owner, plan.id, {
      questionId: outputQuestion,
      outputId: plan.outputId,
      parentId: thread.id,
      body: "Done",
    });
    const other = await comment(owner, plan.id, {
      questionId: outputQuestion,
      outputId: plan.outputId,
      body: "Open",
    });
    await comment(owner, plan.id, { questionId: planQuestion, body: "Plan-wide" });

    const resolved = await post(owner, `/api/v1/plans/${plan.id}/comments/${thread.id}/resolve`);
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({
      id: thread.id,
      resolvedAt: expect.any(String),
      resolvedBy: { id: owner.accountId, displayName: "Olga Owner" },
    });
    const again = await post(owner, `/api/v1/plans/${plan.id}/comments/${thread.id}/resolve`);
    expect(again.json().resolvedAt).toBe(resolved.json().resolvedAt);
    const onReply = await post(owner, `/api/v1/plans/${plan.id}/comments/${reply.id}/resolve`);
    expect(onReply.statusCode).toBe(422);

    const resolvedOnes = await list(owner, plan.id, "?status=resolved");
    expect(resolvedOnes.map((c) => c.id)).toEqual([thread.id, reply.id]);
    expect(resolvedOnes[1]?.resolvedBy?.id).toBe(owner.accountId);
    expect((await list(owner, plan.id, "?status=open")).map((c) => c.id)).not.toContain(reply.id);
    expect(await counts(owner, plan.id)).toEqual([
      { questionId: planQuestion, outputId: null, open: 1, resolved: 0 },
      { questionId: outputQuestion, outputId: plan.outputId, open: 1, resolved: 1 },
    ]);

    const reopened = await post(owner, `/api/v1/plans/${plan.id}/comments/${thread.id}/reopen`);
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ resolvedAt: null, resolvedBy: null });
    expect((await list(owner, plan.id, "?status=open")).map((c) => c.id)).toContain(other.id);
    expect((await counts(owner, plan.id))[1]).toMatchObject({ open: 2, resolved: 0 });
  });

  it("keeps the comments of a removed research output out of counts and lists, and a revert brings them back", async () => {
    const plan = await newPlan();
    const removedId = "outputremoved1";
    const patch = (baseRevision: number, ops: object[]) =>
      t.app.inject({
        method: "PATCH",
        url: `/api/v1/plans/${plan.id}`,
        ...asSession(owner),
        payload: { baseRevision, ops },
      });
    const added = await patch(0, [
      {
        op: "set",
        path: `/outputs/${removedId}`,
        value: { id: removedId, position: 2, title: "Interviews", shortName: "RO2", type: "dataset" },
      },
    ]);
    expect(added.statusCode, added.body).toBe(200);
    const kept = await comment(owner, plan.id, {
      questionId: outputQuestion,
      outputId: plan.outputId,
      body: "Kept",
    });
    const doomed = await comment(owner, plan.id, {
      questionId: outputQuestion,
      outputId: removedId,
      body: "Doomed?",
    });
    const answer = await comment(owner, plan.id, {
      questionId: outputQuestion,
      outputId: removedId,
      parentId: doomed.id,
      body: "Its answer",
    });
    const resolvedOne = await comment(owner, plan.id, {
      questionId: outputQuestion,
      outputId: removedId,
      body: "Old",
    });
    expect(
      (await post(owner, `/api/v1/plans/${plan.id}/comments/${resolvedOne.id}/resolve`)).statusCode,
    ).toBe(200);
    expect(doomed.outputRemoved).toBe(false);

    const removed = await patch(1, [{ op: "remove", path: `/outputs/${removedId}` }]);
    expect(removed.statusCode, removed.body).toBe(200);
    const countsResponse = await t.app.inject({
      url: `/api/v1/plans/${plan.id}/comments/counts`,
      cookies: owner.cookies,
    });
    expect(countsResponse.json()).toEqual({
      counts: [{ questionId: outputQuestion, outputId: plan.outputId, open: 1, resolved: 0 }],
      onRemovedOutputs: { open: 1, resolved: 1 },
    });
    expect((await list(owner, plan.id)).map((c) => c.id)).toEqual([kept.id]);
    expect((await list(owner, plan.id, `?questionId=${outputQuestion}`)).map((c) => c.id)).toEqual([kept.id]);
    // Nothing is lost: they are listed on demand, flagged as on a removed output.
    const onRemoved = await list(owner, plan.id, "?removedOutputs=only");
    expect(onRemoved.map((c) => [c.id, c.body, c.outputRemoved])).toEqual([
      [doomed.id, "Doomed?", true],
      [answer.id, "Its answer", true],
      [resolvedOne.id, "Old", true],
    ]);
    expect((await list(owner, plan.id, "?removedOutputs=include&status=open")).map((c) => c.id)).toEqual([
      kept.id,
      doomed.id,
      answer.id,
    ]);
    // A thread on a removed output takes no new reply, but can still be resolved.
    const reply = await post(owner, `/api/v1/plans/${plan.id}/comments`, {
      questionId: outputQuestion,
      outputId: removedId,
      parentId: doomed.id,
      body: "Late",
    });
    expect(reply.statusCode).toBe(422);
    const resolved = await post(owner, `/api/v1/plans/${plan.id}/comments/${doomed.id}/resolve`);
    expect(resolved.json()).toMatchObject({ outputRemoved: true, resolvedAt: expect.any(String) });
    const bad = await t.app.inject({
      url: `/api/v1/plans/${plan.id}/comments?removedOutputs=maybe`,
      cookies: owner.cookies,
    });
    expect(bad.statusCode).toBe(422);

    // Reverting the removal brings the output back, and its comments with it.
    const reverted = await post(owner, `/api/v1/plans/${plan.id}/revert`, { revision: 1 });
    expect(reverted.statusCode, reverted.body).toBe(200);
    expect(await counts(owner, plan.id)).toEqual(
      [
        { questionId: outputQuestion, outputId: plan.outputId, open: 1, resolved: 0 },
        { questionId: outputQuestion, outputId: removedId, open: 0, resolved: 2 },
      ].sort((a, b) => a.outputId.localeCompare(b.outputId)),
    );
    const back = await list(owner, plan.id);
    expect(back.map((c) => c.id)).toEqual([kept.id, doomed.id, answer.id, resolvedOne.id]);
    expect(back.every((c) => !c.outputRemoved)).toBe(true);
  });

  it("refuses bad input with the field's path, in the request's language, and stores nothing", async () => {
    const plan = await newPlan();
    const other = await newPlan();
    const thread = await comment(owner, plan.id, { questionId: planQuestion, body: "Thread" });
    const reply = await comment(owner, plan.id, {
      questionId: planQuestion,
      parentId: thread.id,
      body: "Reply",
    });
    const cases: [object, string, string][] = [
      [{ questionId: planQuestion, body: "   " }, "/body", "too_small"],
      [{ questionId: planQuestion, body: "x".repeat(10_001) }, "/body", "too_big"],
      [{ body: "No question" }, "/questionId", "invalid_type"],
      [{ questionId: "no.such.question", body: "x" }, "/questionId", "custom"],
      [{ questionId: outputQuestion, outputId: other.outputId, body: "x" }, "/outputId", "custom"],
      [{ questionId: planQuestion, outputId: plan.outputId, body: "x" }, "/outputId", "custom"],
      [{ questionId: outputQuestion, parentId: thread.id, body: "x" }, "/parentId", "custom"],
      [{ questionId: planQuestion, parentId: reply.id, body: "x" }, "/parentId", "custom"],
      [{ questionId: planQuestion, parentId: "missing", body: "x" }, "/parentId", "custom"],
    ];
    for (const [payload, path, code] of cases) {
      const response = await post(owner, `/api/v1/plans/${plan.id}/comments`, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(422);
      expect(response.json().error.details).toEqual([expect.objectContaining({ path, code })]);
    }
    const french = await post(
      owner,
      `/api/v1/plans/${plan.id}/comments`,
      { questionId: "no.such.question", body: "x" },
      { "accept-language": "fr" },
    );
    expect(french.json().error.details[0].message).toBe(
      "Le modèle du plan n’a pas de question « no.such.question ».",
    );
    const emptyEdit = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/plans/${plan.id}/comments/${thread.id}`,
      ...asSession(owner),
      headers: { "x-csrf-token": owner.csrf, "accept-language": "fr" },
      payload: { body: "" },
    });
    expect(emptyEdit.statusCode).toBe(422);
    expect(emptyEdit.json().error.details).toEqual([
      { path: "/body", code: "too_small", message: "Ne doit pas être vide.", in: "body" },
    ]);
    expect((await list(owner, plan.id)).map((c) => c.id)).toEqual([thread.id, reply.id]);
  });

  it("hides a private plan's comments (404), lets anyone read a public plan's but not comment", async () => {
    const plan = await newPlan();
    const thread = await comment(owner, plan.id, { questionId: planQuestion, body: "Private remark" });
    const urls = [`/api/v1/plans/${plan.id}/comments`, `/api/v1/plans/${plan.id}/comments/counts`];
    for (const url of urls) {
      expect((await t.app.inject({ url, cookies: stranger.cookies })).statusCode).toBe(404);
      expect((await t.app.inject({ url })).statusCode).toBe(404);
    }
    for (const session of [stranger, undefined]) {
      const create = await post(session, `/api/v1/plans/${plan.id}/comments`, {
        questionId: planQuestion,
        body: "x",
      });
      expect(create.statusCode).toBe(404);
      const resolve = await post(session, `/api/v1/plans/${plan.id}/comments/${thread.id}/resolve`);
      expect(resolve.statusCode).toBe(404);
    }
    expect(
      (await post(owner, `/api/v1/plans/${plan.id}/comments/no-such-comment/resolve`)).json().error.code,
    ).toBe("not_found");

    const published = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/plans/${plan.id}`,
      ...asSession(owner),
      payload: { baseRevision: 0, ops: [{ op: "set", path: "/visibility", value: "public" }] },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect((await list(stranger, plan.id)).map((c) => c.body)).toEqual(["Private remark"]);
    expect((await list(undefined, plan.id)).length).toBe(1);
    const strangerComment = await post(stranger, `/api/v1/plans/${plan.id}/comments`, {
      questionId: planQuestion,
      body: "Drive-by",
    });
    expect(strangerComment.statusCode).toBe(403);
    const anonymousComment = await post(undefined, `/api/v1/plans/${plan.id}/comments`, {
      questionId: planQuestion,
      body: "Drive-by",
    });
    expect(anonymousComment.statusCode).toBe(401);
    const minted = await post(owner, "/api/v1/account/tokens", { name: "read", scope: "read" });
    const viaReadToken = await t.app.inject({
      method: "POST",
      url: `/api/v1/plans/${plan.id}/comments`,
      headers: { authorization: `Bearer ${minted.json().secret}` },
      payload: { questionId: planQuestion, body: "x" },
    });
    expect(viaReadToken.statusCode).toBe(403);
    expect(viaReadToken.json().error.code).toBe("read_only_token");
    expect((await list(owner, plan.id)).length).toBe(1);

    await t.app.inject({ method: "DELETE", url: `/api/v1/plans/${plan.id}`, ...asSession(owner) });
    expect((await t.app.inject({ url: urls[0] as string, cookies: owner.cookies })).statusCode).toBe(404);
  });

  it("lets readers read, commenters and editors comment and resolve, and only authors edit", async () => {
    const plan = await newPlan();
    const thread = await comment(owner, plan.id, { questionId: planQuestion, body: "Owner's thread" });
    const reader = await member(plan.id, "reader");
    const commenter = await member(plan.id, "commenter");
    const editor = await member(plan.id, "editor");

    expect((await list(reader, plan.id)).map((c) => c.id)).toEqual([thread.id]);
    expect(await counts(reader, plan.id)).toEqual([
      { questionId: planQuestion, outputId: null, open: 1, resolved: 0 },
    ]);
    const readerComment = await post(reader, `/api/v1/plans/${plan.id}/comments`, {
      questionId: planQuestion,
      body: "Can I?",
    });
    expect(readerComment.statusCode).toBe(403);
    expect(readerComment.json().error.code).toBe("forbidden");
    expect((await post(reader, `/api/v1/plans/${plan.id}/comments/${thread.id}/resolve`)).statusCode).toBe(
      403,
    );

    for (const [session, name] of [
      [commenter, "Cora Commenter"],
      [editor, "Ed Editor"],
    ] as const) {
      const reply = await comment(session, plan.id, {
        questionId: planQuestion,
        parentId: thread.id,
        body: "Reply",
      });
      expect(reply.author).toEqual({ id: session.accountId, displayName: name });
      const ownEdit = await t.app.inject({
        method: "PATCH",
        url: `/api/v1/plans/${plan.id}/comments/${reply.id}`,
        ...asSession(session),
        payload: { body: "Reply, edited" },
      });
      expect(ownEdit.statusCode, ownEdit.body).toBe(200);
      const ownersEdit = await t.app.inject({
        method: "PATCH",
        url: `/api/v1/plans/${plan.id}/comments/${thread.id}`,
        ...asSession(session),
        payload: { body: "Hijacked" },
      });
      expect(ownersEdit.statusCode).toBe(403);
      const resolved = await post(session, `/api/v1/plans/${plan.id}/comments/${thread.id}/resolve`);
      expect(resolved.json()).toMatchObject({ resolvedBy: { id: session.accountId, displayName: name } });
      expect((await post(session, `/api/v1/plans/${plan.id}/comments/${thread.id}/reopen`)).statusCode).toBe(
        200,
      );
    }
    const bodies = (await list(owner, plan.id)).map((c) => c.body);
    expect(bodies).toEqual(["Owner's thread", "Reply, edited", "Reply, edited"]);
  });
});
