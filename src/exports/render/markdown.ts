import type { Block, ExportDocument, Inline } from "../document/model.js";

/**
 * Markdown (CommonMark; tables use the pipe-table extension of GitHub Flavored Markdown, which
 * plain CommonMark shows as readable text). Every character that could start markup is escaped,
 * so user text — including HTML tags — always prints literally.
 */

/** Escapes inline text so that CommonMark renders it literally. */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>&|~!{}#]/g, (char) => `\\${char}`);
}

/** Escapes what only matters at the start of a line (headings, quotes, list markers, rules). */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+=>])/, "$1\\$2").replace(/^(\s*)(\d{1,9})([.)])/, "$1$2\\$3");
}

function codeSpan(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((ticks) => ticks.length));
  const fence = "`".repeat(longest + 1);
  const pad = value.startsWith("`") || value.endsWith("`") || value.startsWith(" ") ? " " : "";
  return `${fence}${pad}${value}${pad}${fence}`;
}

function linkDestination(href: string): string {
  return `<${href.replace(/[<>\s]/g, (char) => encodeURIComponent(char))}>`;
}

/** Inline runs → Markdown, keeping spaces outside emphasis so that the markers stay flanking. */
export function inlineMarkdown(runs: Inline[]): string {
  let out = "";
  for (const run of runs) {
    if (run.kind === "break") {
      out += "\\\n";
      continue;
    }
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text);
    const [, lead = "", core = "", trail = ""] = match ?? [];
    if (core === "") {
      out += run.text.replace(/\n/g, " ");
      continue;
    }
    let md = run.code ? codeSpan(core) : escapeMarkdown(core.replace(/\n/g, " "));
    if (run.italic) md = `*${md}*`;
    if (run.bold) md = `**${md}**`;
    if (run.href) md = `[${md}](${linkDestination(run.href)})`;
    out += lead + md + trail;
  }
  return out
    .split("\n")
    .map((line) => escapeLineStart(line))
    .join("\n");
}

function indent(text: string, width: number): string {
  const pad = " ".repeat(width);
  return text
    .split("\n")
    .map((line, index) => (index === 0 || line === "" ? line : pad + line))
    .join("\n");
}

/** Blocks flattened to one line, for table cells. */
function cellMarkdown(blocks: Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.kind === "paragraph" || block.kind === "heading")
      parts.push(
        inlineMarkdown(block.runs.map((r) => (r.kind === "break" ? { kind: "text", text: " " } : r))),
      );
    else if (block.kind === "list") parts.push(block.items.map(cellMarkdown).join("; "));
    else if (block.kind === "fields")
      parts.push(block.rows.map((r) => `${escapeMarkdown(r.label)}: ${cellMarkdown(r.value)}`).join("; "));
    else if (block.kind === "table")
      parts.push(block.rows.map((row) => row.map(cellMarkdown).join(", ")).join("; "));
  }
  return parts
    .join(" ")
    .replace(/\n/g, " ")
    .replace(/(^|[^\\])\|/g, "$1\\|");
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level)} ${inlineMarkdown(block.runs).replace(/\\\n/g, " ")}`;
    case "paragraph":
      return block.role === "label" || block.role === "subtitle"
        ? inlineMarkdown(
            block.runs.map((r) =>
              r.kind === "text" ? { ...r, [block.role === "label" ? "bold" : "italic"]: true } : r,
            ),
          )
        : inlineMarkdown(block.runs);
    case "list":
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${index + 1}. ` : "- ";
          return marker + indent(blocksMarkdown(item), marker.length);
        })
        .join("\n");
    case "fields":
      return block.rows
        .map((row) => `**${escapeMarkdown(row.label)}**\n\n${blocksMarkdown(row.value)}`)
        .join("\n\n");
    case "table": {
      const width = Math.max(block.header.length, ...block.rows.map((row) => row.length));
      const header = Array.from(
        { length: width },
        (_, i) =>
          cellMarkdown([{ kind: "paragraph", runs: [{ kind: "text", text: block.header[i] ?? " " }] }]) ||
          " ",
      );
      const lines = [`| ${header.join(" | ")} |`, `|${" --- |".repeat(width)}`];
      for (const row of block.rows)
        lines.push(
          `| ${Array.from({ length: width }, (_, i) => cellMarkdown(row[i] ?? []) || " ").join(" | ")} |`,
        );
      return lines.join("\n");
    }
    case "pageBreak":
      return "* * *";
  }
}

/** Blocks → Markdown, separated by blank lines. */
export function blocksMarkdown(blocks: Block[]): string {
  return blocks.map(blockMarkdown).join("\n\n");
}

/** The whole document as Markdown. */
export function renderMarkdown(document: ExportDocument): string {
  return `${blocksMarkdown(document.blocks)}\n`;
}
