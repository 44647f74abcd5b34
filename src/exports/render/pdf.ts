import PDFDocument from "pdfkit";
import {
  type Block,
  defaultLayout,
  type ExportDocument,
  footerText,
  type Inline,
  type LayoutOptions,
  paperSizesMm,
  pointsPerMm,
  runsText,
  type TextRun,
} from "../document/model.js";
import { type FontKey, fontKey, pdfFonts, trimLayoutCaches, tuneEmbeddedFont } from "./pdf-fonts.js";

/**
 * PDF with pdfkit, in pure JavaScript: embedded DejaVu fonts, selectable text, title and language
 * in the metadata, a bookmark per heading (levels 1–3), a footer "licence — page N / M" on every
 * page, and a structure tree (tagged PDF): one element per block, tables down to their rows and
 * (header) cells, lists down to their items' labels and bodies; borders, fills and footers are
 * artifacts.
 */

const headingScale = [1.8, 1.45, 1.2, 1.05, 1, 1] as const;
const linkColour = "#1a4d99";
type Struct = PDFKit.PDFStructureElement;

/** The stream of a page's content as pdfkit keeps it (internal fields). */
interface ContentStream {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

/**
 * Page content kept as text until the page is written out: pdfkit turns every content operator
 * into its own byte array at once (tens of thousands per document, all alive until the end since
 * the pages stay buffered for their footers) — most of the garbage a PDF made. Same bytes out.
 */
function contentAsText(stream: ContentStream): void {
  let parts: string[] = [];
  const flush = () => {
    if (parts.length === 0) return;
    stream.buffer.push(Buffer.from(`${parts.join("\n")}\n`, "latin1"));
    parts = [];
  };
  const finalize = stream.finalize.bind(stream);
  stream.write = (chunk) => {
    if (typeof chunk === "string") parts.push(chunk);
    else {
      flush();
      stream.buffer.push(chunk);
    }
    stream.data.Length = 0; // recomputed when the stream is written
    if (stream.compress) stream.data.Filter = "FlateDecode";
  };
  stream.finalize = () => {
    flush();
    finalize();
  };
}

interface Frame {
  x: number;
  width: number;
  inCell: boolean;
}

class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly size: number;
  private readonly gap: number;
  private readonly outline: (PDFKit.PDFOutline | undefined)[] = [];
  private readonly root: Struct;
  private readonly sharedCaches = new Set<FontKey>();
  /** Graphics state of the current page's content, to write a colour or line width only on change. */
  private fillNow = "#000";
  private strokeNow = "";

  constructor(
    private readonly document: ExportDocument,
    layout: LayoutOptions,
  ) {
    const paper = paperSizesMm[layout.paper];
    const margin = layout.marginMm * pointsPerMm;
    this.size = layout.fontSize;
    this.gap = this.size * 0.5;
    this.doc = new PDFDocument({
      size: [paper.width * pointsPerMm, paper.height * pointsPerMm],
      // the bottom margin keeps room for the footer line
      margins: { top: margin, left: margin, right: margin, bottom: margin + 16 },
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: "1.7",
      // no default font: pdfkit would parse Helvetica's metrics for every document (and a font
      // object here would be reopened on every page); ours is set right after registration
      font: null as unknown as string,
      tagged: true,
      lang: document.meta.language,
      displayTitle: true,
      info: {
        Title: document.meta.title,
        Creator: "Carnet",
        Producer: "Carnet",
        ...(document.meta.author ? { Author: document.meta.author } : {}),
      },
    });
    // pdfkit takes an already parsed fontkit font where its types only say "source"
    for (const [key, font] of Object.entries(pdfFonts()))
      this.doc.registerFont(key, font as unknown as Buffer);
    contentAsText(this.doc.page.content as unknown as ContentStream);
    this.doc.on("pageAdded", () => {
      contentAsText(this.doc.page.content as unknown as ContentStream);
      // a page's content starts in the default state: black, 1 pt lines
      this.fillNow = "#000";
      this.strokeNow = "";
    });
    this.font("regular");
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
  }

