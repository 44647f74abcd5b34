import type { Command } from "commander";
import { AppError } from "../../shared/app-error.js";
import { cliLanguage, exitCodes, failAndExit, say } from "../output.js";

interface ExportFlags {
  format?: string;
  lang?: string;
  out?: string;
  template?: string;
  outputs?: string;
  headings: boolean;
  unanswered?: boolean;
  cover: boolean;
  fontSize?: string;
  margins?: string;
  paper?: string;
}

async function runExport(file: string, flags: ExportFlags): Promise<void> {
  // Loaded on use: other commands should not pay for the export libraries.
  const { exportPlanFile, stopExportWorkers } = await import("../../services/export-plan.js");
  try {
    const result = await exportPlanFile({
      file,
      ...flags,
      outputs: flags.outputs
        ?.split(",")
        .map((value) => value.trim())
        .filter(Boolean),
      uiLanguage: cliLanguage,
    });
    console.log(
      say("cli.export.done", {
        path: result.path,
        format: result.format,
        size: (result.bytes / 1024).toFixed(1),
        ms: result.milliseconds,
      }),
    );
  } catch (error) {
    if (error instanceof AppError && (error.code === "validation_failed" || error.code === "bad_request")) {
      // Invalid plan: exit 1 with every problem; unusable options or files: exit 2.
      console.error(`carnet: ${error.message}`);
      const details = Array.isArray(error.details) ? (error.details as string[]) : [];
      if (error.code === "validation_failed") for (const line of details) console.error(`  ${line}`);
      await stopExportWorkers();
      process.exit(error.code === "validation_failed" ? exitCodes.invalid : exitCodes.usage);
    }
    throw error;
  } finally {
    await stopExportWorkers();
  }
}

/** `carnet export FILE --format …`: write a plan as a PDF, DOCX, ODT, HTML or Markdown document. */
export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description(say("cli.export.description"))
    .argument("<file>", say("cli.export.argument.file"))
    .requiredOption("-f, --format <format>", say("cli.export.option.format"))
    .option("-l, --lang <lang>", say("cli.export.option.lang"))
    .option("-o, --out <path>", say("cli.export.option.out"))
    .option("-t, --template <file>", say("cli.export.option.template"))
    .option("--outputs <list>", say("cli.export.option.outputs"))
    .option("--no-headings", say("cli.export.option.no_headings"))
    .option("--unanswered", say("cli.export.option.unanswered"))
    .option("--no-cover", say("cli.export.option.no_cover"))
    .option("--font-size <points>", say("cli.export.option.font_size"))
    .option("--margins <mm>", say("cli.export.option.margins"))
    .option("--paper <size>", say("cli.export.option.paper"))
    .action((file: string, flags: ExportFlags) => runExport(file, flags).catch(failAndExit));
}
