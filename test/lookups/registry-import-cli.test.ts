import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultLookupSettings } from "../../src/lookups/settings.js";
import { createAppContext } from "../../src/services/app-context.js";
import { runCli } from "../support/cli.js";
import { type TestDatabase, testDialects } from "../support/databases.js";
import { syntheticName, syntheticRorId, writeRorDump } from "../support/ror-dump.js";

const root = join(import.meta.dirname, "../..");

const carnet = (args: string[]) => runCli(args, { CARNET_LOOKUPS_OFFLINE: "1" });

// Each case spawns the CLI (a few seconds per process on a busy machine).
describe.each(testDialects())("carnet registry import on $name", { timeout: 120_000 }, (dialect) => {
  let dir: string;
  let database: TestDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "carnet-import-"));
    database = await dialect.create();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });
  /** Connection flags: one data directory per case on SQLite, the suite's database on PostgreSQL. */
  const target = (name: string) =>
    database.settings.dialect === "postgres"
      ? ["--database-url", database.settings.url]
      : ["--data", join(dir, name)];

  it("imports a ROR v2 dump, reports bad records by position, and is idempotent", async () => {
    const dump = join(dir, "ror.json");
    await writeRorDump(dump, 1200, [7, 600, 1200]);
    const first = await carnet(["registry", "import", "ror", dump, ...target("data")]);
    expect(first.stderr).toContain("record 7 skipped: missing names");
    expect(first.stderr).toMatch(/record 600 skipped: invalid ROR id/);
    expect(first.stderr).toMatch(/record 1200 skipped: invalid ROR id/);
    expect(first.stdout).toMatch(/^ror: 1197 imported, 0 updated, 3 skipped in [\d.]+ s\.$/m);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain("█"); // no progress bar when stderr is not a terminal

    const again = await carnet(["registry", "import", "ror", dump, ...target("data")]);
    expect(again.stdout).toMatch(/ror: 0 imported, 1197 updated, 3 skipped/);

    const settings =
      database.settings.dialect === "postgres"
        ? database.settings
        : { dialect: "sqlite" as const, file: join(dir, "data", "carnet.sqlite") };
    const context = await createAppContext(settings, {
      lookups: { ...defaultLookupSettings, offline: true },
    });
    try {
      const found = await context.lookups.search("ror", { q: syntheticName(1000), limit: 3 });
      expect(found.results[0]?.id).toBe(syntheticRorId(1000));
      const bad = await context.lookups.resolve("ror", syntheticRorId(6));
      expect(bad).toBeUndefined(); // record 7 (index 6) was skipped whole
      const cnrs = await context.lookups.search("ror", { q: "cnrs", limit: 1 });
      expect(cnrs.results[0]?.acronym).toBe("CNRS"); // the bundled sample is still there
    } finally {
      await context.close();
    }
  });

  it("imports the bundled re3data sample shape (object with items)", async () => {
    const result = await carnet([
      "registry",
      "import",
      "re3data",
      join(root, "data/registries/re3data-sample.json"),
      ...target("re3data"),
    ]);
    expect(result.stdout).toMatch(/repositories: 0 imported, 53 updated, 0 skipped/);
    expect(result.code).toBe(0);
  });

  it("stores what precedes a syntax error and exits 2 saying where", async () => {
    const file = join(dir, "truncated.json");
    writeFileSync(
      file,
      '[{"numero_national_de_structure":"199814145N","libelle":"Institut de droit public"},{"numero_national_de_structure":"20',
    );
    const result = await carnet(["registry", "import", "rnsr", file, ...target("rnsr")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not valid JSON near record 2 .*The 1 record\(s\) before it are stored/);
  });

  it("refuses unusable input with exit 2 and one line", async () => {
    const missing = await carnet(["registry", "import", "ror", join(dir, "nope.json"), ...target("x")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^carnet: Cannot read the dump .*ENOENT/);
    const kind = await carnet(["registry", "import", "grid", join(dir, "nope.json"), ...target("x")]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("Unknown dump kind 'grid'. Use one of: ror, rnsr, re3data.");
    const scalar = join(dir, "scalar.json");
    writeFileSync(scalar, '"hello"');
    const notArray = await carnet(["registry", "import", "ror", scalar, ...target("x")]);
    expect(notArray.code).toBe(2);
    expect(notArray.stderr).toContain("is not a registry dump");
  });

  it("exits 1 when no record at all could be imported", async () => {
    const file = join(dir, "all-bad.json");
    writeFileSync(file, JSON.stringify([{ id: "nope" }, { names: [] }]));
    const result = await carnet(["registry", "import", "ror", file, ...target("bad")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("record 1 skipped: invalid ROR id");
    expect(result.stderr).toContain("No record of");
  });
});
