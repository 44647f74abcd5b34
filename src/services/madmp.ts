import { isDeepStrictEqual } from "node:util";
import type { EditOp } from "../domain/edit/index.js";
import type { Plan } from "../domain/plan.js";
import { isObject, type JsonObject } from "../formats/rda-dcs/model.js";
import { translate } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import type { AppContext } from "./app-context.js";
import { loadBuiltinContent } from "./builtin-content.js";
import { type Actor, requireActor, requireWriter } from "./permissions.js";
import { createPlanAuthoriser } from "./plan-authorisation.js";
import type { PlanContent } from "./plan-content.js";
import type { PlanExports } from "./plan-exports.js";
import type { PlanImports } from "./plan-imports.js";
import type { PlanRequests } from "./plan-requests.js";
import { createPlanService } from "./plans.js";

/**
 * The RDA Common maDMP API (`shared/reference/rda-dcs/api/common-madmp-api-openapi.yaml`) on top of
 * the plan services: documents are RDA DCS 1.2, read through the DCS importer into native plans and
 * written back through the native → DCS export; access is decided by the plan authoriser. Messages
 * are in English, as the standard asks.
 */

/** A DMP as the API answers it, with what its headers need. */
export interface MadmpDocument {
  id: string;
  dmp: JsonObject;
  modifiedAt: string;
  etag: string;
}

/** Conditions of a write (`If-Unmodified-Since`, `If-Match`): unmet → 409 conflict. */
export interface Preconditions {
  ifUnmodifiedSince?: string | undefined;
  ifMatch?: string | undefined;
}

export const madmpSorts = [
  "title",
  "created",
  "modified",
  "language",
  "embargo",
  "keyword",
] as const satisfies readonly string[];

/** Filters of the list operation (already split into lists). */
export interface MadmpListQuery {
  offset: number;
  count: number;
  sort: string[];
  created_before?: string | undefined;
  created_after?: string | undefined;
  modified_before?: string | undefined;
  modified_after?: string | undefined;
  languages: string[];
  contact_ids: string[];
  contributor_ids: string[];
  dataset_ids: string[];
  metadata_standard_ids: string[];
  dmp_ids: string[];
  funder_ids: string[];
  grant_ids: string[];
  query?: string | undefined;
  ethical_issues_exist?: boolean | undefined;
  embargo_before?: string | undefined;
  embargo_after?: string | undefined;
}

/** Fields Carnet manages itself or that DCS does not carry: a replace keeps them. */
const keptOnReplace = new Set([
  "carnetFormat",
  "id",
  "revision",
  "createdAt",
  "modifiedAt",
  "visibility",
  "status",
]);

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
const objects = (value: unknown): JsonObject[] => list(value).filter(isObject);

