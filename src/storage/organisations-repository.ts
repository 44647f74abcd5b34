import type { Db, Tx } from "./database.js";
import type { OrganisationsTable } from "./schema.js";

export type OrganisationRow = OrganisationsTable;

/** Organisations: the institution a user belongs to. */
export function createOrganisationsRepository(db: Db | Tx) {
  return {
    async findById(id: string): Promise<OrganisationRow | undefined> {
      return db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async insert(organisation: OrganisationRow): Promise<void> {
      await db.insertInto("organisations").values(organisation).execute();
    },

    async list(): Promise<OrganisationRow[]> {
      return db.selectFrom("organisations").selectAll().orderBy("name").orderBy("id").execute();
    },
  };
}

export type OrganisationsRepository = ReturnType<typeof createOrganisationsRepository>;
