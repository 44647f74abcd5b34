import type { Command } from "commander";
import { createAccountDeps } from "../../services/account-deps.js";
import { createAccount } from "../../services/accounts.js";
import { createAppContext } from "../../services/app-context.js";
import { isAppError } from "../../shared/app-error.js";
import { type ConnectionFlags, loadConfig } from "../config-from-flags.js";
import { exitCodes, failAndExit, say } from "../output.js";

interface UserCreateFlags extends ConnectionFlags {
  email: string;
  name?: string;
  admin?: boolean;
  passwordStdin?: boolean;
  language?: string;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // Only the final line break is dropped: `echo secret | carnet user create …` gives "secret".
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function createUser(flags: UserCreateFlags): Promise<void> {
  const config = loadConfig(flags);
  let password: string | undefined;
  if (flags.passwordStdin) {
    password = await readStdin();
    if (password === "") {
      console.error(`carnet: ${say("cli.user.password_stdin_empty")}`);
      process.exit(exitCodes.usage);
    }
  }
  const language = flags.language === "fr" || flags.language === "en" ? flags.language : undefined;
  const context = await createAppContext(config.database);
  try {
    const result = await createAccount(createAccountDeps(context), {
      email: flags.email,
      displayName: flags.name,
      password,
      role: flags.admin ? "super_admin" : "user",
      preferredLanguage: language,
    });
    console.log(say("cli.user.created", { email: result.account.email, role: result.account.role }));
    if (result.generatedPassword) {
      console.log(say("cli.user.generated_password", { password: result.generatedPassword }));
    }
  } catch (error) {
    if (isAppError(error) && error.code === "email_taken") {
      console.error(`carnet: ${say("cli.user.email_taken", { email: flags.email })}`);
      process.exitCode = exitCodes.invalid;
    } else if (isAppError(error) && error.code === "validation_failed") {
      const problems = (error.details as { path: string; message: string }[])
        .map((d) => `${d.path.slice(1)}: ${d.message}`)
        .join("; ");
      console.error(`carnet: ${say("cli.user.invalid", { problems })}`);
      process.exitCode = exitCodes.usage;
    } else throw error;
  } finally {
    await context.close();
  }
}

/** `carnet user create`: add an account from the command line (e.g. the first super admin). */
export function registerUserCommands(program: Command): void {
  const user = program.command("user").description(say("cli.user.description"));
  user
    .command("create")
    .description(say("cli.user.create.description"))
    .requiredOption("--email <email>", say("cli.user.option.email"))
    .option("--name <name>", say("cli.user.option.name"))
    .option("--admin", say("cli.user.option.admin"))
    .option("--password-stdin", say("cli.user.option.password_stdin"))
    .option("--language <lang>", say("cli.user.option.language"))
    .option("-d, --data <dir>", say("cli.option.data"))
    .option("--database-url <url>", say("cli.option.database_url"))
    .action((flags: UserCreateFlags) => createUser(flags).catch(failAndExit));
}
