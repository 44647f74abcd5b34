import { randomUUID } from "node:crypto";
import { describeProblem, type Plan, planSchema } from "../domain/index.js";
import { checkPlanRules } from "../domain/validate-plan.js";
import { translate, type UiLanguage } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import { createPlansRepository } from "../storage/plans-repository.js";
import type { AppContext } from "./app-context.js";
import { loadBuiltinContent } from "./builtin-content.js";
import { type Actor, requireWriter } from "./permissions.js";
import type { PlanContent } from "./plan-content.js";
import {
  type ImportFormat,
  type ReadPlanOptions,
  readPlanDocument,
  type TranslatedReportEntry,
  translateProblem,
  translateReport,
} from "./read-plan-document.js";

export interface ImportRequest {
  format?: ImportFormat | undefined;
  templateId?: string | undefined;
  /** The file's name, only for messages. */
  filename?: string | undefined;
}

export interface ImportOutcome {
  plan: Plan;
  format: string;
  report: TranslatedReportEntry[];
  /** What the plan still lacks or gets wrong (drafts may have some), in the caller's language. */
  problems: { path: string; code: string; message: string }[];
}

/** Bytes of a request body as text (UTF-8; a byte-order mark is left for the reader to report). */
export function bodyText(body: unknown): string {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString("utf8");
  return "";
}

/**
 * Plans from files of any supported format (native, RDA DCS 1.0–1.2, DMP OPIDoR): read, mapped to a
 * native plan with a report, given a new id, and stored owned by the caller in one transaction.
 */
export function createPlanImports(
  context: Pick<AppContext, "database">,
  content: PlanContent = loadBuiltinContent(),
) {
  /** Read `text` into a plan ready to store (new id, revision 0, private, owned by nobody yet); 422 when it cannot be. */
  const readForImport = (text: string, request: ImportRequest, ui: UiLanguage) => {
    if (text.trim() === "") {
      throw new AppError("validation_failed", translate(ui, "interop.import.empty"), {
        details: { problem: { code: "empty", message: translate(ui, "interop.import.empty") }, report: [] },
      });
    }
    const options: ReadPlanOptions = { content };
    if (request.format) options.format = request.format;
    if (request.templateId) options.templateId = request.templateId;
    const read = readPlanDocument(text, options);
    if (!read.ok) {
      const problem = translateProblem(read.problem, ui);
      const where =
        typeof read.problem.params.line === "number"
          ? { line: read.problem.params.line, column: read.problem.params.column }
          : {};
      throw new AppError("validation_failed", problem.message, {
        details: { ...where, problem, report: translateReport(read.report, ui) },
      });
    }
    const now = new Date().toISOString();
    const plan = planSchema.parse({
      ...read.plan,
      id: randomUUID(),
      revision: 0,
      createdAt: now,
      modifiedAt: now,
      visibility: "private",
    });
    return { plan, format: read.format, report: read.report };
  };

  const describe = (plan: Plan, ui: UiLanguage) =>
    checkPlanRules(plan, content).map((p) => ({
      path: p.path,
      code: p.code,
      message: describeProblem(p, ui),
    }));

  return {
    readForImport,

    /** Import a document as a new plan owned by the caller (a writer). */
    async importPlan(
      actor: Actor | undefined,
      text: string,
      request: ImportRequest,
      ui: UiLanguage,
    ): Promise<ImportOutcome> {
      const me = requireWriter(actor);
      const { plan, format, report } = readForImport(text, request, ui);
      // One transaction: the plan and its owner's membership, or nothing.
      await createPlansRepository(context.database.db).insert(plan, me.account.id);
      return { plan, format, report: translateReport(report, ui), problems: describe(plan, ui) };
    },

    describeProblems: describe,
  };
}

export type PlanImports = ReturnType<typeof createPlanImports>;
