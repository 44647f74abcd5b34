import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The fonts embedded in every PDF: DejaVu Sans (and Mono for code), from the `dejavu-fonts-ttf`
 * package. They cover Latin, Greek and Cyrillic — é ç œ « » ’ and the rest of European text — so
 * no glyph is ever substituted. Read once per process; pdfkit embeds only the glyphs used.
 */
export type FontKey = "regular" | "bold" | "italic" | "boldItalic" | "mono";

const files: Record<FontKey, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
  mono: "DejaVuSansMono.ttf",
};

let cache: Record<FontKey, Buffer> | undefined;

/** The font files as buffers, loaded on first use. */
export function pdfFonts(): Record<FontKey, Buffer> {
  if (!cache) {
    const dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    cache = Object.fromEntries(
      Object.entries(files).map(([key, file]) => [key, readFileSync(join(dir, file))]),
    ) as Record<FontKey, Buffer>;
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
