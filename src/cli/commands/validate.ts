import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { describeProblem } from "../../domain/problems.js";
import { loadBuiltinContent } from "../../services/builtin-content.js";
import { validateDocument } from "../../services/convert-document.js";
import { checkPlanFile } from "../../services/plan-files.js";
import { cliLanguage, exitCodes, failAndExit, say } from "../output.js";

/** Check each file; one line per problem. Exit 2 if a file is unusable, else 1 if one is invalid, else 0. */
async function validate(files: string[]): Promise<void> {
  const content = loadBuiltinContent();
  let unusable = false;
  let invalid = false;
  for (const file of files) {
    // RDA DCS, DMPTool and DMP OPIDoR files are checked by the formats service; native plans below.
    const other = await checkOtherFormat(file);
    if (other === "invalid") invalid = true;
    if (other !== "native") continue;
    const result = await checkPlanFile(file, content);
    if (result.kind === "unreadable") {
      unusable = true;
      console.error(`${file}: ${say("cli.validate.unreadable", { reason: result.reason })}`);
    } else if (result.kind === "not_json") {
      unusable = true;
      const { line, column, message } = result.error;
      console.error(`${file}: ${say("cli.validate.not_json", { line, column, message })}`);
    } else if (result.problems.length > 0) {
      invalid = true;
      for (const problem of result.problems) {
        console.log(`${file}: ${problem.path || "/"}: ${describeProblem(problem, cliLanguage)}`);
      }
    } else {
      console.log(`${file}: ${say("cli.validate.valid")}`);
    }
  }
  process.exitCode = unusable ? exitCodes.usage : invalid ? exitCodes.invalid : exitCodes.ok;
}

/**
 * Validate a file that is not a native plan: DCS strictly against the official schema of its detected
 * version (one line per problem, with its path), DMP OPIDoR through its import. "native" when the file
 * is a native plan or cannot be read (the native check reports those).
 */
async function checkOtherFormat(file: string): Promise<"native" | "valid" | "invalid"> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return "native";
  }
  const verdict = validateDocument(text);
  if (verdict.unreadable || verdict.format.startsWith("Carnet native")) return "native";
  // Unknown JSON goes to the native check, which explains what a plan needs.
  if (verdict.format === "unknown JSON") return "native";
  if (verdict.valid) {
    console.log(`${file}: ${say("formats.validate.valid", { format: verdict.format })}`);
    return "valid";
  }
  const count = verdict.problems.length;
  console.log(`${file}: ${say("formats.validate.invalid", { format: verdict.format, count })}`);
  for (const problem of verdict.problems)
    console.log(`${file}: ${problem.path}: ${say(problem.key, problem.params)}`);
  if (verdict.importable) {
    console.log(`${file}: ${say("formats.validate.importable", { repairs: verdict.repairs })}`);
  }
  return "invalid";
}

/** `carnet validate FILE…`: check plans in the native format, and RDA DCS / DMP OPIDoR files. */
export function registerValidateCommand(program: Command): void {
  program
    .command("validate")
    .description(say("cli.validate.description"))
    .argument("<files...>", say("cli.validate.files"))
    .action((files: string[]) => validate(files).catch(failAndExit));
}
