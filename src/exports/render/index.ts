import type { ExportDocument, ExportFormat, LayoutOptions } from "../document/model.js";
import { renderDocx } from "./docx.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { renderOdt } from "./odt.js";
import { renderPdf } from "./pdf.js";

/** Media type and file extension of each format. */
export const formatFiles: Record<ExportFormat, { mediaType: string; extension: string }> = {
  pdf: { mediaType: "application/pdf", extension: "pdf" },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", extension: "odt" },
  html: { mediaType: "text/html; charset=utf-8", extension: "html" },
  md: { mediaType: "text/markdown; charset=utf-8", extension: "md" },
};

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
