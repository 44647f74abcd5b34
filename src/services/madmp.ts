import { isDeepStrictEqual } from "node:util";
import type { EditOp } from "../domain/edit/index.js";
import type { Plan } from "../domain/plan.js";
import { isObject, type JsonObject } from "../formats/rda-dcs/model.js";
import { translate } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import {
  createMadmpIndex,
  type MadmpFacets,
  type MadmpIdKind,
  type MadmpSortField,
} from "../storage/madmp-index-repository.js";
import { createPlansRepository } from "../storage/plans-repository.js";
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

/** An ISO 8601 UTC time of a DCS date-time, or null. */
function isoTime(value: unknown): string | null {
  const time = Date.parse(text(value));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** What the list operation filters and sorts a DMP by (stored in the maDMP index, migration 0009). */
export function madmpFacets(dmp: JsonObject): MadmpFacets {
  const datasets = objects(dmp.dataset);
  const fundings = objects(dmp.project).flatMap((p) => objects(p.funding));
  const ids = (kind: MadmpIdKind, values: string[]) =>
    values.filter(Boolean).map((value) => ({ kind, value: value.toLowerCase() }));
  return {
    title: text(dmp.title).toLowerCase() || null,
    created: isoTime(dmp.created),
    modified: isoTime(dmp.modified),
    language: text(dmp.language) || null,
    embargo: embargoOf(dmp) ?? null,
    keyword: keywordOf(dmp) ?? null,
    ethical_issues: dmp.ethical_issues_exist === "yes" ? 1 : 0,
    search_text: [dmp.title, dmp.description, ...datasets.flatMap((d) => [d.title, d.description])]
      .map(text)
      .join("\n")
      .toLowerCase(),
    ids: [
      ...ids("dmp", identifiers(dmp.dmp_id)),
      ...ids(
        "contact",
        objects(dmp.contact).flatMap((c) => identifiers(c.contact_id)),
      ),
      ...ids(
        "contributor",
        objects(dmp.contributor).flatMap((c) => identifiers(c.contributor_id)),
      ),
      ...ids(
        "dataset",
        datasets.flatMap((d) => identifiers(d.dataset_id)),
      ),
      ...ids(
        "metadata_standard",
        datasets.flatMap((d) => objects(d.metadata)).flatMap((m) => identifiers(m.metadata_standard_id)),
      ),
      ...ids(
        "funder",
        fundings.flatMap((f) => identifiers(f.funder_id)),
      ),
      ...ids(
        "grant",
        fundings.flatMap((f) => identifiers(f.grant_id)),
      ),
    ],
  };
}

/** The `dmp_id` identifiers of a DCS document as sent (any version), if it is JSON at all. */
function dmpIdsIn(document: string): string[] {
  try {
    const parsed: unknown = JSON.parse(document);
    return isObject(parsed) && isObject(parsed.dmp) ? identifiers(parsed.dmp.dmp_id).filter(Boolean) : [];
  } catch {
    return []; // the importer reports (or repairs) what is not plain JSON
  }
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

  const index = createMadmpIndex(context.database.db);
  const plansRepository = createPlansRepository(context.database.db);

  /** Rebuild the index rows of the viewer's plans that changed (revision, owner contact) since indexed. */
  const refreshIndex = async (viewerId: string) => {
    for (const source of await index.sources(viewerId)) {
      if (source.indexed) continue;
      const stored = await plansRepository.get(source.planId);
      if (!stored) continue;
      let facets: MadmpFacets | undefined;
      try {
        facets = madmpFacets((await deps.exports.dcsDocument(stored.plan, "en")).dmp as JsonObject);
      } catch (error) {
        // A plan with no DCS form (e.g. its template is gone) is left out of lists rather than failing them.
        if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      }
      await index.store(source.planId, source.sourceKey, facets);
    }
  };

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
    /**
     * The DMPs the caller may read, filtered, sorted and paged in the database (the maDMP index,
     * brought up to date first); `total_count` counts every match before paging.
     */
    async list(actor: Actor | undefined, query: MadmpListQuery) {
      const me = requireActor(actor);
      await refreshIndex(me.account.id);
      const { total, ids } = await index.search({
        viewerId: me.account.id,
        offset: query.offset,
        count: query.count,
        sort: (query.sort.length > 0 ? query.sort : ["created,desc"]).map((s) => {
          const [field, order] = s.split(",");
          return { field: field as MadmpSortField, order: order === "asc" ? "asc" : "desc" };
        }),
        createdBefore: query.created_before,
        createdAfter: query.created_after,
        modifiedBefore: query.modified_before,
        modifiedAfter: query.modified_after,
        languages: query.languages,
        ids: {
          dmp: query.dmp_ids,
          contact: query.contact_ids,
          contributor: query.contributor_ids,
          dataset: query.dataset_ids,
          metadata_standard: query.metadata_standard_ids,
          funder: query.funder_ids,
          grant: query.grant_ids,
        },
        query: query.query,
        ethicalIssues: query.ethical_issues_exist,
        embargoBefore: query.embargo_before,
        embargoAfter: query.embargo_after,
      });
      const items: MadmpDocument[] = [];
      for (const id of ids) {
        // Read as the caller (a plan left or binned since the query is left out).
        const stored = await authorise(me, id, "read").catch(() => undefined);
        const document = stored && (await documentOf(stored.plan).catch(() => undefined));
        if (document) items.push(document);
      }
      return { total, items };
    },

    /**
     * A new plan from a DCS document, owned by the caller; `dmp_already_exists` (409, with the
     * existing DMP's id) when a DMP of the caller's already has its `dmp_id` — sending the same DMP
     * again makes no duplicate.
     */
    async create(actor: Actor | undefined, text: string): Promise<MadmpDocument> {
      const me = requireWriter(actor);
      const dmpIds = dmpIdsIn(text);
      if (dmpIds.length > 0) {
        await refreshIndex(me.account.id);
        const existing = await index.findByIdentifier(me.account.id, "dmp", dmpIds);
        if (existing) {
          throw new AppError("dmp_already_exists", `DMP ${dmpIds[0]} exists as ${existing}`, {
            params: { dmpId: dmpIds.join(", "), id: existing },
            details: { id: existing, location: `/api/madmp/v1/dmps/${existing}` },
          });
        }
      }
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
