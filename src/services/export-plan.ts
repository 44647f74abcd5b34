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

function readJson(path: string, ui: UiLanguage): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const params = { path, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
    throw new AppError("bad_request", translate(ui, "export.error.unreadable", params), { params });
  }
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
  const input = readJson(request.file, ui);
  const available = content ?? loadExportContent(request.template, ui);
  const { plan, template } = checkPlanForExport(input, available, request, ui);
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
