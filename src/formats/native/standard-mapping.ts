import {
  type Contribution,
  carnetFormatVersion,
  listOutputs,
  type Person,
  type Plan,
  type ResearchOutput,
  type Template,
} from "../../domain/index.js";
import { isObject, type JsonObject } from "../rda-dcs/model.js";
import { boundQuestions, readBound, writeBound } from "./bindings.js";

// The plain, lossy correspondence between a native plan and the standard DCS 1.2 fields. What it
// cannot carry travels in merge patches (see native-dcs.ts), so these two functions only need to
// agree with each other on what they do map.

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const codePattern = /^[A-Za-z0-9][A-Za-z0-9._+:-]{0,99}$/;
/** The DCS `mbox` written for a contact without e-mail (RFC 2606 reserved domain). */
export const noMailbox = "no-email@carnet.invalid";

/** The DCS `dmp_id` of a plan that has no identifier of its own. */
export const localDmpIdPrefix = "urn:carnet:plan:";

function fullName(person: Person): string {
  return person.kind === "organisation"
    ? (person.name ?? "")
    : [person.firstName, person.lastName].filter(Boolean).join(" ") || (person.name ?? "");
}

function personId(person: Person): { identifier: string; type: string } {
  const first = person.identifiers[0];
  return first
    ? { identifier: first.value, type: first.type }
    : { identifier: person.email ?? person.id, type: "other" };
}

function organisations(list: Person["affiliations"]): JsonObject[] {
  return list
    .filter((org) => org.identifiers[0])
    .map((org) => ({
      name: org.name,
      affiliation_id: { identifier: org.identifiers[0]!.value, type: org.identifiers[0]!.type },
    }));
}

/** The standard DCS 1.2 `dmp` a plan maps to (unvalidated; the caller normalises it). */
export function dcsFromPlan(plan: Plan, template?: Template): JsonObject {
  const persons = plan.persons;
  const contact = plan.details.contactPersonId ? persons[plan.details.contactPersonId] : undefined;
  const [planId, ...otherIds] = plan.details.identifiers;
  const outputs = listOutputs(plan);
  const flags = outputs.map((o) => o.ethicalIssues);
  const dmp: JsonObject = {
    title: plan.details.title,
    language: plan.language,
    created: plan.createdAt,
    modified: plan.modifiedAt,
    dmp_id: planId
      ? { identifier: planId.value, type: planId.type }
      : { identifier: `${localDmpIdPrefix}${plan.id}`, type: "other" },
    ethical_issues_exist: flags.includes("yes")
      ? "yes"
      : flags.length > 0 && flags.every((f) => f === "no")
        ? "no"
        : "unknown",
  };
  if (plan.details.scope !== undefined) dmp.description = plan.details.scope;
  if (otherIds.length > 0)
    dmp.alternate_identifier = otherIds.map((id) => ({ identifier: id.value, type: id.type }));
  if (contact) {
    // DCS requires an e-mail for the contact; a plan may not have one yet (the reference DMP has
    // none). A reserved, recognisable address stands in, and the import drops it again.
    dmp.contact = {
      name: fullName(contact),
      mbox: contact.email || noMailbox,
      contact_id: personId(contact),
    };
    if (contact.affiliations.length > 0)
      (dmp.contact as JsonObject).affiliation = organisations(contact.affiliations);
  }
  const roles = new Map<string, string[]>();
  for (const contribution of Object.values(plan.contributions)) {
    if (contribution.scope === "output") continue; // DCS has no per-dataset contributors
    roles.set(contribution.personId, [...(roles.get(contribution.personId) ?? []), contribution.role]);
  }
  const contributors = [...roles].flatMap(([id, list]) => {
    const person = persons[id];
    if (!person) return [];
    const out: JsonObject = { name: fullName(person), contributor_id: personId(person), role: list };
    if (person.email) out.mbox = person.email;
    if (person.affiliations.length > 0) out.affiliation = organisations(person.affiliations);
    return [out];
  });
  if (contributors.length > 0) dmp.contributor = contributors;
  if (plan.project) {
    const project: JsonObject = { title: plan.project.title };
    if (plan.project.summary !== undefined) project.description = plan.project.summary;
    if (plan.project.startDate) project.start = plan.project.startDate;
    if (plan.project.endDate) project.end = plan.project.endDate;
    if (plan.project.funding.length > 0) {
      project.funding = plan.project.funding.map((f) => {
        const id = f.funder.identifiers[0];
        const funding: JsonObject = {
          funder_id: id
            ? { identifier: id.value, type: id.type }
            : { identifier: f.funder.name, type: "other" },
        };
        if (f.grantId) funding.grant_id = { identifier: f.grantId, type: "other" };
        if (f.status) funding.funding_status = f.status;
        return funding;
      });
    }
    dmp.project = [project];
  }
  const bound = boundQuestions(template);
  dmp.dataset = outputs.map((output) => {
    const dataset: JsonObject = {
      title: output.title,
      type: output.type,
      dataset_id: { identifier: output.id, type: "other" },
      personal_data: output.personalData,
      sensitive_data: output.sensitiveData,
    };
    if (output.description !== undefined) dataset.description = output.description;
    writeBound(dmp, dataset, bound.output, output.answers);
    return dataset;
  });
  writeBound(dmp, undefined, bound.plan, plan.answers);
  return dmp;
}

