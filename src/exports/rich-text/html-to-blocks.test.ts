import { type ChildNode, isTag } from "domhandler";
import fc from "fast-check";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import type { Block } from "../document/model.js";
import { blocksHtml } from "../render/html.js";
import { htmlToBlocks, plainTextToBlocks, safeHref } from "./html-to-blocks.js";

/** Every element and attribute of an HTML fragment, to check what survives. */
function inventory(html: string): { tags: Set<string>; attributes: Map<string, string[]> } {
  const tags = new Set<string>();
  const attributes = new Map<string, string[]>();
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      tags.add(node.name);
      for (const [name, value] of Object.entries(node.attribs))
        attributes.set(name, [...(attributes.get(name) ?? []), value]);
      walk(node.children);
    }
  };
  walk(parseDocument(html).children);
  return { tags, attributes };
}

const allowedTags = new Set([
  "p",
  "br",
  "strong",
  "em",
  "code",
  "a",
  "ul",
  "ol",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
]);

function expectSafe(html: string): void {
  const { tags, attributes } = inventory(html);
  for (const tag of tags) expect(allowedTags.has(tag), `tag <${tag}>`).toBe(true);
  for (const name of attributes.keys())
    expect(["href", "class", "scope"], `attribute ${name}`).toContain(name);
  for (const href of attributes.get("href") ?? []) expect(href).toMatch(/^(https?:|mailto:)/i);
}

const hostile = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
  '<svg onload="alert(1)"><circle/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<p onclick="alert(1)" style="color:red">ok</p>',
  "<style>body{display:none}</style>",
  "<scr<script>ipt>alert(1)</script>",
  "<!-- <script>alert(1)</script> -->",
  '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
  "<object data=x></object><embed src=x>",
  '<form action="https://evil.example"><input name=a><button>go</button></form>',
];

describe("htmlToBlocks (rich-text allowlist)", () => {
  it.each(hostile)("neutralises %s", (html) => {
    const out = blocksHtml(htmlToBlocks(html));
    expectSafe(out);
    expect(out.toLowerCase()).not.toMatch(
      /<script|onerror|onload|onclick|javascript:|<iframe|<svg|<img|<style/,
    );
  });

  it("keeps bold, italics, code, links, lists, sub-headings and line breaks", () => {
    const blocks = htmlToBlocks(
      '<h3>Méthode</h3><p>Un <strong>gras</strong>, un <em>italique</em>, du <code>code</code> et <a href="https://ror.org/04xhy8q59">un lien</a>.<br>Ligne 2</p><ol><li>un</li><li>deux<ul><li>deux-a</li></ul></li></ol>',
      4,
    );
    expect(blocks[0]).toEqual({ kind: "heading", level: 4, runs: [{ kind: "text", text: "Méthode" }] });
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      runs: [
        { kind: "text", text: "Un " },
        { kind: "text", text: "gras", bold: true },
        { kind: "text", text: ", un " },
        { kind: "text", text: "italique", italic: true },
        { kind: "text", text: ", du " },
        { kind: "text", text: "code", code: true },
        { kind: "text", text: " et " },
        { kind: "text", text: "un lien", href: "https://ror.org/04xhy8q59" },
        { kind: "text", text: "." },
        { kind: "break" },
        { kind: "text", text: "Ligne 2" },
      ],
    });
    const list = blocks[2] as Extract<Block, { kind: "list" }>;
    expect(list.ordered).toBe(true);
    expect(list.items).toHaveLength(2);
    expect(list.items[1]?.[1]).toMatchObject({ kind: "list", ordered: false });
  });

  it("maps the fragment's highest heading to the base level", () => {
    const blocks = htmlToBlocks("<h2>A</h2><h3>B</h3>", 3);
    expect(blocks.map((b) => (b.kind === "heading" ? b.level : 0))).toEqual([3, 4]);
  });

  it("decodes entities once and keeps text that looks like tags as text", () => {
    const blocks = htmlToBlocks("<p>a &lt;b&gt; &amp;amp; « c »</p>");
    expect(blocks).toEqual([{ kind: "paragraph", runs: [{ kind: "text", text: "a <b> &amp; « c »" }] }]);
    expect(blocksHtml(blocks)).toBe("<p>a &lt;b&gt; &amp;amp; « c »</p>");
  });

  it("drops scripts, styles and embedded content with their content", () => {
    const blocks = htmlToBlocks(
      "<p>a</p><script>alert(1)</script><style>p{}</style><iframe>frame</iframe><p>b</p>",
    );
    expect(blocks).toEqual([
      { kind: "paragraph", runs: [{ kind: "text", text: "a" }] },
      { kind: "paragraph", runs: [{ kind: "text", text: "b" }] },
    ]);
  });

  it("drops empty paragraphs and collapses whitespace", () => {
    expect(htmlToBlocks("<p> </p><p>\n  un   deux \n</p><div></div>")).toEqual([
      { kind: "paragraph", runs: [{ kind: "text", text: "un deux" }] },
    ]);
  });

  it("never lets markup through, whatever the input (property)", () => {
    const pieces = fc.constantFrom(
      ...hostile,
      "<p>",
      "</p>",
      "<a href='https://x.org'>",
      "</a>",
      "<b>",
      "<li>",
      "<h1>",
      "é",
      " ",
      "&lt;",
      "<",
      ">",
      '"',
      "'",
      "=",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => {
        expectSafe(blocksHtml(htmlToBlocks(parts.join(""))));
      }),
      { numRuns: 300 },
    );
  });
});

describe("safeHref", () => {
  it("accepts http, https and mailto only", () => {
    expect(safeHref("https://orcid.org/0000-0002-3992-0547")).toBe("https://orcid.org/0000-0002-3992-0547");
    expect(safeHref("mailto:a@b.fr")).toBe("mailto:a@b.fr");
    for (const bad of [
      "javascript:alert(1)",
      "vbscript:x",
      "data:text/html,x",
      "/relative",
      "java\nscript:x",
      "\u0001javascript:x",
    ])
      expect(safeHref(bad)).toBeUndefined();
  });
});

describe("plainTextToBlocks", () => {
  it("splits paragraphs on blank lines and keeps single newlines as breaks", () => {
    expect(plainTextToBlocks("un\ndeux\n\ntrois")).toEqual([
      {
        kind: "paragraph",
        runs: [{ kind: "text", text: "un" }, { kind: "break" }, { kind: "text", text: "deux" }],
      },
      { kind: "paragraph", runs: [{ kind: "text", text: "trois" }] },
    ]);
  });
});
