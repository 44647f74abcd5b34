import { afterAll, beforeAll } from "vitest";
import { type AppContext, createAppContext } from "../../src/services/app-context.js";
import { createPlanService, type PlanService } from "../../src/services/plans.js";
import { testTemplate, testVocabularies } from "../factories/content.js";
import type { TestDatabase, TestDialect } from "./databases.js";

/** The small test template and its vocabularies, as the plan service is given its content. */
export const testContent = {
  templates: new Map([[testTemplate().id, testTemplate()]]),
  vocabularies: testVocabularies(),
};

/** What a plan service suite works with. */
export interface PlanServiceFixture {
  context: AppContext;
  plans: PlanService;
}

/**
 * Inside a `describe` block: a plan service on the test content over a fresh database of `dialect`,
 * opened once before the block's tests (handed to `opened`), closed and dropped after them.
 */
export function usePlanService(dialect: TestDialect, opened: (fixture: PlanServiceFixture) => void): void {
  let testDb: TestDatabase | undefined;
  let context: AppContext | undefined;
  beforeAll(async () => {
    testDb = await dialect.create();
    context = await createAppContext(testDb.settings);
    opened({ context, plans: createPlanService(context, testContent) });
  });
  afterAll(async () => {
    await context?.close();
    await testDb?.drop();
  });
}
