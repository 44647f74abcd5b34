import { fullFormats } from "ajv-formats/dist/formats.js";
import { dcsLanguages, languageAliases } from "./vocabularies.js";

/**
 * Scalar coercions of the DCS normaliser. Each returns the clean value and, when it had to change
 * the input, a short reason (a `formats.repair.*` key suffix), or `undefined` when it cannot
 * make the input valid. The same ajv-formats checks as the export validation decide validity,
 * so a value accepted here never fails there.
 */
export type Coerced<T> = { value: T; repair?: string } | undefined;

type FormatName = "date" | "date-time" | "uri" | "url" | "email";

/** True when `value` satisfies the ajv-formats ("full" mode) check `name`. */
export function formatOk(name: FormatName, value: string): boolean {
  const format = fullFormats[name] as unknown;
  if (format instanceof RegExp) return format.test(value);
  if (typeof format === "function") return Boolean((format as (v: string) => boolean)(value));
  if (format && typeof format === "object" && "validate" in format) {
    const validate = (format as { validate: RegExp | ((v: string) => boolean) }).validate;
    return validate instanceof RegExp ? validate.test(value) : Boolean(validate(value));
  }
  return false;
}

// Epoch milliseconds between 1970 and 2200: numbers in that range in a date field are timestamps.
const epochMsMin = 0;
const epochMsMax = 7_258_118_400_000;

function fromEpoch(value: unknown): Date | undefined {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\d{12,13}$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(n) || n < epochMsMin || n > epochMsMax) return undefined;
  return new Date(n);
}

/** A date-time with timezone (RFC 3339): adds `Z`, turns a space into `T`, reads epoch-ms and bare dates. */
export function coerceDateTime(value: unknown): Coerced<string> {
  const epoch = fromEpoch(value);
  if (epoch) return { value: epoch.toISOString(), repair: "epoch_ms" };
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (formatOk("date-time", text) && /^\d{4}-\d\d-\d\dT/.test(text)) {
    return text === value ? { value } : { value: text, repair: "trimmed" };
  }
  const match =
    /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?))?\s*(Z|z|UTC|GMT|[+-]\d\d:?\d\d)?$/.exec(
      text,
    );
  if (!match) return undefined;
  const [, date, time, zone] = match;
  const clock = time ? (time.length === 5 ? `${time}:00` : time.replace(",", ".")) : "00:00:00";
  const offset =
    !zone || /^(z|utc|gmt)$/i.test(zone)
      ? "Z"
      : zone.includes(":")
        ? zone
        : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const result = `${date}T${clock}${offset}`;
  if (!formatOk("date-time", result)) return undefined;
  const repair = !time
    ? "date_only"
    : !zone
      ? "timezone_added"
      : text.includes(" ")
        ? "space_to_t"
        : "datetime_rewritten";
  return { value: result, repair };
}

/** A calendar date (`YYYY-MM-DD`): keeps the date part of a date-time, reads epoch-ms. */
export function coerceDate(value: unknown): Coerced<string> {
  const epoch = fromEpoch(value);
  if (epoch) return { value: epoch.toISOString().slice(0, 10), repair: "epoch_ms" };
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^\d{4}-\d\d-\d\d$/.test(text) && formatOk("date", text)) {
    return text === value ? { value } : { value: text, repair: "trimmed" };
  }
  const match = /^(\d{4}-\d\d-\d\d)[T ]\d\d:\d\d/.exec(text);
  if (match?.[1] && formatOk("date", match[1])) return { value: match[1], repair: "datetime_in_date" };
  return undefined;
}

/** An ISO 639-3 code of the DCS list, from a 639-3/639-1/639-2B code, a locale (`fr_FR`) or a name. */
export function coerceLanguage(value: unknown): Coerced<string> {
  if (typeof value !== "string") return undefined;
  if (dcsLanguages.has(value)) return { value };
  const text = value.trim().toLowerCase();
  if (dcsLanguages.has(text)) return { value: text, repair: "language_case" };
  const base = text.split(/[-_]/)[0] ?? "";
  const code = dcsLanguages.has(base) ? base : (languageAliases.get(base) ?? languageAliases.get(text));
  return code ? { value: code, repair: "language_code" } : undefined;
}

