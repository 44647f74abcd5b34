import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

/**
 * Local stand-ins for ORCID, ROR, the RNSR open-data portal and re3data: one node:http server on
 * 127.0.0.1 answering the documented paths and shapes (docs: integrations-facts §4), seeded with
 * the bundled samples. Each service can be told to misbehave, so the real adapters meet timeouts,
 * malformed bodies, 429 and 5xx.
 */
export type FakeService = "orcid" | "ror" | "rnsr" | "re3data";
export type FakeBehaviour = "normal" | "slow" | "stall" | "malformed" | "rate_limited" | "server_error";

export interface RegistryFakes {
  /** Base URL of the fake (the same server plays every service). */
  url: string;
  behaviour: Record<FakeService, FakeBehaviour>;
  /** How many requests each service received. */
  hits: Record<FakeService, number>;
  /** Delay of `slow` and `stall` answers (ms). */
  delayMs: number;
  close(): Promise<void>;
}

const dataDir = join(import.meta.dirname, "../../data/registries");
const rorRecords = (
  JSON.parse(readFileSync(join(dataDir, "ror-sample-fr.json"), "utf8")) as {
    records: Record<string, unknown>[];
  }
).records;
const re3data = (
  JSON.parse(readFileSync(join(dataDir, "re3data-sample.json"), "utf8")) as {
    items: {
      re3dataId: string;
      name: string;
      website?: string;
      descriptionExcerpt?: string;
      keywords?: string[];
    }[];
  }
).items;
const people = [
  {
    "orcid-id": "0000-0002-1825-0097",
    "given-names": "Josiah",
    "family-names": "Carberry",
    "credit-name": null,
    "institution-name": ["Brown University"],
  },
  {
    "orcid-id": "0000-0002-1694-233X",
    "given-names": "Jeanne",
    "family-names": "Dupont",
    "credit-name": null,
    "institution-name": [],
  },
  {
    "orcid-id": "0000-0003-0579-8173",
    "given-names": "Jean",
    "family-names": "Dupond",
    "credit-name": "J. Dupond",
    "institution-name": ["CNRS"],
  },
];
const structures = [
  {
    numero_national_de_structure: "199612339J",
    libelle: "Ecosystèmes, biodiversité, évolution",
    sigle: "ECOBIO",
    tutelles: ["Université de Rennes", "CNRS"],
    commune: "RENNES",
    type_de_structure: "Unité mixte de recherche",
    site_web: "https://ecobio.univ-rennes.fr",
  },
  {
    numero_national_de_structure: "199814145N",
    libelle: "INSTITUT DE DROIT PUBLIC",
    sigle: "IDP",
    tutelles: ["Université de Poitiers"],
    commune: "POITIERS CEDEX 9",
    type_de_structure: "Unité propre",
  },
  {
    numero_national_de_structure: "198822446E",
    libelle: "Institut de l'information scientifique et technique",
    sigle: "INIST",
    tutelles: ["CNRS"],
    commune: "VANDOEUVRE LES NANCY",
    type_de_structure: "Unité d'appui et de recherche",
  },
];

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const names = (record: Record<string, unknown>) => (record.names as { value: string }[]).map((n) => n.value);
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function send(res: ServerResponse, status: number, body: unknown, type = "application/json") {
  res.writeHead(status, { "content-type": type });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

function ror(url: URL, res: ServerResponse) {
  const one = /^\/v2\/organizations\/(0[a-z0-9]{8})$/.exec(url.pathname);
  if (one) {
    const record = rorRecords.find((r) => String(r.id).endsWith(one[1] ?? ""));
    return record
      ? send(res, 200, record)
      : send(res, 404, { errors: [`ROR ID '${one[1]}' does not exist`] });
  }
  if (url.pathname !== "/v2/organizations") return send(res, 404, { errors: ["Not found"] });
  const wanted = words(url.searchParams.get("query") ?? "");
  const funders = url.searchParams.get("filter") === "types:funder";
  const found = rorRecords.filter(
    (r) =>
      r.status === "active" &&
      (!funders || (r.types as string[]).includes("funder")) &&
      (wanted.length === 0 || wanted.some((w) => names(r).some((n) => words(n).includes(w)))),
  );
  const page = Number(url.searchParams.get("page") ?? "1");
  send(res, 200, {
    number_of_results: found.length,
    time_taken: 1,
    items: found.slice((page - 1) * 20, page * 20),
    meta: { types: [], countries: [], statuses: [] },
  });
}

function orcid(url: URL, res: ServerResponse) {
  const person = /^\/v3\.0\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\/person$/.exec(url.pathname);
  if (person) {
    const p = people.find((x) => x["orcid-id"] === person[1]);
    if (!p) return send(res, 404, { "response-code": 404, "developer-message": "Not found" });
    return send(res, 200, {
      name: {
        "given-names": { value: p["given-names"] },
        "family-name": { value: p["family-names"] },
        "credit-name": p["credit-name"] ? { value: p["credit-name"] } : null,
      },
    });
  }
  if (url.pathname !== "/v3.0/expanded-search/") return send(res, 404, { error: "not found" });
  const q = url.searchParams.get("q") ?? "";
  const byId = /^orcid:(.+)$/.exec(q);
  const terms = words(q.replace(/\\(.)/g, "$1").replace(/\*/g, ""));
  const found = people.filter((p) =>
    byId
      ? p["orcid-id"] === byId[1]
      : terms.every((t) => words(`${p["given-names"]} ${p["family-names"]}`).some((w) => w.startsWith(t))),
  );
  const start = Number(url.searchParams.get("start") ?? "0");
  const rows = Number(url.searchParams.get("rows") ?? "10");
  send(res, 200, { "expanded-result": found.slice(start, start + rows), "num-found": found.length });
}

function rnsr(url: URL, res: ServerResponse) {
  if (!url.pathname.endsWith("/fr-esr-structures-recherche-publiques-actives/records")) {
    return send(res, 404, { error_code: "NotFound" });
  }
  const where = url.searchParams.get("where") ?? "";
  const byId = /^numero_national_de_structure="(.+)"$/.exec(where);
  const text = /search\(libelle, "((?:[^"\\]|\\.)*)"\)/.exec(where)?.[1]?.replace(/\\(.)/g, "$1");
  const found = structures.filter((s) =>
    byId
      ? s.numero_national_de_structure === byId[1]
      : text !== undefined && words(`${s.libelle} ${s.sigle}`).join(" ").includes(words(text).join(" ")),
  );
  const offset = Number(url.searchParams.get("offset") ?? "0");
  const limit = Number(url.searchParams.get("limit") ?? "10");
  send(res, 200, { total_count: found.length, results: found.slice(offset, offset + limit) });
}

