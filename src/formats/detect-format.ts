import {
  type DcsFlavour,
  type DcsVersion,
  type DcsWrapper,
  isObject,
  type JsonObject,
} from "./rda-dcs/model.js";

/** What a parsed document is, with the evidence that decided it (shown in the report). */
export type DetectedFormat =
  | { kind: "native"; formatVersion: string; evidence: string[] }
  | {
      kind: "rda-dcs";
      version: DcsVersion;
      wrapper: DcsWrapper;
      flavour: DcsFlavour;
      /** The `dmp` object itself, wherever it was found. */
      dmp: JsonObject;
      /** Number of DMPs in an `items` list or array (only the first is converted when 1). */
      count: number;
      evidence: string[];
    }
  | { kind: "opidor-standard"; evidence: string[] }
  | { kind: "unknown"; evidence: string[] };

const dmpKeys = [
  "title",
  "dmp_id",
  "contact",
  "dataset",
  "created",
  "modified",
  "ethical_issues_exist",
  "project",
];

function looksLikeDmp(value: unknown): value is JsonObject {
  return isObject(value) && dmpKeys.filter((key) => Object.hasOwn(value, key)).length >= 2;
}

/** Find the `dmp` object: `{dmp}`, `{items:[{dmp}]}`, `[{dmp}]`, or a bare dmp object. */
function unwrap(document: unknown): { dmp: JsonObject; wrapper: DcsWrapper; count: number } | undefined {
  if (isObject(document) && isObject(document.dmp)) return { dmp: document.dmp, wrapper: "dmp", count: 1 };
  const list =
    isObject(document) && Array.isArray(document.items)
      ? document.items
      : Array.isArray(document)
        ? document
        : undefined;
  if (list && list.length > 0) {
    const first = list[0];
    const dmp = isObject(first) && isObject(first.dmp) ? first.dmp : looksLikeDmp(first) ? first : undefined;
    if (dmp) return { dmp, wrapper: Array.isArray(document) ? "array" : "items", count: list.length };
  }
  if (looksLikeDmp(document)) return { dmp: document, wrapper: "bare", count: 1 };
  return undefined;
}

const idTypes11: Record<string, ReadonlySet<string>> = {
  contact_id: new Set(["orcid", "isni", "openid", "other"]),
  contributor_id: new Set(["orcid", "isni", "openid", "other"]),
  dataset_id: new Set(["handle", "doi", "ark", "url", "other"]),
  dmp_id: new Set(["handle", "doi", "ark", "url", "other"]),
  funder_id: new Set(["fundref", "url", "other"]),
  grant_id: new Set(["url", "other"]),
};

const keys12 = new Set([
  "alternate_identifier",
  "related_identifier",
  "affiliation",
  "creator",
  "is_reused",
  "rights",
  "host_id",
  "technical_resource_id",
]);

/** Walk the dmp collecting features that only one DCS version allows (bounded by the reader's depth limit). */
function versionEvidence(dmp: JsonObject): {
  v12: string[];
  v10: string[];
  not10: string[];
  vendor: string[];
} {
  const found = { v12: [] as string[], v10: [] as string[], not10: [] as string[], vendor: [] as string[] };
  // Path segments are kept on a stack and joined only for the few findings we report.
  const stack: (string | number)[] = ["dmp"];
  const here = (key: string): string =>
    [...stack, key].map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
  const note = (list: string[], key: string): void => {
    if (list.length < 3) list.push(here(key));
    else list.length++;
  };
  const visit = (value: unknown, parentKey: string): void => {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        stack.push(index);
        visit(value[index], parentKey);
        stack.pop();
      }
      return;
    }
    if (!isObject(value)) return;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const child = value[key];
      if (
        key.startsWith("dmproadmap_") ||
        key.startsWith("dmphub_") ||
        (key === "extension" && parentKey === "dmp")
      ) {
        note(found.vendor, key);
      }
      if (keys12.has(key) || (key === "issued" && parentKey === "distribution")) note(found.v12, key);
      else if (Array.isArray(child)) {
        if (key === "project_id" || key === "contact_id" || key === "metadata_standard_id")
          note(found.v12, key);
        else if (child.length === 0 && emptyNot10.has(key)) note(found.not10, key);
        else if (key === "project" && child.some((p) => isObject(p) && (!p.start || !p.end)))
          note(found.not10, key);
      } else if (isObject(child)) {
        if (objectIn10.has(key)) note(found.v10, key);
        const allowed = idTypes11[key];
        if (allowed && typeof child.type === "string" && !allowed.has(child.type.toLowerCase()))
          note(found.v12, key);
      }
      if (typeof child === "object" && child !== null) {
        stack.push(key);
        visit(child, key);
        stack.pop();
      }
    }
  };
  visit(dmp, "dmp");
  return found;
}