/** Identifier values of an `…_id` member (an object, or a list of them in DCS 1.2). */
function identifiers(value: unknown): string[] {
  return list(value).flatMap((item) =>
    typeof item === "string"
      ? [item]
      : isObject(item) && typeof item.identifier === "string"
        ? [item.identifier]
        : [],
  );
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

const distributions = (dmp: JsonObject) => objects(dmp.dataset).flatMap((d) => objects(d.distribution));

/** The latest licence start date of the DMP's distributions (a date in the future is an embargo). */
function embargoOf(dmp: JsonObject): string | undefined {
  const dates = distributions(dmp)
    .flatMap((d) => objects(d.license))
    .map((l) => text(l.start_date))
    .filter(Boolean)
    .sort();
  return dates.at(-1);
}

function keywordOf(dmp: JsonObject): string | undefined {
  const words = objects(dmp.dataset)
    .flatMap((d) => list(d.keyword))
    .filter((k): k is string => typeof k === "string")
    .map((k) => k.toLowerCase())
    .sort();
  return words[0];
}

function sortValue(dmp: JsonObject, field: string): string | number | undefined {
  switch (field) {
    case "title":
      return text(dmp.title).toLowerCase() || undefined;
    case "created":
    case "modified": {
      const time = Date.parse(text(dmp[field]));
      return Number.isNaN(time) ? undefined : time;
    }
    case "language":
      return text(dmp.language) || undefined;
    case "embargo":
      return embargoOf(dmp);
    default:
      return keywordOf(dmp);
  }
}

function anyIn(values: string[], wanted: string[]): boolean {
  if (wanted.length === 0) return true;
  const set = new Set(wanted.map((w) => w.toLowerCase()));
  return values.some((v) => set.has(v.toLowerCase()));
}

/** True when `dmp` passes every filter (AND), each list filter matching any of its values (OR). */
function matches(dmp: JsonObject, q: MadmpListQuery): boolean {
  const time = (field: "created" | "modified") => Date.parse(text(dmp[field]));
  const before = (value: number, limit: string | undefined) =>
    limit === undefined || value < Date.parse(limit);
  const after = (value: number, limit: string | undefined) =>
    limit === undefined || value > Date.parse(limit);
  if (!before(time("created"), q.created_before) || !after(time("created"), q.created_after)) return false;
  if (!before(time("modified"), q.modified_before) || !after(time("modified"), q.modified_after))
    return false;
  if (q.languages.length > 0 && !q.languages.includes(text(dmp.language))) return false;
  if (!anyIn(identifiers(dmp.dmp_id), q.dmp_ids)) return false;
  if (
    !anyIn(
      objects(dmp.contact).flatMap((c) => identifiers(c.contact_id)),
      q.contact_ids,
    )
  )
    return false;
  if (
    !anyIn(
      objects(dmp.contributor).flatMap((c) => identifiers(c.contributor_id)),
      q.contributor_ids,
    )
  )
    return false;
  if (
    !anyIn(
      objects(dmp.dataset).flatMap((d) => identifiers(d.dataset_id)),
      q.dataset_ids,
    )
  )
    return false;
  const standards = objects(dmp.dataset)
    .flatMap((d) => objects(d.metadata))
    .flatMap((m) => identifiers(m.metadata_standard_id));
  if (!anyIn(standards, q.metadata_standard_ids)) return false;
  const fundings = objects(dmp.project).flatMap((p) => objects(p.funding));
  if (
    !anyIn(
      fundings.flatMap((f) => identifiers(f.funder_id)),
      q.funder_ids,
    )
  )
    return false;
  if (
    !anyIn(
      fundings.flatMap((f) => identifiers(f.grant_id)),
      q.grant_ids,
    )
  )
    return false;
  if (q.ethical_issues_exist !== undefined && (dmp.ethical_issues_exist === "yes") !== q.ethical_issues_exist)
    return false;
  if (q.embargo_before !== undefined || q.embargo_after !== undefined) {
    const embargo = embargoOf(dmp);
    if (!embargo) return false;
    if (q.embargo_before !== undefined && !(embargo < q.embargo_before)) return false;
    if (q.embargo_after !== undefined && !(embargo > q.embargo_after)) return false;
  }
  if (q.query) {
    const needle = q.query.toLowerCase();
    const haystack = [
      dmp.title,
      dmp.description,
      ...objects(dmp.dataset).flatMap((d) => [d.title, d.description]),
    ]
      .map(text)
      .join("\n")
      .toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

/** `Thu, 01 Jan 2026 10:00:00 GMT` or ISO 8601 → milliseconds and whether it has sub-second precision. */
function parseSince(value: string): { time: number; seconds: boolean } {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new AppError("bad_request", translate("en", "interop.madmp.bad_date", { value }), {
      params: { reason: translate("en", "interop.madmp.bad_date", { value }) },
    });
  }
  // HTTP dates (and ISO without fractions) have a one-second resolution.
  return { time, seconds: !/\.\d+/.test(value) };
}

export function createMadmpService(
  context: Pick<AppContext, "database">,
  deps: {
    exports: PlanExports;
    imports: PlanImports;
    plans: PlanRequests;
    content?: PlanContent;
  },
) {
  const { authorise } = createPlanAuthoriser(context);
  const service = createPlanService(context, deps.content ?? loadBuiltinContent());

  const etagOf = (plan: Plan) => `"${plan.id}-r${plan.revision}"`;

  const documentOf = async (plan: Plan): Promise<MadmpDocument> => {
    const dcs = await deps.exports.dcsDocument(plan, "en");
    return { id: plan.id, dmp: dcs.dmp as JsonObject, modifiedAt: plan.modifiedAt, etag: etagOf(plan) };
  };

  const checkPreconditions = (plan: Plan, conditions: Preconditions) => {
    if (conditions.ifMatch !== undefined) {
      const tags = conditions.ifMatch.split(",").map((t) => t.trim().replace(/^W\//, ""));
      if (!tags.includes("*") && !tags.includes(etagOf(plan))) {
        throw new AppError("conflict", translate("en", "interop.madmp.etag_mismatch"), {
          details: { etag: etagOf(plan), modified: plan.modifiedAt },
        });
      }
    }
    if (conditions.ifUnmodifiedSince !== undefined) {
      const since = parseSince(conditions.ifUnmodifiedSince);
      const modified = Date.parse(plan.modifiedAt);
      const comparable = since.seconds ? Math.floor(modified / 1000) * 1000 : modified;
      if (comparable > since.time) {
        const params = { since: conditions.ifUnmodifiedSince, modified: plan.modifiedAt };
        throw new AppError("conflict", translate("en", "interop.madmp.modified_since", params), {
          details: { etag: etagOf(plan), modified: plan.modifiedAt },
        });
      }
    }
  };

  return {
    /** The DMPs the caller may read, filtered, sorted and paged; `total_count` before paging. */
    async list(actor: Actor | undefined, query: MadmpListQuery) {
      const me = requireActor(actor);
      // Every plan the caller is a member of, page after page; filters and paging are the standard's.
      const visible: { id: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = await deps.plans.list(me, { scope: "all", limit: 100, ...(cursor ? { cursor } : {}) });
        visible.push(...page.plans);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const documents: MadmpDocument[] = [];
      for (const { id } of visible) {
        const stored = await authorise(me, id, "read").catch(() => undefined);
        if (!stored) continue;
        try {
          documents.push(await documentOf(stored.plan));
        } catch (error) {
          // A plan with no DCS form (e.g. its template is gone) is left out rather than failing the list.
          if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
        }
      }
      const kept = documents.filter((d) => matches(d.dmp, query));
      const sorts = (query.sort.length > 0 ? query.sort : ["created,desc"]).map((s) => {
        const [field, order] = s.split(",");
        return { field: field!, sign: order === "asc" ? 1 : -1 };
      });
      kept.sort((a, b) => {
        for (const { field, sign } of sorts) {
          const x = sortValue(a.dmp, field);
          const y = sortValue(b.dmp, field);
          if (x === y) continue;
          if (x === undefined) return 1; // missing values last, whatever the order
          if (y === undefined) return -1;
          return (x < y ? -1 : 1) * sign;
        }
        return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      });
      return { total: kept.length, items: kept.slice(query.offset, query.offset + query.count) };
    },

    /** A new plan from a DCS document, owned by the caller. */
    async create(actor: Actor | undefined, text: string): Promise<MadmpDocument> {
      const outcome = await deps.imports.importPlan(actor, text, { format: "rda-dcs" }, "en");
      return documentOf(outcome.plan);
    },

    async get(actor: Actor | undefined, id: string): Promise<MadmpDocument> {
      return documentOf((await authorise(actor, id, "read")).plan);
    },

    /**
     * Overwrite a DMP with a DCS document, as one new revision (history keeps the old content):
     * visibility, status and the template stay; the modification time is the server's.
     */
    async replace(
      actor: Actor | undefined,
      id: string,
      text: string,
      conditions: Preconditions,
    ): Promise<MadmpDocument> {
      const me = requireWriter(actor);
      const stored = await authorise(me, id, "edit");
      const head = stored.plan;
      checkPreconditions(head, conditions);
      const { plan: incoming } = deps.imports.readForImport(
        text,
        { format: "rda-dcs", templateId: head.template.id },
        "en",
      );
      const ops: EditOp[] = [];
      const before = head as unknown as Record<string, unknown>;
      const after = incoming as unknown as Record<string, unknown>;
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (keptOnReplace.has(key) || isDeepStrictEqual(before[key], after[key])) continue;
        const path = `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
        ops.push(key in after ? { op: "set", path, value: after[key] } : { op: "remove", path });
      }
      // Made on the revision checked above: a change stored meanwhile is a conflict (409), never lost.
      const outcome = await service.edit({ id: me.account.id }, id, head.revision, ops);
      return documentOf(outcome.plan);
    },

    /** Put the DMP in the bin (restorable from Carnet). */
    async remove(actor: Actor | undefined, id: string, conditions: Preconditions): Promise<void> {
      const me = requireWriter(actor);
      const stored = await authorise(me, id, "delete");
      checkPreconditions(stored.plan, conditions);
      await service.remove({ id: me.account.id }, id);
    },
  };
}

export type MadmpService = ReturnType<typeof createMadmpService>;
