import { isMessageKey, type MessageKey, translate, type UiLanguage } from "../i18n/translate.js";

/**
 * One problem with a request's input, kept language-neutral until the answer is written: where
 * (JSON pointer), what (the zod issue code and its parameters, or a message key of our own).
 */
export interface InputIssue {
  path: string;
  /** A zod issue code (`too_small`, `invalid_type`…) or `custom`. */
  code: string;
  /** The issue's fields other than path, code and message (minimum, origin, format, values…). */
  params: Record<string, unknown>;
  /** The original message (English), used when nothing better is known. */
  message: string;
  /** A message key of the catalogues, for problems found by the services (e.g. an unknown question). */
  key?: MessageKey;
  /** Where the field is: body, querystring, params… (request validation only). */
  in?: string;
}

/** The `details` entry of an issue, in one language. */
export interface IssueDetail {
  path: string;
  code: string;
  message: string;
  in?: string;
}

interface ZodIssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

/** A zod issue (from `safeParse`) as an input issue. */
export function inputIssueFromZod(issue: ZodIssueLike, where?: string): InputIssue {
  const { code, path, message, ...params } = issue as ZodIssueLike & Record<string, unknown>;
  return {
    path: `/${path.map(String).join("/")}`,
    code,
    params,
    message,
    ...(where ? { in: where } : {}),
  };
}

const typeNames: Record<string, MessageKey> = {
  string: "validation.type.string",
  number: "validation.type.number",
  int: "validation.type.int",
  boolean: "validation.type.boolean",
  object: "validation.type.object",
  array: "validation.type.array",
  null: "validation.type.null",
};

const formatKeys: Record<string, MessageKey> = {
  email: "validation.email",
  url: "validation.url",
  uuid: "validation.uuid",
  guid: "validation.uuid",
  datetime: "validation.datetime",
  date: "validation.date",
};

const asText = (value: unknown) => (typeof value === "bigint" ? value.toString() : String(value));
const isCollection = (origin: unknown) => origin === "array" || origin === "set" || origin === "map";
const isNumeric = (origin: unknown) => origin === "number" || origin === "int" || origin === "bigint";

function sizeMessage(lang: UiLanguage, issue: InputIssue, bound: "minimum" | "maximum"): string | undefined {
  const { origin, inclusive } = issue.params;
  const value = Number(issue.params[bound]);
  const params = { [bound]: asText(issue.params[bound]) };
  if (origin === "string") {
    if (bound === "minimum" && value <= 1) return translate(lang, "validation.not_empty");
    return translate(lang, bound === "minimum" ? "validation.min_chars" : "validation.max_chars", params);
  }
  if (isCollection(origin)) {
    return translate(lang, bound === "minimum" ? "validation.min_items" : "validation.max_items", params);
  }
  if (isNumeric(origin)) {
    if (bound === "minimum") {
      return translate(
        lang,
        inclusive === false ? "validation.above_number" : "validation.min_number",
        params,
      );
    }
    return translate(lang, inclusive === false ? "validation.below_number" : "validation.max_number", params);
  }
  return undefined;
}

/** The message of an input issue in `lang`, chosen by its code and parameters. */
export function describeInputIssue(issue: InputIssue, lang: UiLanguage): string {
  const p = issue.params;
  if (issue.key) {
    const params = Object.fromEntries(
      Object.entries(p).filter(([, v]) => typeof v === "string" || typeof v === "number"),
    ) as Record<string, string | number>;
    return translate(lang, issue.key, params);
  }
  switch (issue.code) {
    case "invalid_type": {
      // zod says "received undefined" for a missing field.
      if (/received undefined$/.test(issue.message)) return translate(lang, "validation.required");
      const expected = asText(p.expected);
      const name = typeNames[expected];
      return translate(lang, "validation.invalid_type", {
        expected: name ? translate(lang, name) : expected,
      });
    }
    case "too_small":
      return sizeMessage(lang, issue, "minimum") ?? translate(lang, "validation.invalid");
    case "too_big":
      return sizeMessage(lang, issue, "maximum") ?? translate(lang, "validation.invalid");
    case "not_multiple_of":
      return translate(lang, "validation.multiple_of", { divisor: asText(p.divisor) });
    case "invalid_format": {
      const key = formatKeys[asText(p.format)];
      if (key) return translate(lang, key);
      // A pattern's own description (e.g. "an ISO 639-3 code such as fra or eng") is English.
      const described = p.format === "regex" && !issue.message.startsWith("Invalid");
      return lang === "en" && described
        ? translate(lang, "validation.format_hint", { hint: issue.message })
        : translate(lang, "validation.format");
    }
    case "invalid_value":
      return translate(lang, "validation.one_of", {
        values: Array.isArray(p.values) ? p.values.map(asText).join(", ") : "",
      });
    case "unrecognized_keys":
      return translate(lang, "validation.unknown_fields", {
        keys: Array.isArray(p.keys) ? p.keys.map(asText).join(", ") : "",
      });
    case "custom": {
      // A refinement may name its message key in its params; otherwise its own (English) words.
      const key = (p.params as { messageKey?: unknown } | undefined)?.messageKey;
      if (typeof key === "string" && isMessageKey(key)) return translate(lang, key);
      return lang === "en" ? issue.message : translate(lang, "validation.invalid");
    }
    default:
      return translate(lang, "validation.invalid");
  }
}

/** The `details` of a validation error in `lang`: one entry per issue. */
export function localizeInputIssues(issues: readonly InputIssue[], lang: UiLanguage): IssueDetail[] {
  return issues.map((issue) => ({
    path: issue.path,
    code: issue.code,
    message: describeInputIssue(issue, lang),
    ...(issue.in ? { in: issue.in } : {}),
  }));
}
