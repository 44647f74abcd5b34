import {
  type Block,
  defaultLayout,
  type ExportDocument,
  footerText,
  type Inline,
  type LayoutOptions,
  paperSizesMm,
} from "../document/model.js";

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function inlineHtml(runs: Inline[]): string {
  return runs
    .map((run) => {
      if (run.kind === "break") return "<br>";
      let html = escapeHtml(run.text);
      if (run.code) html = `<code>${html}</code>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.href) html = `<a href="${escapeHtml(run.href)}">${html}</a>`;
      return html;
    })
    .join("");
}

/** Blocks → HTML fragment (every text escaped; only our own tags are written). */
export function blocksHtml(blocks: Block[]): string {
  return blocks.map(blockHtml).join("\n");
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h${block.level}>${inlineHtml(block.runs)}</h${block.level}>`;
    case "paragraph":
      return block.role
        ? `<p class="${block.role}">${inlineHtml(block.runs)}</p>`
        : `<p>${inlineHtml(block.runs)}</p>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>${block.items.map((item) => `<li>${blocksHtml(item)}</li>`).join("")}</${tag}>`;
    }
    case "fields":
      return `<table class="fields"><tbody>${block.rows
        .map(
          (row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${blocksHtml(row.value)}</td></tr>`,
        )
        .join("")}</tbody></table>`;
    case "table": {
      const head =
        block.header.length > 0
          ? `<thead><tr>${block.header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join("")}</tr></thead>`
          : "";
      const body = block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${blocksHtml(cell)}</td>`).join("")}</tr>`)
        .join("");
      return `<table class="grid">${head}<tbody>${body}</tbody></table>`;
    }
    case "pageBreak":
      return '<hr class="page-break">';
  }
}

function stylesheet(layout: LayoutOptions, footer: string): string {
  const paper = paperSizesMm[layout.paper];
  // The footer counters work in print engines that implement CSS paged media margin boxes.
  return `
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: ${layout.fontSize}pt; line-height: 1.4; max-width: 48em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.8em; } h2 { font-size: 1.45em; } h3 { font-size: 1.2em; } h4, h5, h6 { font-size: 1.05em; }
p.subtitle { font-style: italic; }
p.label { font-weight: bold; margin-bottom: 0.2em; }
p.placeholder { font-style: italic; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
table.fields th { width: 30%; background: #f2f2f2; }
table.grid thead th { background: #e6e6e6; }
td > p:first-child, li > p:first-child { margin-top: 0; } td > p:last-child, li > p:last-child { margin-bottom: 0; }
hr.page-break { border: 0; border-top: 1px solid #ccc; margin: 2em 0; }
@page { size: ${paper.width}mm ${paper.height}mm; margin: ${layout.marginMm}mm;
  @bottom-center { content: "${cssString(footer)}"; font-size: 8pt; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  hr.page-break { border: 0; margin: 0; break-after: page; }
  h1, h2, h3, h4 { break-after: avoid; } tr { break-inside: avoid; }
  a { color: inherit; }
}`;
}

/** Escapes a value for a CSS string; counters are spliced in for the page numbers. */
function cssString(footer: string): string {
  return footer
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, " ")
    .replace("\u0000PAGE\u0000", '" counter(page) "')
    .replace("\u0000PAGES\u0000", '" counter(pages) "');
}

/** A standalone HTML page with a print stylesheet. */
export function renderHtml(document: ExportDocument, layout: LayoutOptions = defaultLayout): string {
  const footer = footerText(document.meta, "\u0000PAGE\u0000", "\u0000PAGES\u0000");
  return `<!DOCTYPE html>
<html lang="${escapeHtml(document.meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Carnet">
${document.meta.author ? `<meta name="author" content="${escapeHtml(document.meta.author)}">\n` : ""}<title>${escapeHtml(document.meta.title)}</title>
<style>${stylesheet(layout, footer)}
</style>
</head>
<body>
${blocksHtml(document.blocks)}
</body>
</html>
`;
}
