import { type ChildNode, type Element, isTag, isText } from "domhandler";
import { parseDocument } from "htmlparser2";
import { richTextDroppedTags } from "../../domain/rich-text-tags.js";
import type { Block, HeadingBlock, Inline, TextRun } from "../document/model.js";

/**
 * Rich text (user HTML, untrusted) → document blocks, through an allowlist. Anything not on the
 * list is either dropped with its content (scripts, styles, embedded objects, forms) or unwrapped
 * (its text kept, the tag gone). Attributes are never copied except a link's href, and only for
 * http, https and mailto — so `<script>`, `onerror=` and `javascript:` cannot survive, and since
 * renderers escape every run, no tag can ever print as text either.
 */

/** Elements whose content is dropped entirely. */
const dropped = richTextDroppedTags;

const paragraphLike = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "blockquote",
  "address",
  "figure",
  "figcaption",
  "main",
  "aside",
  "nav",
  "pre",
  "dd",
  "dt",
  "dl",
]);

const safeSchemes = /^(https?:|mailto:)/i;

/** The href of a link when its scheme is safe, else undefined (the text is kept unlinked). */
export function safeHref(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = raw.replace(/[\u0000-\u0020\u007f]+/g, "");
  return safeSchemes.test(cleaned) ? raw.trim() : undefined;
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  href?: string;
  pre?: boolean;
}

type HeadingLevel = HeadingBlock["level"];

class BlockBuilder {
  readonly blocks: Block[] = [];
  private runs: Inline[] = [];

  constructor(private readonly headingBase: number) {}

  addText(value: string, marks: Marks): void {
    const collapsed = marks.pre ? value : value.replace(/\s+/g, " ");
    if (collapsed === "") return;
    const run: TextRun = { kind: "text", text: collapsed };
    if (marks.bold) run.bold = true;
    if (marks.italic) run.italic = true;
    if (marks.code) run.code = true;
    if (marks.href) run.href = marks.href;
    const last = this.runs.at(-1);
    if (last?.kind === "text" && sameMarks(last, run)) last.text += run.text;
    else this.runs.push(run);
  }

  addBreak(): void {
    this.runs.push({ kind: "break" });
  }

  /** Ends the current paragraph, if it has any visible text. */
  flush(): void {
    const runs = trimRuns(this.runs);
    this.runs = [];
    if (runs.length > 0) this.blocks.push({ kind: "paragraph", runs });
  }

  push(block: Block): void {
    this.flush();
    this.blocks.push(block);
  }

  heading(tagLevel: number, runs: Inline[]): void {
    const trimmed = trimRuns(runs);
    if (trimmed.length === 0) return;
    const level = Math.min(6, Math.max(1, this.headingBase + tagLevel - 1)) as HeadingLevel;
    this.push({ kind: "heading", level, runs: trimmed });
  }

  takeRuns(): Inline[] {
    const runs = this.runs;
    this.runs = [];
    return runs;
  }
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.href === b.href;
}

/** Drops leading/trailing spaces and breaks so that empty paragraphs vanish. */
function trimRuns(runs: Inline[]): Inline[] {
  const out = runs.map((run) => ({ ...run }));
  while (out[0]?.kind === "break") out.shift();
  while (out.at(-1)?.kind === "break") out.pop();
  const first = out[0];
  if (first?.kind === "text") first.text = first.text.replace(/^\s+/, "");
  const last = out.at(-1);
  if (last?.kind === "text") last.text = last.text.replace(/\s+$/, "");
  const kept = out.filter((run) => run.kind === "break" || run.text !== "");
  return kept.some((run) => run.kind === "text" && run.text.trim() !== "") ? kept : [];
}

function walk(nodes: ChildNode[], out: BlockBuilder, marks: Marks): void {
  for (const node of nodes) {
    if (isText(node)) out.addText(node.data, marks);
    else if (isTag(node)) element(node, out, marks);
    // comments, CDATA and directives are dropped
  }
}

