import { sql } from "kysely";
import type { Db } from "./database.js";
import type { PlanMemberRole } from "./schema.js";

export type PlanListScope = "all" | "mine" | "shared" | "organisation" | "public" | "bin";
export type PlanListSort = "modified" | "created" | "title";

/** Where a page of a listing starts: after the row with this sort value and id. */
export interface PlanListPosition {
  value: string;
  id: string;
}

export interface PlanListQuery {
  /** Who lists (null: anonymous); their role is reported on each row. */
  viewerId: string | null;
  viewerOrganisationId: string | null;
  scope: PlanListScope;
  /** Already folded with `searchKey` (plan-title-keys.ts). */
  titleContains?: string | undefined;
  templateId?: string | undefined;
  language?: string | undefined;
  sort: PlanListSort;
  order: "asc" | "desc";
  limit: number;
  after?: PlanListPosition | undefined;
}

/** One row of a listing. */
export interface PlanListRow {
  id: string;
  title: string;
  templateId: string;
  templateVersion: number;
  language: string;
  revision: number;
  createdAt: string;
  modifiedAt: string;
  deletedAt: string | null;
  visibility: "private" | "organisation" | "public";
  owner: { id: string; displayName: string };
  role: PlanMemberRole | null;
}

const sortColumns = {
  modified: "p.modified_at",
  created: "p.created_at",
  title: "p.title_sort",
} as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Plan listings with keyset pagination: rows ordered by the sort column then id (both in the same
 * direction), a page starting strictly after the last row of the previous one, so that inserts and
 * deletes between pages never make a page skip or repeat a row. Identical on both dialects (text
 * columns compared byte-wise; the title keys are "C"-collated on PostgreSQL).
 */
export function createPlanListing(db: Db) {
  return {
    async list(query: PlanListQuery): Promise<{ rows: PlanListRow[]; next: PlanListPosition | null }> {
      const column = sortColumns[query.sort];
      const viewer = query.viewerId ?? "";
      let select = db
        .selectFrom("plans as p")
        .leftJoin("users as o", "o.id", "p.owner_id")
        .leftJoin("plan_members as m", (join) =>
          join.onRef("m.plan_id", "=", "p.id").on("m.user_id", "=", viewer),
        )
        .select([
          "p.id",
          "p.title",
          "p.template_id",
          "p.template_version",
          "p.language",
          "p.revision",
          "p.created_at",
          "p.modified_at",
          "p.deleted_at",
          "p.visibility",
          "p.owner_id",
          "p.title_sort",
          "o.display_name as owner_name",
          "m.role",
        ]);
      switch (query.scope) {
        case "all":
          select = select.where("m.user_id", "is not", null);
          break;
        case "mine":
          select = select.where("m.role", "=", "owner");
          break;
        case "shared":
          select = select.where("m.user_id", "is not", null).where("m.role", "<>", "owner");
          break;
        case "organisation":
          select = select
            .where("p.visibility", "=", "organisation")
            .where("o.organisation_id", "=", query.viewerOrganisationId ?? "")
            .where("o.organisation_id", "is not", null);
          break;
        case "public":
          select = select.where("p.visibility", "=", "public");
          break;
        case "bin":
          select = select.where("m.role", "=", "owner");
          break;
      }
      select =
        query.scope === "bin"
          ? select.where("p.deleted_at", "is not", null)
          : select.where("p.deleted_at", "is", null);
      if (query.titleContains) {
        const pattern = `%${escapeLike(query.titleContains)}%`;
        select = select.where(sql<boolean>`${sql.ref("p.title_key")} like ${pattern} escape '\\'`);
      }
      if (query.templateId) select = select.where("p.template_id", "=", query.templateId);
      if (query.language) select = select.where("p.language", "=", query.language);
      if (query.after) {
        const op = sql.raw(query.order === "desc" ? "<" : ">");
        select = select.where(
          sql<boolean>`(${sql.ref(column)}, ${sql.ref("p.id")}) ${op} (${query.after.value}, ${query.after.id})`,
        );
      }
      const rows = await select
        .orderBy(column, query.order)
        .orderBy("p.id", query.order)
        .limit(query.limit + 1)
        .execute();
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const sortValue = (row: (typeof rows)[number]) =>
        query.sort === "modified"
          ? row.modified_at
          : query.sort === "created"
            ? row.created_at
            : row.title_sort;
      return {
        rows: page.map((r) => ({
          id: r.id,
          title: r.title,
          templateId: r.template_id,
          templateVersion: r.template_version,
          language: r.language,
          revision: r.revision,
          createdAt: r.created_at,
          modifiedAt: r.modified_at,
          deletedAt: r.deleted_at,
          visibility: r.visibility,
          owner: { id: r.owner_id, displayName: r.owner_name ?? "" },
          role: r.role ?? null,
        })),
        next: rows.length > query.limit && last ? { value: sortValue(last), id: last.id } : null,
      };
    },
  };
}