function re3dataService(url: URL, res: ServerResponse) {
  const one = /^\/api\/v1\/repository\/(r3d\d{9})$/.exec(url.pathname);
  const xml = "application/xml";
  if (one) {
    const r = re3data.find((x) => x.re3dataId === one[1]);
    if (!r) return send(res, 404, "<error>not found</error>", xml);
    return send(
      res,
      200,
      `<?xml version="1.0" encoding="utf-8"?><r3d:re3data xmlns:r3d="http://www.re3data.org/schema/2-2"><r3d:repository><r3d:re3data.orgIdentifier>${r.re3dataId}</r3d:re3data.orgIdentifier><r3d:repositoryName language="eng">${escapeXml(r.name)}</r3d:repositoryName><r3d:repositoryURL>${escapeXml(r.website ?? "")}</r3d:repositoryURL><r3d:description language="eng">${escapeXml(r.descriptionExcerpt ?? "")}</r3d:description></r3d:repository></r3d:re3data>`,
      xml,
    );
  }
  if (url.pathname !== "/api/beta/repositories") return send(res, 404, "<error>not found</error>", xml);
  const wanted = words(url.searchParams.get("query") ?? "");
  const found = re3data.filter((r) =>
    wanted.every((w) => words(`${r.name} ${(r.keywords ?? []).join(" ")}`).includes(w)),
  );
  const items = found
    .map(
      (r) =>
        `<repository><id>${r.re3dataId}</id><doi>https://doi.org/10.17616/R3${r.re3dataId.slice(-4)}</doi><name>${escapeXml(r.name)}</name><link href="https://www.re3data.org/api/beta/repository/${r.re3dataId}" rel="self"/></repository>`,
    )
    .join("");
  send(res, 200, `<?xml version="1.0" encoding="UTF-8"?><list>${items}</list>`, xml);
}

function serviceOf(path: string): FakeService | undefined {
  if (path.startsWith("/v3.0/")) return "orcid";
  if (path.startsWith("/v2/organizations")) return "ror";
  if (path.startsWith("/api/explore/")) return "rnsr";
  if (path.startsWith("/api/beta/") || path.startsWith("/api/v1/repository")) return "re3data";
  return undefined;
}

/** Start the fakes on an ephemeral port of 127.0.0.1. */
export async function startRegistryFakes(): Promise<RegistryFakes> {
  const fakes: RegistryFakes = {
    url: "",
    behaviour: { orcid: "normal", ror: "normal", rnsr: "normal", re3data: "normal" },
    hits: { orcid: 0, ror: 0, rnsr: 0, re3data: 0 },
    delayMs: 1500,
    close: async () => {},
  };
  const timers = new Set<NodeJS.Timeout>();
  const later = (fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, fakes.delayMs);
    timers.add(timer);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const service = serviceOf(url.pathname);
    if (!service) return send(res, 404, { error: "unknown path" });
    fakes.hits[service]++;
    const answer = () => ({ orcid, ror, rnsr, re3data: re3dataService })[service](url, res);
    switch (fakes.behaviour[service]) {
      case "slow":
        return later(answer);
      case "stall":
        // Headers at once, then the body never ends in time.
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"items": [');
        return later(() => res.end("]}"));
      case "malformed":
        return send(
          res,
          200,
          service === "re3data" ? "<html>maintenance</html>" : '{"items": [ {"id": ',
          "text/html",
        );
      case "rate_limited":
        return send(res, 429, { errors: ["Rate limit exceeded"] });
      case "server_error":
        return send(res, 503, "<html>Service Unavailable</html>", "text/html");
      default:
        return answer();
    }
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  fakes.url = `http://127.0.0.1:${port}`;
  fakes.close = async () => {
    for (const timer of timers) clearTimeout(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fakes;
}
