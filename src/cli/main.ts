import { Command } from "commander";
import type { MessageKey } from "../i18n/translate.js";
import { carnetVersion } from "../shared/package-info.js";
import { registerDbCommands } from "./commands/db-migrate.js";
import { registerExportCommand } from "./commands/export.js";
import { registerNewCommand } from "./commands/new-plan.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerUserCommands } from "./commands/user.js";
import { registerValidateCommand } from "./commands/validate.js";
import { exitCodes, failAndExit, say } from "./output.js";

const helpTitles: Record<string, MessageKey> = {
  "Usage:": "cli.help.usage",
  "Options:": "cli.help.options",
  "Commands:": "cli.help.commands",
  "Arguments:": "cli.help.arguments",
};

/** Commander prints its section titles in English; give them in the CLI's language. */
function translateHelpTitle(title: string): string {
  const key = helpTitles[title];
  return key ? say(key) : title;
}

/** The `carnet` command with every subcommand registered. */
export function buildProgram(): Command {
  const program = new Command("carnet")
    .description(say("cli.description"))
    .version(carnetVersion, "-v, --version", say("cli.option.version"))
    .helpOption("-h, --help", say("cli.option.help"))
    .helpCommand("help [command]", say("cli.help_command"))
    .showHelpAfterError()
    .configureHelp({ styleTitle: translateHelpTitle })
    .exitOverride((error) => {
      // Usage errors (unknown command or option) exit 2; --help and --version exit 0.
      process.exit(error.exitCode === 0 ? exitCodes.ok : exitCodes.usage);
    });
  registerServeCommand(program);
  registerDbCommands(program);
  registerUserCommands(program);
  registerValidateCommand(program);
  registerNewCommand(program);
  registerExportCommand(program);
  return program;
}

buildProgram().parseAsync(process.argv).catch(failAndExit);