const yesWords = new Set(["yes", "y", "true", "oui", "1"]);
const noWords = new Set(["no", "n", "false", "non", "0"]);
const unknownWords = new Set(["unknown", "inconnu", "ne sait pas", "?", "unk"]);

/** `yes` | `no` | `unknown`, from booleans, any case, and French words. */
export function coerceYesNoUnknown(value: unknown): Coerced<"yes" | "no" | "unknown"> {
  if (value === "yes" || value === "no" || value === "unknown") return { value };
  if (value === true) return { value: "yes", repair: "boolean_to_text" };
  if (value === false) return { value: "no", repair: "boolean_to_text" };
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  if (yesWords.has(text)) return { value: "yes", repair: "vocabulary" };
  if (noWords.has(text)) return { value: "no", repair: "vocabulary" };
  if (unknownWords.has(text)) return { value: "unknown", repair: "vocabulary" };
  return undefined;
}

/** A code of a closed list: exact, else lower/upper-cased, else through `synonyms`. */
export function coerceCode(
  value: unknown,
  allowed: ReadonlySet<string>,
  synonyms: Readonly<Record<string, string>> = {},
  upper = false,
): Coerced<string> {
  if (typeof value !== "string") return undefined;
  if (allowed.has(value)) return { value };
  const trimmed = value.trim();
  const cased = upper ? trimmed.toUpperCase() : trimmed.toLowerCase();
  if (allowed.has(cased)) return { value: cased, repair: "vocabulary" };
  const synonym = synonyms[trimmed.toLowerCase()];
  return synonym && allowed.has(synonym) ? { value: synonym, repair: "vocabulary" } : undefined;
}

/** Text: strings as they are; numbers and booleans written out. */
export function coerceText(value: unknown): Coerced<string> {
  if (typeof value === "string") return { value };
  if (typeof value === "number" && Number.isFinite(value))
    return { value: String(value), repair: "number_to_text" };
  if (typeof value === "boolean") return { value: String(value), repair: "boolean_to_text" };
  return undefined;
}

/** A URL passing ajv-formats `url` (or `uri`): trims, adds https:// to `www.`, resolves bare DOIs. */
export function coerceUrl(value: unknown, format: "url" | "uri"): Coerced<string> {
  if (typeof value !== "string") return undefined;
  if (formatOk(format, value)) return { value };
  const text = value.trim();
  if (formatOk(format, text)) return { value: text, repair: "trimmed" };
  if (/^10\.\d{4,9}\/\S+$/.test(text)) {
    const doi = `https://doi.org/${text}`;
    if (formatOk(format, doi)) return { value: doi, repair: "doi_to_url" };
  }
  if (/^www\.\S+$/i.test(text) && formatOk(format, `https://${text}`)) {
    return { value: `https://${text}`, repair: "scheme_added" };
  }
  return undefined;
}

/** An e-mail address passing ajv-formats `email`: trims, drops `mailto:`. */
export function coerceEmail(value: unknown): Coerced<string> {
  if (typeof value !== "string") return undefined;
  if (formatOk("email", value)) return { value };
  const text = value.trim().replace(/^mailto:/i, "");
  return formatOk("email", text) ? { value: text, repair: "email_cleaned" } : undefined;
}

/** A number (`value` of a cost), from numeric text with a comma or spaces. */
export function coerceNumber(value: unknown, integer: boolean): Coerced<number> {
  if (typeof value === "number" && Number.isFinite(value)) {
    return !integer || Number.isInteger(value) ? { value } : undefined;
  }
  if (typeof value !== "string") return undefined;
  const text = value
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return undefined;
  return { value: n, repair: "text_to_number" };
}

/** A boolean (`is_reused`), from yes/no words. */
export function coerceBoolean(value: unknown): Coerced<boolean> {
  if (typeof value === "boolean") return { value };
  const word = coerceYesNoUnknown(value);
  if (word?.value === "yes") return { value: true, repair: "text_to_boolean" };
  if (word?.value === "no") return { value: false, repair: "text_to_boolean" };
  return undefined;
}
