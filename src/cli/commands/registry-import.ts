import type { Command } from "commander";
import { createAppContext } from "../../services/app-context.js";
import {
  type ImportKind,
  type ImportProgress,
  importKinds,
  importRegistryDump,
} from "../../services/registry-import.js";
import { ConfigError } from "../../shared/config.js";
import { type ConnectionFlags, loadConfig } from "../config-from-flags.js";
import { exitCodes, failAndExit, say } from "../output.js";

const shownProblems = 20;

/** A progress bar on stderr, redrawn at most every 100 ms; nothing when stderr is not a terminal. */
function progressBar(): { update(progress: ImportProgress): void; done(): void } {
  if (!process.stderr.isTTY) return { update() {}, done() {} };
  let last = 0;
  return {
    update({ records, bytesRead, totalBytes }) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const ratio = totalBytes > 0 ? Math.min(bytesRead / totalBytes, 1) : 0;
      const width = 30;
      const filled = Math.round(ratio * width);
      const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
      const line = `${bar} ${String(Math.round(ratio * 100)).padStart(3)}%  ${say("cli.registry.import.progress", { records: records.toLocaleString() })}`;
      process.stderr.write(`\r${line}`);
    },
    done() {
      process.stderr.write("\r\u001b[2K");
    },
  };
}

async function importDump(kind: string, file: string, flags: ConnectionFlags): Promise<void> {
  if (!(kind in importKinds)) {
    throw new ConfigError("cli.registry.import.bad_kind", {
      kind,
      allowed: Object.keys(importKinds).join(", "),
    });
  }
  const config = loadConfig(flags);
  const context = await createAppContext(config.database);
  const bar = progressBar();
  try {
    const summary = await importRegistryDump(context.database, kind as ImportKind, file, bar.update);
    bar.done();
    for (const problem of summary.problems.slice(0, shownProblems)) {
      console.error(`carnet: ${say("cli.registry.import.bad_record", { ...problem })}`);
    }
    if (summary.skipped > shownProblems) {
      console.error(
        `carnet: ${say("cli.registry.import.more_problems", { count: summary.skipped - shownProblems })}`,
      );
    }
    console.log(
      say("cli.registry.import.summary", {
        registry: importKinds[kind as ImportKind].registry,
        imported: summary.imported,
        updated: summary.updated,
        skipped: summary.skipped,
        seconds: summary.seconds.toFixed(1),
      }),
    );
    if (summary.imported + summary.updated === 0 && summary.skipped > 0) {
      console.error(`carnet: ${say("cli.registry.import.nothing", { file })}`);
      process.exitCode = exitCodes.invalid;
    }
  } finally {
    bar.done();
    await context.close();
  }
}

/** `carnet registry import ror|rnsr|re3data FILE`: load a full dump into the offline registries. */
export function registerRegistryCommands(program: Command): void {
  const registry = program.command("registry").description(say("cli.registry.description"));
  registry
    .command("import")
    .description(say("cli.registry.import.description"))
    .argument("<kind>", say("cli.registry.import.kind"))
    .argument("<file>", say("cli.registry.import.file"))
    .option("-d, --data <dir>", say("cli.option.data"))
    .option("--database-url <url>", say("cli.option.database_url"))
    .action((kind: string, file: string, flags: ConnectionFlags) =>
      importDump(kind, file, flags).catch(failAndExit),
    );
}
