import type { ExportDocument, ExportFormat, LayoutOptions } from "../document/model.js";

export { formatFiles } from "../document/model.js";

/**
 * Renders a document in one format, in the calling thread (see `render-pool.ts` for workers). Each
 * renderer is loaded on first use: a process (or worker) that only makes DOCX files never loads
 * pdfkit and its fonts, one that only makes PDFs never loads the docx package.
 */
export async function renderDocument(
  document: ExportDocument,
  format: ExportFormat,
  layout: LayoutOptions,
): Promise<Uint8Array> {
  switch (format) {
    case "pdf":
      return (await import("./pdf.js")).renderPdf(document, layout);
    case "docx":
      return (await import("./docx.js")).renderDocx(document, layout);
    case "odt":
      return (await import("./odt.js")).renderOdt(document, layout);
    case "html":
      return new TextEncoder().encode((await import("./html.js")).renderHtml(document, layout));
    case "md":
      return new TextEncoder().encode((await import("./markdown.js")).renderMarkdown(document));
  }
}
