import { move } from "piscina";
import { renderPdf } from "./pdf.js";
import type { RenderJob } from "./render-worker.js";

/** Worker entry for PDF jobs (see `render-worker.ts`). */
export default async function renderPdfJob(job: RenderJob): Promise<unknown> {
  return move(await renderPdf(job.document, job.layout));
}
