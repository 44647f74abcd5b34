import { pickUiLanguage, type UiLanguage } from "../i18n/languages.js";

/** Where the interface language chosen by the user is remembered (localStorage). */
export const languageStorageKey = "carnet.language";

/** The remembered interface language, else the browser's. */
export function initialLanguage(): UiLanguage {
  const stored = globalThis.localStorage?.getItem(languageStorageKey);
  if (stored === "en" || stored === "fr") return stored;
  return pickUiLanguage(globalThis.navigator?.languages?.join(",") ?? globalThis.navigator?.language);
}
