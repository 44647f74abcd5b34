import { move } from "piscina";
import type { ExportDocument, ExportFormat, LayoutOptions } from "../document/model.js";
import { renderDocument } from "./index.js";

/** A render job sent to a worker thread. */
export interface RenderJob {
  document: ExportDocument;
  format: ExportFormat;
  layout: LayoutOptions;
}

/** Worker entry: renders one job; the bytes are transferred back, not copied. */
export default async function renderJob(job: RenderJob): Promise<unknown> {
  const bytes = await renderDocument(job.document, job.format, job.layout);
  return move(bytes);
}
