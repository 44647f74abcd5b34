import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { pdfFonts } from "./pdf-fonts.js";

type Glyph = {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
  _decode(): { numberOfContours: number } | null;
};
type Font = {
  layout(text: string): { glyphs: Glyph[] };
  getGlyph(id: number): Glyph;
  numGlyphs: number;
  createSubset(): { includeGlyph(glyph: number): number; encode(): Uint8Array };
};

describe("PDF font subsets", () => {
  const text = "Plan « données » — œuvre, été, ça, l’île, Ærø, Ωμέγα, Жизнь, fi ½ ™";

  it.each(["regular", "bold", "italic", "boldItalic", "mono"] as const)(
    "%s: the subset is a TrueType font with the same outlines and advances",
    (key) => {
      const font = pdfFonts()[key] as unknown as Font;
      const glyphs = font.layout(text).glyphs;
      const subset = font.createSubset();
      const mapping = new Map(glyphs.map((glyph) => [glyph.id, subset.includeGlyph(glyph.id)]));
      const parsed = fontkit.create(Buffer.from(subset.encode())) as unknown as Font;
      // composite glyphs pull their components in: more glyphs than asked, never fewer
      expect(parsed.numGlyphs).toBeGreaterThanOrEqual(new Set(mapping.values()).size + 1);
      for (const [original, mapped] of mapping) {
        const before = font.getGlyph(original);
        const after = parsed.getGlyph(mapped);
        expect(after.advanceWidth).toBe(before.advanceWidth);
        expect(after.path.toSVG()).toBe(before.path.toSVG());
      }
    },
  );

  it("rewrites the component ids of composite glyphs", () => {
    const font = pdfFonts().regular as unknown as Font;
    const composite = font
      .layout(text)
      .glyphs.filter((glyph) => (glyph._decode()?.numberOfContours ?? 0) < 0);
    expect(composite.length).toBeGreaterThan(0);
    const subset = font.createSubset();
    const mapped = composite.map((glyph) => subset.includeGlyph(glyph.id));
    const parsed = fontkit.create(Buffer.from(subset.encode())) as unknown as Font;
    composite.forEach((glyph, i) => {
      expect(parsed.getGlyph(mapped[i]!).path.toSVG()).toBe(glyph.path.toSVG());
    });
  });
});
