import {
  affiliations,
  code,
  date,
  dateTime,
  email,
  identifierSpec,
  idFromMailbox,
  language,
  relatedIdentifier,
  text,
  texts,
  yesNoUnknown,
} from "./dcs-fields.js";
import { datasetSpec } from "./dcs-spec-dataset.js";
import type { ObjectSpec } from "./engine.js";
import { isObject, type JsonObject, type JsonPath, type NormaliseContext, pathText } from "./model.js";
import { coerceLanguage, coerceNumber } from "./values.js";
import { dcsCurrencies } from "./vocabularies.js";

// The field-by-field description of DCS 1.2 that the normaliser follows (plan side; datasets in
// dcs-spec-dataset.ts). Defaults for missing required fields are deliberate and each one is
// reported; see docs/formats.md.

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
