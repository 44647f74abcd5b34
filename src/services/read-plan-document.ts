import { type Plan, planSchema } from "../domain/plan.js";
import type { Template } from "../domain/template.js";
import { importOpidor } from "../formats/dmp-opidor/import-opidor.js";
import { formatLabel, importDocument } from "../formats/import-document.js";
import { importPlanFromDcs } from "../formats/native/native-dcs.js";
import type { FormatProblem, ReportEntry } from "../formats/report.js";
import { translate, type UiLanguage } from "../i18n/translate.js";
import type { PlanContent } from "./plan-content.js";

/** The input formats an import may insist on (`auto` detects). */
export const importFormats = ["auto", "native", "rda-dcs", "dmp-opidor"] as const;
export type ImportFormat = (typeof importFormats)[number];

/** The template a DCS or DMP OPIDoR document is mapped onto when the caller names none. */
export const defaultImportTemplate = "science-europe-structured";

export interface ReadPlanOptions {
  content: PlanContent;
  /** Insist on a format (a different one is refused); `auto` (default) takes what is detected. */
  format?: ImportFormat;
  /** Template for DCS and DMP OPIDoR documents, or for a native plan whose own template is unknown. */
  templateId?: string;
  /** A template that is not (yet) in `content` (a file given to the CLI). */
  template?: Template;
  now?: string;
}

/** A plan read from any format Carnet reads, with the report of what was mapped, repaired or kept. */
export type ReadPlanOutcome =
  | { ok: true; plan: Plan; format: string; report: ReportEntry[] }
  | {
      ok: false;
      /** `unreadable`: not JSON, too large or too deep; `invalid`: readable but not importable. */
      status: "unreadable" | "invalid";
      problem: FormatProblem;
      report: ReportEntry[];
    };

const unreadableCodes = new Set<FormatProblem["code"]>(["not_json", "too_large", "too_deep"]);

function failed(problem: FormatProblem, report: ReportEntry[] = []): ReadPlanOutcome {
  return { ok: false, status: unreadableCodes.has(problem.code) ? "unreadable" : "invalid", problem, report };
}

function formatOf(kind: "native" | "rda-dcs" | "opidor-standard"): ImportFormat {
  return kind === "opidor-standard" ? "dmp-opidor" : kind;
}

/**
 * Read a JSON document of any supported format (native, RDA DCS 1.0/1.1/1.2, DMP OPIDoR) into a
 * native plan, structurally valid and on a template of `content`. Pure: never stores, never throws.
 */
export function readPlanDocument(text: string, options: ReadPlanOptions): ReadPlanOutcome {
  const imported = importDocument(text);
  if (!imported.ok) return failed(imported.problem);
  const report = imported.report;
  const value = imported.value;
  const detected = formatOf(value.format);
  const label =
    value.format === "native"
      ? formatLabel({ kind: "native", formatVersion: value.formatVersion, evidence: [] })
      : value.format === "rda-dcs"
        ? `RDA DCS ${value.dcs.source.version}`
        : "DMP OPIDoR";
  if (options.format && options.format !== "auto" && options.format !== detected) {
    return failed(
      {
        code: "invalid",
        key: "interop.problem.wrong_format",
        params: { expected: options.format, found: label },
      },
      report.entries,
    );
  }
  const templates = new Map(options.content.templates);
  if (options.template) templates.set(options.template.id, options.template);
  const wanted = options.templateId ?? options.template?.id;
  const chosen = templates.get(wanted ?? defaultImportTemplate);
  if (wanted && !chosen) {
    return failed(
      {
        code: "invalid",
        key: "interop.problem.unknown_template",
        params: { template: wanted, known: [...templates.keys()].join(", ") },
      },
      report.entries,
    );
  }

  let plan: Plan;
  if (value.format === "native") {
    const parsed = planSchema.safeParse(value.document);
    if (!parsed.success) {
      return failed(
        {
          code: "invalid",
          key: "formats.problem.invalid",
          params: { format: label, count: parsed.error.issues.length },
          problems: parsed.error.issues.map((issue) => ({
            path: issue.path.join(".") || "(document)",
            key: "formats.schema.other",
            params: { message: issue.message },
          })),
        },
        report.entries,
      );
    }
    plan = parsed.data;
    const own = templates.get(plan.template.id);
    if (!own || (wanted && own.id !== wanted)) {
      if (!wanted) {
        return failed(
          {
            code: "invalid",
            key: "interop.problem.unknown_template",
            params: { template: plan.template.id, known: [...templates.keys()].join(", ") },
          },
          report.entries,
        );
      }
      plan = { ...plan, template: { id: chosen!.id, version: chosen!.version } };
    }
  } else if (value.format === "rda-dcs") {
    const converted = importPlanFromDcs(value.dcs, chosen, report);
    if (!converted.ok) return failed(converted.problem, report.entries);
    plan = converted.value;
  } else {
    const converted = importOpidor(
      value.document,
      {
        planId: "imported-plan",
        now: options.now ?? new Date().toISOString(),
        vocabularies: options.content.vocabularies,
      },
      report,
    );
    if (!converted.ok) return failed(converted.problem, report.entries);
    plan = converted.value;
  }
  if (!templates.has(plan.template.id) && chosen) {
    report.add("info", "(document)", "interop.info.template", { template: chosen.id });
    plan = { ...plan, template: { id: chosen.id, version: chosen.version } };
  }
  return { ok: true, plan, format: label, report: report.entries };
}

/** A report entry as the API shows it: the entry and its message in the caller's language. */
export interface TranslatedReportEntry extends ReportEntry {
  message: string;
}

export function translateReport(entries: readonly ReportEntry[], ui: UiLanguage): TranslatedReportEntry[] {
  return entries.map((entry) => ({ ...entry, message: translate(ui, entry.key, entry.params) }));
}

/** A format problem as the API shows it (translated, with its per-path details). */
export function translateProblem(problem: FormatProblem, ui: UiLanguage) {
  return {
    code: problem.code,
    message: translate(ui, problem.key, problem.params),
    params: problem.params,
    problems: (problem.problems ?? []).slice(0, 200).map((detail) => ({
      path: detail.path,
      message: translate(ui, detail.key, detail.params),
    })),
  };
}
