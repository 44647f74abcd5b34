import { type ExpressionBuilder, sql } from "kysely";
import type { Db } from "./database.js";
import { inTransaction } from "./database.js";
import type { MadmpIndexTable, Tables } from "./schema.js";

/** The kinds of identifier the maDMP list filters by (`<kind>_ids[]`). */
export type MadmpIdKind =
  | "dmp"
  | "contact"
  | "contributor"
  | "dataset"
  | "metadata_standard"
  | "funder"
  | "grant";

/** What a plan's DCS document is listed and searched by: its index row (see schema.ts) and identifiers. */
export type MadmpFacets = Omit<MadmpIndexTable, "plan_id" | "source_key" | "exportable"> & {
  /** Lower-cased identifier values, by kind. */
  ids: { kind: MadmpIdKind; value: string }[];
};

export type MadmpSortField = "title" | "created" | "modified" | "language" | "embargo" | "keyword";

/** A list request, already validated: every filter applies (AND), each list's values any (OR). */
export interface MadmpIndexQuery {
  viewerId: string;
  offset: number;
  count: number;
  sort: { field: MadmpSortField; order: "asc" | "desc" }[];
  createdBefore?: string | undefined;
  createdAfter?: string | undefined;
  modifiedBefore?: string | undefined;
  modifiedAfter?: string | undefined;
  languages: string[];
  /** Wanted identifier values by kind (compared without regard to case). */
  ids: Partial<Record<MadmpIdKind, string[]>>;
  /** Text the title or a description contains (without regard to case). */
  query?: string | undefined;
  ethicalIssues?: boolean | undefined;
  embargoBefore?: string | undefined;
  embargoAfter?: string | undefined;
}

