import type { Command } from "commander";
import { describeProblem } from "../../domain/problems.js";
import { loadBuiltinContent } from "../../services/builtin-content.js";
import { checkPlanFile } from "../../services/plan-files.js";
import { cliLanguage, exitCodes, failAndExit, say } from "../output.js";

/** Check each file; one line per problem. Exit 2 if a file is unusable, else 1 if one is invalid, else 0. */
async function validate(files: string[]): Promise<void> {
  const content = loadBuiltinContent();
  let unusable = false;
  let invalid = false;
  for (const file of files) {
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

/** `carnet validate FILE…`: check plans in the native format. */
export function registerValidateCommand(program: Command): void {
  program
    .command("validate")
    .description(say("cli.validate.description"))
    .argument("<files...>", say("cli.validate.files"))
    .action((files: string[]) => validate(files).catch(failAndExit));
}
