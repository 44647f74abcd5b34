import {
  type Contribution,
  carnetFormatVersion,
  codeFromName,
  type Organisation,
  type Person,
  type Plan,
  planSchema,
  type ResearchOutput,
  type VocabularySet,
  vocabularyIds,
} from "../../domain/index.js";
import { isObject, type JsonObject } from "../rda-dcs/model.js";
import { coerceDate, coerceDateTime, coerceLanguage } from "../rda-dcs/values.js";
import { type FormatResult, preview, Report } from "../report.js";
import {
  codeFor,
  opidorFundingStatus,
  opidorOutputTypes,
  opidorRoles,
  opidorVersionLabels,
  opidorYesNoUnknown,
} from "./opidor-labels.js";

/** Key of the plan (and output) extension holding DMP OPIDoR content with no native field. */
export const opidorExtensionKey = "dmp-opidor";

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value : undefined;
const list = (value: unknown): JsonObject[] =>
  Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : [];

function identifier(value: unknown, type: unknown): { type: string; value: string }[] {
  const id = text(value);
  return id ? [{ type: (text(type) ?? "other").toLowerCase().replace(/\s+/g, "-"), value: id }] : [];
}

function rest(source: JsonObject, used: readonly string[]): JsonObject | undefined {
  const left = Object.fromEntries(Object.entries(source).filter(([key]) => !used.includes(key)));
  return Object.keys(left).length > 0 ? left : undefined;
}

/**
 * Import a DMP OPIDoR "standard" madmp document (`meta`, `project`, `researchOutput`…) into a
 * native plan: registry labels (fr or en) become codes, persons and their roles become persons
 * and contributions, partners keep their RNSR, and every fragment with no native field is kept
 * in `extensions["dmp-opidor"]` of the plan or the output, so nothing is lost.
 */