function element(node: Element, out: BlockBuilder, marks: Marks): void {
  const name = node.name.toLowerCase();
  if (dropped.has(name)) return;
  const heading = /^h([1-6])$/.exec(name);
  if (heading) {
    out.flush();
    const inner = new BlockBuilder(0);
    walk(node.children, inner, marks);
    out.heading(Number(heading[1]), inner.takeRuns());
    return;
  }
  switch (name) {
    case "br":
      out.addBreak();
      return;
    case "strong":
    case "b":
      walk(node.children, out, { ...marks, bold: true });
      return;
    case "em":
    case "i":
    case "cite":
      walk(node.children, out, { ...marks, italic: true });
      return;
    case "code":
    case "kbd":
    case "samp":
      walk(node.children, out, { ...marks, code: true });
      return;
    case "a": {
      const href = safeHref(node.attribs.href);
      walk(node.children, out, href ? { ...marks, href } : marks);
      return;
    }
    case "ul":
    case "ol":
      out.push(list(node, marks, name === "ol"));
      return;
    case "table":
      out.push(table(node, marks));
      return;
    case "hr":
      out.flush();
      return;
  }
  if (paragraphLike.has(name) || name === "li") {
    out.flush();
    walk(node.children, out, name === "pre" ? { ...marks, pre: true, code: true } : marks);
    out.flush();
    return;
  }
  walk(node.children, out, marks); // unknown inline element: unwrap
}

function childBlocks(nodes: ChildNode[], marks: Marks): Block[] {
  const inner = new BlockBuilder(4);
  walk(nodes, inner, marks);
  inner.flush();
  return inner.blocks;
}

function list(node: Element, marks: Marks, ordered: boolean): Block {
  const items: Block[][] = [];
  for (const child of node.children) {
    if (isTag(child) && child.name.toLowerCase() === "li") items.push(childBlocks(child.children, marks));
    else if (isTag(child) && (child.name === "ul" || child.name === "ol")) {
      // a nested list directly in a list: attach it to the previous item
      const nested = list(child, marks, child.name === "ol");
      if (items.length === 0) items.push([]);
      items.at(-1)!.push(nested);
    } else if (isText(child) && child.data.trim() !== "") items.push(childBlocks([child], marks));
  }
  return { kind: "list", ordered, items: items.filter((item) => item.length > 0) };
}

function table(node: Element, marks: Marks): Block {
  const rows: Element[] = [];
  const collect = (nodes: ChildNode[]) => {
    for (const child of nodes) {
      if (!isTag(child)) continue;
      if (child.name === "tr") rows.push(child);
      else if (["thead", "tbody", "tfoot"].includes(child.name)) collect(child.children);
    }
  };
  collect(node.children);
  const cells = (row: Element) =>
    row.children.filter((c): c is Element => isTag(c) && (c.name === "td" || c.name === "th"));
  const first = rows[0];
  const hasHeader = first !== undefined && cells(first).every((c) => c.name === "th");
  const header = hasHeader ? cells(first).map((c) => plainText(c.children)) : [];
  const body = (hasHeader ? rows.slice(1) : rows).map((row) =>
    cells(row).map((cell) => childBlocks(cell.children, marks)),
  );
  return { kind: "table", header, rows: body };
}

function plainText(nodes: ChildNode[]): string {
  const inner = new BlockBuilder(0);
  walk(nodes, inner, {});
  return inner
    .takeRuns()
    .map((run) => (run.kind === "text" ? run.text : " "))
    .join("")
    .trim();
}

function topHeading(nodes: ChildNode[]): number {
  let top = 6;
  for (const node of nodes) {
    if (!isTag(node) || dropped.has(node.name)) continue;
    const match = /^h([1-6])$/.exec(node.name);
    top = Math.min(top, match ? Number(match[1]) : topHeading(node.children));
  }
  return top;
}

/**
 * Converts untrusted rich text (HTML) to blocks; sub-headings start at `headingBase`
 * (the highest heading of the fragment becomes `headingBase`, the next ones follow).
 */
export function htmlToBlocks(html: string, headingBase = 4): Block[] {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  // The highest sub-heading used maps to headingBase, whatever tag level the editor chose.
  const top = topHeading(document.children);
  const out = new BlockBuilder(headingBase - (top - 1));
  walk(document.children, out, {});
  out.flush();
  return out.blocks;
}

/** Plain text → paragraphs (blank lines separate paragraphs, single newlines are line breaks). */
export function plainTextToBlocks(value: string): Block[] {
  return value
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => ({
      kind: "paragraph" as const,
      runs: part
        .split("\n")
        .flatMap((line, index): Inline[] =>
          index === 0 ? [{ kind: "text", text: line }] : [{ kind: "break" }, { kind: "text", text: line }],
        ),
    }));
}
