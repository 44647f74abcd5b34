import { readFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import {
  describeProblem,
  type Plan,
  type Template,
  templateSchema,
  type VocabularySet,
  validatePlan,
} from "../domain/index.js";
import { buildDocument, selectOutputs } from "../exports/document/build-document.js";
import { formatFiles } from "../exports/document/model.js";
import { parseExportOptions } from "../exports/options.js";
import { closeRenderPool, renderInWorker, writeFileAtomic } from "../exports/render/render-pool.js";
import { translate, type UiLanguage } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import { loadBuiltinContent } from "./builtin-content.js";
import { readPlanDocument } from "./read-plan-document.js";

/**
 * Export a plan file to a document file: read and validate the plan, find its template, build the
 * document in the chosen language, render it in a worker thread, and write it atomically. Any
 * problem stops before anything is written.
 */

export interface ExportFileRequest {
  file: string;
  format?: string;
  lang?: string;
  out?: string;
  template?: string;
  outputs?: string[];
  headings?: boolean;
  unanswered?: boolean;
  cover?: boolean;
  fontSize?: string | number;
  margins?: string | number;
  paper?: string;
  /** Language of the error messages. */
  uiLanguage?: UiLanguage;
}

export interface ExportFileResult {
  path: string;
  format: string;
  bytes: number;
  milliseconds: number;
}

/** Templates and vocabularies an export can use. */
export interface ExportContent {
  templates: ReadonlyMap<string, Template>;
  vocabularies: VocabularySet;
}

function readText(path: string, ui: UiLanguage): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const params = { path, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
    throw new AppError("bad_request", translate(ui, "export.error.unreadable", params), { params });
  }
}

function readJson(path: string, ui: UiLanguage): unknown {
  const text = readText(path, ui);
  try {
    return JSON.parse(text);
  } catch (error) {
    const params = { path, reason: (error as Error).message };
    throw new AppError("bad_request", translate(ui, "export.error.not_json", params), { params });
  }
}

