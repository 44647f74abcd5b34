import { move } from "piscina";
import type { ExportDocument, ExportFormat, LayoutOptions } from "../document/model.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { renderOdt } from "./odt.js";

/** A render job sent to a worker thread. */
export interface RenderJob {
  document: ExportDocument;
  format: ExportFormat;
  layout: LayoutOptions;
}

/**
 * Worker entry for ODT, HTML and Markdown (small renderers); PDF and DOCX have their own entries
 * (`render-worker-pdf.ts`, `render-worker-docx.ts`) so that a worker loads pdfkit and its fonts, or
 * the docx package, only once it has such a job. The bytes are transferred back, not copied.
 */
export default async function renderJob(job: RenderJob): Promise<unknown> {
  const encode = (text: string) => new TextEncoder().encode(text);
  switch (job.format) {
    case "odt":
      return move(await renderOdt(job.document, job.layout));
    case "html":
      return move(encode(renderHtml(job.document, job.layout)));
    case "md":
      return move(encode(renderMarkdown(job.document)));
    default:
      throw new Error(`render-worker: ${job.format} has its own worker entry`);
  }
}
