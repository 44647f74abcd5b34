import type { MessageKey } from "../i18n/translate.js";
import { type ExportFormat, exportFormats, type LayoutOptions } from "./document/model.js";

/** Raw export options as a user gives them (CLI flags, query parameters). */
export interface RawExportOptions {
  format?: string;
  lang?: string;
  fontSize?: string | number;
  margins?: string | number;
  paper?: string;
}

/** A problem with an option, as a message key and its parameters. */
export interface OptionProblem {
  key: MessageKey;
  params: Record<string, string>;
}

export interface ParsedExportOptions {
  format: ExportFormat;
  language?: "en" | "fr";
  layout: LayoutOptions;
}

function problem(option: string, value: unknown, allowed: string): OptionProblem {
  return { key: "export.error.invalid_option", params: { option, value: String(value), allowed } };
}

function inRange(
  raw: string | number | undefined,
  fallback: number,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

/** Checks format, language and layout options; every problem is reported, not only the first. */
export function parseExportOptions(raw: RawExportOptions): {
  options?: ParsedExportOptions;
  problems: OptionProblem[];
} {
  const problems: OptionProblem[] = [];
  const format = (raw.format ?? "").toLowerCase();
  if (!(exportFormats as readonly string[]).includes(format))
    problems.push(problem("--format", raw.format ?? "", exportFormats.join(", ")));
  const lang = raw.lang?.toLowerCase();
  if (lang !== undefined && lang !== "en" && lang !== "fr")
    problems.push(problem("--lang", raw.lang, "fr, en"));
  const fontSize = inRange(raw.fontSize, 10, 8, 14);
  if (fontSize === undefined) problems.push(problem("--font-size", raw.fontSize, "8 … 14"));
  const margins = inRange(raw.margins, 20, 5, 25);
  if (margins === undefined) problems.push(problem("--margins", raw.margins, "5 … 25"));
  const paper = (raw.paper ?? "a4").toLowerCase();
  if (paper !== "a4" && paper !== "letter") problems.push(problem("--paper", raw.paper, "a4, letter"));
  if (problems.length > 0) return { problems };
  return {
    problems,
    options: {
      format: format as ExportFormat,
      ...(lang ? { language: lang as "en" | "fr" } : {}),
      layout: { fontSize: fontSize!, marginMm: margins!, paper: paper as "a4" | "letter" },
    },
  };
}
