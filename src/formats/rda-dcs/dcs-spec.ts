import type { FieldKind, ObjectSpec } from "./engine.js";
import { isObject, type JsonObject, type JsonPath, type NormaliseContext, pathText } from "./model.js";
import {
  type Coerced,
  coerceBoolean,
  coerceCode,
  coerceDate,
  coerceDateTime,
  coerceEmail,
  coerceLanguage,
  coerceNumber,
  coerceText,
  coerceUrl,
  coerceYesNoUnknown,
} from "./values.js";
import { dcsCertifications, dcsCountries, dcsCurrencies, dcsPidSystems } from "./vocabularies.js";

// The field-by-field description of DCS 1.2 that the normaliser follows. Defaults for missing
// required fields are deliberate and each one is reported; see docs/formats.md.

const text: FieldKind = { scalar: coerceText };
const texts: FieldKind = { list: coerceText };
const date: FieldKind = { scalar: coerceDate, emptyIsNothing: true };
const dateTime: FieldKind = { scalar: coerceDateTime, emptyIsNothing: true };
const language: FieldKind = { scalar: coerceLanguage, emptyIsNothing: true };
const yesNoUnknown: FieldKind = { scalar: coerceYesNoUnknown, emptyIsNothing: true };
const url: FieldKind = { scalar: (v) => coerceUrl(v, "url"), emptyIsNothing: true };
const uri: FieldKind = { scalar: (v) => coerceUrl(v, "uri"), emptyIsNothing: true };
const email: FieldKind = { scalar: coerceEmail, emptyIsNothing: true };

