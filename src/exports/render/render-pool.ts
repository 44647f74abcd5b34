import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { ExportDocument, ExportFormat, LayoutOptions } from "../document/model.js";
import type { RenderJob } from "./render-worker.js";

/**
 * Rendering off the event loop: a pool of worker threads (piscina) so that a big export never stalls
 * the server. Workers keep their parsed fonts between jobs. From the TypeScript sources (tests, tsx)
 * the worker loads through tsx; from `dist/` it is plain JavaScript.
 */

let pool: Piscina | undefined;

/** The worker entry for a format: PDF and DOCX have their own, so a worker loads only what it uses. */
function workerEntry(format: ExportFormat): string {
  return format === "pdf" ? "render-worker-pdf" : format === "docx" ? "render-worker-docx" : "render-worker";
}

const builtWorkers = existsSync(fileURLToPath(new URL("./render-worker.js", import.meta.url)));

/** A worker file: the built JavaScript, or from the TypeScript sources (tests, tsx) through tsx. */
function workerFile(entry: string): { filename: string; execArgv: string[] } {
  if (builtWorkers)
    return { filename: fileURLToPath(new URL(`./${entry}.js`, import.meta.url)), execArgv: [] };
  return {
    filename: fileURLToPath(new URL(`./${entry}.ts`, import.meta.url)),
    execArgv: ["--import", import.meta.resolve("tsx")],
  };
}

function renderPool(): Piscina {
  if (!pool) {
    const { filename, execArgv } = workerFile("render-worker");
    pool = new Piscina({
      filename,
      execArgv,
      minThreads: 0,
      maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
      idleTimeout: 60_000,
    });
  }
  return pool;
}

/** Renders a document in a worker thread. */
export async function renderInWorker(
  document: ExportDocument,
  format: ExportFormat,
  layout: LayoutOptions,
): Promise<Uint8Array> {
  const job: RenderJob = { document, format, layout };
  return (await renderPool().run(job, { filename: workerFile(workerEntry(format)).filename })) as Uint8Array;
}

/** Stops the worker threads (the CLI calls this before exiting). */
export async function closeRenderPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.destroy();
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over the target, so that a
 * failure at any point leaves either the old file or nothing — never a partial file.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
