import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultLookupSettings, type LookupSettings } from "../../src/lookups/settings.js";
import { buildServer } from "../../src/server/build-server.js";
import { type AppContext, createAppContext } from "../../src/services/app-context.js";
import { type RegistryFakes, startRegistryFakes } from "../fakes/registry-fakes.js";
import { type TestDatabase, testDialects } from "../support/databases.js";

interface Answer {
  source: string;
  offline: boolean;
  results: { id: string; label: string; offline: boolean }[];
  nextCursor: string | null;
}

describe.each(testDialects())("GET /api/v1/lookup on $name", (dialect) => {
  let fakes: RegistryFakes;
  let database: TestDatabase;
  let context: AppContext;
  let app: FastifyInstance;
  const failures: string[] = [];

  beforeAll(async () => {
    fakes = await startRegistryFakes();
    fakes.delayMs = 4000;
    database = await dialect.create();
    const settings: LookupSettings = {
      ...defaultLookupSettings,
      timeoutMs: 1500, // generous for a busy machine, well under the fake's 4 s delay
      cacheTtlMs: 0,
      breakerThreshold: 100,
      baseUrls: { orcid: fakes.url, ror: fakes.url, rnsr: fakes.url, re3data: fakes.url },
    };
    context = await createAppContext(database.settings, {
      lookups: settings,
      lookupLog: (source, error) => failures.push(`${source}: ${String(error)}`),
    });
    app = await buildServer(context, { logLevel: "silent" });
  });
  afterAll(async () => {
    await app?.close();
    await context?.close();
    await database?.drop();
    await fakes?.close();
  });

  const get = async (url: string) => {
    const response = await app.inject({ method: "GET", url });
    return { status: response.statusCode, body: response.json() as Answer & { error?: { code: string } } };
  };

  it("answers from the live service when it works", async () => {
    fakes.behaviour.ror = "normal";
    const { status, body } = await get("/api/v1/lookup/ror?q=cnrs&lang=fr&limit=5");
    expect(status).toBe(200);
    expect(body.offline).toBe(false);
    expect(body.results[0]).toMatchObject({ id: "https://ror.org/02feahw73", offline: false });
  });

  it.each(["server_error", "slow", "malformed", "rate_limited"] as const)(
    "falls back to the offline registry when the service is %s, never a 500",
    async (behaviour) => {
      fakes.behaviour.ror = behaviour;
      fakes.behaviour.re3data = behaviour;
      const before = failures.length;
      const ror = await get("/api/v1/lookup/ror?q=cnrs");
      expect(ror.status).toBe(200);
      expect(ror.body.offline).toBe(true);
      expect(ror.body.results[0]?.id).toBe("https://ror.org/02feahw73");
      const repositories = await get("/api/v1/lookup/repositories?q=zenodo");
      expect(repositories.body).toMatchObject({ offline: true });
      expect(repositories.body.results.map((r) => r.id)).toContain("r3d100010468");
      expect(failures.length).toBe(before + 2); // the failure is logged, not shown
      fakes.behaviour.ror = "normal";
      fakes.behaviour.re3data = "normal";
    },
  );

  it("resolves a pasted identifier instead of searching its characters", async () => {
    const before = fakes.hits.ror;
    const { body } = await get("/api/v1/lookup/ror?q=https%3A%2F%2Fror.org%2F02feahw73");
    expect(body).toMatchObject({ offline: false, nextCursor: null });
    expect(body.results.map((r) => r.id)).toEqual(["https://ror.org/02feahw73"]);
    expect(fakes.hits.ror).toBe(before + 1);
    const orcid = await get("/api/v1/lookup/orcid?q=0000-0002-1825-0097");
    expect(orcid.body.results[0]?.label).toBe("Josiah Carberry");
  });

  it("licences and languages need no service", async () => {
    const { status, body } = await get("/api/v1/lookup/licences?q=cc-by&limit=3");
    expect(status).toBe(200);
    expect(body.results.map((r) => r.id)).toEqual(["CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5"]);
    expect(body.nextCursor).not.toBeNull();
    const next = await get(`/api/v1/lookup/licences?q=cc-by&limit=3&cursor=${body.nextCursor}`);
    expect(next.body.results[0]?.id).toBe("CC-BY-3.0"); // shorter identifiers first among prefix matches
  });

  it("validates the request: source, limit (≤ 50), cursor", async () => {
    expect((await get("/api/v1/lookup/nowhere?q=x")).status).toBe(422);
    expect((await get("/api/v1/lookup/ror?q=x&limit=51")).status).toBe(422);
    expect((await get("/api/v1/lookup/ror?q=x&limit=0")).status).toBe(422);
    const cursor = await get("/api/v1/lookup/licences?q=x&cursor=not-a-cursor");
    expect(cursor.status).toBe(400);
    expect(cursor.body.error?.code).toBe("bad_request");
    const many = await get("/api/v1/lookup/languages?limit=50");
    expect(many.body.results).toHaveLength(50);
  });

  it("resolves one identifier, online or offline, and 404s an unknown one", async () => {
    const live = await app.inject({
      method: "GET",
      url: "/api/v1/lookup/orcid/resolve?id=0000-0002-1825-0097",
    });
    expect(live.json()).toMatchObject({
      id: "https://orcid.org/0000-0002-1825-0097",
      label: "Josiah Carberry",
      offline: false,
    });
    fakes.behaviour.ror = "server_error";
    const offline = await app.inject({
      method: "GET",
      url: "/api/v1/lookup/ror/resolve?id=https://ror.org/02feahw73&lang=en",
    });
    expect(offline.json()).toMatchObject({ acronym: "CNRS", offline: true });
    fakes.behaviour.ror = "normal";
    const missing = await app.inject({
      method: "GET",
      url: "/api/v1/lookup/licences/resolve?id=NOT-A-LICENCE",
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe("GET /api/v1/lookup in offline mode (CARNET_LOOKUPS_OFFLINE)", () => {
  it("sends no request at all and answers at once", async () => {
    const fakes = await startRegistryFakes();
    const database = await testDialects()[0]!.create();
    const previous = { ...process.env };
    process.env.CARNET_LOOKUPS_OFFLINE = "1";
    process.env.CARNET_ROR_URL = fakes.url;
    try {
      const context = await createAppContext(database.settings);
      const app = await buildServer(context, { logLevel: "silent" });
      const response = await app.inject({ method: "GET", url: "/api/v1/lookup/ror?q=cnrs" });
      const body = response.json() as Answer;
      expect(body.offline).toBe(true);
      expect(body.results[0]?.id).toBe("https://ror.org/02feahw73");
      expect(fakes.hits.ror).toBe(0);
      await app.close();
      await context.close();
    } finally {
      process.env = previous;
      await database.drop();
      await fakes.close();
    }
  });
});
