import type { MessageKey, UiLanguage } from "../../i18n/translate.js";
import { ApiError, csrfCookieName, csrfHeaderName, readCookie } from "./client.js";

/** Formats `GET /plans/{id}/export` renders. */
export const exportFormats = [
  "pdf",
  "docx",
  "odt",
  "html",
  "md",
  "json",
  "rda-dcs-1.2",
  "rda-dcs-1.1",
] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  format: ExportFormat;
  lang: "en" | "fr";
  /** Research output ids; empty = all. */
  outputs: string[];
  headings: boolean;
  unanswered: boolean;
  cover: boolean;
  fontSize: number;
  margins: number;
  paper: "a4" | "letter";
}

/** A downloaded file. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** One line of an import report (src/formats/report.ts), possibly with the server's own wording. */
export interface ImportReportEntry {
  kind: "repair" | "kept" | "loss" | "info";
  path: string;
  key?: MessageKey | string;
  params?: Record<string, string | number>;
  message?: string;
}

/** Something the imported plan still lacks or gets wrong (`problems` of the import answer). */
export interface ImportProblem {
  path: string;
  code?: string;
  message: string;
}

export interface ImportResult {
  plan: { id: string; title: string };
  /** The format read, as the server names it (`RDA DCS 1.2`). */
  format: string;
  report: ImportReportEntry[];
  problems: ImportProblem[];
}

/** Why an import was refused (`422` details: `{line?, column?, problem, report}`). */
export interface ImportFailure {
  code: string;
  message: string;
  params: Record<string, string | number>;
  line?: number;
  column?: number;
  problems: ImportProblem[];
  report: ImportReportEntry[];
}

/** The report entries wherever the server put them (`report` as a list or `{entries}`). */
export function reportEntries(report: unknown): ImportReportEntry[] {
  const list = Array.isArray(report)
    ? report
    : Array.isArray((report as { entries?: unknown } | null)?.entries)
      ? (report as { entries: unknown[] }).entries
      : [];
  return list.filter(
    (entry): entry is ImportReportEntry =>
      typeof entry === "object" && entry !== null && typeof (entry as ImportReportEntry).kind === "string",
  );
}

/** The problems of an answer (`[{path, message}]`), whatever else they carry. */
export function importProblems(list: unknown): ImportProblem[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is ImportProblem =>
      typeof item === "object" &&
      item !== null &&
      typeof (item as ImportProblem).path === "string" &&
      typeof (item as ImportProblem).message === "string",
  );
}

/** The failure an import error carries in its details (empty for other errors). */
export function importFailure(error: ApiError): ImportFailure {
  const details = (typeof error.details === "object" && error.details !== null ? error.details : {}) as {
    line?: unknown;
    column?: unknown;
    problem?: { code?: unknown; message?: unknown; params?: unknown; problems?: unknown };
    report?: unknown;
  };
  const problem = details.problem ?? {};
  const params =
    typeof problem.params === "object" && problem.params !== null
      ? (problem.params as Record<string, string | number>)
      : {};
  const line = typeof details.line === "number" ? details.line : undefined;
  const column = typeof details.column === "number" ? details.column : undefined;
  return {
    code: typeof problem.code === "string" ? problem.code : error.code,
    message: typeof problem.message === "string" ? problem.message : error.message,
    params,
    ...(line !== undefined && line > 0 ? { line } : {}),
    ...(column !== undefined && column > 0 ? { column } : {}),
    problems: importProblems(problem.problems),
    report: reportEntries(details.report),
  };
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  if (typeof error?.code !== "string" || typeof error.message !== "string")
    return new ApiError("invalid_answer", response.status, "");
  return new ApiError(error.code, response.status, error.message, error.details);
}

async function send(path: string, init: RequestInit, lang: UiLanguage): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("accept-language", lang);
  if (init.method && init.method !== "GET") {
    const token = readCookie(globalThis.document?.cookie ?? "", csrfCookieName);
    if (token) headers.set(csrfHeaderName, token);
  }
  try {
    return await fetch(path, { ...init, headers, credentials: "same-origin" });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError("network", 0, "");
  }
}

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** File transfers: export a plan as a file, import a file as a new plan (docs/api-plans.md). */
export function filesApi(lang: UiLanguage) {
  return {
    async exportPlan(planId: string, options: ExportOptions, signal?: AbortSignal): Promise<DownloadedFile> {
      const search = new URLSearchParams({
        format: options.format,
        lang: options.lang,
        headings: String(options.headings),
        unanswered: String(options.unanswered),
        cover: String(options.cover),
        fontSize: String(options.fontSize),
        margins: String(options.margins),
        paper: options.paper,
      });
      if (options.outputs.length > 0) search.set("outputs", options.outputs.join(","));
      const response = await send(
        `/api/v1/plans/${encodeURIComponent(planId)}/export?${search}`,
        { method: "GET", ...(signal ? { signal } : {}) },
        lang,
      );
      if (!response.ok) throw await errorOf(response);
      return { blob: await response.blob(), filename: filenameOf(response, `plan.${options.format}`) };
    },
    async importFile(file: File): Promise<ImportResult> {
      const search = new URLSearchParams({ format: "auto", filename: file.name });
      const response = await send(
        `/api/v1/plans/import?${search}`,
        {
          method: "POST",
          headers: { "content-type": "application/octet-stream", accept: "application/json" },
          body: file,
        },
        lang,
      );
      if (!response.ok) throw await errorOf(response);
      const body = (await response.json()) as {
        plan: { id: string; title: string };
        format?: unknown;
        report: unknown;
        problems?: unknown;
      };
      return {
        plan: body.plan,
        format: typeof body.format === "string" ? body.format : "",
        report: reportEntries(body.report),
        problems: importProblems(body.problems),
      };
    },
  };
}

export type FilesApi = ReturnType<typeof filesApi>;

/** Hand a downloaded file to the browser as a download. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
