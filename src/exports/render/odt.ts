import { strToU8, type Zippable, zipSync } from "fflate";
import {
  type Block,
  defaultLayout,
  type ExportDocument,
  type Inline,
  type LayoutOptions,
  paperSizesMm,
} from "../document/model.js";
import { odfNamespaces, odtManifestXml, odtMetaXml, odtStylesXml } from "./odt-styles.js";
import { escapeXml } from "./xml.js";

/**
 * ODT (OpenDocument Text, ODF 1.3): content.xml written from the document model, styles.xml with
 * real heading styles (outline levels, so LibreOffice's navigator lists them), zipped with the
 * `mimetype` entry first and stored uncompressed as the specification requires.
 */

/** Text with ODF whitespace rules: runs of spaces become text:s, tabs text:tab, newlines breaks. */
function odfText(value: string): string {
  return escapeXml(value)
    .replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`)
    .replace(/\t/g, "<text:tab/>")
    .replace(/\r?\n/g, "<text:line-break/>");
}

function inlineOdt(runs: Inline[]): string {
  return runs
    .map((run) => {
      if (run.kind === "break") return "<text:line-break/>";
      let xml = odfText(run.text);
      if (run.code) xml = `<text:span text:style-name="Source_20_Text">${xml}</text:span>`;
      if (run.italic) xml = `<text:span text:style-name="Emphasis">${xml}</text:span>`;
      if (run.bold) xml = `<text:span text:style-name="Strong_20_Emphasis">${xml}</text:span>`;
      if (run.href)
        xml = `<text:a xlink:type="simple" xlink:href="${escapeXml(run.href)}" text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link">${xml}</text:a>`;
      return xml;
    })
    .join("");
}

class OdtWriter {
  readonly automatic: string[] = [];
  private tables = 0;
  private pageBreakPending = false;
  private breakStyles = new Set<string>();

  /** @param textWidthMm width between the page margins, which tables span. */
  constructor(private readonly textWidthMm: number) {}

  /** The paragraph style to use, swapped for a page-breaking variant after a page break. */
  private style(name: string): string {
    if (!this.pageBreakPending) return name;
    this.pageBreakPending = false;
    const variant = `PB_${name}`;
    if (!this.breakStyles.has(variant)) {
      this.breakStyles.add(variant);
      this.automatic.push(
        `<style:style style:name="${variant}" style:family="paragraph" style:parent-style-name="${name}"><style:paragraph-properties fo:break-before="page"/></style:style>`,
      );
    }
    return variant;
  }

  blocks(blocks: Block[], inCell = false, inList = false): string {
    return blocks.map((block) => this.block(block, inCell, inList)).join("");
  }

  private block(block: Block, inCell: boolean, inList: boolean): string {
    const body = inCell ? "Table_20_Contents" : "Text_20_body";
    switch (block.kind) {
      case "heading":
        if (inCell || inList) return `<text:p text:style-name="Label">${inlineOdt(block.runs)}</text:p>`;
        return `<text:h text:style-name="${this.style(`Heading_20_${block.level}`)}" text:outline-level="${block.level}">${inlineOdt(block.runs)}</text:h>`;
      case "paragraph": {
        const role = { subtitle: "Subtitle", label: "Label", placeholder: "Placeholder" } as const;
        const name = block.role ? role[block.role] : body;
        return `<text:p text:style-name="${this.style(name)}">${inlineOdt(block.runs)}</text:p>`;
      }
      case "list": {
        const style = block.ordered ? "List_20_Number" : "List_20_Bullet";
        const items = block.items
          .map(
            (item) =>
              `<text:list-item>${this.blocks(item.length > 0 ? item : [{ kind: "paragraph", runs: [] }], inCell, true)}</text:list-item>`,
          )
          .join("");
        return `<text:list text:style-name="${style}">${items}</text:list>`;
      }
      case "fields":
        if (inList)
          return this.flattenedTable(
            block.rows.map((row) => [
              [{ kind: "paragraph", runs: [{ kind: "text", text: row.label, bold: true }] }],
              row.value,
            ]),
          );
        return this.table(
          [],
          block.rows.map((row) => [
            [{ kind: "paragraph", runs: [{ kind: "text", text: row.label }], role: "label" }],
            row.value,
          ]),
          [30, 70],
        );
      case "table":
        if (inList) return this.flattenedTable(block.rows);
        return this.table(block.header, block.rows);
      case "pageBreak":
        this.pageBreakPending = true;
        return "";
    }
  }