function toIdentifier(value: unknown): { type: string; value: string } | undefined {
  if (!isObject(value) || typeof value.identifier !== "string" || value.identifier === "") return undefined;
  return {
    type: typeof value.type === "string" && value.type ? value.type : "other",
    value: value.identifier,
  };
}

function identifiersOf(value: unknown): { type: string; value: string }[] {
  return (Array.isArray(value) ? value : [value]).map(toIdentifier).filter((id) => id !== undefined);
}

function code(value: unknown, fallback: string): string {
  if (typeof value !== "string") return fallback;
  const last = value.split("/").filter(Boolean).at(-1) ?? "";
  return codePattern.test(value) ? value : codePattern.test(last) ? last : fallback;
}

/** The plan a standard DCS 1.2 `dmp` maps to (before patches); `planId` names it. */
export function planFromDcs(dmp: JsonObject, planId: string, template?: Template): Plan {
  const persons: Record<string, Person> = {};
  const contributions: Record<string, Contribution> = {};
  const byKey = new Map<string, string>();
  const addPerson = (source: JsonObject, idField: string): string => {
    const mbox = typeof source.mbox === "string" && source.mbox !== noMailbox ? source.mbox : "";
    const key = mbox ? `m:${mbox}` : `n:${String(source.name)}`;
    const known = byKey.get(key);
    if (known) return known;
    const id = `person-${byKey.size + 1}`;
    byKey.set(key, id);
    const affiliations = (Array.isArray(source.affiliation) ? source.affiliation : [])
      .filter(isObject)
      .map((a) => ({
        name: String(a.name ?? ""),
        identifiers: identifiersOf(a.affiliation_id),
      }));
    persons[id] = {
      id,
      kind: "person",
      lastName: String(source.name ?? ""),
      ...(mbox ? { email: mbox } : {}),
      identifiers: identifiersOf(source[idField]),
      affiliations,
    };
    return id;
  };
  const contact = isObject(dmp.contact) ? addPerson(dmp.contact, "contact_id") : undefined;
  for (const contributor of (Array.isArray(dmp.contributor) ? dmp.contributor : []).filter(isObject)) {
    const personRef = addPerson(contributor, "contributor_id");
    for (const role of Array.isArray(contributor.role) ? contributor.role : []) {
      const id = `contribution-${Object.keys(contributions).length + 1}`;
      contributions[id] = { id, personId: personRef, role: code(role, "other"), scope: "plan" };
    }
  }
  const dmpId = toIdentifier(dmp.dmp_id);
  const identifiers = [
    ...(dmpId && !dmpId.value.startsWith(localDmpIdPrefix) ? [dmpId] : []),
    ...identifiersOf(dmp.alternate_identifier ?? []),
  ];
  const project = (Array.isArray(dmp.project) ? dmp.project : []).find(isObject);
  const bound = boundQuestions(template);
  const outputs: Record<string, ResearchOutput> = {};
  (Array.isArray(dmp.dataset) ? dmp.dataset : []).filter(isObject).forEach((dataset, index) => {
    const own = toIdentifier(dataset.dataset_id);
    const candidate = own?.type === "other" && idPattern.test(own.value) ? own.value : `output-${index + 1}`;
    const id = outputs[candidate] ? `output-${index + 1}` : candidate;
    const flag = (value: unknown) => (value === "yes" || value === "no" ? value : "unknown");
    outputs[id] = {
      id,
      position: index,
      title: String(dataset.title ?? ""),
      shortName: `RO${index + 1}`,
      type: code(dataset.type, "dataset"),
      ...(typeof dataset.description === "string" ? { description: dataset.description } : {}),
      personalData: flag(dataset.personal_data),
      sensitiveData: flag(dataset.sensitive_data),
      ethicalIssues: "unknown",
      answers: readBound(dataset, bound.output, "dataset"),
    };
  });
  return {
    carnetFormat: carnetFormatVersion,
    id: planId,
    revision: 0,
    template: { id: template?.id ?? "rda-dcs-import", version: template?.version ?? 1 },
    context: "research_project",
    language: String(dmp.language),
    createdAt: String(dmp.created),
    modifiedAt: String(dmp.modified),
    visibility: "private",
    status: "draft",
    details: {
      title: String(dmp.title ?? ""),
      ...(typeof dmp.description === "string" ? { scope: dmp.description } : {}),
      researchDomains: [],
      keywords: [],
      ...(contact ? { contactPersonId: contact } : {}),
      identifiers,
      relatedDocuments: [],
      associatedPlans: [],
    },
    ...(project
      ? {
          project: {
            title: String(project.title ?? ""),
            ...(typeof project.description === "string" ? { summary: project.description } : {}),
            funding: (Array.isArray(project.funding) ? project.funding : []).filter(isObject).map((f) => ({
              funder: { name: "", identifiers: identifiersOf(f.funder_id) },
              ...(isObject(f.grant_id) && typeof f.grant_id.identifier === "string"
                ? { grantId: f.grant_id.identifier }
                : {}),
              ...(typeof f.funding_status === "string" ? { status: f.funding_status } : {}),
            })),
            ...(typeof project.start === "string" ? { startDate: project.start } : {}),
            ...(typeof project.end === "string" ? { endDate: project.end } : {}),
            partners: [],
          },
        }
      : {}),
    persons,
    contributions,
    outputs,
    answers: readBound(dmp, bound.plan, "dmp"),
  };
}
