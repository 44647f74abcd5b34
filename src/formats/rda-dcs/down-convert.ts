import type { FormatProblem, Report } from "../report.js";
import { isObject, type JsonObject, type JsonPath, pathText } from "./model.js";
import type { ResidueEntry } from "./residue.js";
import { formatOk } from "./values.js";

// 1.2 fields that 1.1 does not define, by the name of the object holding them.
const only12: Record<string, readonly string[]> = {
  dmp: ["alternate_identifier", "related_identifier"],
  contact: ["affiliation"],
  contributor: ["affiliation"],
  dataset: ["alternate_identifier", "creator", "is_reused", "rights", "related_identifier"],
  distribution: ["issued"],
  host: ["host_id"],
  technical_resource: ["technical_resource_id"],
  project: ["project_id"],
};

// Identifier types 1.0/1.1 accept; anything else becomes `other`, the original kept in the residue.
const types11: Record<string, readonly string[]> = {
  contact_id: ["orcid", "isni", "openid", "other"],
  contributor_id: ["orcid", "isni", "openid", "other"],
  dataset_id: ["handle", "doi", "ark", "url", "other"],
  dmp_id: ["handle", "doi", "ark", "url", "other"],
  funder_id: ["fundref", "url", "other"],
  grant_id: ["url", "other"],
};

class Down {
  readonly residue: ResidueEntry[] = [];
  constructor(private readonly report: Report) {}

  unset(holder: JsonObject, path: JsonPath, key: string): void {
    if (!Object.hasOwn(holder, key)) return;
    this.residue.push({ op: "set", path, key, value: holder[key] });
    delete holder[key];
    this.report.add("loss", pathText(path, key), "formats.loss.field_moved");
  }

  /** Remove array items failing `keep`, recording each with its index for a later restore. */
  filter(holder: JsonObject, path: JsonPath, key: string, keep: (item: JsonObject) => boolean): void {
    const items = holder[key];
    if (!Array.isArray(items)) return;
    for (let index = items.length - 1; index >= 0; index--) {
      const item = items[index];
      if (isObject(item) && keep(item)) continue;
      this.residue.push({ op: "insert", path: [...path, key], index, value: item });
      items.splice(index, 1);
      this.report.add("loss", pathText(path, `${key}[${index}]`), "formats.loss.item_moved");
    }
  }

  single(holder: JsonObject, path: JsonPath, key: string): void {
    const value = holder[key];
    if (!Array.isArray(value)) return;
    this.residue.push({ op: "set", path, key, value });
    holder[key] = value[0];
    this.report.add("loss", pathText(path, key), "formats.loss.first_identifier");
  }

  identifierType(holder: JsonObject, path: JsonPath, key: string): void {
    const id = holder[key];
    const allowed = types11[key];
    if (!isObject(id) || !allowed || typeof id.type !== "string" || allowed.includes(id.type)) return;
    this.residue.push({ op: "set", path: [...path, key], key: "type", value: id.type });
    this.report.add("loss", pathText([...path, key], "type"), "formats.loss.identifier_type", {
      type: id.type,
    });
    id.type = "other";
  }
}

function each(
  holder: JsonObject,
  key: string,
  path: JsonPath,
  visit: (item: JsonObject, path: JsonPath) => void,
): void {
  const items = holder[key];
  if (Array.isArray(items))
    items.forEach((item, index) => {
      if (isObject(item)) visit(item, [...path, key, index]);
    });
}

/**
 * Rewrite a valid DCS 1.2 `dmp` (a copy, changed in place) for 1.1 or 1.0: 1.2-only fields, extra
 * identifiers and unknown identifier types go to a residue that a Carnet import restores; 1.0's
 * stricter rules (projects with dates, grants, roles) move the items that break them likewise.
 */
export function downConvert(
  dmp: JsonObject,
  target: "1.1" | "1.0",
  report: Report,
): { ok: true; residue: ResidueEntry[] } | { ok: false; problem: FormatProblem } {
  const down = new Down(report);
  for (const key of only12.dmp ?? []) down.unset(dmp, [], key);
  down.identifierType(dmp, [], "dmp_id");
  if (typeof dmp.ethical_issues_report === "string" && !formatOk("uri", dmp.ethical_issues_report)) {
    down.unset(dmp, [], "ethical_issues_report");
  }
  if (isObject(dmp.contact)) {
    const contact = dmp.contact;
    for (const key of only12.contact ?? []) down.unset(contact, ["contact"], key);
    down.single(contact, ["contact"], "contact_id");
    down.identifierType(contact, ["contact"], "contact_id");
  }
  if (target === "1.0")
    down.filter(dmp, [], "contributor", (c) => Array.isArray(c.role) && c.role.length > 0);
  each(dmp, "contributor", [], (contributor, path) => {
    for (const key of only12.contributor ?? []) down.unset(contributor, path, key);
    if (Array.isArray(contributor.contributor_id) && contributor.contributor_id.length === 0) {
      down.unset(contributor, path, "contributor_id");
      contributor.contributor_id = { identifier: String(contributor.name), type: "other" };
    } else down.single(contributor, path, "contributor_id");
    down.identifierType(contributor, path, "contributor_id");
  });
  if (target === "1.0")
    down.filter(dmp, [], "project", (p) => typeof p.start === "string" && typeof p.end === "string");
  each(dmp, "project", [], (project, path) => {
    for (const key of only12.project ?? []) down.unset(project, path, key);
    if (target === "1.0") down.filter(project, path, "funding", (f) => isObject(f.grant_id));
    each(project, "funding", path, (funding, fundingPath) => {
      down.identifierType(funding, fundingPath, "funder_id");
      down.identifierType(funding, fundingPath, "grant_id");
    });
  });
  each(dmp, "dataset", [], (dataset, path) => {
    for (const key of only12.dataset ?? []) down.unset(dataset, path, key);
    down.identifierType(dataset, path, "dataset_id");
    each(dataset, "metadata", path, (metadata, metadataPath) =>
      down.single(metadata, metadataPath, "metadata_standard_id"),
    );
    each(dataset, "technical_resource", path, (resource, resourcePath) => {
      for (const key of only12.technical_resource ?? []) down.unset(resource, resourcePath, key);
    });
    each(dataset, "distribution", path, (distribution, distributionPath) => {
      for (const key of only12.distribution ?? []) down.unset(distribution, distributionPath, key);
      if (isObject(distribution.host)) {
        for (const key of only12.host ?? [])
          down.unset(distribution.host, [...distributionPath, "host"], key);
      }
      // 1.0 wants at least one licence when the list is there.
      if (target === "1.0" && Array.isArray(distribution.license) && distribution.license.length === 0) {
        down.unset(distribution, distributionPath, "license");
      }
    });
    if (target === "1.0") {
      for (const key of ["metadata", "security_and_privacy"]) {
        if (Array.isArray(dataset[key]) && (dataset[key] as unknown[]).length === 0)
          down.unset(dataset, path, key);
      }
    }
  });
  if (target === "1.0" && Array.isArray(dmp.dataset) && dmp.dataset.length === 0) {
    return {
      ok: false,
      problem: { code: "not_convertible", key: "formats.problem.no_dataset_for_1_0", params: {} },
    };
  }
  return { ok: true, residue: down.residue };
}
