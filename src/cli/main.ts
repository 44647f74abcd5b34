import { Command } from "commander";
import { carnetVersion } from "../shared/package-info.js";
import { registerDbCommands } from "./commands/db-migrate.js";
import { registerRegistryCommands } from "./commands/registry-import.js";
import { registerServeCommand } from "./commands/serve.js";
import { exitCodes, failAndExit, say } from "./output.js";

/** The `carnet` command with every subcommand registered. */
export function buildProgram(): Command {
  const program = new Command("carnet")
    .description(say("cli.description"))
    .version(carnetVersion, "-v, --version")
    .showHelpAfterError()
    .exitOverride((error) => {
      // Usage errors (unknown command or option) exit 2; --help and --version exit 0.
      process.exit(error.exitCode === 0 ? exitCodes.ok : exitCodes.usage);
    });
  registerServeCommand(program);
  registerDbCommands(program);
  registerRegistryCommands(program);
  return program;
}

buildProgram().parseAsync(process.argv).catch(failAndExit);