  /** ODF lists cannot hold tables: inside a list, a table degrades to one paragraph per row. */
  private flattenedTable(rows: Block[][][]): string {
    return rows.map((row) => this.blocks(row.flat(), false, true)).join("");
  }

  private table(header: string[], rows: Block[][][], widths?: number[]): string {
    const columns = Math.max(header.length, ...rows.map((row) => row.length), 1);
    const name = `Table${++this.tables}`;
    const rel = widths ?? Array.from({ length: columns }, () => 100 / columns);
    this.automatic.push(
      `<style:style style:name="${name}" style:family="table"><style:table-properties style:width="${this.textWidthMm.toFixed(1)}mm" table:align="margins"${this.pageBreakPending ? ' fo:break-before="page"' : ""}/></style:style>`,
      ...rel.map(
        (width, i) =>
          `<style:style style:name="${name}.C${i}" style:family="table-column"><style:table-column-properties style:column-width="${((this.textWidthMm * width) / 100).toFixed(1)}mm" style:rel-width="${Math.round(width * 100)}*"/></style:style>`,
      ),
      `<style:style style:name="${name}.Cell" style:family="table-cell"><style:table-cell-properties fo:padding="1.2mm" fo:border="0.5pt solid #999999"/></style:style>`,
    );
    this.pageBreakPending = false;
    const cols = rel.map((_, i) => `<table:table-column table:style-name="${name}.C${i}"/>`).join("");
    const cell = (content: string) =>
      `<table:table-cell table:style-name="${name}.Cell" office:value-type="string">${content || '<text:p text:style-name="Table_20_Contents"/>'}</table:table-cell>`;
    const head =
      header.length > 0
        ? `<table:table-header-rows><table:table-row>${Array.from({ length: columns }, (_, i) => cell(`<text:p text:style-name="Table_20_Heading">${inlineOdt([{ kind: "text", text: header[i] ?? "" }])}</text:p>`)).join("")}</table:table-row></table:table-header-rows>`
        : "";
    const body = rows
      .map(
        (row) =>
          `<table:table-row>${Array.from({ length: columns }, (_, i) => cell(this.blocks(row[i] ?? [], true))).join("")}</table:table-row>`,
      )
      .join("");
    return `<table:table table:name="${name}" table:style-name="${name}">${cols}${head}${body}</table:table>`;
  }
}

/** content.xml of the document. */
export function odtContentXml(document: ExportDocument, layout: LayoutOptions = defaultLayout): string {
  const writer = new OdtWriter(paperSizesMm[layout.paper].width - 2 * layout.marginMm);
  const body = writer.blocks(document.blocks);
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${odfNamespaces} office:version="1.3">
<office:automatic-styles>${writer.automatic.join("\n")}</office:automatic-styles>
<office:body><office:text>
${body}
</office:text></office:body>
</office:document-content>
`;
}

/** The document as an ODT file. */
export function renderOdt(document: ExportDocument, layout: LayoutOptions = defaultLayout): Uint8Array {
  const files: Zippable = {
    // mimetype must come first and be stored (level 0) so that tools can sniff the type.
    mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
    "META-INF/manifest.xml": strToU8(odtManifestXml),
    "content.xml": strToU8(odtContentXml(document, layout)),
    "styles.xml": strToU8(odtStylesXml(document, layout)),
    "meta.xml": strToU8(odtMetaXml(document)),
  };
  return zipSync(files, { level: 6 });
}