  private get page() {
    return this.doc.page;
  }
  private get bottom(): number {
    return this.page.height - this.page.margins.bottom;
  }
  private get atTop(): boolean {
    return this.doc.y <= this.page.margins.top + 0.5;
  }
  /** A new page that carries open marked content over (tagged PDF stays well-formed). */
  private newPage(): void {
    this.doc.continueOnNewPage();
  }
  private font(key: FontKey, size = this.size): void {
    this.doc.font(key).fontSize(size);
    if (!this.sharedCaches.has(key)) {
      tuneEmbeddedFont((this.doc as unknown as { _font?: unknown })._font, key);
      this.sharedCaches.add(key);
    }
  }
  private fill(colour: string): void {
    if (colour === this.fillNow) return;
    this.doc.fillColor(colour);
    this.fillNow = colour;
  }
  private stroke(colour: string, width: number): void {
    const key = `${colour} ${width}`;
    if (key === this.strokeNow) return;
    this.doc.lineWidth(width).strokeColor(colour);
    this.strokeNow = key;
  }
  private lineHeight(size = this.size): number {
    return size * 1.45;
  }

  /** Writes runs as one flowing paragraph at the current y. */
  private runs(
    runs: Inline[],
    frame: Frame,
    size: number,
    base: Partial<TextRun> = {},
    colour = "#000",
  ): void {
    const segments: TextRun[] = [];
    let pendingBreak = "";
    for (const run of runs) {
      if (run.kind === "break") pendingBreak += "\n";
      else if (run.text !== "") {
        segments.push({ ...base, ...run, text: pendingBreak + run.text });
        pendingBreak = "";
      }
    }
    if (segments.length === 0) return;
    const lineGap = size * 0.3;
    segments.forEach((segment, index) => {
      this.font(fontKey(segment), size);
      this.fill(segment.href ? linkColour : colour);
      const options = {
        continued: index < segments.length - 1,
        link: segment.href ?? null,
        underline: Boolean(segment.href),
        lineGap,
      } as PDFKit.Mixins.TextOptions;
      if (index === 0) this.doc.text(segment.text, frame.x, this.doc.y, { ...options, width: frame.width });
      else this.doc.text(segment.text, options);
    });
    this.fill("#000");
  }

  /** Height the runs would take (measured with the widest face they use). */
  private measureRuns(runs: Inline[], width: number, size: number, bold = false): number {
    const value = runsText(runs);
    if (value.trim() === "") return 0;
    const anyBold = bold || runs.some((run) => run.kind === "text" && run.bold);
    this.font(anyBold ? "bold" : "regular", size);
    return this.doc.heightOfString(value, { width, lineGap: size * 0.3 });
  }

