import type { Plan } from "./plan.js";
import { planSchema } from "./plan.js";
import { type Problem, problemsFromZod } from "./problems.js";
import type { Template } from "./template.js";
import { answerScopes, checkAnswer } from "./validate-answers.js";
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
  return checkPlanRulesSince(undefined, plan, context).problems;
}

/** What a part of the rules found, and the values it read (what it found changes only with them). */
interface CheckedPart {
  readonly inputs: readonly unknown[];
  readonly problems: readonly Problem[];
  /** The answers of a scope: what each answer's check found, by question id. */
  readonly answers?: ReadonlyMap<string, CheckedPart>;
}

/**
 * What checkPlanRules found in a plan, part by part, so that a later revision of it is checked
 * again only where it changed (checkPlanRulesSince).
 */
export interface PlanRulesCheck {
  readonly problems: Problem[];
  readonly context: { readonly vocabularies: VocabularySet; readonly template: Template | undefined };
  readonly parts: ReadonlyMap<string, CheckedPart>;
}

const sameInputs = (part: CheckedPart | undefined, inputs: readonly unknown[]): boolean =>
  part !== undefined && part.inputs.length === inputs.length && part.inputs.every((x, i) => x === inputs[i]);

/**
 * checkPlanRules on `plan`, reusing what `previous` (the check of an earlier revision of the plan)
 * found in the parts of the plan the edits since did not replace: each part of the rules reads only
 * some members of the plan (its inputs), and a part whose inputs are the very same values as then
 * finds the same problems. Both plans must be immutable (edits copy what they change, see
 * applyCopyOnWrite): values are compared by identity. The result is the same as checkPlanRules's,
 * in the same order.
 */
export function checkPlanRulesSince(
  previous: PlanRulesCheck | undefined,
  plan: Plan,
  context: ValidationContext,
): PlanRulesCheck {
  const header = new ProblemCollector(context.vocabularies);
  const template = resolveTemplate(plan, context, header);
  header.code(v.languages, plan.language, ["language"]);
  const reusable =
    previous?.context.vocabularies === context.vocabularies && previous.context.template === template
      ? previous.parts
      : undefined;
  const parts = new Map<string, CheckedPart>();
  const problems = [...header.problems];
  const checked = (inputs: readonly unknown[], check: (c: ProblemCollector) => void): CheckedPart => {
    const c = new ProblemCollector(context.vocabularies);
    check(c);
    return { inputs, problems: c.problems };
  };
  const part = (name: string, inputs: readonly unknown[], check: (c: ProblemCollector) => void) => {
    const before = reusable?.get(name);
    const found = before && sameInputs(before, inputs) ? before : checked(inputs, check);
    parts.set(name, found);
    problems.push(...found.problems);
  };
  part("details", [plan.details, plan.persons], (c) => checkDetails(plan, c));
  part("project", [plan.project, plan.entity], (c) => checkProject(plan, c));
  part("persons", [plan.persons], (c) => checkPersons(plan, c));
  part("contributions", [plan.contributions, plan.persons, plan.outputs], (c) => checkContributions(plan, c));
  part("outputs", [plan.outputs], (c) => checkOutputs(plan, c));
  if (!template) return { problems, context: { vocabularies: context.vocabularies, template }, parts };
  // The answers of each scope are a part, and each answer within it (checkAnswer reads the answer's
  // value and the plan's persons; the rest of what it depends on is in the part's name).
  for (const { scope, answers, base } of answerScopes(plan)) {
    const name = scope === "plan" ? "answers" : `answers of output ${base[1]}`;
    const inputs = [answers, plan.persons];
    const before = reusable?.get(name);
    if (before && sameInputs(before, inputs)) {
      parts.set(name, before);
      problems.push(...before.problems);
      continue;
    }
    const earlier = before?.inputs[1] === plan.persons ? before.answers : undefined;
    const each = new Map<string, CheckedPart>();
    const found: Problem[] = [];
    for (const [questionId, value] of Object.entries(answers)) {
      const was = earlier?.get(questionId);
      const answer =
        was && was.inputs[0] === value
          ? was
          : checked([value], (c) =>
              checkAnswer(template, scope, questionId, value, [...base, questionId], plan, c),
            );
      each.set(questionId, answer);
      found.push(...answer.problems);
    }
    parts.set(name, { inputs, problems: found, answers: each });
    problems.push(...found);
  }
  return { problems, context: { vocabularies: context.vocabularies, template }, parts };
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