function zodProblems(issues: { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((issue) => `/${issue.path.map(String).join("/")}: ${issue.message}`);
}

function invalid(ui: UiLanguage, file: string, problems: string[]): AppError {
  return new AppError("validation_failed", translate(ui, "cli.export.invalid", { file }), {
    params: { file },
    details: problems,
  });
}

/** The built-in templates and vocabularies, plus a template file given by the user. */
export function loadExportContent(templateFile: string | undefined, ui: UiLanguage): ExportContent {
  const builtin = loadBuiltinContent();
  const templates = new Map(builtin.templates);
  if (templateFile) {
    const parsed = templateSchema.safeParse(readJson(templateFile, ui));
    if (!parsed.success) throw invalid(ui, templateFile, zodProblems(parsed.error.issues));
    templates.set(parsed.data.id, parsed.data);
  }
  return { templates, vocabularies: builtin.vocabularies };
}

/**
 * Validates the plan as `carnet validate` does (structure, template, vocabularies) and the outputs
 * asked for; every problem is collected, as "pointer: message" lines.
 */
export function checkPlanForExport(
  input: unknown,
  content: ExportContent,
  request: Pick<ExportFileRequest, "file" | "outputs">,
  ui: UiLanguage,
): { plan: Plan; template: Template } {
  const validation = validatePlan(input, {
    vocabularies: content.vocabularies,
    templates: content.templates,
  });
  const problems = validation.problems.map(
    (problem) => `${problem.path || "/"}: ${describeProblem(problem, ui)}`,
  );
  const plan = validation.plan;
  const template = plan ? content.templates.get(plan.template.id) : undefined;
  if (plan) {
    const selected = new Set(selectOutputs(plan, request.outputs).flatMap((o) => [o.id, o.shortName]));
    const known = Object.values(plan.outputs)
      .map((o) => o.shortName)
      .join(", ");
    for (const wanted of request.outputs ?? [])
      if (!selected.has(wanted))
        problems.push(translate(ui, "export.error.unknown_output", { output: wanted, known: known || "—" }));
  }
  if (problems.length > 0 || !plan || !template) throw invalid(ui, request.file, problems);
  return { plan, template };
}

/** The JSON value of `text` when it is a native plan (strict JSON with `carnetFormat`). */
function strictNative(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return value !== null && typeof value === "object" && "carnetFormat" in value ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The plan to export from a file of any format `carnet validate` reads: a native plan is checked as
 * `carnet validate` checks it; RDA DCS and DMP OPIDoR files go through the same importers as
 * `carnet convert` and the API (the built-in template, or the one given with --template).
 */
export function readPlanForExport(
  text: string,
  content: ExportContent,
  request: Pick<ExportFileRequest, "file" | "outputs" | "template">,
  ui: UiLanguage,
): { plan: Plan; template: Template } {
  const native = strictNative(text);
  if (native !== undefined) return checkPlanForExport(native, content, request, ui);
  const templateId = request.template ? templateIdOf(request.template, ui) : undefined;
  const outcome = readPlanDocument(text, { content, ...(templateId ? { templateId } : {}) });
  if (!outcome.ok) {
    const reason = translate(ui, outcome.problem.key, outcome.problem.params);
    if (outcome.status === "unreadable") {
      const params = { path: request.file, reason };
      throw new AppError("bad_request", translate(ui, "export.error.not_json", params), { params });
    }
    const details = (outcome.problem.problems ?? []).map(
      (problem) => `${problem.path}: ${translate(ui, problem.key, problem.params)}`,
    );
    throw invalid(ui, request.file, [reason, ...details]);
  }
  // A native plan repaired by the tolerant reader is checked like any native plan.
  if (outcome.format.startsWith("Carnet native"))
    return checkPlanForExport(outcome.plan, content, request, ui);
  const template = content.templates.get(outcome.plan.template.id);
  const known = new Set(selectOutputs(outcome.plan, request.outputs).flatMap((o) => [o.id, o.shortName]));
  const names = Object.values(outcome.plan.outputs)
    .map((o) => o.shortName)
    .join(", ");
  const problems = (request.outputs ?? [])
    .filter((wanted) => !known.has(wanted))
    .map((output) => translate(ui, "export.error.unknown_output", { output, known: names || "—" }));
  if (problems.length > 0 || !template) throw invalid(ui, request.file, problems);
  return { plan: outcome.plan, template };
}

function templateIdOf(file: string, ui: UiLanguage): string | undefined {
  const parsed = templateSchema.safeParse(readJson(file, ui));
  return parsed.success ? parsed.data.id : undefined;
}

/** Runs one export from a plan file to a document file. */
export async function exportPlanFile(
  request: ExportFileRequest,
  content?: ExportContent,
): Promise<ExportFileResult> {
  const started = performance.now();
  const ui = request.uiLanguage ?? "en";
  const parsedOptions = parseExportOptions(request);
  if (!parsedOptions.options) {
    const messages = parsedOptions.problems.map((p) => translate(ui, p.key, p.params));
    throw new AppError("bad_request", messages.join("\n"), { details: messages });
  }
  const { format, language, layout } = parsedOptions.options;
  const available = content ?? loadExportContent(request.template, ui);
  const { plan, template } = readPlanForExport(readText(request.file, ui), available, request, ui);
  const document = buildDocument(
    plan,
    template,
    {
      ...(language ? { language } : {}),
      ...(request.outputs && request.outputs.length > 0 ? { outputs: request.outputs } : {}),
      headings: request.headings ?? true,
      unanswered: request.unanswered ?? false,
      cover: request.cover ?? true,
    },
    available.vocabularies,
  );
  const bytes = await renderInWorker(document, format, layout);
  const extension = formatFiles[format].extension;
  const path = resolve(
    request.out ??
      join(
        resolve(request.file, ".."),
        `${basename(request.file, extname(request.file)).replace(/\.carnet$/, "")}.${extension}`,
      ),
  );
  try {
    await writeFileAtomic(path, bytes);
  } catch (error) {
    const params = { path, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
    throw new AppError("bad_request", translate(ui, "export.error.write_failed", params), { params });
  }
  return { path, format, bytes: bytes.length, milliseconds: Math.round(performance.now() - started) };
}

/** Stops the export worker threads (before a CLI process exits; the server keeps them). */
export function stopExportWorkers(): Promise<void> {
  return closeRenderPool();
}
