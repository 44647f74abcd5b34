import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOrcidAdapter } from "../../src/lookups/orcid.js";
import { createRe3dataAdapter } from "../../src/lookups/re3data.js";
import { resilient } from "../../src/lookups/resilient.js";
import { createRnsrAdapter } from "../../src/lookups/rnsr.js";
import { createRorAdapter } from "../../src/lookups/ror.js";
import { type LookupAdapter, LookupUnavailableError } from "../../src/lookups/types.js";
import { type FakeService, type RegistryFakes, startRegistryFakes } from "../fakes/registry-fakes.js";

let fakes: RegistryFakes;
beforeAll(async () => {
  fakes = await startRegistryFakes();
  fakes.delayMs = 3000;
});
afterAll(() => fakes.close());
afterEach(() => {
  for (const service of Object.keys(fakes.behaviour) as FakeService[]) fakes.behaviour[service] = "normal";
});

// Generous for answers that should succeed (CI machines can be busy); short where a timeout is the point.
const timeoutMs = 5000;
const shortTimeoutMs = 300;
const adapters: Record<FakeService, () => LookupAdapter> = {
  ror: () => createRorAdapter({ baseUrl: fakes.url, timeoutMs: shortTimeoutMs }),
  orcid: () => createOrcidAdapter({ baseUrl: fakes.url, timeoutMs: shortTimeoutMs }),
  rnsr: () => createRnsrAdapter({ baseUrl: fakes.url, timeoutMs: shortTimeoutMs }),
  re3data: () => createRe3dataAdapter({ baseUrl: fakes.url, timeoutMs: shortTimeoutMs }),
};
const queries: Record<FakeService, string> = {
  ror: "cnrs",
  orcid: "carberry",
  rnsr: "ecobio",
  re3data: "zenodo",
};

async function failure(promise: Promise<unknown>): Promise<LookupUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LookupUnavailableError);
  return error as LookupUnavailableError;
}

describe("ROR adapter", () => {
  it("searches organisations and normalises identifiers", async () => {
    const page = await createRorAdapter({ baseUrl: fakes.url, timeoutMs }).search("CNRS", {
      limit: 5,
      lang: "en",
    });
    const cnrs = page.results.find((r) => r.id === "https://ror.org/02feahw73");
    expect(cnrs).toMatchObject({
      acronym: "CNRS",
      country: "FR",
      city: "Paris",
      source: "ror",
      offline: false,
    });
    expect(cnrs?.label).toBe("French National Centre for Scientific Research");
    expect(cnrs?.identifiers).toContainEqual({
      scheme: "fundref",
      value: "https://doi.org/10.13039/501100004794",
    });
    expect(cnrs?.identifiers).toContainEqual({
      scheme: "isni",
      value: "https://isni.org/isni/0000000122597504",
    });
  });

  it("keeps funders only for the funders source and pages by ROR's 20", async () => {
    const funders = createRorAdapter({ baseUrl: fakes.url, timeoutMs, source: "funders" });
    const page = await funders.search("recherche", { limit: 50 });
    expect(page.results.length).toBeGreaterThan(0);
    expect(page.results.every((r) => r.types?.includes("funder") && r.source === "funders")).toBe(true);
    const all = await createRorAdapter({ baseUrl: fakes.url, timeoutMs }).search("", { limit: 50 });
    expect(all.results).toHaveLength(20);
    expect(all.hasMore).toBe(true);
    const next = await createRorAdapter({ baseUrl: fakes.url, timeoutMs }).search("", {
      limit: 50,
      offset: 20,
    });
    expect(next.results.map((r) => r.id)).not.toContain(all.results[0]?.id);
  });

  it("resolves an id in any form, and answers undefined for unknown or invalid ids", async () => {
    const ror = createRorAdapter({ baseUrl: fakes.url, timeoutMs });
    expect((await ror.resolve("02feahw73", { lang: "fr" }))?.label).toBe(
      "Centre National de la Recherche Scientifique",
    );
    const before = fakes.hits.ror;
    expect(await ror.resolve("https://ror.org/02feahw74")).toBeUndefined(); // bad checksum: no request
    expect(fakes.hits.ror).toBe(before);
    expect(await ror.resolve("https://ror.org/000000098")).toBeUndefined(); // valid, unknown: 404
  });
});

