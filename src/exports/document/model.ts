/**
 * The document model every export format renders: a small, typed tree of blocks and inline runs,
 * built once from a plan revision in one language. Renderers never see HTML: rich text arrives
 * here already sanitised (see `rich-text/html-to-blocks.ts`), so no tag can leak into a document.
 */

/** A run of text with its marks; a link is a run with `href` (http, https or mailto only). */
export interface TextRun {
  kind: "text";
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  href?: string;
}

/** A forced line break inside a paragraph. */
export interface LineBreak {
  kind: "break";
}

export type Inline = TextRun | LineBreak;

/** A heading; `level` 1 is a chapter (plan title, research output). */
export interface HeadingBlock {
  kind: "heading";
  level: 1 | 2 | 3 | 4 | 5 | 6;
  runs: Inline[];
}

/** A paragraph; `role` lets renderers style the subtitle and the field labels. */
export interface ParagraphBlock {
  kind: "paragraph";
  runs: Inline[];
  role?: "subtitle" | "label" | "placeholder";
}

/** An ordered or unordered list; each item holds blocks (paragraphs, nested lists). */
export interface ListBlock {
  kind: "list";
  ordered: boolean;
  items: Block[][];
}

/** A two-column label | value table (plan details). */
export interface FieldTableBlock {
  kind: "fields";
  rows: { label: string; value: Block[] }[];
}

/** A table with a header row (contributors, budget, repeatable groups). */
export interface TableBlock {
  kind: "table";
  header: string[];
  rows: Block[][][];
}

/** Starts a new page in paged formats; a thematic break elsewhere. */
export interface PageBreakBlock {
  kind: "pageBreak";
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | FieldTableBlock | TableBlock | PageBreakBlock;

/** Document-wide facts: title and language go into each format's metadata. */
export interface DocumentMeta {
  title: string;
  /** BCP 47 tag of the document's language, e.g. `fr` or `en`. */
  language: string;
  /** Licence line printed in the footer of every page, if the plan has one. */
  licence?: string;
  author?: string;
  /** Words of the footer ("page N / M"): `{page}` and `{pages}` are filled in per page. */
  pageLabel: string;
}

export interface ExportDocument {
  meta: DocumentMeta;
  blocks: Block[];
}

export const exportFormats = ["pdf", "docx", "odt", "html", "md"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Media type and file extension of each format. */
export const formatFiles: Record<ExportFormat, { mediaType: string; extension: string }> = {
  pdf: { mediaType: "application/pdf", extension: "pdf" },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", extension: "odt" },
  html: { mediaType: "text/html; charset=utf-8", extension: "html" },
  md: { mediaType: "text/markdown; charset=utf-8", extension: "md" },
};

/** Page layout for paged formats (PDF, DOCX, ODT, HTML print stylesheet). */
export interface LayoutOptions {
  /** Body font size in points, 8 to 14. */
  fontSize: number;
  /** Page margins in millimetres, 5 to 25. */
  marginMm: number;
  paper: "a4" | "letter";
}

export const defaultLayout: LayoutOptions = { fontSize: 10, marginMm: 20, paper: "a4" };

/** Paper sizes in millimetres (width, height). */
export const paperSizesMm: Record<LayoutOptions["paper"], { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 },
};

/** Points per millimetre (1 pt = 1/72 in). */
export const pointsPerMm = 72 / 25.4;

/** Plain text of a run list (for metadata, bookmarks and measurements). */
export function runsText(runs: Inline[]): string {
  return runs.map((run) => (run.kind === "text" ? run.text : "\n")).join("");
}

/** A single plain run. */
export function text(value: string, marks: Omit<TextRun, "kind" | "text"> = {}): TextRun {
  return { kind: "text", text: value, ...marks };
}

/** A paragraph of one plain run. */
export function paragraph(value: string, role?: ParagraphBlock["role"]): ParagraphBlock {
  return role ? { kind: "paragraph", runs: [text(value)], role } : { kind: "paragraph", runs: [text(value)] };
}

/** The footer line: licence (if any) then "page N / M". */
export function footerText(meta: DocumentMeta, page: number | string, pages: number | string): string {
  const label = meta.pageLabel.replace("{page}", String(page)).replace("{pages}", String(pages));
  return meta.licence ? `${meta.licence} — ${label}` : label;
}
