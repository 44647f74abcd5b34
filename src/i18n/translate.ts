import { en, type MessageKey } from "./en.js";
import { fr } from "./fr.js";
import { interpolate, type UiLanguage } from "./languages.js";

export type { MessageKey } from "./en.js";
export { pickUiLanguage, type UiLanguage, uiLanguages } from "./languages.js";

// The web app is built with its own version of this module, whose catalogues load on demand
// (src/web/catalogues.ts): keep the two in step.
const catalogues: Record<UiLanguage, Record<MessageKey, string>> = { en, fr };

/** The message `key` in `lang`, with its parameters filled in. */
export function translate(
  lang: UiLanguage,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return interpolate(catalogues[lang][key] ?? en[key], params);
}

/** True when `key` is a message key of the catalogues. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
