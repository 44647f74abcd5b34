import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ChildNode, type Element, isTag, isText } from "domhandler";
import { strFromU8, unzipSync } from "fflate";
import { parseDocument } from "htmlparser2";

/**
 * Text and structure extracted from exported files, for golden tests that compare content rather
 * than bytes: `pdftotext` (poppler-utils) for PDF, the XML inside DOCX and ODT, LibreOffice for the
 * "does it open" check.
 */

export function hasCommand(command: string): boolean {
  const found = spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
  // In CI a missing tool is a broken install step, never a reason to skip tests.
  if (!found && process.env.CI) throw new Error(`${command} is not installed; .ci/run must install it`);
  return found;
}

/**
 * The text of a PDF via pdftotext; `page` picks one page. `raw` keeps the order of the content
 * stream (our drawing order: table rows left to right) instead of pdftotext's column guessing.
 */
export function pdfText(bytes: Uint8Array, page?: number, raw = true): string {
  const dir = mkdtempSync(join(tmpdir(), "carnet-pdf-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, bytes);
    const range = page ? ["-f", String(page), "-l", String(page)] : [];
    return execFileSync("pdftotext", ["-enc", "UTF-8", ...(raw ? ["-raw"] : []), ...range, file, "-"], {
      encoding: "utf8",
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Collapses whitespace so that line wrapping does not matter. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function xmlOf(bytes: Uint8Array, entry: string): ChildNode[] {
  const files = unzipSync(bytes);
  const data = files[entry];
  if (!data) throw new Error(`no ${entry} in the archive`);
  return parseDocument(strFromU8(data), { xmlMode: true }).children;
}

function textOf(nodes: ChildNode[], textTag: string): string {
  let out = "";
  for (const node of nodes) {
    if (isText(node)) continue;
    if (!isTag(node)) continue;
    if (node.name === textTag) out += node.children.map((c) => (isText(c) ? c.data : "")).join("");
    else if (node.name === "w:br" || node.name === "text:line-break") out += "\n";
    else if (node.name === "text:s") out += " ".repeat(Number(node.attribs["text:c"] ?? 1));
    else if (node.name === "text:tab") out += "\t";
    else out += textOf(node.children, textTag);
  }
  return out;
}

function find(nodes: ChildNode[], name: string): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === name) out.push(node);
    else out.push(...find(node.children, name));
  }
  return out;
}

/** One line per DOCX paragraph: "[Style] text", table cells joined by " | ", list items with "•". */
export function docxOutline(bytes: Uint8Array): string[] {
  const [body] = find(xmlOf(bytes, "word/document.xml"), "w:body");
  const lines: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (node.name === "w:p") {
        const style = find(node.children, "w:pStyle")[0]?.attribs["w:val"];
        const numbered = find(node.children, "w:numPr").length > 0;
        const text = textOf(node.children, "w:t");
        if (text !== "" || style) lines.push(`${style ? `[${style}] ` : ""}${numbered ? "• " : ""}${text}`);
      } else if (node.name === "w:tr") {
        lines.push(
          find(node.children, "w:tc")
            .map((cell) => squash(textOf(cell.children, "w:t")))
            .join(" | "),
        );
      } else walk(node.children);
    }
  };
  walk(body?.children ?? []);
  return lines;
}

/** One line per ODT heading/paragraph: "[H2] text"; table rows joined by " | ", list items with "•". */
export function odtOutline(bytes: Uint8Array): string[] {
  const [text] = find(xmlOf(bytes, "content.xml"), "office:text");
  const lines: string[] = [];
  const walk = (nodes: ChildNode[], inItem: boolean) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (node.name === "text:h") lines.push(`[H${node.attribs["text:outline-level"]}] ${plain(node)}`);
      else if (node.name === "text:p") lines.push(`${inItem ? "• " : ""}${plain(node)}`);
      else if (node.name === "table:table-row")
        lines.push(
          find(node.children, "table:table-cell")
            .map((cell) => squash(cellText(cell)))
            .join(" | "),
        );
      else if (node.name === "text:list-item") walk(node.children, true);
      else walk(node.children, inItem);
    }
  };
  walk(text?.children ?? [], false);
  return lines;
}

function plain(node: Element): string {
  let out = "";
  for (const child of node.children) {
    if (isText(child)) out += child.data;
    else if (isTag(child)) {
      if (child.name === "text:line-break") out += "\n";
      else if (child.name === "text:s") out += " ".repeat(Number(child.attribs["text:c"] ?? 1));
      else out += plain(child);
    }
  }
  return out;
}

function cellText(cell: Element): string {
  return find(cell.children, "text:p")
    .map((p) => plain(p))
    .join(" ");
}

/** The XML of one entry of a zip archive (DOCX, ODT). */
export function zipEntry(bytes: Uint8Array, entry: string): string {
  const data = unzipSync(bytes)[entry];
  if (!data) throw new Error(`no ${entry} in the archive`);
  return strFromU8(data);
}

/**
 * Converts DOCX/ODT files to PDF in one LibreOffice headless run (starting LibreOffice on a fresh
 * profile costs far more than a conversion); returns each file's PDF, in order, or undefined for a
 * file LibreOffice could not convert.
 */
export function libreofficeToPdfs(
  files: { bytes: Uint8Array; extension: string }[],
): (Uint8Array | undefined)[] {
  const dir = mkdtempSync(join(tmpdir(), "carnet-lo-"));
  try {
    const inputs = files.map(({ bytes, extension }, index) => {
      const input = join(dir, `in${index}.${extension}`);
      writeFileSync(input, bytes);
      return input;
    });
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...inputs,
      ],
      { stdio: "pipe", timeout: 180_000 },
    );
    return files.map((_, index) => {
      const output = join(dir, `in${index}.pdf`);
      return existsSync(output) ? readFileSync(output) : undefined;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