/** A plan the viewer may list, with the key its index row must have and the key it has. */
export interface MadmpSource {
  planId: string;
  sourceKey: string;
  indexed: boolean;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An ISO 8601 UTC time (as stored) for a date-time filter; a value that is no date matches nothing. */
function isoOf(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? "" : new Date(time).toISOString();
}

type Eb = ExpressionBuilder<Tables & { p: Tables["plans"]; i: Tables["madmp_index"] }, "p" | "i">;

/**
 * The maDMP API's index of the plans' DCS documents: rows are rebuilt by the caller (the maDMP
 * service, which exports the DCS) for the plans whose `sourceKey` changed; lists then filter, sort,
 * count and page in one query each, on either dialect. Only plans the viewer is a member of (not in
 * the bin) are listed, as the API's list is "my DMPs".
 */
export function createMadmpIndex(db: Db) {
  const visible = (viewerId: string) =>
    db
      .selectFrom("plans as p")
      .innerJoin("plan_members as m", (join) =>
        join.onRef("m.plan_id", "=", "p.id").on("m.user_id", "=", viewerId),
      )
      .where("p.deleted_at", "is", null);

  const filtered = (q: MadmpIndexQuery) => {
    let select = visible(q.viewerId)
      .innerJoin("madmp_index as i", "i.plan_id", "p.id")
      .where("i.exportable", "=", 1);
    if (q.createdBefore !== undefined) select = select.where("i.created", "<", isoOf(q.createdBefore));
    if (q.createdAfter !== undefined) select = select.where("i.created", ">", isoOf(q.createdAfter));
    if (q.modifiedBefore !== undefined) select = select.where("i.modified", "<", isoOf(q.modifiedBefore));
    if (q.modifiedAfter !== undefined) select = select.where("i.modified", ">", isoOf(q.modifiedAfter));
    if (q.languages.length > 0) select = select.where("i.language", "in", q.languages);
    for (const [kind, values] of Object.entries(q.ids) as [MadmpIdKind, string[]][]) {
      if (values.length === 0) continue;
      const wanted = values.map((v) => v.toLowerCase());
      select = select.where((eb: Eb) =>
        eb.exists(
          eb
            .selectFrom("madmp_index_ids as x")
            .select("x.plan_id")
            .whereRef("x.plan_id", "=", "p.id")
            .where("x.kind", "=", kind)
            .where("x.value", "in", wanted),
        ),
      );
    }
    if (q.ethicalIssues !== undefined)
      select = select.where("i.ethical_issues", "=", q.ethicalIssues ? 1 : 0);
    if (q.embargoBefore !== undefined) select = select.where("i.embargo", "<", q.embargoBefore);
    if (q.embargoAfter !== undefined) select = select.where("i.embargo", ">", q.embargoAfter);
    if (q.query) {
      const pattern = `%${escapeLike(q.query.toLowerCase())}%`;
      select = select.where(sql<boolean>`${sql.ref("i.search_text")} like ${pattern} escape '\\'`);
    }
    return select;
  };

  return {
    /** The plans the viewer may list, each with the source key its index row needs and whether it has it. */
    async sources(viewerId: string): Promise<MadmpSource[]> {
      const rows = await visible(viewerId)
        .leftJoin("users as o", "o.id", "p.owner_id")
        .leftJoin("madmp_index as i", "i.plan_id", "p.id")
        .select(["p.id", "p.revision", "o.display_name", "o.email", "i.source_key"])
        .execute();
      return rows.map((row) => {
        // The owner's contact details are part of the DCS of a plan that names no contact.
        const sourceKey = JSON.stringify([row.revision, row.display_name ?? null, row.email ?? null]);
        return { planId: row.id, sourceKey, indexed: row.source_key === sourceKey };
      });
    },

    /** Store the index row of a plan (`undefined` facets: the plan has no DCS form). */
    async store(planId: string, sourceKey: string, facets: MadmpFacets | undefined): Promise<void> {
      const { ids: named = [], ...columns } = facets ?? {};
      const row = {
        source_key: sourceKey,
        exportable: facets ? 1 : 0,
        title: null,
        created: null,
        modified: null,
        language: null,
        embargo: null,
        keyword: null,
        ethical_issues: 0,
        search_text: "",
        ...columns,
      };
      await inTransaction(db, async (tx) => {
        // The upsert locks the row first, so two lists rebuilding the same plan take turns.
        await tx
          .insertInto("madmp_index")
          .values({ plan_id: planId, ...row })
          .onConflict((oc) => oc.column("plan_id").doUpdateSet(row))
          .execute();
        await tx.deleteFrom("madmp_index_ids").where("plan_id", "=", planId).execute();
        const ids = [...new Map(named.map((id) => [`${id.kind}\n${id.value}`, id])).values()];
        if (ids.length > 0) {
          await tx
            .insertInto("madmp_index_ids")
            .values(ids.map((id) => ({ plan_id: planId, kind: id.kind, value: id.value })))
            .execute();
        }
      });
    },

    /** One page of the matching plans' ids, in order, and how many match in all. */
    async search(q: MadmpIndexQuery): Promise<{ total: number; ids: string[] }> {
      const counted = await filtered(q)
        .select((eb) => eb.fn.countAll<number | string | bigint>().as("n"))
        .executeTakeFirst();
      let page = filtered(q).select("p.id");
      for (const { field, order } of q.sort) {
        const column = `i.${field}` as const;
        // Missing values last, whatever the order.
        page = page.orderBy(sql`${sql.ref(column)} is null`).orderBy(column, order);
      }
      const rows = await page.orderBy("p.id").limit(q.count).offset(q.offset).execute();
      return { total: Number(counted?.n ?? 0), ids: rows.map((r) => r.id) };
    },

    /** A plan the viewer may list whose DCS names one of these identifiers of `kind`, if any. */
    async findByIdentifier(
      viewerId: string,
      kind: MadmpIdKind,
      values: string[],
    ): Promise<string | undefined> {
      if (values.length === 0) return undefined;
      const row = await visible(viewerId)
        .innerJoin("madmp_index_ids as x", "x.plan_id", "p.id")
        .where("x.kind", "=", kind)
        .where(
          "x.value",
          "in",
          values.map((v) => v.toLowerCase()),
        )
        .select("p.id")
        .orderBy("p.created_at")
        .executeTakeFirst();
      return row?.id;
    },
  };
}

export type MadmpIndex = ReturnType<typeof createMadmpIndex>;
