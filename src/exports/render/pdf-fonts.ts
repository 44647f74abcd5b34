import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";
import { TrueTypeSource, TrueTypeSubset } from "./pdf-subset.js";

/**
 * The fonts embedded in every PDF: DejaVu Sans (and Mono for code), from the `dejavu-fonts-ttf`
 * package. They cover Latin, Greek and Cyrillic — é ç œ « » ’ and the rest of European text — so
 * no glyph is ever substituted. Parsed once per process (per worker) and shared by every document —
 * parsing DejaVu's layout tables is most of a small PDF's cost otherwise; pdfkit embeds only the
 * glyphs each document uses.
 */
export type FontKey = "regular" | "bold" | "italic" | "boldItalic" | "mono";

const files: Record<FontKey, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
  mono: "DejaVuSansMono.ttf",
};

/** OpenType layout tables: shaping with them costs most of a PDF's time, for kerning we can spare. */
const layoutTables = new Set(["GSUB", "GPOS", "GDEF", "kern", "morx", "mort"]);

/**
 * The same TrueType font without its layout tables. Text then lays out by advance widths alone:
 * several times faster, no ligature glyphs (so "fi" stays searchable), no kerning.
 */
export function withoutLayoutTables(font: Buffer): Buffer {
  const count = font.readUInt16BE(4);
  const records = Array.from({ length: count }, (_, i) => {
    const at = 12 + i * 16;
    return {
      tag: font.toString("latin1", at, at + 4),
      checksum: font.readUInt32BE(at + 4),
      offset: font.readUInt32BE(at + 8),
      length: font.readUInt32BE(at + 12),
    };
  }).filter((record) => !layoutTables.has(record.tag));
  const headerLength = 12 + records.length * 16;
  const padded = (length: number) => (length + 3) & ~3;
  const total = records.reduce((sum, record) => sum + padded(record.length), headerLength);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(font.readUInt32BE(0), 0);
  out.writeUInt16BE(records.length, 4);
  const power = 2 ** Math.floor(Math.log2(records.length));
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(records.length * 16 - power * 16, 10);
  let offset = headerLength;
  records.forEach((record, i) => {
    const at = 12 + i * 16;
    out.write(record.tag, at, "latin1");
    out.writeUInt32BE(record.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(record.length, at + 12);
    font.copy(out, offset, record.offset, record.offset + record.length);
    offset += padded(record.length);
  });
  return out;
}

/** A parsed font as pdfkit accepts it in `registerFont` (an object with `layout`). */
export type ParsedFont = { layout: (...args: never[]) => unknown; createSubset: () => unknown };

/** A fontkit font whose per-document subsets are made by our own subsetter (see `pdf-subset.ts`). */
function parsedFont(file: Buffer): ParsedFont {
  const font = fontkit.create(file) as unknown as ParsedFont;
  const source = new TrueTypeSource(file);
  font.createSubset = () => new TrueTypeSubset(source);
  return font;
}

let cache: Record<FontKey, ParsedFont> | undefined;

/** The parsed fonts, loaded on first use. */
export function pdfFonts(): Record<FontKey, ParsedFont> {
  if (!cache) {
    const dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    cache = Object.fromEntries(
      Object.entries(files).map(([key, file]) => [
        key,
        parsedFont(withoutLayoutTables(readFileSync(join(dir, file)))),
      ]),
    ) as Record<FontKey, ParsedFont>;
  }
  return cache;
}

/** The font of a run given its marks. */
export function fontKey(marks: { bold?: boolean; italic?: boolean; code?: boolean }): FontKey {
  if (marks.code) return "mono";
  if (marks.bold && marks.italic) return "boldItalic";
  if (marks.bold) return "bold";
  if (marks.italic) return "italic";
  return "regular";
}

/**
 * Word layouts (glyphs and advances) per font, shared by every document of the process: pdfkit
 * keeps such a cache per document, so the same words (template questions, labels, common
 * vocabulary) were shaped again for each export. Bounded: emptied when it grows past a limit.
 */
const layoutCaches = new Map<FontKey, Record<string, unknown>>();
const layoutCacheLimit = 50_000;
let documentsSinceTrim = 0;

/** The shared word-layout cache of one font. */
export function sharedLayoutCache(key: FontKey): Record<string, unknown> {
  let cache = layoutCaches.get(key);
  if (!cache) {
    cache = Object.create(null) as Record<string, unknown>;
    layoutCaches.set(key, cache);
  }
  return cache;
}

interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}
interface EmbeddedFontLike {
  layoutCache?: Record<string, unknown>;
  layoutCached(text: string): GlyphRun;
  layoutRun(text: string, features: unknown): GlyphRun;
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphRun;
}

/**
 * pdfkit's `EmbeddedFont.layout` with the same result, in linear time: it splits text after each
 * space or tab and lays each word out through the word cache, but concatenated the glyph arrays
 * anew for every word and allocated an array per character to test for a space — the single
 * largest cost of laying text out.
 */
function layoutWords(
  this: EmbeddedFontLike,
  text: string,
  features?: unknown,
  onlyWidth?: boolean,
): GlyphRun {
  if (features) return this.layoutRun(text, features);
  const glyphs: unknown[] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  let last = 0;
  const length = text.length;
  for (let index = 0; index < length || last < length; index++) {
    const code = index < length ? text.charCodeAt(index) : -1;
    if (code === 32 || code === 9 || index >= length) {
      const run = this.layoutCached(text.slice(last, index + 1));
      if (glyphs && positions) {
        for (const glyph of run.glyphs) glyphs.push(glyph);
        for (const position of run.positions) positions.push(position);
      }
      advanceWidth += run.advanceWidth;
      last = index + 1;
    }
  }
  return { glyphs: glyphs as unknown[], positions: positions as unknown[], advanceWidth };
}

/**
 * Prepares a document's font object (pdfkit's EmbeddedFont, internal fields) once: the word cache
 * becomes the process-wide one and the word splitting the linear one above.
 */
export function tuneEmbeddedFont(font: unknown, key: FontKey): void {
  const embedded = font as EmbeddedFontLike | undefined;
  if (!embedded || embedded.layoutCache === undefined || typeof embedded.layoutCached !== "function") return;
  embedded.layoutCache = sharedLayoutCache(key);
  embedded.layout = layoutWords;
}

/** Called after each document: now and then, drops caches that grew too large. */
export function trimLayoutCaches(): void {
  if (++documentsSinceTrim < 32) return;
  documentsSinceTrim = 0;
  for (const [key, cache] of layoutCaches)
    if (Object.keys(cache).length > layoutCacheLimit) layoutCaches.delete(key);
}
