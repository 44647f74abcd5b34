import { z } from "zod";

/** Interface/translation language codes used for texts of templates and vocabularies (BCP 47 primary tags). */
export const textLanguageSchema = z
  .string()
  .regex(/^[a-z]{2}$/, "a two-letter language code such as en or fr");

/**
 * A text given in several languages, e.g. `{ "en": "Data description", "fr": "Description des données" }`.
 * Built-in content always has `en` and `fr`; other languages may be added.
 */
export const localizedTextSchema = z
  .record(textLanguageSchema, z.string())
  .refine((value) => Object.keys(value).length > 0, "at least one language is required");
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Result of picking a text in a language: `fallback` is true when another language had to be used. */
export interface PickedText {
  text: string;
  lang: string;
  fallback: boolean;
}

/**
 * The text in `lang`, else English, else French, else any language: a missing translation falls back
 * visibly (the caller can mark it), never to an empty string.
 */
export function pickText(text: LocalizedText | undefined, lang: string): PickedText {
  if (!text) return { text: "", lang, fallback: false };
  const exact = text[lang];
  if (exact !== undefined && exact !== "") return { text: exact, lang, fallback: false };
  for (const other of ["en", "fr", ...Object.keys(text)]) {
    const value = text[other];
    if (value !== undefined && value !== "") return { text: value, lang: other, fallback: true };
  }
  return { text: "", lang, fallback: false };
}

/** Shorthand of `pickText(...).text`. */
export function localize(text: LocalizedText | undefined, lang: string): string {
  return pickText(text, lang).text;
}

/** ISO 639-3 code of a plan's writing language → the text language used for labels (fra → fr). */
export function textLanguageOf(iso6393: string): string {
  const map: Record<string, string> = {
    fra: "fr",
    eng: "en",
    deu: "de",
    spa: "es",
    ita: "it",
    por: "pt",
    nld: "nl",
  };
  return map[iso6393] ?? "en";
}
