import type { Plan } from "./plan.js";
import { planSchema } from "./plan.js";
import { type Problem, problemsFromZod } from "./problems.js";
import type { Template } from "./template.js";
import { validateAnswers } from "./validate-answers.js";
import { ProblemCollector } from "./validate-fields.js";
import { type VocabularySet, vocabularyIds as v } from "./vocabulary.js";

/** What validation looks codes and questions up in. */
export interface ValidationContext {
  vocabularies: VocabularySet;
  /** The plan's template; else it is looked up in `templates` by the plan's template id. */
  template?: Template;
  templates?: ReadonlyMap<string, Template>;
}

/** Outcome of validating a document: the parsed plan when it is structurally sound, and every problem. */
export interface PlanValidation {
  valid: boolean;
  plan?: Plan;
  problems: Problem[];
}

/**
 * Validate a native plan document: structure first (zod, mapped to JSON-pointer problems); when sound,
 * the rules that need vocabularies and the template (codes, identifiers, dates, references, answers).
 */
export function validatePlan(input: unknown, context: ValidationContext): PlanValidation {
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) {
    return { valid: false, problems: problemsFromZod(parsed.error.issues, input) };
  }
  const problems = checkPlanRules(parsed.data, context);
  return { valid: problems.length === 0, plan: parsed.data, problems };
}

function resolveTemplate(plan: Plan, context: ValidationContext, c: ProblemCollector): Template | undefined {
  const template =
    context.template?.id === plan.template.id ? context.template : context.templates?.get(plan.template.id);
  if (!template) {
    c.add(["template", "id"], "unknown_template", { template: plan.template.id });
    return undefined;
  }
  if (template.version !== plan.template.version) {
    c.add(["template", "version"], "template_version", {
      version: plan.template.version,
      known: template.version,
    });
  }
  return template;
}

/** The rules beyond structure, on a plan that parsed (see validatePlan). */
export function checkPlanRules(plan: Plan, context: ValidationContext): Problem[] {
  const c = new ProblemCollector(context.vocabularies);
  const template = resolveTemplate(plan, context, c);
  c.code(v.languages, plan.language, ["language"]);
  checkDetails(plan, c);
  checkProject(plan, c);
  checkPersons(plan, c);
  checkContributions(plan, c);
  checkOutputs(plan, c);
  if (template) validateAnswers(plan, template, c);
  return c.problems;
}

function checkDetails(plan: Plan, c: ProblemCollector): void {
  const d = plan.details;
  const at = (...rest: (string | number)[]) => ["details", ...rest];
  c.code(v.versionLabels, d.versionLabel, at("versionLabel"));
  c.richText(d.scope, at("scope"));
  d.researchDomains.forEach((code, i) => {
    c.code(v.researchDomains, code, at("researchDomains", i));
  });
  if (d.contactPersonId !== undefined && !Object.hasOwn(plan.persons, d.contactPersonId)) {
    c.add(at("contactPersonId"), "unknown_person", { id: d.contactPersonId });
  }
  c.identifiers(d.identifiers, at("identifiers"), v.resourceIdentifierTypes);
  c.code(v.licences, d.licence, at("licence"));
  for (const list of ["relatedDocuments", "associatedPlans"] as const) {
    d[list].forEach((doc, i) => {
      if (doc.identifier) c.identifier(doc.identifier, at(list, i, "identifier"), v.resourceIdentifierTypes);
    });
  }
}

function checkProject(plan: Plan, c: ProblemCollector): void {
  const p = plan.project;
  if (p) {
    c.richText(p.summary, ["project", "summary"]);
    p.funding.forEach((funding, i) => {
      c.organisation(funding.funder, ["project", "funding", i, "funder"]);
      c.code(v.fundingStatus, funding.status, ["project", "funding", i, "status"]);
    });
    p.partners.forEach((partner, i) => {
      c.organisation(partner, ["project", "partners", i]);
    });
    c.date(p.startDate, ["project", "startDate"]);
    c.date(p.endDate, ["project", "endDate"]);
    if (p.startDate && p.endDate && p.endDate < p.startDate) {
      c.add(["project", "endDate"], "end_before_start", { start: p.startDate, end: p.endDate });
    }
  }
  const e = plan.entity;
  if (e) {
    c.identifiers(e.identifiers, ["entity", "identifiers"], v.organisationIdentifierTypes);
    c.richText(e.description, ["entity", "description"]);
    c.date(e.creationDate, ["entity", "creationDate"]);
    e.supervisors.forEach((org, i) => {
      c.organisation(org, ["entity", "supervisors", i]);
    });
  }
}

function checkPersons(plan: Plan, c: ProblemCollector): void {
  for (const [key, person] of Object.entries(plan.persons)) {
    const at = ["persons", key];
    if (person.id !== key) c.add([...at, "id"], "id_mismatch", { id: person.id, key });
    c.email(person.email, [...at, "email"]);
    c.identifiers(person.identifiers, [...at, "identifiers"], v.personIdentifierTypes);
    person.affiliations.forEach((org, i) => {
      c.organisation(org, [...at, "affiliations", i]);
    });
  }
}

function checkContributions(plan: Plan, c: ProblemCollector): void {
  for (const [key, contribution] of Object.entries(plan.contributions)) {
    const at = ["contributions", key];
    if (contribution.id !== key) c.add([...at, "id"], "id_mismatch", { id: contribution.id, key });
    if (!Object.hasOwn(plan.persons, contribution.personId)) {
      c.add([...at, "personId"], "unknown_person", { id: contribution.personId });
    }
    c.code(v.contributorRoles, contribution.role, [...at, "role"]);
    if (contribution.scope === "output") {
      if (contribution.outputId === undefined) {
        c.add([...at, "outputId"], "output_scope_mismatch", { scope: contribution.scope });
      } else if (!Object.hasOwn(plan.outputs, contribution.outputId)) {
        c.add([...at, "outputId"], "unknown_output", { id: contribution.outputId });
      }
    } else if (contribution.outputId !== undefined) {
      c.add([...at, "outputId"], "output_scope_mismatch", { scope: contribution.scope });
    }
  }
}

function checkOutputs(plan: Plan, c: ProblemCollector): void {
  const byShortName = new Map<string, string>();
  for (const [key, output] of Object.entries(plan.outputs)) {
    const at = ["outputs", key];
    if (output.id !== key) c.add([...at, "id"], "id_mismatch", { id: output.id, key });
    c.code(v.outputTypes, output.type, [...at, "type"]);
    c.richText(output.description, [...at, "description"]);
    const name = output.shortName.trim().toLowerCase();
    const other = byShortName.get(name);
    if (other !== undefined) {
      c.add([...at, "shortName"], "duplicate_short_name", { shortName: output.shortName, other });
    } else {
      byShortName.set(name, key);
    }
  }
}