  measure(blocks: Block[], width: number): number {
    let height = 0;
    for (const block of blocks) {
      if (block.kind === "paragraph" || block.kind === "heading")
        height +=
          this.measureRuns(block.runs, width, this.size, block.kind === "heading" || block.role === "label") +
          this.gap;
      else if (block.kind === "list")
        for (const item of block.items) height += this.measure(item, width - this.size * 1.6);
      else if (block.kind === "fields")
        for (const row of block.rows)
          height += Math.max(this.measure(row.value, width * 0.7 - 8), this.lineHeight()) + 8;
      else if (block.kind === "table") {
        const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 1);
        height += this.lineHeight() + 8;
        for (const row of block.rows)
          height +=
            Math.max(...row.map((cell) => this.measure(cell, width / columns - 8)), this.lineHeight()) + 8;
      }
    }
    return height;
  }

  /** Draws blocks; top-level blocks get a structure element each, nested ones are part of it. */
  blocks(blocks: Block[], frame: Frame, parent?: Struct): void {
    for (const block of blocks) this.block(block, frame, parent);
  }

  private tagged(parent: Struct | undefined, tag: string, draw: () => void): void {
    if (parent) parent.add(this.doc.struct(tag, {}, draw));
    else draw();
  }

  /**
   * A structure element whose parts get elements of their own (rows and cells, list items). Nested
   * in a cell or an item (no parent), the block is part of that cell's content instead.
   */
  private structured(parent: Struct | undefined, tag: string, draw: (element?: Struct) => void): void {
    if (!parent) {
      draw();
      return;
    }
    const element = this.doc.struct(tag);
    parent.add(element);
    draw(element);
    element.end();
  }

  /** Decoration drawn outside the tagged content (an artifact for assistive technology). */
  private artifact(tagged: boolean, draw: () => void): void {
    if (!tagged) {
      draw();
      return;
    }
    this.doc.markContent("Artifact");
    draw();
    this.doc.endMarkedContent();
  }

  private block(block: Block, frame: Frame, parent?: Struct): void {
    switch (block.kind) {
      case "heading": {
        if (frame.inCell) {
          this.tagged(parent, "P", () => this.paragraphAt(block.runs, frame, { bold: true }));
          return;
        }
        const size = this.size * headingScale[block.level - 1]!;
        const height = this.measureRuns(block.runs, frame.width, size, true);
        // keep a heading with at least two lines of what follows
        if (!this.atTop && this.doc.y + size * 0.8 + height + 2 * this.lineHeight() > this.bottom)
          this.newPage();
        if (!this.atTop) this.doc.y += size * 0.8;
        if (block.level <= 3) this.bookmark(block.level, runsText(block.runs));
        this.tagged(parent, `H${block.level}`, () => this.runs(block.runs, frame, size, { bold: true }));
        this.doc.y += this.gap * 0.6;
        return;
      }
      case "paragraph": {
        const marks = block.role === "label" ? { bold: true } : block.role ? { italic: true } : {};
        const colour = block.role === "placeholder" ? "#555" : "#000";
        // a field label stays with the first lines of its value
        if (
          block.role === "label" &&
          !frame.inCell &&
          !this.atTop &&
          this.doc.y + 3 * this.lineHeight() > this.bottom
        )
          this.newPage();
        this.tagged(parent, "P", () => this.paragraphAt(block.runs, frame, marks, colour));
        return;
      }
      case "list":
        this.structured(parent, "L", (list) => this.list(block.items, block.ordered, frame, list));
        return;
      case "fields":
        this.structured(parent, "Table", (table) =>
          this.table(
            [],
            block.rows.map((row) => [
              [{ kind: "paragraph", runs: [{ kind: "text", text: row.label }], role: "label" }],
              row.value,
            ]),
            frame,
            { weights: [0.3, 0.7], rowHeaders: true, struct: table },
          ),
        );
        return;
      case "table":
        this.structured(parent, "Table", (table) =>
          this.table(block.header, block.rows, frame, { struct: table }),
        );
        return;
      case "pageBreak":
        if (!this.atTop) this.newPage();
        return;
    }
  }

  private paragraphAt(runs: Inline[], frame: Frame, marks: Partial<TextRun>, colour = "#000"): void {
    this.runs(runs, frame, this.size, marks, colour);
    this.doc.y += frame.inCell ? this.gap * 0.4 : this.gap;
  }

  /** A list; with a structure element, each item is an LI with its label (Lbl) and body (LBody). */
  private list(items: Block[][], ordered: boolean, frame: Frame, struct?: Struct): void {
    const indent = this.size * 1.6;
    items.forEach((item, index) => {
      if (this.doc.y + this.lineHeight() > this.bottom) this.newPage();
      const top = this.doc.y;
      const label = () => {
        this.font("regular");
        this.fill("#000");
        this.doc.text(ordered ? `${index + 1}.` : "•", frame.x, top, { width: indent, lineBreak: false });
        this.doc.y = top;
      };
      const body = () => this.blocks(item, { ...frame, x: frame.x + indent, width: frame.width - indent });
      if (!struct) {
        label();
        body();
        return;
      }
      const element = this.doc.struct("LI");
      struct.add(element);
      element.add(this.doc.struct("Lbl", {}, label));
      element.add(this.doc.struct("LBody", {}, body));
      element.end();
    });
  }

  /**
   * A table; with a structure element, each row is a TR of TH (header row, or the first column when
   * `rowHeaders`) and TD cells, and the fills and borders are artifacts.
   */
  private table(
    header: string[],
    rows: Block[][][],
    frame: Frame,
    options: { weights?: number[]; rowHeaders?: boolean; struct?: Struct } = {},
  ): void {
    const { weights, rowHeaders = false, struct } = options;
    const columns = Math.max(header.length, ...rows.map((row) => row.length), 1);
    const shares = weights ?? Array.from({ length: columns }, () => 1 / columns);
    const widths = shares.map((share) => share * frame.width);
    const pad = 4;
    const cellFrame = (i: number): Frame => ({
      x: frame.x + widths.slice(0, i).reduce((a, b) => a + b, 0) + pad,
      width: widths[i]! - 2 * pad,
      inCell: true,
    });
    const row = (cells: Block[][], fill?: string) => {
      const measured =
        Math.max(...cells.map((cell, i) => this.measure(cell, cellFrame(i).width)), this.lineHeight()) +
        2 * pad;
      if (!this.atTop && this.doc.y + measured > this.bottom) {
        this.newPage();
        if (fill === undefined && header.length > 0)
          row(
            header.map((h) => [{ kind: "paragraph", runs: [{ kind: "text", text: h, bold: true }] }]),
            "#e6e6e6",
          );
      }
      const top = this.doc.y;
      const startPage = this.doc.bufferedPageRange().count;
      if (fill)
        this.artifact(struct !== undefined, () => {
          this.doc.rect(frame.x, top, frame.width, measured).fill(fill);
          this.fillNow = fill;
        });
      let bottom = top + measured;
      const tr = struct ? this.doc.struct("TR") : undefined;
      if (tr) struct?.add(tr);
      cells.forEach((cell, i) => {
        const draw = () => {
          this.doc.y = top + pad;
          this.blocks(cell, cellFrame(i));
        };
        if (tr) {
          const heading = fill !== undefined || (rowHeaders && i === 0);
          const scope = fill !== undefined ? "Column" : "Row";
          // pdfkit writes a header cell's scope (its types omit the option)
          const options = (heading ? { scope } : {}) as PDFKit.Mixins.StructureElementOptions;
          tr.add(this.doc.struct(heading ? "TH" : "TD", options, draw));
        } else draw();
        if (this.doc.bufferedPageRange().count === startPage) bottom = Math.max(bottom, this.doc.y + pad);
      });
      tr?.end();
      if (this.doc.bufferedPageRange().count !== startPage) return; // an oversized cell flowed on
      this.artifact(struct !== undefined, () => {
        this.stroke("#999", 0.5);
        let x = frame.x;
        for (const width of widths) {
          this.doc.rect(x, top, width, bottom - top).stroke();
          x += width;
        }
      });
      this.doc.y = bottom;
    };
    if (header.length > 0)
      row(
        header.map((h) => [{ kind: "paragraph", runs: [{ kind: "text", text: h, bold: true }] }]),
        "#e6e6e6",
      );
    for (const cells of rows) row(Array.from({ length: columns }, (_, i) => cells[i] ?? []));
    this.doc.y += this.gap;
  }

  private bookmark(level: number, title: string): void {
    let parent: PDFKit.PDFOutline = this.doc.outline;
    for (let l = level - 2; l >= 0; l--) {
      const found = this.outline[l];
      if (found) {
        parent = found;
        break;
      }
    }
    this.outline[level - 1] = parent.addItem(title);
    this.outline.length = level;
  }

  /** Writes the body, then the footer of every page, and resolves with the file's bytes. */
  render(): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    const done = new Promise<Uint8Array>((resolve, reject) => {
      this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      this.doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
      this.doc.on("error", reject);
    });
    const frame: Frame = {
      x: this.page.margins.left,
      width: this.page.width - this.page.margins.left - this.page.margins.right,
      inCell: false,
    };
    this.blocks(this.document.blocks, frame, this.root);
    this.footers(frame);
    this.root.end();
    this.doc.end();
    trimLayoutCaches();
    return done;
  }

  private footers(frame: Frame): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottomMargin = this.page.margins.bottom;
      this.page.margins.bottom = 0;
      this.doc.markContent("Artifact", { type: "Pagination" });
      this.font("regular", 8);
      this.doc
        .fillColor("#444")
        .text(
          footerText(this.document.meta, i + 1, range.count),
          frame.x,
          this.page.height - bottomMargin + 6,
          {
            width: frame.width,
            align: "center",
            lineBreak: false,
          },
        );
      this.doc.endMarkedContent();
      this.page.margins.bottom = bottomMargin;
    }
  }
}

/** The document as a PDF file. */
export function renderPdf(
  document: ExportDocument,
  layout: LayoutOptions = defaultLayout,
): Promise<Uint8Array> {
  return new PdfWriter(document, layout).render();
}
