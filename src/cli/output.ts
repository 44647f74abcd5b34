import { type MessageKey, pickUiLanguage, translate, type UiLanguage } from "../i18n/translate.js";
import { ConfigError } from "../shared/config.js";

/** The CLI's language: CARNET_LANG, then the POSIX locale variables; English by default. */
export const cliLanguage: UiLanguage = pickUiLanguage(
  process.env.CARNET_LANG || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG,
);

/** A message of the catalogues in the CLI's language. */
export function say(key: MessageKey, params: Record<string, string | number> = {}): string {
  return translate(cliLanguage, key, params);
}

/** Exit codes shared by every command. */
export const exitCodes = { ok: 0, invalid: 1, usage: 2 } as const;

/**
 * Print one line for a failure and exit: configuration problems exit 2 with their fix; anything
 * else exits 1 with its message, and the stack only when CARNET_DEBUG is set.
 */
export function failAndExit(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(`carnet: ${say(error.key, error.params)}`);
    process.exit(exitCodes.usage);
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`carnet: ${say("cli.unexpected", { message })}`);
  if (process.env.CARNET_DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(exitCodes.invalid);
}
