import { describe, expect, it } from "vitest";
import { computeCompleteness } from "../../src/domain/completeness.js";
import { validatePlan } from "../../src/domain/validate-plan.js";
import type { AppContext } from "../../src/services/app-context.js";
import { loadBuiltinContent } from "../../src/services/builtin-content.js";
import { createPlanService, type PlanService } from "../../src/services/plans.js";
import { AppError } from "../../src/shared/app-error.js";
import { testTemplate } from "../factories/content.js";
import { testDialects } from "../support/databases.js";
import { testContent, usePlanService } from "../support/plan-service.js";

const content = testContent;
const ada = { id: "ada" };
const alan = { id: "alan" };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(testDialects())("plan service on $name", (dialect) => {
  let context: AppContext;
  let plans: PlanService;
  usePlanService(dialect, (opened) => {
    ({ context, plans } = opened);
  });

  it("creates a valid plan from a template, gets and lists it for its owner only", async () => {
    const plan = await plans.create(ada, {
      templateId: "science-europe-structured",
      language: "fra",
      title: "Mon PGD",
    });
    expect(plan).toMatchObject({
      revision: 0,
      language: "fra",
      details: { title: "Mon PGD" },
      context: "research_project",
    });
    expect(Object.values(plan.outputs).map((o) => o.shortName)).toEqual(["PR1"]);
    expect(validatePlan(plan, { ...content, template: testTemplate() }).problems).toEqual([]);
    expect(await plans.get(ada, plan.id)).toEqual(plan);
    expect((await plans.list(ada)).map((p) => p.id)).toContain(plan.id);
    expect(await plans.list(alan)).toEqual([]);
    // Access is decided by the plan authoriser before this service (see plan-authorisation tests).
    expect((await rejection(plans.get(ada, "nope"))).code).toBe("not_found");
    const bad = await rejection(plans.create(ada, { templateId: "nope", language: "fra", title: "x" }));
    expect(bad.code).toBe("bad_request");
    const badLang = await rejection(
      plans.create(ada, { templateId: "science-europe-structured", language: "french", title: "x" }),
    );
    expect(badLang.code).toBe("validation_failed");
  });

  it("edits, reports conflicts with current values, keeps history, diffs and reverts", async () => {
    const plan = await plans.create(ada, {
      templateId: "science-europe-structured",
      language: "eng",
      title: "T0",
    });
    const first = await plans.edit(ada, plan.id, 0, [{ op: "set", path: "/details/title", value: "T1" }]);
    expect(first.plan.revision).toBe(1);
    // same base, other path: applies
    const second = await plans.edit(ada, plan.id, 0, [{ op: "set", path: "/project/acronym", value: "ACR" }]);
    expect(second.plan).toMatchObject({ revision: 2, details: { title: "T1" }, project: { acronym: "ACR" } });
    // same base, same path: conflict with the current value
    const conflict = await rejection(
      plans.edit(ada, plan.id, 0, [{ op: "set", path: "/details/title", value: "X" }]),
    );
    expect(conflict.code).toBe("conflict");
    expect(conflict.details).toMatchObject({
      conflicts: [{ path: "/details/title", current: "T1", revision: 1 }],
    });
    const invalid = await rejection(
      plans.edit(ada, plan.id, 2, [{ op: "set", path: "/details/title", value: 3 }]),
    );
    expect(invalid.code).toBe("validation_failed");
    const withProblem = await plans.edit(ada, plan.id, 2, [
      { op: "set", path: "/project/endDate", value: "2020-01-01" },
      { op: "set", path: "/project/startDate", value: "2021-01-01" },
    ]);
    expect(withProblem.problems.map((p) => p.code)).toEqual(["end_before_start"]); // stored: a draft may be invalid
    expect((await plans.history(ada, plan.id)).map((e) => e.revision)).toEqual([1, 2, 3]);
    const changes = await plans.diff(ada, plan.id, 0, 2, "en");
    expect(changes.map((c) => c.text)).toEqual([
      "Plan details › Title: 'T0' → 'T1'",
      "Project › Acronym: '' → 'ACR'",
    ]);
    const reverted = await plans.revert(ada, plan.id, 1);
    expect(reverted.plan.revision).toBe(4);
    expect(reverted.plan.details.title).toBe("T1");
    expect(reverted.plan.project?.acronym).toBeUndefined();
    expect(reverted.plan.project?.startDate).toBeUndefined();
    // An edit is authored by whoever makes it (an editor's edit is theirs, not the owner's).
    const byAlan = await plans.edit(alan, plan.id, 4, [{ op: "set", path: "/details/title", value: "T5" }]);
    expect(byAlan.event.author).toBe("alan");
    expect((await plans.history(ada, plan.id)).at(-1)?.author).toBe("alan");
  });

  it("serialises concurrent editors: both edits of different paths land, on consecutive revisions", async () => {
    const plan = await plans.create(ada, {
      templateId: "science-europe-structured",
      language: "eng",
      title: "Race",
    });
    const results = await Promise.all([
      plans.edit(ada, plan.id, 0, [{ op: "set", path: "/details/title", value: "A" }]),
      plans.edit(ada, plan.id, 0, [{ op: "set", path: "/project/title", value: "B" }]),
    ]);
    expect(results.map((r) => r.plan.revision).sort()).toEqual([1, 2]);
    const now = await plans.get(ada, plan.id);
    expect([now.details.title, now.project?.title, now.revision]).toEqual(["A", "B", 2]);
  });

  it("decides a refusal on the plan as stored, not on an older one the caller passed (remembered by another process)", async () => {
    const plan = await plans.create(ada, {
      templateId: "science-europe-structured",
      language: "eng",
      title: "T0",
    });
    const older = (await plans.edit(ada, plan.id, 0, [{ op: "set", path: "/details/title", value: "T1" }]))
      .plan;
    await plans.edit(alan, plan.id, 1, [{ op: "set", path: "/project/acronym", value: "NEW" }]);
    // Made on revision 2, which the passed plan (revision 1) does not know: applied, not refused.
    const onLatest = await plans.edit(
      ada,
      plan.id,
      2,
      [{ op: "set", path: "/details/title", value: "T3" }],
      older,
    );
    expect(onLatest.plan).toMatchObject({
      revision: 3,
      details: { title: "T3" },
      project: { acronym: "NEW" },
    });
    // A conflict reports the stored current value and revision, not the passed plan's.
    const conflict = await rejection(
      plans.edit(ada, plan.id, 1, [{ op: "set", path: "/project/acronym", value: "X" }], older),
    );
    expect(conflict.code).toBe("conflict");
    expect(conflict.details).toMatchObject({
      revision: 3,
      conflicts: [{ path: "/project/acronym", current: "NEW" }],
    });
  });

  it("duplicates with new ids everywhere, and soft-deletes and restores", async () => {
    const plan = await plans.create(ada, {
      templateId: "science-europe-structured",
      language: "eng",
      title: "Orig",
    });
    const outputId = Object.keys(plan.outputs)[0]!;
    await plans.edit(ada, plan.id, 0, [
      { op: "set", path: "/persons/p1", value: { id: "p1", firstName: "Ada" } },
      {
        op: "set",
        path: "/contributions/c1",
        value: { id: "c1", personId: "p1", role: "contact-person", scope: "output", outputId },
      },
      { op: "set", path: "/details/contactPersonId", value: "p1" },
      { op: "set", path: `/outputs/${outputId}/answers/description.contact`, value: { personId: "p1" } },
      {
        op: "set",
        path: `/outputs/${outputId}/answers/sharing.distributions`,
        value: [{ id: "d1", title: "Files" }],
      },
    ]);
    const copy = await plans.duplicate(ada, plan.id, { title: "Copy" });
    expect(copy.id).not.toBe(plan.id);
    expect(copy.revision).toBe(0);
    const [personId] = Object.keys(copy.persons);
    const [copyOutputId] = Object.keys(copy.outputs);
    const [contribution] = Object.values(copy.contributions);
    expect(personId).not.toBe("p1");
    expect(copyOutputId).not.toBe(outputId);
    expect(contribution).toMatchObject({ personId, outputId: copyOutputId });
    expect(contribution!.id).not.toBe("c1");
    expect(copy.details).toMatchObject({ title: "Copy", contactPersonId: personId });
    const answers = copy.outputs[copyOutputId!]!.answers;
    expect(answers["description.contact"]).toEqual({ personId });
    expect((answers["sharing.distributions"] as { id: string }[])[0]!.id).not.toBe("d1");
    expect(validatePlan(copy, { ...content, template: testTemplate() }).problems).toEqual([]);

    await plans.remove(ada, plan.id);
    expect((await rejection(plans.get(ada, plan.id))).code).toBe("not_found");
    expect((await plans.list(ada, { deleted: true })).map((p) => p.id)).toEqual([plan.id]);
    await plans.restore(ada, plan.id);
    expect((await plans.get(ada, plan.id)).revision).toBe(1);
  });

  it("works on the built-in science-europe-structured template: edit an answer, completeness, diff labels", async () => {
    const builtin = createPlanService(context, loadBuiltinContent());
    const template = loadBuiltinContent().templates.get("science-europe-structured")!;
    const plan = await builtin.create(ada, {
      templateId: "science-europe-structured",
      language: "fra",
      title: "PGD",
    });
    const outputId = Object.keys(plan.outputs)[0]!;
    const before = computeCompleteness(plan, template);
    expect(before.missing.map((m) => m.path)).toContain(`/outputs/${outputId}/answers/description.language`);
    const { plan: edited, problems } = await builtin.edit(ada, plan.id, 0, [
      { op: "set", path: `/outputs/${outputId}/answers/description.language`, value: "fra" },
      { op: "set", path: `/outputs/${outputId}/answers/collection.dataNature`, value: "not-a-choice" },
    ]);
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      `/outputs/${outputId}/answers/collection.dataNature unknown_choice`,
    ]);
    const after = computeCompleteness(edited, template);
    expect(after.missing.map((m) => m.path)).not.toContain(
      `/outputs/${outputId}/answers/description.language`,
    );
    expect(after.answeredRequired).toBe(before.answeredRequired + 2); // stored: a draft may hold a wrong choice
    const [change] = await builtin.diff(ada, plan.id, 0, 1, "fr");
    expect(change!.labels.slice(0, 3)).toEqual(["Produits de recherche", "PR1", "Réponses"]);
  });
});
