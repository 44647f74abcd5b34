import type { MessageKey } from "../i18n/translate.js";

/**
 * What an import or export did to a document, entry by entry, so a user can see every change:
 * - `repair`: a value was rewritten to be valid (the original is in `params.from` when short);
 * - `kept`: something the standard does not know was kept aside and will be exported again;
 * - `loss`: information that the target format cannot carry (down-conversion only);
 * - `info`: what was detected (format, version, wrapper).
 */
export type ReportKind = "repair" | "kept" | "loss" | "info";

export interface ReportEntry {
  kind: ReportKind;
  /** Where, as a dotted path into the DCS document (`dmp.dataset[2].distribution[0].format`). */
  path: string;
  /** Message key of the `formats.*` catalogue; `params` fill its placeholders. */
  key: MessageKey;
  params: Record<string, string | number>;
}

/** An ordered list of report entries, filled while a document is read, normalised or converted. */
export class Report {
  readonly entries: ReportEntry[] = [];

  add(kind: ReportKind, path: string, key: MessageKey, params: Record<string, string | number> = {}): void {
    this.entries.push({ kind, path, key, params });
  }

  repair(path: string, key: MessageKey, params: Record<string, string | number> = {}): void {
    this.add("repair", path, key, params);
  }

  count(kind: ReportKind): number {
    return this.entries.filter((entry) => entry.kind === kind).length;
  }
}

/** A short, printable rendering of any JSON value for report parameters (never huge). */
export function preview(value: unknown, max = 60): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Why a document could not be read or converted: a message key, its parameters, and where. */
export interface FormatProblem {
  code: "too_large" | "too_deep" | "not_json" | "unknown_format" | "invalid" | "not_convertible";
  key: MessageKey;
  params: Record<string, string | number>;
  /** Schema or structural problems, each with its path (`invalid` only). */
  problems?: { path: string; key: MessageKey; params: Record<string, string | number> }[];
}

/** Either a value with its report, or a problem; format functions return this and never throw. */
export type FormatResult<T> = { ok: true; value: T; report: Report } | { ok: false; problem: FormatProblem };
