import { readFileSync } from "node:fs";
import type { MatrixRow } from "./plan-matrix.js";

const dcs = readFileSync(
  new URL("../fixtures/formats/rda-dcs/v1.2/ex2-dataset-planned.json", import.meta.url),
  "utf8",
);
const json = { "content-type": "application/json" };

/** Rows of the authorisation matrix for plan export and the RDA Common maDMP API (import is not about one plan). */
export const interopRows: MatrixRow[] = [
  {
    name: "GET /plans/{id}/export?format=rda-dcs-1.2",
    need: "read",
    request: ({ fixture }) => ({
      method: "GET",
      url: `/api/v1/plans/${fixture.id}/export?format=rda-dcs-1.2`,
    }),
  },
  {
    name: "GET /plans/{id}/export?format=html",
    need: "read",
    request: ({ fixture }) => ({
      method: "GET",
      url: `/api/v1/plans/${fixture.id}/export?format=html&lang=en`,
    }),
  },
  {
    name: "GET /api/madmp/v1/dmps/{id}",
    need: "read",
    request: ({ fixture }) => ({ method: "GET", url: `/api/madmp/v1/dmps/${fixture.id}` }),
  },
  {
    name: "PUT /api/madmp/v1/dmps/{id}",
    need: "edit",
    // Writes need someone signed in before anything else (the standard's 401), whatever the plan.
    expected: (persona) => (persona === "anonymous" ? 401 : undefined),
    request: ({ fixture }) => ({
      method: "PUT",
      url: `/api/madmp/v1/dmps/${fixture.id}`,
      headers: json,
      payload: dcs,
    }),
  },
  {
    name: "DELETE /api/madmp/v1/dmps/{id}",
    need: "owner",
    success: 204,
    consumes: true,
    expected: (persona) => (persona === "anonymous" ? 401 : undefined),
    request: ({ fixture }) => ({ method: "DELETE", url: `/api/madmp/v1/dmps/${fixture.id}` }),
  },
];
