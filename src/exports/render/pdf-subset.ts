/**
 * TrueType subsetting for the PDF fonts, written straight into one buffer. pdfkit asks its font for
 * a subset per document (`createSubset()`: `includeGlyph` while text is laid out, `encode` when the
 * file ends); fontkit's subsetter decodes every glyph outline and re-encodes each table field by
 * field, which was a third of a small PDF's time. This one copies each glyph's bytes as they are
 * (only the component ids of a composite glyph are rewritten) and the tables a PDF embedded font
 * needs — head, hhea, maxp, hmtx, loca, glyf and the hinting programs cvt, fpgm, prep — the same
 * tables fontkit writes. What it learns about a glyph is kept for the next documents.
 */

interface GlyphData {
  /** The glyph's bytes in the source font (a view, not a copy). */
  bytes: Uint8Array;
  /** For a composite glyph: where each component id sits in `bytes`, and that id. */
  components: { at: number; glyph: number }[] | undefined;
  advance: number;
  leftBearing: number;
}

/** A parsed TrueType file: its tables and a per-glyph cache, shared by every subset of the font. */
export class TrueTypeSource {
  private readonly tables = new Map<string, Uint8Array>();
  private readonly glyphs = new Map<number, GlyphData>();
  private readonly longLoca: boolean;
  private readonly metricsCount: number;

  constructor(file: Uint8Array) {
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const count = view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(...file.subarray(at, at + 4));
      const offset = view.getUint32(at + 8);
      const length = view.getUint32(at + 12);
      this.tables.set(tag, file.subarray(offset, offset + length));
    }
    for (const tag of ["head", "hhea", "maxp", "hmtx", "loca", "glyf"])
      if (!this.tables.has(tag)) throw new Error(`not a TrueType font: no ${tag} table`);
    this.longLoca = this.table("head").getInt16(50) === 1;
    this.metricsCount = this.table("hhea").getUint16(34);
  }

  private table(tag: string): DataView {
    const bytes = this.tables.get(tag)!;
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Raw bytes of a table, if the font has it. */
  raw(tag: string): Uint8Array | undefined {
    return this.tables.get(tag);
  }

  glyph(id: number): GlyphData {
    let data = this.glyphs.get(id);
    if (!data) {
      data = this.readGlyph(id);
      this.glyphs.set(id, data);
    }
    return data;
  }

  private readGlyph(id: number): GlyphData {
    const loca = this.table("loca");
    const start = this.longLoca ? loca.getUint32(id * 4) : loca.getUint16(id * 2) * 2;
    const end = this.longLoca ? loca.getUint32(id * 4 + 4) : loca.getUint16(id * 2 + 2) * 2;
    const bytes = this.tables.get("glyf")!.subarray(start, end);
    const hmtx = this.table("hmtx");
    const last = this.metricsCount - 1;
    const advance = hmtx.getUint16(Math.min(id, last) * 4);
    const leftBearing =
      id <= last
        ? hmtx.getInt16(id * 4 + 2)
        : hmtx.getInt16(this.metricsCount * 4 + (id - this.metricsCount) * 2);
    return { bytes, components: compositeComponents(bytes), advance, leftBearing };
  }
}

// flags of a composite glyph's component record
const argsAreWords = 0x0001;
const hasScale = 0x0008;
const moreComponents = 0x0020;
const hasXYScale = 0x0040;
const hasTwoByTwo = 0x0080;

/** The component glyph ids of a composite glyph (and where they are), or undefined for a simple one. */
function compositeComponents(bytes: Uint8Array): { at: number; glyph: number }[] | undefined {
  if (bytes.length < 10) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt16(0) >= 0) return undefined;
  const components: { at: number; glyph: number }[] = [];
  let at = 10;
  for (;;) {
    const flags = view.getUint16(at);
    components.push({ at: at + 2, glyph: view.getUint16(at + 2) });
    at += 4 + (flags & argsAreWords ? 4 : 2);
    if (flags & hasScale) at += 2;
    else if (flags & hasXYScale) at += 4;
    else if (flags & hasTwoByTwo) at += 8;
    if (!(flags & moreComponents)) return components;
  }
}

