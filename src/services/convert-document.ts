import { planSchema, type Template, type VocabularySet } from "../domain/index.js";
import { detectFormat } from "../formats/detect-format.js";
import { importOpidor } from "../formats/dmp-opidor/import-opidor.js";
import { formatLabel, importDocument, type TargetFormat } from "../formats/import-document.js";
import { depthExceeds, readJson, readLimits } from "../formats/json/read-json.js";
import { exportPlanToDcs, importPlanFromDcs } from "../formats/native/native-dcs.js";
import { exportDcs } from "../formats/rda-dcs/export-dcs.js";
import type { DcsVersion } from "../formats/rda-dcs/model.js";
import { validateDcs } from "../formats/rda-dcs/schemas.js";
import type { FormatProblem, ReportEntry } from "../formats/report.js";
import { loadBuiltinContent } from "./builtin-content.js";

/** How a conversion ended: the output text and its report, or a problem with the exit status it deserves. */
export type ConversionOutcome =
  | { ok: true; output: string; report: ReportEntry[] }
  | { ok: false; status: "unreadable" | "invalid"; problem: FormatProblem; report: ReportEntry[] };

/**
 * The converted document as text, unless it nests deeper than Carnet reads back (kept extensions add
 * a few levels to what came in): then a clear refusal rather than a file that cannot be imported.
 */
function finish(document: unknown, report: ReportEntry[]): ConversionOutcome {
  if (depthExceeds(document, readLimits.maxDepth)) {
    return failed(
      {
        code: "not_convertible",
        key: "formats.problem.output_too_deep",
        params: { limit: readLimits.maxDepth },
      },
      report,
    );
  }
  return { ok: true, output: `${JSON.stringify(document, null, 2)}\n`, report };
}

function failed(problem: FormatProblem, report: ReportEntry[] = []): ConversionOutcome {
  // Text that is not JSON, too big or too deep is "unusable input" (exit 2); the rest is "invalid" (exit 1).
  const unreadable =
    problem.code === "not_json" || problem.code === "too_large" || problem.code === "too_deep";
  return { ok: false, status: unreadable ? "unreadable" : "invalid", problem, report };
}

/**
 * Convert a JSON document (any format Carnet reads) to `to`; the output is complete and valid or
 * there is none. Pure: the caller reads and writes files.
 */
export function convertDocument(
  text: string,
  to: TargetFormat,
  options: {
    /** Template whose bindings map answers; a native plan otherwise uses its own when it is in `templates`. */
    template?: Template;
    templates?: ReadonlyMap<string, Template>;
    now?: string;
    vocabularies?: VocabularySet;
  } = {},
): ConversionOutcome {
  const { template } = options;
  const imported = importDocument(text);
  if (!imported.ok) return failed(imported.problem);
  const report = imported.report;
  if (imported.value.format === "opidor-standard") {
    const now = options.now ?? new Date().toISOString();
    const vocabularies = options.vocabularies ?? loadBuiltinContent().vocabularies;
    const plan = importOpidor(
      imported.value.document,
      { planId: "imported-plan", now, vocabularies },
      report,
    );
    if (!plan.ok) return failed(plan.problem, report.entries);
    if (to === "native") return finish(plan.value, report.entries);
    const exported = exportPlanToDcs(plan.value, to.slice("rda-dcs-".length) as DcsVersion, template, report);
    if (!exported.ok) return failed(exported.problem, report.entries);
    return finish(exported.value, report.entries);
  }
  if (imported.value.format === "native") {
    const parsed = planSchema.safeParse(imported.value.document);
    if (!parsed.success) {
      return failed(
        {
          code: "invalid",
          key: "formats.problem.invalid",
          params: { format: "Carnet native", count: parsed.error.issues.length },
          problems: parsed.error.issues.map((issue) => ({
            path: issue.path.join(".") || "(document)",
            key: "formats.schema.other",
            params: { message: issue.message },
          })),
        },
        report.entries,
      );
    }
    if (to === "native") return finish(parsed.data, report.entries);
    const version = to.slice("rda-dcs-".length) as DcsVersion;
    const own = options.templates?.get(parsed.data.template.id);
    const planTemplate = template ?? (own?.version === parsed.data.template.version ? own : undefined);
    const exported = exportPlanToDcs(parsed.data, version, planTemplate, report);
    if (!exported.ok) return failed(exported.problem, report.entries);
    return finish(exported.value, report.entries);
  }
  if (to === "native") {
    const plan = importPlanFromDcs(imported.value.dcs, template, report);
    if (!plan.ok) return failed(plan.problem, report.entries);
    return finish(plan.value, report.entries);
  }
  const version = to.slice("rda-dcs-".length) as DcsVersion;
  const exported = exportDcs(imported.value.dcs, version, {}, report);
  if (!exported.ok) return failed(exported.problem, report.entries);
  return finish(exported.value, report.entries);
}

/** What `validate` says about one document: its format, strict validity, and whether Carnet can import it. */
export interface ValidationVerdict {
  format: string;
  /** Valid as it stands against its own format's rules (official schema for DCS). */
  valid: boolean;
  problems: { path: string; key: FormatProblem["key"]; params: FormatProblem["params"] }[];
  /** Carnet can import it, possibly after the repairs counted here. */
  importable: boolean;
  repairs: number;
  /** Set when the text could not be read at all (not JSON, too large, too deep). */
  unreadable?: FormatProblem;
}

/**
 * Validate a document of any format: DCS files strictly against the official schema of their
 * detected version (each problem with its path), native plans against the native schema.
 */
export function validateDocument(text: string): ValidationVerdict {
  const read = readJson(text);
  if (!read.ok) {
    return {
      format: "-",
      valid: false,
      problems: [],
      importable: false,
      repairs: 0,
      unreadable: read.problem,
    };
  }
  const detected = detectFormat(read.value);
  const imported = importDocument(text);
  const importable = imported.ok;
  const repairs = imported.ok ? imported.report.count("repair") + imported.report.count("kept") : 0;
  if (detected.kind === "rda-dcs") {
    const document = { dmp: detected.dmp };
    const check = validateDcs(document, detected.version);
    const strict = read.report.entries.length === 0 && detected.wrapper === "dmp";
    return {
      format: formatLabel(detected),
      valid: strict && check.valid,
      problems: check.valid ? [] : check.problems,
      importable,
      repairs,
    };
  }
  if (detected.kind === "native") {
    const parsed = planSchema.safeParse(read.value);
    return {
      format: formatLabel(detected),
      valid: parsed.success,
      problems: parsed.success
        ? []
        : parsed.error.issues.map((issue) => ({
            path: issue.path.join(".") || "(document)",
            key: "formats.schema.other" as const,
            params: { message: issue.message },
          })),
      importable: parsed.success,
      repairs: 0,
    };
  }
  if (detected.kind === "opidor-standard" && imported.ok && imported.value.format === "opidor-standard") {
    const plan = importOpidor(imported.value.document, {
      planId: "imported-plan",
      now: new Date().toISOString(),
      vocabularies: loadBuiltinContent().vocabularies,
    });
    return {
      format: formatLabel(detected),
      valid: plan.ok,
      problems: plan.ok ? [] : (plan.problem.problems ?? []),
      importable: plan.ok,
      repairs: plan.ok ? plan.report.count("repair") + plan.report.count("kept") : 0,
    };
  }
  const problem = imported.ok ? undefined : imported.problem;
  return {
    format: formatLabel(detected),
    valid: false,
    problems: problem ? [{ path: "(document)", key: problem.key, params: problem.params }] : [],
    importable,
    repairs,
  };
}
