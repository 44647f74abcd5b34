import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultLookupSettings } from "../../src/lookups/settings.js";
import { type AppContext, createAppContext } from "../../src/services/app-context.js";
import { seedRegistries } from "../../src/services/registries.js";
import { inTransaction } from "../../src/storage/database.js";
import { createRegistryRepository } from "../../src/storage/registry-repository.js";
import { type TestDatabase, testDialects } from "../support/databases.js";

const offline = { ...defaultLookupSettings, offline: true };

describe.each(testDialects())("offline registries on $name", (dialect) => {
  let database: TestDatabase;
  let context: AppContext;
  beforeAll(async () => {
    database = await dialect.create();
    context = await createAppContext(database.settings, { lookups: offline });
  });
  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  it("finds ROR organisations by acronym, words and prefixes, without network", async () => {
    const cnrs = await context.lookups.search("ror", { q: "cnrs", limit: 5 });
    expect(cnrs.offline).toBe(true);
    expect(cnrs.results[0]).toMatchObject({
      id: "https://ror.org/02feahw73",
      acronym: "CNRS",
      source: "ror",
      offline: true,
    });
    const prefix = await context.lookups.search("ror", { q: "Univ Paris", limit: 10 });
    expect(prefix.results.length).toBeGreaterThan(1);
    expect(prefix.results.every((r) => /paris/i.test(JSON.stringify(r)))).toBe(true);
    const accents = await context.lookups.search("ror", { q: "universite paris cite", limit: 5 });
    expect(accents.results[0]?.label).toBe("Université Paris Cité");
  });

  it("inactive and withdrawn organisations rank after active ones and are marked", async () => {
    const myelin = await context.lookups.search("ror", { q: "myeline", limit: 5 });
    expect(myelin.results[0]?.types).toContain("inactive");
    const all = await context.lookups.search("ror", { q: "", limit: 50 });
    const retired = all.results.findIndex((r) => r.types?.some((t) => t === "inactive" || t === "withdrawn"));
    expect(retired).toBe(all.results.length - 2);
  });

  it("labels follow the requested language", async () => {
    const en = await context.lookups.search("ror", { q: "cnrs", lang: "en", limit: 1 });
    const fr = await context.lookups.search("ror", { q: "cnrs", lang: "fr", limit: 1 });
    expect(en.results[0]?.label).toBe("French National Centre for Scientific Research");
    expect(fr.results[0]?.label).toBe("Centre National de la Recherche Scientifique");
  });

  it("funders are ROR organisations of type funder", async () => {
    const anr = await context.lookups.search("funders", { q: "agence nationale", limit: 5 });
    expect(anr.results[0]?.acronym).toBe("ANR");
    const all = await context.lookups.search("funders", { q: "", limit: 50 });
    expect(all.results.length).toBeGreaterThan(0);
    expect(all.results.every((r) => r.types?.includes("funder"))).toBe(true);
    // A research unit is not a funder, even when asked by its exact name.
    const unit = await context.lookups.search("ror", {
      q: "techniques informatics microelectronics",
      limit: 1,
    });
    expect(unit.results[0]?.types).toEqual(["facility"]);
    expect(await context.lookups.resolve("funders", unit.results[0]?.id ?? "")).toBeUndefined();
  });

  it("repositories, standards, RNSR, licences and languages answer from bundled data", async () => {
    const zenodo = await context.lookups.search("repositories", { q: "zenodo", limit: 5 });
    expect(zenodo.results.map((r) => r.id)).toContain("r3d100010468");
    const french = await context.lookups.search("repositories", { q: "recherche data gouv", limit: 5 });
    expect(french.results[0]?.label).toBe("Entrepôt Recherche Data Gouv");
    const dublin = await context.lookups.search("standards", { q: "dublin", limit: 5 });
    expect(dublin.results[0]?.label).toBe("Dublin Core");
    const ecobio = await context.lookups.search("rnsr", { q: "ecobio", limit: 5 });
    expect(ecobio.results[0]).toMatchObject({
      id: "199612339J",
      identifiers: [{ scheme: "ror", value: "https://ror.org/005fjj927" }],
    });
    const ccBy = await context.lookups.search("licences", { q: "cc-by", limit: 5 });
    expect(ccBy.results[0]?.id).toBe("CC-BY-1.0");
    expect(ccBy.results.every((r) => r.id.startsWith("CC-BY"))).toBe(true);
    expect(ccBy.offline).toBe(false); // the bundled list is the reference, not a fallback
    const etalab = await context.lookups.search("licences", { q: "etalab", limit: 5 });
    expect(etalab.results[0]?.id).toBe("etalab-2.0");
    const fr = await context.lookups.search("languages", { q: "français", lang: "fr", limit: 5 });
    expect(fr.results[0]).toMatchObject({ id: "fra", label: "Français" });
    const code = await context.lookups.search("languages", { q: "bre", limit: 3 });
    expect(code.results[0]?.id).toBe("bre");
  });

  it("pages with a cursor, without overlap, at most `limit` per page", async () => {
    const first = await context.lookups.search("repositories", { q: "data", limit: 5 });
    expect(first.results).toHaveLength(5);
    expect(first.nextCursor).not.toBeNull();
    const second = await context.lookups.search("repositories", {
      q: "data",
      limit: 5,
      cursor: first.nextCursor ?? "",
    });
    expect(second.results.length).toBeGreaterThan(0);
    const ids = new Set(first.results.map((r) => r.id));
    expect(second.results.some((r) => ids.has(r.id))).toBe(false);
    const capped = await context.lookups.search("languages", { q: "", limit: 500 });
    expect(capped.results).toHaveLength(50);
  });

  it("a pasted identifier finds its record; an ORCID iD is echoed offline", async () => {
    const byUrl = await context.lookups.search("ror", { q: " https://ror.org/00rbzpz17 ", limit: 5 });
    expect(byUrl.results).toHaveLength(1);
    expect(byUrl.results[0]?.acronym).toBe("ANR");
    const orcid = await context.lookups.search("orcid", { q: "0000-0002-1694-233X", limit: 5 });
    expect(orcid).toMatchObject({
      offline: true,
      results: [{ id: "https://orcid.org/0000-0002-1694-233X" }],
    });
    expect((await context.lookups.search("orcid", { q: "dupont", limit: 5 })).results).toEqual([]);
    expect((await context.lookups.resolve("ror", "02feahw73"))?.acronym).toBe("CNRS");
  });

  it("seeding runs once per data version and never overwrites imported rows", async () => {
    expect(await seedRegistries(context.database)).toEqual({ seeded: false, entries: 0 });
    const repository = createRegistryRepository(context.database);
    const before = await repository.count("ror");
    await inTransaction(context.database.db, (tx) =>
      repository.upsert(
        tx,
        [
          {
            source: "ror",
            id: "https://ror.org/02feahw73",
            label: "CNRS (imported)",
            acronym: "CNRS",
            searchParts: ["cnrs imported"],
            data: { identifiers: [] },
          },
        ],
        "import",
      ),
    );
    await context.database.db
      .deleteFrom("settings")
      .where("key", "=", "registries.bundled_version")
      .execute();
    expect((await seedRegistries(context.database)).seeded).toBe(true);
    expect((await repository.get("ror", "https://ror.org/02feahw73"))?.label).toBe("CNRS (imported)");
    expect(await repository.count("ror")).toBe(before);
    const found = await context.lookups.search("ror", { q: "imported", limit: 5 });
    expect(found.results[0]?.label).toBe("CNRS (imported)");
  });
});