describe("ORCID, RNSR and re3data adapters", () => {
  it("ORCID: expanded search and person record", async () => {
    const orcid = createOrcidAdapter({ baseUrl: fakes.url, timeoutMs });
    const page = await orcid.search("Carber", { limit: 10 });
    expect(page.results).toEqual([
      expect.objectContaining({
        id: "https://orcid.org/0000-0002-1825-0097",
        label: "Josiah Carberry",
        description: "Brown University",
      }),
    ]);
    expect(
      (await orcid.search("https://orcid.org/0000-0003-0579-8173", { limit: 5 })).results[0]?.label,
    ).toBe("J. Dupond");
    expect((await orcid.resolve("0000-0002-1694-233X"))?.label).toBe("Jeanne Dupont");
    expect(await orcid.resolve("0000-0002-9079-593X")).toBeUndefined();
  });

  it("RNSR: Opendatasoft search and resolve", async () => {
    const rnsr = createRnsrAdapter({ baseUrl: fakes.url, timeoutMs });
    const page = await rnsr.search("droit public", { limit: 10 });
    expect(page.results[0]).toMatchObject({
      id: "199814145N",
      acronym: "IDP",
      country: "FR",
      source: "rnsr",
    });
    expect((await rnsr.resolve("199612339j"))?.url).toBe("https://ecobio.univ-rennes.fr/");
    expect(await rnsr.resolve("200001234Z")).toBeUndefined();
  });

  it("re3data: XML list and record", async () => {
    const re3data = createRe3dataAdapter({ baseUrl: fakes.url, timeoutMs });
    const page = await re3data.search("zenodo", { limit: 10 });
    expect(page.results[0]).toMatchObject({ id: "r3d100010468", label: "Zenodo", source: "repositories" });
    const record = await re3data.resolve("https://www.re3data.org/repository/r3d100010468");
    expect(record?.label).toBe("Zenodo");
    expect(record?.url).toMatch(/^https:\/\/zenodo\.org/);
    expect(await re3data.resolve("r3d100000000")).toBeUndefined();
  });
});

describe.each(Object.keys(adapters) as FakeService[])("%s adapter when the service misbehaves", (service) => {
  const cases = [
    ["slow", "timeout"],
    ["stall", "timeout"],
    ["malformed", "bad_response"],
    ["rate_limited", "rate_limited"],
    ["server_error", "server_error"],
  ] as const;
  it.each(cases)("%s → %s", async (behaviour, reason) => {
    fakes.behaviour[service] = behaviour;
    const started = Date.now();
    const error = await failure(adapters[service]().search(queries[service], { limit: 5 }));
    expect(error.reason).toBe(reason);
    // Well before the fake's 3 s delay: the adapter gave up on its own deadline.
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("resilience", () => {
  it("caches answers and opens the circuit after repeated failures", async () => {
    let now = 0;
    const ror = resilient(createRorAdapter({ baseUrl: fakes.url, timeoutMs }), {
      cacheTtlMs: 1000,
      breakerThreshold: 2,
      breakerCooldownMs: 5000,
      now: () => now,
    });
    const first = fakes.hits.ror;
    await ror.search("cnrs", { limit: 5 });
    await ror.search("CNRS ", { limit: 5 });
    expect(fakes.hits.ror).toBe(first + 1); // second answer from the cache
    now = 2000; // cache expired
    fakes.behaviour.ror = "server_error";
    expect((await failure(ror.search("cnrs", { limit: 5 }))).reason).toBe("server_error");
    expect((await failure(ror.search("inserm", { limit: 5 }))).reason).toBe("server_error");
    const hitsWhenOpen = fakes.hits.ror;
    expect((await failure(ror.search("inria", { limit: 5 }))).reason).toBe("circuit_open");
    expect(fakes.hits.ror).toBe(hitsWhenOpen); // no request while open
    fakes.behaviour.ror = "normal";
    now = 8000; // cooldown over: one trial goes through and closes the circuit
    expect((await ror.search("inria", { limit: 5 })).results.length).toBeGreaterThan(0);
    expect((await ror.search("inserm", { limit: 5 })).results.length).toBeGreaterThan(0);
  });

  it("reports an unreachable service as a network failure", async () => {
    const ror = createRorAdapter({ baseUrl: "http://127.0.0.1:9", timeoutMs });
    expect((await failure(ror.search("cnrs", { limit: 5 }))).reason).toBe("network");
  });
});
