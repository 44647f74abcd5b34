import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import {
  type Block,
  defaultLayout,
  type ExportDocument,
  footerText,
  type Inline,
  type LayoutOptions,
  paperSizesMm,
} from "../document/model.js";
import { xmlSafe } from "./xml.js";

/**
 * DOCX with the `docx` package: Word's own Heading 1–6 styles (the navigation pane lists them),
 * real tables with a repeated header row, real numbered and bulleted lists, live hyperlinks, the
 * document's language on every run, and a footer "licence — page N / M" with page fields.
 */

const twipsPerMm = 1440 / 25.4;
const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
const headingScale = [1.8, 1.45, 1.2, 1.05, 1, 1] as const;
type Child = Paragraph | Table;

function inlineDocx(runs: Inline[], marks: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
  return runs.map((run) => {
    if (run.kind === "break") return new TextRun({ break: 1 });
    const textRun = new TextRun({
      text: xmlSafe(run.text),
      bold: run.bold || marks.bold,
      italics: run.italic || marks.italics,
      ...(run.code ? { font: "DejaVu Sans Mono" } : {}),
      ...(run.href ? { style: "Hyperlink" } : {}),
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [textRun] }) : textRun;
  });
}

class DocxWriter {
  private listInstance = 0;
  private pageBreakPending = false;

  blocks(
    blocks: Block[],
    context: { level: number; inCell: boolean } = { level: -1, inCell: false },
  ): Child[] {
    return blocks.flatMap((block) => this.block(block, context));
  }

  private takeBreak(): boolean {
    const pending = this.pageBreakPending;
    this.pageBreakPending = false;
    return pending;
  }

  private block(block: Block, context: { level: number; inCell: boolean }): Child[] {
    switch (block.kind) {
      case "heading":
        if (context.inCell || context.level >= 0)
          return [new Paragraph({ children: inlineDocx(block.runs, { bold: true }), keepNext: true })];
        return [
          new Paragraph({
            heading: headingLevels[block.level - 1],
            children: inlineDocx(block.runs),
            pageBreakBefore: this.takeBreak(),
            keepNext: true,
          }),
        ];
      case "paragraph": {
        const marks = block.role === "label" ? { bold: true } : block.role ? { italics: true } : {};
        return [
          new Paragraph({
            children: inlineDocx(block.runs, marks),
            pageBreakBefore: this.takeBreak(),
            keepNext: block.role === "label",
            ...(context.level >= 0 ? { indent: { left: 360 * (context.level + 1) } } : {}),
          }),
        ];
      }
      case "list":
        return this.list(block.items, block.ordered, context);
      case "fields":
        return [
          ...this.breakBeforeTable(),
          this.table(
            [],
            block.rows.map((row) => [
              [{ kind: "paragraph", runs: [{ kind: "text", text: row.label }], role: "label" }],
              row.value,
            ]),
            [30, 70],
          ),
        ];
      case "table":
        return [...this.breakBeforeTable(), this.table(block.header, block.rows)];
      case "pageBreak":
        this.pageBreakPending = true;
        return [];
    }
  }

  /** A page break cannot sit on a table: it goes on an empty paragraph before it. */
  private breakBeforeTable(): Paragraph[] {
    return this.takeBreak() ? [new Paragraph({ pageBreakBefore: true })] : [];
  }

  private list(items: Block[][], ordered: boolean, context: { level: number; inCell: boolean }): Child[] {
    const level = Math.min(context.level + 1, 8);
    const instance = ++this.listInstance;
    const out: Child[] = [];
    for (const item of items) {
      const [first, ...rest] = item;
      const numbering = { reference: ordered ? "carnet-ordered" : "carnet-bullet", level, instance };
      if (first?.kind === "paragraph" || first?.kind === "heading")
        out.push(
          new Paragraph({ children: inlineDocx(first.runs), numbering, pageBreakBefore: this.takeBreak() }),
        );
      else
        out.push(
          new Paragraph({ children: [], numbering }),
          ...(first ? this.block(first, { ...context, level }) : []),
        );
      out.push(...this.blocks(rest, { ...context, level }));
    }
    return out;
  }

  private table(header: string[], rows: Block[][][], widths?: number[]): Table {
    const columns = Math.max(header.length, ...rows.map((row) => row.length), 1);
    const percent = widths ?? Array.from({ length: columns }, () => 100 / columns);
    const cell = (children: Child[], i: number, shade = false) =>
      new TableCell({
        children: children.length > 0 ? children : [new Paragraph({})],
        width: { size: percent[i] ?? 100 / columns, type: WidthType.PERCENTAGE },
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
        ...(shade ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "E6E6E6" } } : {}),
      });
    const tableRows: TableRow[] = [];
    if (header.length > 0)
      tableRows.push(
        new TableRow({
          tableHeader: true,
          children: Array.from({ length: columns }, (_, i) =>
            cell(
              [new Paragraph({ children: [new TextRun({ text: xmlSafe(header[i] ?? ""), bold: true })] })],
              i,
              true,
            ),
          ),
        }),
      );
    for (const row of rows)
      tableRows.push(
        new TableRow({
          cantSplit: false,
          children: Array.from({ length: columns }, (_, i) =>
            cell(this.blocks(row[i] ?? [], { level: -1, inCell: true }), i),
          ),
        }),
      );
    return new Table({ rows: tableRows, width: { size: 100, type: WidthType.PERCENTAGE } });
  }
}

function numberingLevels(ordered: boolean) {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : level % 2 === 0 ? "•" : "◦",
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 300 } } },
  }));
}

/** The document as a DOCX file. */
export async function renderDocx(
  document: ExportDocument,
  layout: LayoutOptions = defaultLayout,
): Promise<Uint8Array> {
  const paper = paperSizesMm[layout.paper];
  const margin = Math.round(layout.marginMm * twipsPerMm);
  const half = (points: number) => Math.round(points * 2);
  const headingStyle = (level: number) => ({
    run: { size: half(layout.fontSize * headingScale[level]!), bold: true, color: "000000" },
    paragraph: { spacing: { before: half(layout.fontSize * 6), after: half(layout.fontSize * 3) } },
  });
  const [before, after] = footerText(document.meta, "\u0000", "\u0001").split("\u0000") as [string, string];
  const [middle, end] = after.split("\u0001") as [string, string];
  const doc = new Document({
    title: xmlSafe(document.meta.title),
    creator: xmlSafe(document.meta.author ?? "Carnet"),
    description: "Carnet",
    styles: {
      default: {
        document: {
          run: {
            font: "DejaVu Sans",
            size: half(layout.fontSize),
            language: { value: document.meta.language },
          },
          paragraph: { spacing: { after: half(layout.fontSize * 4) } },
        },
        heading1: headingStyle(0),
        heading2: headingStyle(1),
        heading3: headingStyle(2),
        heading4: headingStyle(3),
        heading5: headingStyle(4),
        heading6: headingStyle(5),
      },
    },
    numbering: {
      config: [
        { reference: "carnet-bullet", levels: numberingLevels(false) },
        { reference: "carnet-ordered", levels: numberingLevels(true) },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: Math.round(paper.width * twipsPerMm),
              height: Math.round(paper.height * twipsPerMm),
            },
            margin: {
              top: margin,
              bottom: margin,
              left: margin,
              right: margin,
              footer: Math.round(margin / 2),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 16,
                    children: [
                      xmlSafe(before),
                      PageNumber.CURRENT,
                      xmlSafe(middle),
                      PageNumber.TOTAL_PAGES,
                      xmlSafe(end),
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: new DocxWriter().blocks(document.blocks),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
