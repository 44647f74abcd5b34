import type { FieldKind, ObjectSpec } from "./engine.js";
import { pathText } from "./model.js";
import {
  type Coerced,
  coerceCode,
  coerceDate,
  coerceDateTime,
  coerceEmail,
  coerceLanguage,
  coerceText,
  coerceUrl,
  coerceYesNoUnknown,
} from "./values.js";

// Field kinds and identifier objects shared by the DCS object specs (dcs-spec*.ts).

export const text: FieldKind = { scalar: coerceText };
export const texts: FieldKind = { list: coerceText };
export const date: FieldKind = { scalar: coerceDate, emptyIsNothing: true };
export const dateTime: FieldKind = { scalar: coerceDateTime, emptyIsNothing: true };
export const language: FieldKind = { scalar: coerceLanguage, emptyIsNothing: true };
export const yesNoUnknown: FieldKind = { scalar: coerceYesNoUnknown, emptyIsNothing: true };
export const url: FieldKind = { scalar: (v) => coerceUrl(v, "url"), emptyIsNothing: true };
export const uri: FieldKind = { scalar: (v) => coerceUrl(v, "uri"), emptyIsNothing: true };
export const email: FieldKind = { scalar: coerceEmail, emptyIsNothing: true };

export function code(
  allowed: ReadonlySet<string>,
  synonyms: Record<string, string> = {},
  upper = false,
): FieldKind {
  return { scalar: (v) => coerceCode(v, allowed, synonyms, upper), emptyIsNothing: true };
}

const identifierTypeSynonyms: Record<string, string> = {
  "crossref funder id": "fundref",
  "crossref funder": "fundref",
  crossref_funder_id: "fundref",
  "crossref funder registry": "fundref",
  http: "url",
  https: "url",
  uri: "url",
};

/** Identifier types are open strings in 1.2; only case and known spellings are harmonised. */
export function identifierType(value: unknown): Coerced<string> {
  const read = coerceText(value);
  if (!read) return undefined;
  const lower = read.value.trim().toLowerCase();
  const type = identifierTypeSynonyms[lower] ?? lower;
  return type === value ? read : { value: type, repair: "identifier_type" };
}

/** The likely type of an identifier given as a bare string. */
export function guessIdentifierType(identifier: string): string {
  if (/^(https?:\/\/(dx\.)?doi\.org\/|doi:)?10\.\d{4,9}\//i.test(identifier)) return "doi";
  if (/orcid\.org\/|^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/i.test(identifier)) return "orcid";
  if (/ror\.org\//i.test(identifier)) return "ror";
  if (/^https?:\/\//i.test(identifier)) return "url";
  return "other";
}

export function identifierSpec(name: string, allowedTypes?: ReadonlySet<string>): ObjectSpec {
  return {
    name,
    fields: {
      identifier: text,
      type: allowedTypes
        ? {
            scalar: (v) => {
              const read = identifierType(v);
              if (!read) return undefined;
              return allowedTypes.has(read.value)
                ? read
                : { value: "other", repair: "identifier_type_other" };
            },
          }
        : { scalar: identifierType },
    },
    required: ["identifier", "type"],
    fromString: "identifier",
    complete: (out, path, context) => {
      if (typeof out.identifier === "string" && !Object.hasOwn(out, "type")) {
        out.type = guessIdentifierType(out.identifier);
        context.report.repair(pathText(path, "type"), "formats.repair.identifier_type_guessed", {
          type: String(out.type),
        });
      }
    },
  };
}

const affiliation: ObjectSpec = {
  name: "affiliation",
  fields: { affiliation_id: { object: identifierSpec("affiliation_id") }, name: text },
  required: ["affiliation_id", "name"],
};
export const affiliations: FieldKind = { array: affiliation };

/** A person's identifier when the file has none: the e-mail address, type `other` (reported). */
export function idFromMailbox(field: string): ObjectSpec["complete"] {
  return (out, path, context) => {
    if (!Object.hasOwn(out, field) && typeof out.mbox === "string") {
      out[field] = { identifier: out.mbox, type: "other" };
      context.report.repair(pathText(path, field), "formats.repair.id_from_mbox");
    }
  };
}

export const relatedIdentifier: ObjectSpec = {
  name: "related_identifier",
  fields: {
    identifier: text,
    metadata_scheme: text,
    relation_type: text,
    resource_type: text,
    scheme_type: text,
    scheme_uri: uri,
    type: { scalar: identifierType },
  },
  required: ["identifier", "type", "relation_type"],
};
