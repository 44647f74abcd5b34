import { z } from "zod";
import {
  type PlanAccess,
  type PlanList,
  type PlanListQueryInput,
  planListQuerySchema,
  publicPlanListQuerySchema,
} from "../contract/plans.js";
import { type EditOp, editOpSchema } from "../domain/edit/index.js";
import type { Plan } from "../domain/plan.js";
import { AppError } from "../shared/app-error.js";
import { createPlanListing, type PlanListPosition, type PlanListQuery } from "../storage/plan-listing.js";
import { searchKey } from "../storage/plan-title-keys.js";
import { IdempotencyKeyTakenError } from "../storage/plans-repository.js";
import type { AppContext } from "./app-context.js";
import { loadBuiltinContent } from "./builtin-content.js";
import { createLogMailer } from "./mailer.js";
import { type Actor, requireActor, requireWriter } from "./permissions.js";
import { createPlanAuthoriser } from "./plan-authorisation.js";
import type { PlanContent } from "./plan-content.js";
import { createPlanHistory } from "./plan-history.js";
import { createPlanSharing, type SharingMail } from "./plan-sharing.js";
import { createPlanService, type EditOutcome, type NewPlanInput } from "./plans.js";
import { validateInput } from "./validate-input.js";

/** Settings of the plan use cases; every one has a default. */
export interface PlanRequestOptions {
  /** Templates and vocabularies (built-in by default). */
  content?: PlanContent;
  /** How invitation e-mails are sent (the account services' mailer); by default they are dropped. */
  mail?: SharingMail;
}

const silent = { info: () => {}, warn: () => {} };
const editOpsSchema = z.array(editOpSchema);

function encodeCursor(sort: string, order: string, position: PlanListPosition): string {
  return Buffer.from(JSON.stringify([sort, order, position.value, position.id])).toString("base64url");
}

function decodeCursor(cursor: string, sort: string, order: string): PlanListPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(decoded) &&
      decoded.length === 4 &&
      decoded[0] === sort &&
      decoded[1] === order &&
      typeof decoded[2] === "string" &&
      typeof decoded[3] === "string"
    ) {
      return { value: decoded[2], id: decoded[3] };
    }
  } catch {
    // reported below
  }
  throw new AppError("bad_request", "Bad cursor", {
    params: { reason: "the cursor does not come from this listing (same sort and order)" },
    details: [{ path: "/cursor", message: "not a cursor of this listing" }],
  });
}

/** Longest Idempotency-Key accepted. */
const idempotencyKeyMaxLength = 200;
/** An Idempotency-Key: printable ASCII characters without spaces (a UUID, a random hex string…). */
const idempotencyKeyPattern = new RegExp(`^[\\x21-\\x7e]{1,${idempotencyKeyMaxLength}}$`);

/** The Idempotency-Key as sent, if it is 1–200 printable ASCII characters without spaces; else idempotency_key_invalid. */
function checkIdempotencyKey(key: string): string {
  if (idempotencyKeyPattern.test(key)) return key;
  throw new AppError("idempotency_key_invalid", "Bad Idempotency-Key header", {
    params: { length: key.length, max: idempotencyKeyMaxLength },
    details: [{ path: "/headers/idempotency-key", message: "1–200 printable ASCII characters, no spaces" }],
  });
}

/** True when an op reads or writes the plan's visibility (which needs `set_visibility`). */
function touchesVisibility(op: EditOp): boolean {
  const pointers = op.op === "move" ? [op.from, op.path] : [op.path];
  return pointers.some((p) => p === "/visibility" || p.startsWith("/visibility/"));
}

/**
 * The plan use cases as the API and the CLI reach them: each decides access with the plan
 * authoriser (`plan-authorisation.ts`, roles from `plan_members`; 404 for a plan the caller may not
 * read), then calls the model's plan service, which trusts it. The author of an edit is the caller.
 */
