import type { MessageKey } from "../i18n/en.js";
import { interpolate, type UiLanguage } from "../i18n/languages.js";

/**
 * The message catalogues of the web app, one chunk per language, loaded on demand: the browser
 * downloads the interface language only, not every language. The web build (vite.config.ts) uses
 * this module in place of src/i18n/translate.ts, so that the domain code the app runs (completeness,
 * change descriptions…) translates with the same catalogues; it has the same API.
 */
type Shared = typeof import("../i18n/translate.js");
type Catalogue = Readonly<Record<MessageKey, string>>;

export type { MessageKey } from "../i18n/en.js";
export { pickUiLanguage, type UiLanguage, uiLanguages } from "../i18n/languages.js";

const loaded = new Map<UiLanguage, Catalogue>();
const loading = new Map<UiLanguage, Promise<void>>();

/** True when the catalogue of `lang` is loaded (`translate` may be called with it). */
export function catalogueLoaded(lang: UiLanguage): boolean {
  return loaded.has(lang);
}

/** Load the catalogue of `lang` (once); rejects when its chunk cannot be fetched. */
export function loadCatalogue(lang: UiLanguage): Promise<void> {
  if (loaded.has(lang)) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    const load =
      lang === "fr" ? import("../i18n/fr.js").then((m) => m.fr) : import("../i18n/en.js").then((m) => m.en);
    pending = load.then(
      (catalogue) => {
        loaded.set(lang, catalogue);
      },
      (error: unknown) => {
        loading.delete(lang); // a later call tries again
        throw error;
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

function catalogueFor(lang: UiLanguage): Catalogue {
  const catalogue = loaded.get(lang) ?? loaded.values().next().value;
  if (!catalogue) throw new Error(`no message catalogue loaded (wanted "${lang}")`);
  return catalogue;
}

/**
 * Messages the language chunks leave out and one screen loads when it needs them, in every language
 * at once (the import report's: `importReportMessages`).
 */
const added = new Map<UiLanguage, Readonly<Record<string, string>>>();
function addMessages(messages: Record<UiLanguage, Readonly<Record<string, string>>>) {
  for (const lang of Object.keys(messages) as UiLanguage[])
    added.set(lang, { ...added.get(lang), ...messages[lang] });
}

let importReport: Promise<void> | null = null;
/**
 * Load the messages of the import report (formats and interoperability: `formats.*`, `interop.*`),
 * which the language chunks leave out (vite.config.ts); rejects when their chunk cannot be fetched.
 */
export function loadImportReportMessages(): Promise<void> {
  importReport ??= Promise.all([
    import("../i18n/catalogues/formats.js"),
    import("../i18n/catalogues/interop.js"),
  ]).then(
    ([formats, interop]) => {
      addMessages({
        en: { ...formats.formatsEn, ...interop.interopEn },
        fr: { ...formats.formatsFr, ...interop.interopFr },
      });
    },
    (error: unknown) => {
      importReport = null; // a later call tries again
      throw error;
    },
  );
  return importReport;
}

/** True once the messages of the import report are loaded. */
export function importReportMessagesLoaded(): boolean {
  return added.has("en");
}

/** The message `key` in `lang`, with its parameters filled in (`lang` must be loaded). */
export const translate: Shared["translate"] = (lang, key, params = {}) =>
  // Every catalogue has every key (src/i18n/translate.test.ts); the key itself is the last resort.
  interpolate(catalogueFor(lang)[key] ?? added.get(lang)?.[key] ?? key, params);

/** True when `key` is a message key of the catalogues (of those loaded, for the import report's). */
export const isMessageKey: Shared["isMessageKey"] = (key): key is MessageKey =>
  Object.hasOwn(catalogueFor("en"), key) || Object.hasOwn(added.get("en") ?? {}, key);
