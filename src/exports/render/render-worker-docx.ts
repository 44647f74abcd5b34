import { move } from "piscina";
import { renderDocx } from "./docx.js";
import type { RenderJob } from "./render-worker.js";

/** Worker entry for DOCX jobs (see `render-worker.ts`). */
export default async function renderDocxJob(job: RenderJob): Promise<unknown> {
  return move(await renderDocx(job.document, job.layout));
}
