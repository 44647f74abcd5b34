import type { Command } from "commander";
import { createAppContext } from "../../services/app-context.js";
import { type ConnectionFlags, loadConfig } from "../config-from-flags.js";
import { failAndExit, say } from "../output.js";

async function migrate(flags: ConnectionFlags): Promise<void> {
  const config = loadConfig(flags);
  // Opening the context applies pending migrations; report what it did.
  const context = await createAppContext(config.database);
  await context.close();
  console.log(
    say("cli.db.migrate.done", {
      database: context.database.target,
      count: context.migrations.applied.length,
      total: context.migrations.total,
    }),
  );
}

/** `carnet db migrate`: apply pending migrations and exit. */
export function registerDbCommands(program: Command): void {
  const db = program.command("db").description(say("cli.db.description"));
  db.command("migrate")
    .description(say("cli.db.migrate.description"))
    .option("-d, --data <dir>", say("cli.option.data"))
    .option("--database-url <url>", say("cli.option.database_url"))
    .action((flags: ConnectionFlags) => migrate(flags).catch(failAndExit));
}