const padded = (length: number) => (length + 3) & ~3;

/** The glyphs one document uses, renumbered in order of first use (0 stays the missing glyph). */
export class TrueTypeSubset {
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly source: TrueTypeSource) {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === "number" ? glyph : glyph.id;
    let mapped = this.mapping.get(id);
    if (mapped === undefined) {
      mapped = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, mapped);
    }
    return mapped;
  }

  /** The subset font file. */
  encode(): Uint8Array {
    // composite glyphs pull in their components, which may add glyphs while we go
    const glyphData: GlyphData[] = [];
    for (let i = 0; i < this.glyphs.length; i++) {
      const data = this.source.glyph(this.glyphs[i]!);
      glyphData.push(data);
      for (const component of data.components ?? []) this.includeGlyph(component.glyph);
    }
    const count = glyphData.length;
    const glyfLength = glyphData.reduce((sum, data) => sum + data.bytes.length, 0);

    const tables: [string, number, (out: Uint8Array, view: DataView, at: number) => void][] = [];
    const copy = (tag: string, patch?: (view: DataView, at: number) => void) => {
      const bytes = this.source.raw(tag);
      if (!bytes) return;
      tables.push([
        tag,
        bytes.length,
        (out, view, at) => {
          out.set(bytes, at);
          patch?.(view, at);
        },
      ]);
    };
    copy("head", (view, at) => {
      view.setUint32(at + 8, 0); // checkSumAdjustment, set once the file is complete
      view.setInt16(at + 50, 1); // long loca offsets
    });
    copy("hhea", (view, at) => view.setUint16(at + 34, count));
    copy("maxp", (view, at) => view.setUint16(at + 4, count));
    copy("cvt ");
    copy("fpgm");
    copy("prep");
    tables.push([
      "hmtx",
      count * 4,
      (_out, view, at) => {
        glyphData.forEach((data, i) => {
          view.setUint16(at + i * 4, data.advance);
          view.setInt16(at + i * 4 + 2, data.leftBearing);
        });
      },
    ]);
    tables.push([
      "loca",
      (count + 1) * 4,
      (_out, view, at) => {
        let offset = 0;
        glyphData.forEach((data, i) => {
          view.setUint32(at + i * 4, offset);
          offset += data.bytes.length;
        });
        view.setUint32(at + count * 4, offset);
      },
    ]);
    tables.push([
      "glyf",
      glyfLength,
      (out, view, at) => {
        let offset = at;
        for (const data of glyphData) {
          out.set(data.bytes, offset);
          for (const component of data.components ?? [])
            view.setUint16(offset + component.at, this.mapping.get(component.glyph)!);
          offset += data.bytes.length;
        }
      },
    ]);
    tables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

    const headerLength = 12 + tables.length * 16;
    const total = tables.reduce((sum, [, length]) => sum + padded(length), headerLength);
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    view.setUint32(0, 0x00010000);
    view.setUint16(4, tables.length);
    const power = 2 ** Math.floor(Math.log2(tables.length));
    view.setUint16(6, power * 16);
    view.setUint16(8, Math.log2(power));
    view.setUint16(10, tables.length * 16 - power * 16);
    let offset = headerLength;
    let headAt = -1;
    tables.forEach(([tag, length, write], i) => {
      write(out, view, offset);
      const entry = 12 + i * 16;
      for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
      view.setUint32(entry + 4, checksum(view, offset, length));
      view.setUint32(entry + 8, offset);
      view.setUint32(entry + 12, length);
      if (tag === "head") headAt = offset;
      offset += padded(length);
    });
    if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(view, 0, total)) >>> 0);
    return out;
  }
}

/** The TrueType checksum of a table: the sum of its big-endian 32-bit words (zero-padded). */
function checksum(view: DataView, at: number, length: number): number {
  let sum = 0;
  const end = at + padded(length);
  for (let i = at; i < end; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}
