import { en, type MessageKey } from "./en.js";
import { fr } from "./fr.js";

export type { MessageKey } from "./en.js";

/** Interface languages. Plans are written in ISO 639-3 languages; the interface speaks these. */
export const uiLanguages = ["en", "fr"] as const;
export type UiLanguage = (typeof uiLanguages)[number];

const catalogues: Record<UiLanguage, Record<MessageKey, string>> = { en, fr };

/** Replace `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
function interpolate(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

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

/**
 * The interface language that best matches a list of preferences such as an Accept-Language
 * header (`fr-FR,fr;q=0.9,en;q=0.8`) or a POSIX locale (`fr_FR.UTF-8`). English when nothing matches.
 */
export function pickUiLanguage(preferences: string | undefined | null): UiLanguage {
  if (!preferences) return "en";
  const ranked = preferences
    .split(",")
    .map((part, index) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split(/[-_.]/)[0];
    const found = uiLanguages.find((lang) => lang === base);
    if (found) return found;
  }
  return "en";
}
