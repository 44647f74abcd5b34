import type { ExportDocument, ExportFormat, LayoutOptions } from "../document/model.js";

export { formatFiles } from "../document/model.js";

import { renderDocx } from "./docx.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { renderOdt } from "./odt.js";
import { renderPdf } from "./pdf.js";

/** Renders a document in one format, in the calling thread (see `render-pool.ts` for workers). */
export async function renderDocument(
  document: ExportDocument,
  format: ExportFormat,
  layout: LayoutOptions,
): Promise<Uint8Array> {
  switch (format) {
    case "pdf":
      return renderPdf(document, layout);
    case "docx":
      return renderDocx(document, layout);
    case "odt":
      return renderOdt(document, layout);
    case "html":
      return new TextEncoder().encode(renderHtml(document, layout));
    case "md":
      return new TextEncoder().encode(renderMarkdown(document));
  }
}