const emptyNot10 = new Set(["license", "metadata", "security_and_privacy", "role", "dataset"]);
const objectIn10 = new Set(["dataset", "project", "funding", "distribution"]);

function schemaVersion(document: unknown, dmp: JsonObject): DcsVersion | undefined {
  for (const holder of [document, dmp]) {
    const schema = isObject(holder) ? holder.$schema : undefined;
    if (typeof schema !== "string") continue;
    const match = /(?:^|\D)1\.([012])(?:\D|$)/.exec(schema);
    if (match) return `1.${match[1]}` as DcsVersion;
  }
  return undefined;
}

function flavourOf(dmp: JsonObject, vendor: string[]): DcsFlavour {
  const id = isObject(dmp.dmp_id) && typeof dmp.dmp_id.identifier === "string" ? dmp.dmp_id.identifier : "";
  if (/opidor/i.test(id) || Object.keys(dmp).some((key) => /opidor/i.test(key))) return "opidor";
  if (vendor.length > 0 || /dmptool|dmproadmap|dmphub/i.test(id)) return "dmptool";
  return "plain";
}

/** Recognise a parsed document: native Carnet, RDA DCS (version from features), or DMP OPIDoR. */
export function detectFormat(document: unknown): DetectedFormat {
  if (
    isObject(document) &&
    (typeof document.carnetFormat === "number" || typeof document.carnetFormat === "string")
  ) {
    return { kind: "native", formatVersion: String(document.carnetFormat), evidence: ["carnetFormat"] };
  }
  const found = unwrap(document);
  if (found) {
    const evidence = versionEvidence(found.dmp);
    const declared = schemaVersion(document, found.dmp);
    const version: DcsVersion =
      evidence.v12.length > 0
        ? "1.2"
        : evidence.v10.length > 0
          ? "1.0"
          : (declared ?? (evidence.not10.length > 0 ? "1.1" : "1.1"));
    const reasons =
      version === "1.2"
        ? evidence.v12.slice(0, 3)
        : version === "1.0"
          ? evidence.v10.slice(0, 3)
          : declared
            ? ["$schema"]
            : evidence.not10.slice(0, 3);
    return {
      kind: "rda-dcs",
      version: declared === "1.2" ? "1.2" : version,
      wrapper: found.wrapper,
      flavour: flavourOf(found.dmp, evidence.vendor),
      dmp: found.dmp,
      count: found.count,
      evidence: reasons,
    };
  }
  if (isObject(document)) {
    const opidorKeys = ["meta", "project", "researchEntity", "researchOutput"].filter((key) =>
      Object.hasOwn(document, key),
    );
    const project = isObject(document.project) ? document.project : {};
    const camel = ["startDate", "endDate", "principalInvestigator", "partner", "acronym"].filter((key) =>
      Object.hasOwn(project, key),
    );
    if (opidorKeys.length >= 2 || Array.isArray(document.researchOutput) || camel.length > 0) {
      return { kind: "opidor-standard", evidence: [...opidorKeys, ...camel.map((key) => `project.${key}`)] };
    }
  }
  return { kind: "unknown", evidence: [] };
}
