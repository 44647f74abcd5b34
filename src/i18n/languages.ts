/** Interface languages. Plans are written in ISO 639-3 languages; the interface speaks these. */
export const uiLanguages = ["en", "fr"] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** Replace `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
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
