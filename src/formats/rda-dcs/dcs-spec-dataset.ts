import {
  affiliations,
  code,
  date,
  email,
  identifierSpec,
  idFromMailbox,
  language,
  relatedIdentifier,
  text,
  texts,
  url,
  yesNoUnknown,
} from "./dcs-fields.js";
import type { ObjectSpec } from "./engine.js";
import { type JsonObject, pathText } from "./model.js";
import { coerceBoolean, coerceCode, coerceLanguage, coerceNumber } from "./values.js";
import { dcsCertifications, dcsCountries, dcsPidSystems } from "./vocabularies.js";

// The dataset side of DCS 1.2 (dataset, distribution, host, licence, metadata, creator).

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

export function datasetSpec(): ObjectSpec {
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