export function importOpidor(
  document: JsonObject,
  options: { planId: string; now: string; vocabularies?: VocabularySet },
  report = new Report(),
): FormatResult<Plan> {
  const meta = isObject(document.meta) ? document.meta : {};
  const project = isObject(document.project) ? document.project : undefined;
  const persons: Record<string, Person> = {};
  const contributions: Record<string, Contribution> = {};
  const byKey = new Map<string, string>();

  // The built-in vocabularies (labels and aliases in every language) first, the fixed tables after.
  const vocabularyOf = new Map<ReadonlyMap<string, string>, string>([
    [opidorRoles, vocabularyIds.contributorRoles],
    [opidorOutputTypes, vocabularyIds.outputTypes],
    [opidorVersionLabels, vocabularyIds.versionLabels],
    [opidorFundingStatus, vocabularyIds.fundingStatus],
    [opidorYesNoUnknown, vocabularyIds.triState],
  ]);
  const label = (
    vocabulary: ReadonlyMap<string, string>,
    value: unknown,
    path: string,
    fallback?: string,
  ) => {
    const id = vocabularyOf.get(vocabulary);
    const fromData =
      options.vocabularies && id && typeof value === "string"
        ? codeFromName(options.vocabularies, id, value)
        : undefined;
    const code = fromData ?? codeFor(vocabulary, value);
    if (code === undefined && text(value))
      report.add("kept", path, "formats.kept.opidor_label", { label: preview(value) });
    return code ?? fallback;
  };

  const addContributor = (
    entry: JsonObject,
    scope: Contribution["scope"],
    path: string,
    outputId?: string,
  ): string | undefined => {
    const person = isObject(entry.person) ? entry.person : entry;
    const name = [text(person.firstName), text(person.lastName)].filter(Boolean).join(" ");
    if (!name && !text(person.mbox)) return undefined;
    const key = text(person.personId) ?? text(person.mbox) ?? name;
    let id = byKey.get(key);
    if (!id) {
      id = `person-${byKey.size + 1}`;
      byKey.set(key, id);
      const affiliation = text(person.affiliationName)
        ? [
            {
              name: person.affiliationName as string,
              identifiers: identifier(person.affiliationId, person.affiliationIdType),
            },
          ]
        : [];
      persons[id] = {
        id,
        kind: text(person.nameType) && /organi/i.test(String(person.nameType)) ? "organisation" : "person",
        ...(text(person.firstName) ? { firstName: person.firstName as string } : {}),
        ...(text(person.lastName) ? { lastName: person.lastName as string } : {}),
        ...(text(person.mbox) ? { email: person.mbox as string } : {}),
        identifiers: identifier(person.personId, person.idType),
        affiliations: affiliation,
      };
    }
    const roles = Array.isArray(entry.role) ? entry.role : [entry.role];
    for (const role of roles) {
      const code = label(opidorRoles, role, `${path}.role`, "other");
      const contributionId = `contribution-${Object.keys(contributions).length + 1}`;
      contributions[contributionId] = {
        id: contributionId,
        personId: id,
        role: code ?? "other",
        scope,
        ...(outputId ? { outputId } : {}),
      };
    }
    return id;
  };

  const contactIds = list(meta.contact).map((c, i) => addContributor(c, "plan", `meta.contact[${i}]`));
  const partners: Organisation[] = list(project?.partner).map((p) => ({
    name: text(p.name) ?? "",
    ...(text(p.acronym) ? { acronym: p.acronym as string } : {}),
    identifiers: [...identifier(p.rnsr, "rnsr"), ...identifier(p.orgId, p.idType)],
  }));
  list(project?.principalInvestigator).forEach((pi, i) => {
    addContributor(pi, "project", `project.principalInvestigator[${i}]`);
  });

  const outputs: Record<string, ResearchOutput> = {};
  list(document.researchOutput).forEach((output, index) => {
    const description = isObject(output.researchOutputDescription) ? output.researchOutputDescription : {};
    const id = `output-${index + 1}`;
    const path = `researchOutput[${index}].researchOutputDescription`;
    const flag = (value: unknown, key: string) =>
      (label(opidorYesNoUnknown, value, `${path}.${key}`, "unknown") ?? "unknown") as
        | "yes"
        | "no"
        | "unknown";
    list(description.contact).forEach((c, i) => {
      addContributor(c, "output", `${path}.contact[${i}]`, id);
    });
    const kept = rest(output, ["researchOutputDescription"]);
    const keptDescription = rest(description, [
      "title",
      "shortName",
      "description",
      "type",
      "containsPersonalData",
      "containsSensitiveData",
      "hasEthicalIssues",
    ]);
    const shortName = (text(description.shortName) ?? `RO${index + 1}`).slice(0, 20);
    outputs[id] = {
      id,
      position: index,
      title: text(description.title) ?? shortName,
      shortName,
      type: label(opidorOutputTypes, description.type, `${path}.type`, "other") ?? "other",
      ...(text(description.description) ? { description: description.description as string } : {}),
      personalData: flag(description.containsPersonalData, "containsPersonalData"),
      sensitiveData: flag(description.containsSensitiveData, "containsSensitiveData"),
      ethicalIssues: flag(description.hasEthicalIssues, "hasEthicalIssues"),
      answers: {},
      ...(kept || keptDescription
        ? {
            extensions: {
              [opidorExtensionKey]: {
                ...(kept ?? {}),
                ...(keptDescription ? { researchOutputDescription: keptDescription } : {}),
              },
            },
          }
        : {}),
    };
  });

  const created =
    coerceDateTime(meta.creationDate)?.value ?? coerceDateTime(meta.lastModifiedDate)?.value ?? options.now;
  const modified = coerceDateTime(meta.lastModifiedDate)?.value ?? created;
  if (!coerceDateTime(meta.creationDate))
    report.repair("meta.creationDate", "formats.repair.default_now", { date: created });
  const language = coerceLanguage(meta.dmpLanguage)?.value ?? "fra";
  const licence = isObject(meta.license) ? text(meta.license.licenseName) : undefined;
  const keptRoot = rest(document, ["meta", "project", "researchOutput"]);
  const documents = (value: unknown) =>
    list(value).map((d) => ({
      title: text(d.title) ?? text(d.docIdentifier) ?? "",
      ...(identifier(d.docIdentifier, d.idType)[0]
        ? { identifier: identifier(d.docIdentifier, d.idType)[0] }
        : {}),
    }));
  // `meta` and `project` are small: kept whole, so details the mapping does not read (a bare-year
  // start date, a funder's data policy, a person's extra ids) are never lost.
  const extension: JsonObject = {
    ...(keptRoot ?? {}),
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
    ...(project ? { project } : {}),
  };
  const candidate = {
    carnetFormat: carnetFormatVersion,
    id: options.planId,
    revision: 0,
    template: { id: "dmp-opidor-import", version: 1 },
    context: isObject(document.researchEntity) ? "research_entity" : "research_project",
    language,
    createdAt: created,
    modifiedAt: modified,
    details: {
      title: text(meta.title) ?? "",
      ...(text(meta.deliverableNumber) ? { deliverableNumber: meta.deliverableNumber } : {}),
      ...(label(opidorVersionLabels, meta.version, "meta.version")
        ? { versionLabel: label(opidorVersionLabels, meta.version, "meta.version") }
        : {}),
      ...(text(meta.description) ? { scope: meta.description } : {}),
      researchDomains: (Array.isArray(meta.dmpKeyword) ? meta.dmpKeyword : [])
        .map((k) => /^\d(\.\d+)?/.exec(String(isObject(k) ? (k.code ?? k.label ?? "") : k))?.[0])
        .filter((code): code is string => code !== undefined),
      ...(contactIds.find(Boolean) ? { contactPersonId: contactIds.find(Boolean) } : {}),
      identifiers: identifier(meta.dmpId, meta.idType),
      ...(licence ? { licence } : {}),
      relatedDocuments: documents(meta.relatedDoc),
      associatedPlans: documents(meta.associatedDmp),
    },
    ...(project
      ? {
          project: {
            title: text(project.title) ?? "",
            ...(text(project.acronym) ? { acronym: project.acronym } : {}),
            ...(text(project.description) ? { summary: project.description } : {}),
            funding: list(project.funding).map((f, i) => {
              const funder = isObject(f.funder) ? f.funder : {};
              const status = label(
                opidorFundingStatus,
                f.fundingStatus,
                `project.funding[${i}].fundingStatus`,
              );
              return {
                funder: {
                  name: text(funder.name) ?? "",
                  identifiers: identifier(funder.funderId, funder.idType),
                },
                ...(text(f.grantId) ? { grantId: f.grantId } : {}),
                ...(status ? { status } : {}),
              };
            }),
            ...(coerceDate(project.startDate) ? { startDate: coerceDate(project.startDate)?.value } : {}),
            ...(coerceDate(project.endDate) ? { endDate: coerceDate(project.endDate)?.value } : {}),
            partners,
          },
        }
      : {}),
    persons,
    contributions,
    outputs,
    answers: {},
    ...(Object.keys(extension).length > 0 ? { extensions: { [opidorExtensionKey]: extension } } : {}),
  };
  const checked = planSchema.safeParse(candidate);
  if (!checked.success) {
    return {
      ok: false,
      problem: {
        code: "not_convertible",
        key: "formats.problem.invalid",
        params: { format: "DMP OPIDoR", count: checked.error.issues.length },
        problems: checked.error.issues.map((issue) => ({
          path: issue.path.join(".") || "(document)",
          key: "formats.schema.other",
          params: { message: issue.message },
        })),
      },
    };
  }
  return { ok: true, value: checked.data, report };
}
