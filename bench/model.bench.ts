// Plan model: validation of the reference plan and of a plan with 20 fully answered research outputs,
// a single-field edit with applyOps, and loading + saving a plan on SQLite (and PostgreSQL when
// TEST_DATABASE_URL is set), on the built-in science-europe-structured template.
import { applyOps } from "../src/domain/edit/apply-ops.js";
import { validatePlan } from "../src/domain/validate-plan.js";
import { loadBuiltinContent } from "../src/services/builtin-content.js";
import { migrateDatabase, openDatabase } from "../src/storage/database.js";
import { createPlansRepository } from "../src/storage/plans-repository.js";
import { planWithOutputs } from "../test/factories/large-plan.js";
import { referencePlan } from "../test/factories/plans.js";
import { testDialects } from "../test/support/databases.js";
import { printTable, stats } from "./support.js";

const content = loadBuiltinContent();
const template = content.templates.get("science-europe-structured")!;
const vocabularies = content.vocabularies;
const context = { vocabularies, template };

/** Run `work` repeatedly for about `ms` milliseconds; operations per second and latency stats (µs). */
async function measure(name: string, work: () => unknown, ms = 1500) {
  for (let i = 0; i < 20; i++) await work(); // warm-up
  const samples: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const start = performance.now();
    await work();
    samples.push((performance.now() - start) * 1000);
  }
  const s = stats(samples);
  const total = samples.reduce((a, b) => a + b, 0);
  return {
    case: name,
    "ops/s": Math.round((samples.length * 1e6) / total),
    "median µs": s.median,
    "p95 µs": s.p95,
    runs: s.n,
  };
}

const reference = referencePlan();
const large = planWithOutputs(reference, template, vocabularies, 20);
const largeProblems = validatePlan(large, context).problems;
if (validatePlan(reference, context).problems.length > 0 || largeProblems.length > 0) {
  console.error("model bench: the benchmark plans are not valid", largeProblems.slice(0, 5));
  process.exit(1);
}
const answers = Object.values(large.outputs).reduce((n, o) => n + Object.keys(o.answers).length, 0);
const bytes = JSON.stringify(large).length;

const rows = [
  await measure("validate reference plan", () => validatePlan(reference, context)),
  await measure(`validate 20 outputs (${answers} answers)`, () => validatePlan(large, context)),
  await measure("applyOps single field (reference)", () =>
    applyOps(reference, [{ op: "set", path: "/details/title", value: "Edited" }], {
      baseRevision: reference.revision,
      author: "bench",
      history: [],
    }),
  ),
  await measure("applyOps single field (20 outputs)", () =>
    applyOps(large, [{ op: "set", path: "/outputs/o7/title", value: "Edited" }], {
      baseRevision: large.revision,
      author: "bench",
      history: [],
    }),
  ),
];

for (const dialect of testDialects()) {
  const testDb = await dialect.create();
  const database = openDatabase(testDb.settings);
  await migrateDatabase(database);
  const repo = createPlansRepository(database.db);
  await repo.insert(large, "bench");
  let head = large;
  rows.push(await measure(`${dialect.name}: load 20-output plan`, () => repo.get(large.id)));
  rows.push(
    await measure(`${dialect.name}: load + edit + save`, async () => {
      const stored = await repo.get(large.id);
      const result = applyOps(
        stored!.plan,
        [{ op: "set", path: "/details/title", value: `T${head.revision}` }],
        {
          baseRevision: stored!.plan.revision,
          author: "bench",
          history: [],
        },
      );
      if (!result.ok) throw new Error("edit refused");
      await repo.saveEdit(result.plan, result.event);
      head = result.plan;
    }),
  );
  await database.close();
  await testDb.drop();
}

printTable(
  `Plan model (science-europe-structured; 20-output plan: ${answers} answers, ${Math.round(bytes / 1024)} KiB)`,
  rows,
);