export function createPlanRequests(
  context: Pick<AppContext, "database"> & Partial<Pick<AppContext, "live">>,
  options: PlanRequestOptions = {},
) {
  const content = options.content ?? loadBuiltinContent();
  const service = createPlanService(context, content);
  const authoriser = createPlanAuthoriser(context);
  const { authorise } = authoriser;
  const sharing = createPlanSharing(
    context,
    authoriser,
    service,
    options.mail ?? {
      mailer: createLogMailer(() => {}),
      publicUrl: "http://localhost:3000",
      log: silent,
    },
  );
  const history = createPlanHistory(context, authoriser, service, content);
  const listing = createPlanListing(context.database.db);

  const list = async (
    query: Omit<PlanListQuery, "after" | "titleContains" | "templateId"> & {
      q?: string | undefined;
      template?: string | undefined;
      cursor?: string | undefined;
    },
  ): Promise<PlanList> => {
    const after = query.cursor ? decodeCursor(query.cursor, query.sort, query.order) : undefined;
    const q = query.q ? searchKey(query.q) : "";
    const { rows, next } = await listing.list({
      ...query,
      templateId: query.template,
      titleContains: q || undefined,
      after,
    });
    return { plans: rows, nextCursor: next ? encodeCursor(query.sort, query.order, next) : null };
  };

  /**
   * An edit sent with an Idempotency-Key: applied with the key; when it cannot be (it conflicts with
   * later edits — its own first application among them —, it no longer applies, or the key's unique
   * index refuses it), answered as first applied if the key is already stored with this plan. The
   * usual case, a new key, costs no more than an edit without one.
   */
  const editOnce = async (
    author: { id: string },
    id: string,
    baseRevision: number,
    ops: EditOp[],
    loaded: Plan,
    key: string,
  ): Promise<EditOutcome> => {
    try {
      return await service.edit(author, id, baseRevision, ops, loaded, key);
    } catch (error) {
      const mayBeAgain =
        error instanceof IdempotencyKeyTakenError ||
        (error instanceof AppError && (error.code === "conflict" || error.code === "validation_failed"));
      if (mayBeAgain) {
        const earlier = await service.replayed(author, id, key, ops);
        if (earlier) return earlier;
      }
      throw error;
    }
  };

  return {
    /** Members, invitations, ownership transfer and visibility (plan-sharing.ts). */
    sharing,
    /** History, past revisions, diff and revert (plan-history.ts). */
    history,

    /** Create a plan owned by the caller. */
    async create(actor: Actor | undefined, input: NewPlanInput): Promise<Plan> {
      const me = requireWriter(actor);
      return service.create({ id: me.account.id }, input);
    },

    /** Plans the caller may see, by scope (every plan they are a member of by default), a page at a time. */
    async list(actor: Actor | undefined, input: PlanListQueryInput = {}): Promise<PlanList> {
      const me = requireActor(actor);
      const query = validateInput(planListQuerySchema, input);
      return list({
        ...query,
        viewerId: me.account.id,
        viewerOrganisationId: me.account.organisationId,
      });
    },

    /** Public plans, for anyone (signed in or not), a page at a time. */
    async listPublic(
      actor: Actor | undefined,
      input: Omit<PlanListQueryInput, "scope"> = {},
    ): Promise<PlanList> {
      const query = validateInput(publicPlanListQuerySchema, input);
      return list({
        ...query,
        scope: "public",
        viewerId: actor?.account.id ?? null,
        viewerOrganisationId: actor?.account.organisationId ?? null,
      });
    },

    async get(actor: Actor | undefined, id: string): Promise<Plan> {
      return (await authorise(actor, id, "read")).plan;
    },

    /** The plan as stored (its JSON as UTF-8, unparsed): what `get` returns, for callers that only pass it on. */
    async getDocument(actor: Actor | undefined, id: string): Promise<Buffer> {
      return (await authorise(actor, id, "read")).documentBytes;
    },

    /** The caller's role and rights on a plan they may read. */
    async access(actor: Actor | undefined, id: string): Promise<PlanAccess> {
      const stored = await authorise(actor, id, "read");
      return {
        role: stored.role ?? null,
        capabilities: [...stored.capabilities],
        visibility: stored.visibility,
      };
    },

    /**
     * Apply ops made on `baseRevision`; `conflict` (409) lists the conflicting paths and current
     * values. Ops on `/visibility` need `set_visibility`; the domain refuses ops on `/id`,
     * `/revision` and the other fields Carnet manages.
     */
    async edit(
      actor: Actor | undefined,
      id: string,
      baseRevision: number,
      ops: unknown[],
      idempotencyKey?: string,
    ): Promise<EditOutcome> {
      // From memory when it can: the edit lands only on the revision it was applied to, and a refusal
      // (conflict, invalid) is decided again on the plan as stored (commit, in plans.ts).
      const authorised = await authorise(actor, id, "edit", { remembered: true });
      const valid = validateInput(editOpsSchema, ops);
      if (valid.some(touchesVisibility) && !authorised.capabilities.has("set_visibility")) {
        await authorise(actor, id, "set_visibility");
      }
      const author = { id: requireWriter(actor).account.id };
      if (idempotencyKey === undefined) return service.edit(author, id, baseRevision, valid, authorised.plan);
      return editOnce(author, id, baseRevision, valid, authorised.plan, checkIdempotencyKey(idempotencyKey));
    },

    /** Put the plan in the bin (restorable by its owner). */
    async remove(actor: Actor | undefined, id: string): Promise<void> {
      await authorise(actor, id, "delete");
      const me = requireWriter(actor);
      await service.remove({ id: me.account.id }, id);
    },

    /** Take a plan out of the bin. */
    async restore(actor: Actor | undefined, id: string): Promise<Plan> {
      await authorise(actor, id, "delete", { deleted: true });
      const me = requireWriter(actor);
      return service.restore({ id: me.account.id }, id);
    },

    /** A copy of a plan the caller may read, owned by the caller (private, new ids, revision 0). */
    async duplicate(
      actor: Actor | undefined,
      id: string,
      input: { title?: string | undefined } = {},
    ): Promise<Plan> {
      await authorise(actor, id, "read");
      const me = requireWriter(actor);
      return service.duplicate(
        { id: me.account.id },
        id,
        input.title === undefined ? {} : { title: input.title },
      );
    },
  };
}

export type PlanRequests = ReturnType<typeof createPlanRequests>;