function code(allowed: ReadonlySet<string>, synonyms: Record<string, string> = {}, upper = false): FieldKind {
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
function identifierType(value: unknown): Coerced<string> {
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

function identifierSpec(name: string, allowedTypes?: ReadonlySet<string>): ObjectSpec {
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
const affiliations: FieldKind = { array: affiliation };

/** A person's identifier when the file has none: the e-mail address, type `other` (reported). */
function idFromMailbox(field: string): ObjectSpec["complete"] {
  return (out, path, context) => {
    if (!Object.hasOwn(out, field) && typeof out.mbox === "string") {
      out[field] = { identifier: out.mbox, type: "other" };
      context.report.repair(pathText(path, field), "formats.repair.id_from_mbox");
    }
  };
}

const contact: ObjectSpec = {
  name: "contact",
  fields: {
    affiliation: affiliations,
    contact_id: { oneOrMany: identifierSpec("contact_id"), minItems: 1 },
    mbox: email,
    name: text,
  },
  required: ["contact_id", "mbox", "name"],
  complete: idFromMailbox("contact_id"),
};

const contributor: ObjectSpec = {
  name: "contributor",
  fields: {
    affiliation: affiliations,
    contributor_id: { oneOrMany: identifierSpec("contributor_id"), minItems: 0 },
    mbox: email,
    name: text,
    role: texts,
  },
  required: ["contributor_id", "name", "role"],
  complete: (out, path, context, raw) => {
    idFromMailbox("contributor_id")?.(out, path, context, raw);
    if (!Object.hasOwn(out, "role") && !Object.hasOwn(raw, "role")) {
      out.role = [];
      context.report.repair(pathText(path, "role"), "formats.repair.default_roles");
    }
  },
};

const creator: ObjectSpec = {
  name: "creator",
  fields: {
    affiliation: affiliations,
    creator_id: { oneOrMany: identifierSpec("creator_id"), minItems: 0 },
    mbox: email,
    name: text,
  },
  required: ["creator_id", "name"],
  complete: idFromMailbox("creator_id"),
};

const cost: ObjectSpec = {
  name: "cost",
  fields: {
    currency_code: code(dcsCurrencies, {}, true),
    description: text,
    title: text,
    value: { scalar: (v) => coerceNumber(v, false) },
  },
  required: ["title"],
};

const license: ObjectSpec = {
  name: "license",
  fields: { license_ref: url, start_date: date },
  required: ["license_ref", "start_date"],
};

const host: ObjectSpec = {
  name: "host",
  fields: {
    availability: text,
    backup_frequency: text,
    backup_type: text,
    certified_with: code(dcsCertifications, { "core trust seal": "coretrustseal", cts: "coretrustseal" }),
    description: text,
    geo_location: code(dcsCountries, {}, true),
    host_id: { array: identifierSpec("host_id") },
    pid_system: { list: (v) => coerceCode(v, dcsPidSystems) },
    storage_type: text,
    support_versioning: yesNoUnknown,
    title: text,
    url,
  },
  required: ["title", "url"],
  // The official examples spell it `supports_versioning`.
  renames: { supports_versioning: "support_versioning" },
};

const dataAccessSynonyms: Record<string, string> = {
  public: "open",
  ouvert: "open",
  restricted: "shared",
  restreint: "shared",
  partagé: "shared",
  private: "closed",
  fermé: "closed",
};

const distribution: ObjectSpec = {
  name: "distribution",
  fields: {
    access_url: text,
    available_until: date,
    byte_size: { scalar: (v) => coerceNumber(v, true) },
    data_access: code(new Set(["open", "shared", "closed"]), dataAccessSynonyms),
    description: text,
    download_url: url,
    format: texts,
    host: { object: host },
    issued: date,
    license: { array: license },
    title: text,
  },
  required: ["data_access", "title"],
  // Spelled so in the 1.0 examples.
  renames: { available_untill: "available_until" },
};

function metadataLanguage(parent: () => string | undefined): ObjectSpec["complete"] {
  return (out, path, context) => {
    const inherited = parent();
    if (!Object.hasOwn(out, "language") && inherited) {
      out.language = inherited;
      context.report.repair(pathText(path, "language"), "formats.repair.language_inherited", {
        language: inherited,
      });
    }
  };
}

function datasetSpec(): ObjectSpec {
  let datasetLanguage: string | undefined;
  let dmpLanguage: () => string | undefined = () => undefined;
  const metadata: ObjectSpec = {
    name: "metadata",
    fields: {
      description: text,
      language,
      metadata_standard_id: {
        oneOrMany: identifierSpec("metadata_standard_id", new Set(["url", "other"])),
        minItems: 1,
      },
    },
    required: ["language", "metadata_standard_id"],
    complete: metadataLanguage(() => datasetLanguage ?? dmpLanguage()),
  };
  return {
    name: "dataset",
    fields: {
      alternate_identifier: { array: identifierSpec("alternate_identifier") },
      creator: { array: creator },
      data_quality_assurance: texts,
      dataset_id: { object: identifierSpec("dataset_id") },
      description: text,
      distribution: { array: distribution },
      is_reused: { scalar: coerceBoolean },
      issued: date,
      keyword: texts,
      language,
      metadata: { array: metadata },
      personal_data: yesNoUnknown,
      preservation_statement: text,
      rights: text,
      related_identifier: { array: relatedIdentifier },
      security_and_privacy: {
        array: {
          name: "security_and_privacy",
          fields: { description: text, title: text },
          required: ["title"],
          fromString: "title",
        },
      },
      sensitive_data: yesNoUnknown,
      technical_resource: {
        array: {
          name: "technical_resource",
          fields: {
            description: text,
            name: text,
            technical_resource_id: { array: identifierSpec("technical_resource_id") },
          },
          required: ["name"],
          fromString: "name",
        },
      },
      title: text,
      type: text,
    },
    required: ["dataset_id", "personal_data", "sensitive_data", "title"],
    prepare: (raw, _path, context) => {
      // Metadata inherits the dataset's language, read before the metadata entries.
      datasetLanguage = coerceLanguage(raw.language)?.value;
      dmpLanguage = () => context.dmpLanguage;
      return raw;
    },
    complete: (out, path, context) => {
      const index = path.at(-1);
      if (!Object.hasOwn(out, "dataset_id")) {
        out.dataset_id = {
          identifier: `dataset-${typeof index === "number" ? index + 1 : 1}`,
          type: "other",
        };
        context.report.repair(pathText(path, "dataset_id"), "formats.repair.default_dataset_id", {
          identifier: String((out.dataset_id as JsonObject).identifier),
        });
      }
      for (const flag of ["personal_data", "sensitive_data"]) {
        if (!Object.hasOwn(out, flag)) {
          out[flag] = "unknown";
          context.report.repair(pathText(path, flag), "formats.repair.default_unknown");
        }
      }
    },
  };
}

const relatedIdentifier: ObjectSpec = {
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

const fundingStatusSynonyms: Record<string, string> = {
  planifié: "planned",
  prévu: "planned",
  demandé: "applied",
  soumis: "applied",
  approuvé: "granted",
  accordé: "granted",
  obtenu: "granted",
  rejeté: "rejected",
  refusé: "rejected",
};

const funding: ObjectSpec = {
  name: "funding",
  fields: {
    funder_id: { object: identifierSpec("funder_id") },
    funding_status: code(new Set(["planned", "applied", "granted", "rejected"]), fundingStatusSynonyms),
    grant_id: { object: identifierSpec("grant_id") },
  },
  required: ["funder_id"],
};

/** DCS 1.1 example 9 writes `project_id` as a string with a sibling `project_id_type`. */
function prepareProject(raw: JsonObject, path: JsonPath, context: NormaliseContext): JsonObject {
  if (typeof raw.project_id !== "string") return raw;
  const { project_id_type: type, ...rest } = raw;
  const identifier = { identifier: raw.project_id, type: typeof type === "string" ? type : "other" };
  context.report.repair(pathText(path), "formats.repair.flat_project_id");
  return { ...rest, project_id: [identifier] };
}

const project: ObjectSpec = {
  name: "project",
  fields: {
    description: text,
    end: date,
    funding: { array: funding },
    project_id: { array: identifierSpec("project_id") },
    start: date,
    title: text,
  },
  required: ["title"],
  prepare: prepareProject,
};

/** The language assumed when a file gives none (reported). */
export const defaultLanguage = "eng";

/** The `dmp` object; its required fields are checked by the caller, which can refuse the file. */
export const dmpSpec: ObjectSpec = {
  name: "dmp",
  fields: {
    alternate_identifier: { array: identifierSpec("alternate_identifier") },
    contact: { object: contact },
    contributor: { array: contributor },
    cost: { array: cost },
    created: dateTime,
    dataset: { array: datasetSpec() },
    description: text,
    dmp_id: { object: identifierSpec("dmp_id") },
    ethical_issues_description: text,
    ethical_issues_exist: yesNoUnknown,
    ethical_issues_report: text,
    language,
    modified: dateTime,
    project: { array: project },
    related_identifier: { array: relatedIdentifier },
    title: text,
  },
  required: [],
  prepare: (raw, _path, context) => {
    context.dmpLanguage = coerceLanguage(raw.language)?.value ?? defaultLanguage;
    return isObject(raw) ? raw : {};
  },
};
