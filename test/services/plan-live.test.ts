import { describe, expect, it } from "vitest";
import type { AppContext } from "../../src/services/app-context.js";
import type { LiveEvent } from "../../src/services/live.js";
import type { PlanService } from "../../src/services/plans.js";
import { testDialects } from "../support/databases.js";
import { usePlanService } from "../support/plan-service.js";

const ada = { id: "ada" };

/** Join the plan's live topic and collect what arrives. */
async function listen(context: AppContext, planId: string) {
  const events: LiveEvent[] = [];
  const { leave } = await context.live.join(planId, {
    userId: "viewer",
    name: "Viewer",
    send: (event) => events.push(event),
  });
  const until = async (predicate: (all: LiveEvent[]) => boolean) => {
    const deadline = Date.now() + 3000;
    while (!predicate(events)) {
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(events)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { events, until, leave };
}

const edits = (events: LiveEvent[]) => events.filter((e) => e.type === "edit");

describe.each(testDialects())("plan service announcements on $name", (dialect) => {
  let context: AppContext;
  let plans: PlanService;
  usePlanService(dialect, (opened) => {
    ({ context, plans } = opened);
  });

  it("announces every stored revision (edits and reverts) with its author and ops, and nothing refused", async () => {
    const plan = await plans.create(ada, {
      templateId: "science-europe-structured",
      language: "eng",
      title: "T0",
    });
    const viewer = await listen(context, plan.id);
    await plans.edit(ada, plan.id, 0, [{ op: "set", path: "/details/title", value: "T1" }]);
    await expect(
      plans.edit(ada, plan.id, 0, [{ op: "set", path: "/details/title", value: "late" }]),
    ).rejects.toMatchObject({ code: "conflict" });
    await plans.revert(ada, plan.id, 0);
    await viewer.until((all) => edits(all).length === 2);
    expect(edits(viewer.events)).toEqual([
      {
        type: "edit",
        planId: plan.id,
        revision: 1,
        author: "ada",
        ops: [{ op: "set", path: "/details/title", value: "T1" }],
      },
      expect.objectContaining({ type: "edit", planId: plan.id, revision: 2, author: "ada" }),
    ]);
    expect(JSON.stringify(edits(viewer.events)[1])).toContain('"T0"');
    await viewer.leave();
  });

  it("tells streams to check access again when the visibility changes or the plan is binned", async () => {
    const plan = await plans.create(ada, {
      templateId: "science-europe-structured",
      language: "eng",
      title: "V",
    });
    const viewer = await listen(context, plan.id);
    await plans.edit(ada, plan.id, 0, [{ op: "set", path: "/details/title", value: "V1" }]);
    await viewer.until((all) => edits(all).length === 1);
    expect(viewer.events.some((e) => e.type === "access")).toBe(false);
    await plans.edit(ada, plan.id, 1, [{ op: "set", path: "/visibility", value: "public" }]);
    await viewer.until((all) => all.filter((e) => e.type === "access").length === 1);
    await plans.remove(ada, plan.id);
    await viewer.until((all) => all.filter((e) => e.type === "access").length === 2);
    await viewer.leave();
  });
});
