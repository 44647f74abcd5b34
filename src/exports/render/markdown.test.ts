import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import type { Block, ExportDocument } from "../document/model.js";
import { escapeMarkdown, inlineMarkdown, renderMarkdown } from "./markdown.js";

const commonmark = new MarkdownIt("commonmark");

/** The text a CommonMark renderer shows for a Markdown fragment (tags removed, entities decoded). */
function shownText(markdown: string): string {
  return commonmark
    .render(markdown)
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
}

describe("Markdown renderer", () => {
  it.each([
    "*not emphasis* and _not_ either",
    "# not a heading",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "<script>alert(1)</script>",
    "a | b | c",
    "[not](a link) ![nor](an image)",
    "`not code` \\ backslash",
    "&amp; stays &amp;",
    "===",
    "Œuvre « collective » — l’été",
  ])("prints %s literally", (value) => {
    const markdown = inlineMarkdown([{ kind: "text", text: value }]);
    expect(shownText(markdown)).toBe(value);
    expect(commonmark.render(markdown)).not.toMatch(/<(script|em|strong|h1|ol|ul|blockquote|a|img|code)\b/);
  });

  it("prints any text literally (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."ab *_`#>-+=!|[]()<>&;\\\"'1.é«»\n".split("")) }),
        (value) => {
          const line = value.replace(/\n/g, " ").trim();
          fc.pre(line !== "");
          const squash = (text: string) => text.replace(/\s+/g, " ");
          expect(squash(shownText(inlineMarkdown([{ kind: "text", text: line }])))).toBe(squash(line));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("writes marks, links and code spans that CommonMark reads back", () => {
    const markdown = inlineMarkdown([
      { kind: "text", text: "un " },
      { kind: "text", text: "gras ", bold: true },
      { kind: "text", text: "lien", href: "https://example.org/a b" },
      { kind: "text", text: " et " },
      { kind: "text", text: "a`b", code: true },
    ]);
    expect(commonmark.renderInline(markdown)).toBe(
      'un <strong>gras</strong> <a href="https://example.org/a%20b">lien</a> et <code>a`b</code>',
    );
  });

  it("renders headings, lists, tables and page breaks", () => {
    const blocks: Block[] = [
      { kind: "heading", level: 2, runs: [{ kind: "text", text: "Contributeurs" }] },
      { kind: "list", ordered: true, items: [[{ kind: "paragraph", runs: [{ kind: "text", text: "un" }] }]] },
      {
        kind: "table",
        header: ["Nom", "Rôles"],
        rows: [[[{ kind: "paragraph", runs: [{ kind: "text", text: "A|B" }] }], []]],
      },
      { kind: "pageBreak" },
    ];
    const document: ExportDocument = { meta: { title: "t", language: "fr", pageLabel: "" }, blocks };
    expect(renderMarkdown(document)).toBe(
      "## Contributeurs\n\n1. un\n\n| Nom | Rôles |\n| --- | --- |\n| A\\|B |   |\n\n* * *\n",
    );
    expect(escapeMarkdown("a*b")).toBe("a\\*b");
  });
});
