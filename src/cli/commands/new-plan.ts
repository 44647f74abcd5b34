import type { Command } from "commander";
import { describeProblem, type Problem } from "../../domain/problems.js";
import { loadBuiltinContent } from "../../services/builtin-content.js";
import { draftPlan } from "../../services/plans.js";
import { AppError } from "../../shared/app-error.js";
import { cliLanguage, exitCodes, failAndExit, say } from "../output.js";

interface NewFlags {
  template: string;
  lang: string;
  title: string;
  context?: "research_project" | "research_entity";
}

function newPlan(flags: NewFlags): void {
  const content = loadBuiltinContent();
  try {
    const plan = draftPlan(content, {
      templateId: flags.template,
      language: flags.lang,
      title: flags.title,
      ...(flags.context ? { context: flags.context } : {}),
    });
    console.log(JSON.stringify(plan, null, 2));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "bad_request" && error.params.template !== undefined) {
      console.error(`carnet: ${say("cli.new.unknown_template", error.params)}`);
    } else if (error.code === "bad_request") {
      console.error(`carnet: ${say("error.bad_request", error.params)}`);
    } else {
      const problems = ((error.details as { problems?: Problem[] })?.problems ?? []).map((p) =>
        describeProblem(p, cliLanguage),
      );
      console.error(`carnet: ${say("cli.new.invalid", { problems: problems.join(" ") })}`);
    }
    process.exitCode = exitCodes.usage;
  }
}

/** `carnet new --template ID --lang fra --title "…"`: print a new plan (native JSON) on stdout. */
export function registerNewCommand(program: Command): void {
  program
    .command("new")
    .description(say("cli.new.description"))
    .requiredOption("--template <id>", say("cli.new.option.template"))
    .requiredOption("--lang <code>", say("cli.new.option.lang"))
    .requiredOption("--title <text>", say("cli.new.option.title"))
    .option("--context <context>", say("cli.new.option.context"))
    .action((flags: NewFlags) => {
      try {
        newPlan(flags);
      } catch (error) {
        failAndExit(error);
      }
    });
}
