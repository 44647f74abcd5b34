import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Command, Option } from "commander";
import { type TargetFormat, targetFormats } from "../../formats/import-document.js";
import type { FormatProblem, ReportEntry } from "../../formats/report.js";
import { loadBuiltinContent } from "../../services/builtin-content.js";
import { convertDocument } from "../../services/convert-document.js";
import { exitCodes, say } from "../output.js";

/** Print a conversion report on stderr: one heading, then one line per entry. */
export function printReport(entries: ReportEntry[]): void {
  if (entries.length === 0) return;
  const count = (kind: ReportEntry["kind"]) => entries.filter((entry) => entry.kind === kind).length;
  console.error(
    say("formats.report.heading", { repairs: count("repair"), kept: count("kept"), losses: count("loss") }),
  );
  for (const entry of entries) {
    console.error(
      `  ${say(`formats.report.line.${entry.kind}`)}  ${entry.path}: ${say(entry.key, entry.params)}`,
    );
  }
}

/** Print a problem (and its per-path details) on stderr. */
export function printProblem(problem: FormatProblem, file?: string): void {
  console.error(`carnet: ${file ? `${file}: ` : ""}${say(problem.key, problem.params)}`);
  for (const detail of problem.problems?.slice(0, 50) ?? []) {
    console.error(`  ${detail.path}: ${say(detail.key, detail.params)}`);
  }
}

/** Read a file as UTF-8 text, or print why not and exit 2. */
export function readInputFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    console.error(`carnet: ${say("formats.read.unreadable", { path: file, reason })}`);
    process.exit(exitCodes.usage);
  }
}

interface ConvertFlags {
  to: TargetFormat;
  out?: string;
  template?: string;
}

function convert(file: string, flags: ConvertFlags): void {
  const content = loadBuiltinContent();
  const template = flags.template ? content.templates.get(flags.template) : undefined;
  if (flags.template && !template) {
    const known = [...content.templates.keys()].join(", ");
    console.error(`carnet: ${say("cli.convert.unknown_template", { template: flags.template, known })}`);
    process.exit(exitCodes.usage);
  }
  const outcome = convertDocument(readInputFile(file), flags.to, {
    template,
    templates: content.templates,
    vocabularies: content.vocabularies,
  });
  printReport(outcome.report);
  if (!outcome.ok) {
    printProblem(outcome.problem, file);
    process.exit(outcome.status === "unreadable" ? exitCodes.usage : exitCodes.invalid);
  }
  if (!flags.out) {
    process.stdout.write(outcome.output);
    return;
  }
  // Write beside the target then rename, so a failure never leaves half a file.
  const temporary = join(dirname(flags.out), `.carnet-convert-${process.pid}.tmp`);
  writeFileSync(temporary, outcome.output);
  renameSync(temporary, flags.out);
}

/** `carnet convert FILE --to FORMAT [--out PATH]`: convert between native and RDA DCS formats. */
export function registerConvertCommand(program: Command): void {
  program
    .command("convert")
    .description(say("cli.convert.description"))
    .argument("<file>", say("cli.convert.file"))
    .addOption(
      new Option("--to <format>", say("cli.convert.to")).choices(targetFormats).default("rda-dcs-1.2"),
    )
    .option("-o, --out <path>", say("cli.convert.out"))
    .option("-t, --template <id>", say("cli.convert.template"))
    .action((file: string, flags: ConvertFlags) => convert(file, flags));
}
