import type { LocalizedText } from "../../domain/localized.js";
import type { UiLanguage } from "../../i18n/translate.js";

/** A localized text in the interface language, else English, else any language it has. */
export function localized(text: LocalizedText | undefined, lang: UiLanguage): string {
  if (!text) return "";
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? "";
}

/** The plain text of a small piece of trusted HTML (template descriptions), without markup. */
export function plainText(html: string): string {
  if (typeof DOMParser === "undefined")
    return html
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  const doc = new DOMParser().parseFromString(html, "text/html");
  return (doc.body.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** Date and time in the interface language ("12 Mar 2026, 14:05"). */
export function formatDateTime(iso: string, lang: UiLanguage): string {
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** The interface language matching a plan language (ISO 639-3), for labels. */
export const planLanguageKey = (language: string) =>
  language === "fra"
    ? ("web.plans.language.fra" as const)
    : language === "eng"
      ? ("web.plans.language.eng" as const)
      : null;
